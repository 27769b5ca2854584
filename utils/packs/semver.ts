/**
 * Just enough semantic-version handling to tell "newer" from "older" (subscriptions
 * never go backwards) and to bump the local pack's version on each save.
 */
function parts(version: string): { core: number[]; pre: string | null } | null {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?$/.exec(version.trim());
  if (!match) return null;
  return { core: [Number(match[1]), Number(match[2]), Number(match[3])], pre: match[4] ?? null };
}

/** Negative when a is older than b, positive when newer, 0 when equal (or not comparable). */
export function compareVersions(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  if (!pa || !pb) return 0;
  for (let i = 0; i < 3; i++) {
    const diff = pa.core[i]! - pb.core[i]!;
    if (diff !== 0) return diff;
  }
  // A pre-release (1.0.0-beta) comes before its release (1.0.0).
  if (pa.pre === pb.pre) return 0;
  if (pa.pre === null) return 1;
  if (pb.pre === null) return -1;
  return pa.pre.localeCompare(pb.pre, 'en', { numeric: true });
}

export function bumpPatch(version: string): string {
  const p = parts(version);
  if (!p) return '1.0.0';
  return `${p.core[0]}.${p.core[1]}.${p.core[2]! + 1}`;
}
