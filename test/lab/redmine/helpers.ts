/**
 * What the Redmine journey and teach spec do the same way: sign in, the week the lab's history
 * ends, the console's own record of the last activity request, and captured rows compared
 * with Redmine's API.
 */
import type { Frame, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '../../e2e/fixtures';
import { AGENT, ORIGIN, WORK_DIR, activityRequests, type ActivityEvent, type ActivityRequest } from './truth';

export const ACTIVITY_URL = `${ORIGIN}/projects/billing/activity`;

/** The day the lab was seeded (its history is counted back from then). */
export function seededOn(): string {
  return (JSON.parse(readFileSync(join(WORK_DIR, 'seeded.json'), 'utf8')) as { seededOn: string }).seededOn;
}

/** `days` before the day the lab was seeded (YYYY-MM-DD). */
export function daysBeforeSeed(days: number): string {
  return new Date(Date.parse(`${seededOn()}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/** The last day the runbook looks at: a week before the day the lab was seeded. */
export function lastDay(): string {
  return daysBeforeSeed(7);
}

export async function signIn(page: Page): Promise<void> {
  await page.goto(`${ORIGIN}/login?back_url=${encodeURIComponent(ACTIVITY_URL)}`);
  await page.locator('#username').fill(AGENT.login);
  await page.locator('#password').fill(AGENT.password);
  await page.locator('#login-submit').click();
  await page.waitForURL(`${ACTIVITY_URL}*`);
  await expect(page.locator('#loggedas')).toContainText(AGENT.login);
}

/** The activity page's last request by the signed-in agent. */
export function lastRequest(): ActivityRequest {
  const mine = activityRequests().filter((r) => r.user === AGENT.login);
  expect(mine.length, 'Redmine should have answered an activity request from the agent').toBeGreaterThan(0);
  return mine.at(-1)!;
}

export interface SeenRow {
  time: string;
  actor: string;
  action: string;
  target?: string;
}

/** Captured rows vs the events the API says the pages hold, one for one, in the page's order (soft: reported, and the journey goes on). */
export function expectRowsEqual(captured: SeenRow[], truth: ActivityEvent[], what: string): void {
  expect.soft(captured.length, `${what}: rows captured vs Redmine's API`).toBe(truth.length);
  const n = Math.min(captured.length, truth.length);
  const expected = truth.slice(0, n).map((e) => ({ time: e.time.slice(0, 16), actor: e.author, action: e.type, ...(captured[0]?.target !== undefined ? { target: e.target } : {}) }));
  const seen = captured.slice(0, n).map((r) => ({ time: r.time ? new Date(r.time).toISOString().slice(0, 16) : '', actor: r.actor, action: r.action, ...(r.target !== undefined ? { target: r.target } : {}) }));
  expect.soft(seen, `${what}: each row's time (UTC, minute), person, event type${captured[0]?.target !== undefined ? ' and target' : ''} vs Redmine's API`).toEqual(expected);
}

/** The rows of the panel's `nth` capture (negative: from the last). */
export async function capturedRows(panel: Frame, nth: number): Promise<SeenRow[]> {
  const captures = panel.locator('.capture');
  return (nth < 0 ? captures.nth((await captures.count()) + nth) : captures.nth(nth))
    .getByTestId('captured-row')
    .evaluateAll((items) => items.map((li) => ({ time: li.getAttribute('data-time') ?? '', actor: li.getAttribute('data-actor') ?? '', action: li.getAttribute('data-action') ?? '' })));
}
