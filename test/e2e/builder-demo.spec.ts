import type { Frame, Locator, Page } from '@playwright/test';
import { captureInNewCase, expect, panelFrame, pointAt, test } from './fixtures';
import { dbRecords } from './security-helpers';

/**
 * Issue 14 "Done when", on the bundled demo console (Acme Admin): a page Trailguide already
 * knows through the built-in pack is taught again by a person's clicks (the panel's "Teach
 * Trailguide this page" under the runbook list), and the taught adapter's capture must equal
 * the console's own data — its JSON API, asked with the filters the console's address shows —
 * for actor, event and time, row for row; after the console re-renders its table (a new
 * search) it still must; and a column picked wrong on purpose fails the live test by name,
 * with Save asking the person to read the failures first.
 *
 * Times: the demo shows each row's time to the second ("2026-11-29 13:37:05") and carries the
 * full instant in `time[datetime]`; the capture is compared to the API's instant to the second.
 */
const SHOTS = process.env.BUILDER_SHOTS_DIR ?? '/tmp';
/** Story (a) of demo/README.md: Dana's own sign-ins and the settings change done to her account. */
const DANA = 'dana.whitfield@northwind.example';

interface DemoEvent {
  id: string;
  time: string;
  actor: string;
  action: string;
}
interface Row {
  time: string;
  actor: string;
  action: string;
}

function column(panel: Frame, name: string): Locator {
  return panel.locator(`[data-testid="live-test-column"][data-column="${name}"]`);
}

/** What the console's own API answers for the filters its address shows now (its first page, as the table shows). */
async function consoleTruth(page: Page, demoUrl: string): Promise<{ total: number; ids: string[]; rows: Row[] }> {
  const shown = new URL(page.url());
  const api = new URL(`${demoUrl}/api/events`);
  for (const name of ['q', 'actor', 'action', 'from', 'to', 'page']) {
    const value = shown.searchParams.get(name);
    if (value) api.searchParams.set(name, value);
  }
  const body = (await (await fetch(api)).json()) as { total: number; events: DemoEvent[] };
  const ids = body.events.map((e) => e.id);
  // The table shows exactly these events (not an earlier search's, still on screen).
  const table = page.locator('table.audit-table tbody tr[data-event-id]');
  await expect.poll(() => table.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-event-id')))).toEqual(ids);
  return { total: body.total, ids, rows: body.events.map((e) => ({ time: toSecond(e.time), actor: e.actor, action: e.action })) };
}

function toSecond(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? `unreadable: ${iso}` : new Date(Math.floor(t / 1000) * 1000).toISOString();
}

/** The open runbook's capture, done, in a case of its own; times to the second. */
async function capture(panel: Frame): Promise<Row[]> {
  const rows = await captureInNewCase(panel);
  await expect(panel.getByTestId('step').nth(1)).toHaveAttribute('data-state', 'done');
  return rows.map((row) => ({ ...row, time: row.time ? toSecond(row.time) : '' }));
}

test('the demo console, taught by clicking: the capture equals the console’s own data, through a re-render; a wrong column fails the live test', async ({ page, demoUrl, serviceWorker }) => {
  test.setTimeout(180_000);
  await page.goto(`${demoUrl}/audit`);
  const rows = page.locator('table.audit-table tbody tr[data-event-id]');
  await expect(rows).toHaveCount(50);

  // The demo is known already (the built-in pack): the panel is there, and teaches from under its runbook list.
  const panel = await panelFrame(page);
  await expect(panel.getByTestId('panel-tool')).toHaveText('Acme Admin audit log (demo console)');
  await panel.getByTestId('teach-page').click();
  await expect(panel.getByTestId('builder-step')).toHaveCount(12);

  const third = rows.nth(2);
  const picks: [role: string, target: Locator][] = [
    ['search', page.getByRole('searchbox', { name: 'Search events' })],
    ['since', page.getByLabel('From', { exact: true })],
    ['until', page.getByLabel('To', { exact: true })],
    ['submit', page.getByRole('button', { name: 'Apply filters' })],
    ['row', third.locator('td.col-target')],
    // On purpose, the wrong cell for the time: what the event was done to.
    ['col-time', third.locator('td.col-target')],
    ['col-actor', third.locator('td.col-actor')],
    ['col-action', third.locator('td.col-action code')],
  ];
  for (const [role, target] of picks) await pointAt(panel, page, role, target);

  await panel.getByTestId('builder-test').click();
  await expect(column(panel, 'time')).toHaveAttribute('data-verdict', 'wrong');
  await expect(column(panel, 'time').getByTestId('live-test-reason')).toContainText('None of the 50 rows has a time Trailguide can read');
  await expect(column(panel, 'actor')).toHaveAttribute('data-verdict', 'works');
  await expect(column(panel, 'action')).toHaveAttribute('data-verdict', 'works');
  await expect(panel.getByTestId('live-test-report')).toHaveAttribute('data-ok', 'false');
  await expect(panel.getByTestId('live-test-summary')).toContainText('the time column is wrong');
  await panel.getByTestId('builder-name').fill('Acme taught');
  await panel.getByTestId('builder-save').click();
  const problems = panel.getByTestId('builder-save-problems');
  await expect(problems.getByTestId('builder-save-problem')).toHaveCount(1);
  await expect(problems.getByTestId('builder-save-problem')).toContainText('Time: wrong');
  await expect(panel.getByRole('status').filter({ hasText: 'Saved' })).toHaveCount(0);
  await problems.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/builder-demo-wrong.png` });

  // The time picked right, and now the person on purpose under "Target": its values are
  // e-mail addresses too, so only its heading gives it away — worth a second look, by name.
  await pointAt(panel, page, 'col-time', third.locator('td.col-time time'));
  await pointAt(panel, page, 'col-actor', third.locator('td.col-target'));
  await panel.getByTestId('builder-test').click();
  await expect(column(panel, 'time')).toHaveAttribute('data-verdict', 'works');
  await expect(column(panel, 'actor')).toHaveAttribute('data-verdict', 'doubtful');
  await expect(column(panel, 'actor').getByTestId('live-test-reason')).toContainText('It reads the column headed “Target”, which usually holds what the event was done to, not who did it.');
  await expect(panel.getByTestId('live-test-summary')).not.toContainText('every column reads what it should');
  await panel.getByTestId('live-test-report').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/builder-demo-doubtful.png` });

  // Picked right: every column works, and Save saves without asking.
  await pointAt(panel, page, 'col-actor', third.locator('td.col-actor'));
  await panel.getByTestId('builder-test').click();
  await expect(panel.getByTestId('live-test-report')).toHaveAttribute('data-ok', 'true');
  for (const name of ['time', 'actor', 'action']) await expect(column(panel, name)).toHaveAttribute('data-verdict', 'works');
  await expect(panel.getByRole('status').filter({ hasText: /Found \d+ rows/ })).toContainText('Found 50 rows');
  await panel.getByTestId('builder-save').click();
  await expect(panel.getByTestId('builder-save-problems')).toHaveCount(0);
  await expect(panel.getByRole('status').filter({ hasText: 'Saved' })).toContainText('My runbooks');
  await page.screenshot({ path: `${SHOTS}/builder-demo-saved.png` });

  type Saved = { pack: { adapters: { id: string; results?: { columns: Record<string, { header?: string; selectors?: string[] }> } }[] } };
  const taught = (await dbRecords<Saved>(serviceWorker, 'packs')).flatMap((p) => p.pack.adapters).find((a) => a.id === 'acme-taught');
  expect(taught, 'the taught adapter should be saved in My runbooks').toBeDefined();

  // The page again: the taught adapter now reads it (the person's newest choice).
  await page.reload();
  const known = await panelFrame(page);
  await expect(known.getByTestId('panel-tool')).toHaveText('Acme taught');
  await known.locator('[data-runbook-id="cant-find-the-event"]').click();
  await expect(known.getByTestId('runbook-title')).toBeVisible();
  await known.getByTestId('input-what').fill('My settings changed');
  await known.getByTestId('input-email').fill(DANA);
  const fill = known.getByTestId('step').nth(0);
  await fill.getByTestId('step-action').click();
  await expect(fill).toHaveAttribute('data-state', 'done');
  await expect(page.getByRole('searchbox', { name: 'Search events' })).toHaveValue(DANA);
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(DANA);
  await expect(page.locator('#audit-results')).toHaveAttribute('data-state', 'ready');

  const truth = await consoleTruth(page, demoUrl);
  expect(truth.total, 'Dana has events in the last week (demo story a)').toBeGreaterThan(0);
  expect(await capture(known)).toEqual(truth.rows);

  // The console re-renders its table: a new search typed into its own box.
  const firstId = await rows.first().getAttribute('data-event-id');
  await page.getByRole('searchbox', { name: 'Search events' }).fill('account.settings_changed');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('account.settings_changed');
  await expect(page.locator('#audit-results')).toHaveAttribute('data-state', 'ready');
  await expect(rows.first()).not.toHaveAttribute('data-event-id', firstId ?? '');
  const after = await consoleTruth(page, demoUrl);
  expect(after.total).toBeGreaterThan(0);
  expect(after.rows.every((row) => row.action === 'account.settings_changed')).toBe(true);
  expect(await capture(known)).toEqual(after.rows);
  await page.screenshot({ path: `${SHOTS}/builder-demo-captured.png` });

  // And a page change: every event, its second page of 50 rebuilt in the same table.
  await page.getByTestId('clear-filters').click();
  await expect.poll(() => new URL(page.url()).searchParams.get('q') ?? '').toBe('');
  await expect(page.getByTestId('page-indicator')).toContainText('Page 1 of');
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByTestId('page-indicator')).toContainText('Page 2 of');
  await expect(page.locator('#audit-results')).toHaveAttribute('data-state', 'ready');
  expect(new URL(page.url()).searchParams.get('page')).toBe('2');
  const second = await consoleTruth(page, demoUrl);
  expect(second.rows).toHaveLength(50);
  expect(await capture(known)).toEqual(second.rows);
});
