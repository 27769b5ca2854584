import { browser } from 'wxt/browser';

/**
 * Sends a message to the background and returns its reply. A reply of
 * `{ error }` (plain words from the background) becomes a thrown Error with that
 * message, so callers can show it as it is.
 */
export async function ask<T>(message: { type: string; [key: string]: unknown }): Promise<T> {
  let reply: unknown;
  try {
    reply = await browser.runtime.sendMessage(message);
  } catch {
    throw new Error('Trailguide stopped responding for a moment. Reload the page and try again — nothing you saved is lost.');
  }
  if (reply === undefined || reply === null) {
    throw new Error('Trailguide did not understand that request. Reload the page; if it keeps happening, update the extension.');
  }
  const error = (reply as { error?: unknown }).error;
  if (typeof error === 'string') throw new Error(error);
  return reply as T;
}

export function errorText(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'Something went wrong. Please try again.';
}
