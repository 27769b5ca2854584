import { browser } from 'wxt/browser';

/**
 * Talks to the background. Its replies are either data or { error } in plain
 * words; an error becomes a thrown Error whose message can be shown as is.
 */
export async function ask<T>(message: { type: string } & Record<string, unknown>): Promise<T> {
  let reply: unknown;
  try {
    reply = await browser.runtime.sendMessage(message);
  } catch {
    throw new Error('Trailguide’s background part did not answer. Reload this page; if it keeps happening, restart the browser.');
  }
  if (reply && typeof reply === 'object' && 'error' in reply && typeof (reply as { error: unknown }).error === 'string') {
    throw new Error((reply as { error: string }).error);
  }
  if (reply === undefined) throw new Error('Trailguide did not understand this request. Reload this page and try again.');
  return reply as T;
}

export function errorText(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'Something went wrong. Nothing was changed; please try again.';
}

/** Hands text to the browser as a file download, without any network request. */
export function downloadText(fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function formatWhen(timestamp: number | null): string {
  if (!timestamp) return 'never';
  return new Date(timestamp).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
