import { findDayHeading } from './sentence-page';
import { TIME_OF_DAY } from './sentence';

/**
 * A time cell that shows only the time of day ("03:28 PM") under a day heading ("11/27/2026",
 * Redmine's activity): the heading's selectors, so the taught time column reads the day from
 * it (the format's `heading` on a column). Undefined when the cell says more than a time of
 * day, or when not every row has a day heading above it.
 */
export function isTimeOfDay(text: string): boolean {
  return TIME_OF_DAY.test(text.replace(/\s+/g, ' ').trim());
}

export function dayHeadingFor(rows: Element[], cellText: string): string[] | undefined {
  if (!isTimeOfDay(cellText)) return undefined;
  return findDayHeading(rows)?.selectors;
}
