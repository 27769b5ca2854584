import type { PackSource } from '../db/database';

/** How a pack's origin is said to someone who is not an engineer. */
export const SOURCE_WORDS: Record<PackSource, string> = {
  builtin: 'Built into Trailguide',
  file: 'Imported from a file',
  url: 'Subscribed by address',
  managed: 'Set by your organisation',
  local: 'Written here',
};

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
