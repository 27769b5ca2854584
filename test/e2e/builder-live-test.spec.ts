import type { Frame, Locator } from '@playwright/test';
import { captureHelpdeskMarch, expect, panelFrame, pointAt, pointAtHelpdeskFilters, showPanelLikeTheToolbar, test } from './fixtures';

/**
 * Issue 14 §4–5: the live test fails by name when a column points at the wrong thing (a
 * person picks a wrong element on purpose), Save then needs "Save anyway"; picked right,
 * every column works; and the meanings taught for two codes explain a runbook's capture.
 */
const ALICE = 'alice.moreau@northwind.example';
const SHOTS = process.env.BUILDER_SHOTS_DIR ?? '/tmp';

/** Meanings a helpdesk lead would write, each starting with what the agent did. */
const MEANINGS: Record<string, string> = {
  'ticket.viewed': 'Opened a ticket to read it',
  'ticket.assigned': 'Gave a ticket to an agent',
  'ticket.exported': 'Downloaded a copy of tickets',
  'macro.edited': 'Changed a saved reply',
};

/** runbooks/kinds.yaml's name for account-settings-changed, which settings.updated is mapped to. */
const KIND_NAME = 'Account settings changed';

type Helpdesk = { __helpdesk: { events: { actor: string; code: string }[] } };

function column(panel: Frame, name: string): Locator {
  return panel.locator(`[data-testid="live-test-column"][data-column="${name}"]`);
}

test('the live test fails loudly on a wrong column, and meanings taught for codes explain a capture', async ({ page, helpdeskUrl, serviceWorker }) => {
  test.setTimeout(150_000);
  await page.goto(`${helpdeskUrl}/admin/activity`);
  const rows = page.locator('[role="row"][data-key]');
  await expect(rows).toHaveCount(20);
  await showPanelLikeTheToolbar(serviceWorker);
  const panel = await panelFrame(page);
  await panel.getByTestId('teach-page').click();

  await pointAtHelpdeskFilters(panel, page);
  const third = rows.nth(2);
  await pointAt(panel, page, 'row', third.getByRole('gridcell').nth(3));
  // On purpose, the wrong cell for the time: what the event was done to ("Ticket #4…").
  await pointAt(panel, page, 'col-time', third.getByRole('gridcell').nth(3));
  await pointAt(panel, page, 'col-actor', third.getByRole('gridcell').nth(1).locator('span').first());
  await pointAt(panel, page, 'col-action', third.locator('code'));
  await pointAt(panel, page, 'col-target', third.getByRole('gridcell').nth(3));
  await pointAt(panel, page, 'next', page.getByRole('button', { name: 'Next page' }));

  await expect(panel.getByTestId('builder-untested')).toBeVisible();
  await panel.getByTestId('builder-test').click();
  await expect(column(panel, 'time')).toHaveAttribute('data-verdict', 'wrong');
  await expect(panel.getByTestId('builder-untested')).toHaveCount(0);
  await expect(column(panel, 'time').getByTestId('live-test-reason')).toContainText('None of the 20 rows has a time Trailguide can read');
  const firstTarget = (await rows.first().getByRole('gridcell').nth(3).textContent())!;
  await expect(column(panel, 'time').getByTestId('live-test-sample')).toHaveText(`“${firstTarget}”`);
  await expect(column(panel, 'actor')).toHaveAttribute('data-verdict', 'works');
  await expect(column(panel, 'action')).toHaveAttribute('data-verdict', 'works');
  await expect(column(panel, 'target')).toHaveAttribute('data-verdict', 'works');
  await expect(panel.getByTestId('live-test-report')).toHaveAttribute('data-ok', 'false');
  await expect(panel.getByTestId('live-test-summary')).toContainText('the time column is wrong');
  // The message no longer says all is well: it is an alert naming the column.
  await expect(panel.getByRole('alert').filter({ hasText: 'Some parts need another look' })).toContainText('Time: wrong');
  await panel.getByTestId('live-test-report').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/builder-live-test-wrong.png` });

  // Save is refused until the person has read the problems, then saves on "Save anyway".
  await panel.getByTestId('builder-name').fill('Helpdesk activity');
  await panel.getByTestId('builder-save').click();
  const problems = panel.getByTestId('builder-save-problems');
  await expect(problems).toBeVisible();
  await expect(problems.getByTestId('builder-save-problem')).toHaveCount(1);
  await expect(problems.getByTestId('builder-save-problem')).toContainText('Time: wrong');
  await expect(panel.getByRole('status').filter({ hasText: 'Saved' })).toHaveCount(0);
  await problems.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/builder-live-test-save-anyway.png` });
  await panel.getByTestId('builder-save-anyway').click();
  await expect(panel.getByRole('status').filter({ hasText: 'Saved' })).toContainText('My runbooks');

  // The time picked right, and now the event type wrong on purpose: the agent's e-mail.
  await pointAt(panel, page, 'col-time', third.getByRole('gridcell').nth(0));
  await expect(panel.getByTestId('live-test-report')).toHaveCount(0);
  await pointAt(panel, page, 'col-action', third.getByRole('gridcell').nth(1).locator('span').first());
  await panel.getByTestId('builder-test').click();
  await expect(column(panel, 'action')).toHaveAttribute('data-verdict', 'wrong');
  await expect(column(panel, 'action').getByTestId('live-test-reason')).toContainText('These look like e-mail addresses, not event types.');
  await expect(column(panel, 'time')).toHaveAttribute('data-verdict', 'works');
  await expect(column(panel, 'actor')).toHaveAttribute('data-verdict', 'works');
  // No codes to teach from a column that reads something else.
  await expect(panel.getByTestId('teach-meanings')).toContainText('Point at the event type again');
  await expect(panel.getByTestId('teach-code')).toHaveCount(0);

  // Picked right: every column works, and the person is no longer asked to confirm.
  await pointAt(panel, page, 'col-action', third.locator('code'));
  await panel.getByTestId('builder-test').click();
  await expect(panel.getByTestId('live-test-report')).toHaveAttribute('data-ok', 'true');
  await expect(panel.getByTestId('live-test-column')).toHaveCount(4);
  for (const name of ['time', 'actor', 'action', 'target']) await expect(column(panel, name)).toHaveAttribute('data-verdict', 'works');
  await expect(column(panel, 'time').getByTestId('live-test-reason')).toContainText(/All 20 times read, (on|from) 2026-03-/);
  await expect(panel.getByTestId('live-test-summary')).toHaveText('Read 20 rows, and every column reads what it should.');
  await expect(panel.getByRole('status').filter({ hasText: /Found 20 rows/ })).toContainText('Typing into the search box works');

  // Teach two codes that Alice's rows will show, and map a third to a shared event kind.
  const listed = await panel.getByTestId('teach-code').evaluateAll((items) => items.map((item) => item.getAttribute('data-code') ?? ''));
  expect(listed.length).toBeGreaterThan(2);
  const onPage = await rows.locator('code').allTextContents();
  expect(new Set(listed)).toEqual(new Set(onPage));
  const aliceCodes = await page.evaluate((who) => [...new Set((window as unknown as Helpdesk).__helpdesk.events.filter((e) => e.actor === who).map((e) => e.code))], ALICE);
  const teach = listed.filter((code) => code in MEANINGS && aliceCodes.includes(code)).slice(0, 2);
  expect(teach).toHaveLength(2);
  // Not taught here, and not in the built-in glossary either.
  const untaught = aliceCodes.find((code) => !teach.includes(code) && !['user.login', 'user.login_failed', 'user.password_reset', 'settings.updated'].includes(code));
  for (const code of teach) {
    const item = panel.locator(`[data-testid="teach-code"][data-code="${code}"]`);
    await item.getByTestId('teach-meaning').fill(MEANINGS[code]!);
  }
  await panel.locator(`[data-testid="teach-code"][data-code="${teach[1]}"]`).getByTestId('teach-risk').selectOption('sensitive');
  // The fixture's data is fixed: a settings change is on the first page and among Alice's events.
  expect(listed).toContain('settings.updated');
  expect(aliceCodes).toContain('settings.updated');
  expect(untaught).toBeDefined();
  await panel.locator('[data-testid="teach-code"][data-code="settings.updated"]').getByTestId('teach-kind').selectOption('account-settings-changed');
  // A code the built-in glossary already explains says so where it is taught.
  await expect(panel.locator('[data-testid="teach-code"][data-code="user.login"]').getByTestId('teach-known')).toContainText('Trailguide already explains it as');
  await panel.getByTestId('teach-meanings').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/builder-live-test-meanings.png` });

  await panel.getByTestId('builder-save').click();
  await expect(panel.getByTestId('builder-save-problems')).toHaveCount(0);
  await expect(panel.getByRole('status').filter({ hasText: 'Saved' })).toContainText('My runbooks');
  await panel.getByTestId('live-test-report').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/builder-live-test-works.png` });

  // A runbook's capture on the taught console explains those codes in the person's words.
  await page.reload();
  const known = await panelFrame(page);
  await expect(known.getByTestId('panel-tool')).toHaveText('Helpdesk activity');
  await captureHelpdeskMarch(known, page, ALICE);
  const captured = known.getByTestId('captured-row');
  const capturedWith = (code: string) => known.locator(`[data-testid="captured-row"][data-action="${code}"]`).first();
  await expect(captured.first()).toHaveAttribute('data-actor', ALICE);
  for (const code of teach) {
    const explained = capturedWith(code).getByTestId('row-explanation');
    const words = MEANINGS[code]!;
    await expect(explained).toHaveText(new RegExp(`^${ALICE.replace(/\./g, '\\.')} ${words[0]!.toLowerCase()}${words.slice(1).replace(/[().]/g, '\\$&')} \\(${code.replace(/\./g, '\\.')}\\)`));
    await expect(explained).not.toContainText('not in the glossary yet');
  }
  await expect(capturedWith(teach[1]!)).toHaveClass(/risk-sensitive/);
  await expect(capturedWith('settings.updated').getByTestId('row-explanation')).toContainText(`${KIND_NAME} (settings.updated) — by ${ALICE}`);
  // A code nobody taught still says so.
  await expect(capturedWith(untaught!).getByTestId('row-explanation')).toContainText('not in the glossary yet');
  await capturedWith(teach[0]!).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/builder-live-test-capture.png` });
});
