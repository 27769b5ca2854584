import { browser } from 'wxt/browser';

/** Said when the background cannot be reached (it restarted, or the extension was updated). */
export const BACKGROUND_UNREACHABLE =
  'Trailguide could not reach its background service. Nothing was lost. Reload this page and try again.';

/**
 * The one way extension pages (panel, options) talk to the background. A reply of
 * `{ error }` (plain words from the background) becomes a thrown Error with that
 * message, so callers can show it as it is. `null` is a valid reply ("not found");
 * no reply at all means nobody answered.
 */
export async function ask<T>(message: { type: string; [key: string]: unknown }): Promise<T> {
  let reply: unknown;
  try {
    reply = await browser.runtime.sendMessage(message);
  } catch {
    throw new Error(BACKGROUND_UNREACHABLE);
  }
  if (reply === undefined) throw new Error(BACKGROUND_UNREACHABLE);
  const error = (reply as { error?: unknown } | null)?.error;
  if (typeof error === 'string') throw new Error(error);
  return reply as T;
}

export function errorText(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'Something went wrong. Nothing was changed; please try again.';
}
