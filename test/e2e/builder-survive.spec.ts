import type { Frame, Page } from '@playwright/test';
import { startGridServer, type GridServer } from '../fixtures/consoles/grid/server.mjs';
import { captureInNewCase, expect, panelFrame, showPanelLikeTheToolbar, test, type CapturedRow } from './fixtures';
import { teachOpsGrid } from './ops-grid';
import { dbRecords } from './security-helpers';

/**
 * Issue 14 §1 on the "Ops grid" fixture (test/fixtures/consoles/grid): a console rendered
 * like a Vue app — data-v-<hash> on every element, ids generated anew on each render,
 * cells nested div > div > div > span with field="user"-style keys, and a "Columns" menu
 * that reorders the columns and remembers the order in localStorage. A person teaches it by
 * clicking; the taught adapter must read actor, event and time exactly as the console's own
 * data says — before and after the columns are moved and the page reloaded — and, with a
 * column's header gone, say so instead of reading another column.
 */
const SHOTS = process.env.BUILDER_SHOTS_DIR ?? '/tmp';

interface GridEvent {
  id: string;
  time: string;
  user: string;
  event: string;
}

let grid: GridServer;
test.beforeAll(async () => {
  grid = await startGridServer();
});
test.afterAll(async () => {
  await grid?.close();
});

const gridData = (page: Page) => page.evaluate(() => (window as unknown as { __grid: { data: GridEvent[] } }).__grid.data);
const gridOrder = (page: Page) => page.evaluate(() => (window as unknown as { __grid: { order(): string[] } }).__grid.order());

/** Opens the "can't find the event" runbook and runs its capture step; returns the captured rows as the panel shows them. */
async function captureWith(page: Page): Promise<{ panel: Frame; rows: CapturedRow[] }> {
  const panel = await panelFrame(page);
  await expect(panel.getByTestId('panel-tool')).toHaveText('Ops grid');
  const opened = panel.getByTestId('runbook-title');
  if (!(await opened.isVisible())) await panel.locator('[data-runbook-id="cant-find-the-event"]').click();
  await expect(opened).toBeVisible();
  return { panel, rows: await captureInNewCase(panel) };
}

test('a person teaches a Vue-rendered grid; its columns are kept by header through a reorder and a reload', async ({ page, serviceWorker }) => {
  test.setTimeout(150_000);
  await page.goto(`${grid.url}/ops/log`);
  const rows = page.locator('tr.el-table__row');
  await expect(rows).toHaveCount(12);
  expect(await gridOrder(page)).toEqual(['time', 'event', 'target', 'user', 'ip']);

  await showPanelLikeTheToolbar(serviceWorker);
  const panel = await panelFrame(page);
  await panel.getByTestId('teach-page').click();

  await teachOpsGrid(panel, page);
  // Each column says it is kept by its header.
  for (const [role, header] of [['col-time', 'Time'], ['col-actor', 'User'], ['col-action', 'Event']]) {
    await expect(panel.locator(`[data-testid="builder-step"][data-role="${role}"]`).locator('xpath=..').getByTestId('builder-how')).toHaveAttribute('data-header', header!);
  }
  await page.screenshot({ path: `${SHOTS}/builder-survive-picked.png` });

  // The page re-renders (new generated ids, same hashes): the picks still find their elements.
  await page.getByRole('button', { name: 'Refresh' }).click();
  await panel.getByTestId('builder-test').click();
  await expect(panel.getByRole('status').filter({ hasText: /Found \d+ rows/ })).toContainText('Found 12 rows');

  await panel.getByTestId('builder-name').fill('Ops grid');
  await panel.getByTestId('builder-save').click();
  await expect(panel.getByRole('status').filter({ hasText: 'Saved' })).toContainText('My runbooks');

  // What was saved: rows without the build hash, columns by their header, no position anywhere.
  type Saved = { pack: { adapters: { id: string; results?: { row: string[]; columns: Record<string, { header?: string; selectors?: string[] }> } }[] } };
  const packs = await dbRecords<Saved>(serviceWorker, 'packs');
  const taught = packs.flatMap((p) => p.pack.adapters).find((a) => a.id === 'ops-grid');
  expect(taught?.results?.row.length).toBeGreaterThan(0);
  expect(Object.fromEntries(Object.entries(taught!.results!.columns).map(([name, column]) => [name, column.header]))).toEqual({ time: 'Time', actor: 'User', action: 'Event' });
  const everySelector = JSON.stringify(taught);
  expect(everySelector).not.toMatch(/data-v-|nth-child|el-id-|column_\d/);

  const data = await gridData(page);
  const expected = data.map((d) => ({ actor: d.user, action: d.event, time: d.time }));

  await page.reload();
  const before = await captureWith(page);
  expect(before.rows).toEqual(expected);

  // The person moves the columns (the console remembers the order), then reloads.
  await page.getByRole('button', { name: 'Columns' }).click();
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Move User left' }).click();
  await page.getByRole('button', { name: 'Move Event right' }).click();
  await page.getByRole('button', { name: 'Move Time right' }).click();
  const moved = await gridOrder(page);
  expect(moved).toEqual(['user', 'target', 'time', 'event', 'ip']);
  await page.reload();
  await expect(rows).toHaveCount(12);
  expect(await gridOrder(page)).toEqual(moved);
  // The cell under the fourth header is now an event, where the person first clicked a user.
  await expect(rows.first().locator('td').nth(3)).toHaveAttribute('field', 'event');
  await page.screenshot({ path: `${SHOTS}/builder-survive-moved.png` });

  const after = await captureWith(page);
  expect(after.rows).toEqual(expected);

  // Control: the console renames the User column. The capture says the column is gone
  // and leaves the actor empty — it doesn't read the column that is now in its place.
  await page.evaluate(() => {
    const span = Array.from(document.querySelectorAll('th span')).find((s) => s.textContent === 'User')!;
    span.textContent = 'Performed by';
  });
  const renamed = await captureWith(page);
  expect(renamed.rows).toEqual(expected.map((row) => ({ ...row, actor: '' })));
  await expect(renamed.panel.getByTestId('step').nth(1)).toContainText('The actor column is read under the heading “User”, and no column on the page is headed that way now');
  // Rows that never say who did it are kept, but the capture is not Done.
  await expect(renamed.panel.getByTestId('step').nth(1)).toHaveAttribute('data-state', 'failed');
  await expect(renamed.panel.getByTestId('step').nth(1)).toContainText('Partly done — captured 12 rows, but the');
  await page.screenshot({ path: `${SHOTS}/builder-survive-header-gone.png` });
});
