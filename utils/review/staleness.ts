/**
 * Whether a runbook or an adapter is due for review: its `reviewed` date plus
 * `reviewEvery` against a clock the caller passes in (so tests choose "today").
 * Pure. Dates are whole days in UTC, as written in the pack ("2026-11-19").
 */
export interface Reviewable {
  owner?: string | undefined;
  reviewed?: string | undefined;
  reviewEvery?: string | undefined;
}

export type ReviewStatus =
  /** Nothing to say: no owner, no date, no interval. */
  | { state: 'none' }
  /** Owned, never dated and no interval: "Looked after by …". */
  | { state: 'owned'; owner: string }
  | { state: 'fresh'; owner?: string; daysAgo: number; everyDays?: number }
  /** Past its interval, or an interval with no review date at all (daysAgo null). */
  | { state: 'due'; owner?: string; daysAgo: number | null; everyDays: number; reviewed?: string };

const DAY_MS = 86_400_000;

/** "90d" → 90, "12w" → 84; undefined for anything else. */
export function intervalDays(every: string | undefined): number | undefined {
  const match = /^(\d{1,4})([dw])$/.exec(every ?? '');
  if (!match) return undefined;
  return Number(match[1]) * (match[2] === 'w' ? 7 : 1);
}

function dayNumber(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

export function reviewStatus(item: Reviewable, now: number): ReviewStatus {
  const owner = item.owner?.trim() || undefined;
  const everyDays = intervalDays(item.reviewEvery);
  const reviewedMs = item.reviewed ? Date.parse(`${item.reviewed}T00:00:00Z`) : Number.NaN;
  const withOwner = owner ? { owner } : {};
  if (Number.isNaN(reviewedMs)) {
    if (everyDays !== undefined) return { state: 'due', ...withOwner, daysAgo: null, everyDays };
    return owner ? { state: 'owned', owner } : { state: 'none' };
  }
  // A date in the future (a clock that is behind) counts as today rather than "in 3 days".
  const daysAgo = Math.max(0, dayNumber(now) - dayNumber(reviewedMs));
  if (everyDays !== undefined && daysAgo > everyDays) return { state: 'due', ...withOwner, daysAgo, everyDays, reviewed: item.reviewed! };
  return { state: 'fresh', ...withOwner, daysAgo, ...(everyDays !== undefined ? { everyDays } : {}) };
}

export function daysAgoText(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

/** The line the panel shows under a runbook's title, or null when there is nothing to say. */
export function reviewSentence(status: ReviewStatus): string | null {
  switch (status.state) {
    case 'none':
      return null;
    case 'owned':
      return `Looked after by ${status.owner}`;
    case 'fresh':
      return `Reviewed ${daysAgoText(status.daysAgo)}${status.owner ? ` by ${status.owner}` : ''}`;
    case 'due':
      return `Due for review — tell ${status.owner ?? 'your team lead'} if something is wrong`;
  }
}

/** Why it is due, for the line under the notice and the options page: "Last reviewed on 2026-08-03 (120 days ago); it should be reviewed every 90 days." */
export function dueDetail(status: Extract<ReviewStatus, { state: 'due' }>): string {
  const every = `it should be reviewed every ${status.everyDays} days`;
  if (status.daysAgo === null) return `It has no review date; ${every}.`;
  return `Last reviewed on ${status.reviewed} (${status.daysAgo.toLocaleString('en')} days ago); ${every}.`;
}

/** "2026-12-01": today's date as a pack writes it (UTC). */
export function todayIso(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}
