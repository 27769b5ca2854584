import { expect, panelFrame, test } from './fixtures';
import type { Frame, Page } from '@playwright/test';
import { dbRecords } from './security-helpers';

const DANA = 'dana.whitfield@northwind.example';

async function openSettingsRunbook(page: Page, url: string): Promise<Frame> {
  await page.goto(url);
  const panel = await panelFrame(page);
  await panel.locator('[data-runbook-id="settings-changed-without-permission"]').click();
  await expect(panel.getByTestId('runbook-title')).toBeVisible();
  return panel;
}

test('a fill step drives the console’s own filters, and capture lists the rows with explanations', async ({ page, demoUrl }) => {
  const panel = await openSettingsRunbook(page, `${demoUrl}/audit`);
  await panel.getByTestId('input-email').fill(DANA);

  const fill = panel.getByTestId('step').nth(0);
  await fill.getByTestId('step-action').click();
  await expect(fill).toHaveAttribute('data-state', 'done');

  // The console itself changed: its address, its inputs and its results.
  await expect(page).toHaveURL(/action=account\.settings_changed/);
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(DANA).replace(/\./g, '\\.')}`));
  await expect(page.locator('input[name="q"]')).toHaveValue(DANA);
  const rows = page.locator('table.audit-table tbody tr[data-event-id]');
  await expect(rows.first()).toBeVisible();
  await expect(page.locator('td.col-action code').first()).toHaveText('account.settings_changed');

  const capture = panel.getByTestId('step').nth(1);
  await capture.getByTestId('step-action').click();
  await expect(capture).toHaveAttribute('data-state', 'done');
  const captured = panel.getByTestId('captured-row');
  await expect(captured.first()).toBeVisible();
  expect(await captured.count()).toBe(await rows.count());
  await expect(captured.first()).toHaveAttribute('data-action', 'account.settings_changed');
  await expect(captured.first()).toHaveAttribute('data-time', /^\d{4}-\d{2}-\d{2}T/);
  await expect(panel.getByTestId('row-explanation').first()).toContainText("changed the account's settings");
  await expect(panel.getByTestId('row-explanation').first()).toContainText(DANA);
});

test('a fill step waits for a slow console (?latency=1500)', async ({ page, demoUrl }) => {
  const panel = await openSettingsRunbook(page, `${demoUrl}/audit?latency=1500`);
  await panel.getByTestId('input-email').fill(DANA);
  await panel.getByTestId('step').nth(0).getByTestId('step-action').click();
  await expect(panel.getByTestId('step').nth(0)).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  await panel.getByTestId('step').nth(1).getByTestId('step-action').click();
  await expect(panel.getByTestId('step').nth(1)).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  await expect(panel.getByTestId('captured-row').first()).toHaveAttribute('data-action', 'account.settings_changed');
  await expect(page).toHaveURL(/latency=1500/);
});

test('capture reads the second page of results too', async ({ page, demoUrl }) => {
  await page.goto(`${demoUrl}/audit?action=user.login&page=2`);
  const panel = await panelFrame(page);
  await panel.locator('[data-runbook-id="compliance-access-history"]').click();
  const firstRowId = await page.locator('table.audit-table tbody tr[data-event-id]').first().getAttribute('data-event-id');
  expect(firstRowId).toBeTruthy();
  // Step 2 captures (up to 5,000 rows across pages) without filling first.
  await panel.getByTestId('step').nth(1).getByTestId('step-action').click();
  await expect(panel.getByTestId('step').nth(1)).toHaveAttribute('data-state', 'done', { timeout: 45_000 });
  const count = await panel.getByTestId('captured-row').count();
  expect(count).toBeGreaterThan(0);
  await expect(panel.getByTestId('captured-row').first()).toHaveAttribute('data-action', 'user.login');
  await expect(panel.getByRole('status').filter({ hasText: /Captured/ })).toContainText(/pages/);
  // The console was paged forward while reading: the panel says where it was left.
  await expect(panel.getByTestId('step').nth(1)).toContainText('go back to its first page first');
});

test('a step that needs inputs says what is missing instead of running', async ({ page, demoUrl }) => {
  const panel = await openSettingsRunbook(page, `${demoUrl}/audit`);
  const before = page.url();
  await panel.getByTestId('step').nth(0).getByTestId('step-action').click();
  await expect(panel.getByRole('alert').first()).toContainText(/Fill in the details above|Enter customer/);
  await expect(panel.getByText("Enter customer's email address.")).toBeVisible();
  expect(page.url()).toBe(before);
});

test('step progress and inputs survive a page reload', async ({ page, demoUrl, serviceWorker }) => {
  const panel = await openSettingsRunbook(page, `${demoUrl}/audit`);
  await panel.getByTestId('input-email').fill(DANA);
  await panel.getByTestId('step').nth(2).getByRole('checkbox').check();
  await expect(panel.getByTestId('step').nth(2)).toHaveAttribute('data-state', 'done');
  // The input is saved shortly after typing stops: wait until the case holds it.
  await expect
    .poll(async () => (await dbRecords<{ inputs: Record<string, string> }>(serviceWorker, 'cases')).map((c) => c.inputs.email), { timeout: 20_000 })
    .toEqual([DANA]);
  await page.reload();
  const again = await panelFrame(page);
  // The panel reopens the runbook by itself (the tab's session).
  await expect(again.getByTestId('runbook-title')).toBeVisible();
  await expect(again.getByTestId('step').nth(2)).toHaveAttribute('data-state', 'done');
  await expect(again.getByTestId('input-email')).toHaveValue(DANA);
});
