import type { Frame, Locator } from '@playwright/test';
import { captureHelpdeskMarch, expect, panelFrame, showPanelLikeTheToolbar, teachHelpdeskActivity, test } from './fixtures';

/**
 * Issue 14 §5, from the panel: a runbook's capture on a console the person taught names the
 * event types nothing explains; the person teaches two of them there; the rows read the
 * meanings at once and after a reload; the same form shows what was taught, and emptying a
 * meaning takes it away again.
 */
const ALICE = 'alice.moreau@northwind.example';

/** Meanings a helpdesk lead would write for the fixture's codes the built-in glossary doesn't know. */
const MEANINGS: Record<string, string> = {
  'ticket.viewed': 'Opened a ticket to read it',
  'ticket.assigned': 'Gave a ticket to an agent',
  'ticket.exported': 'Downloaded a copy of tickets',
  'macro.edited': 'Changed a saved reply',
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const rowWith = (panel: Frame, code: string): Locator => panel.locator(`[data-testid="captured-row"][data-action="${code}"]`).first();

/** The codes of the captured rows the panel can't explain yet, first seen first. */
async function unexplainedCodes(panel: Frame): Promise<string[]> {
  const rows = await panel.getByTestId('captured-row').evaluateAll((items) =>
    items.map((item) => ({ code: item.getAttribute('data-action') ?? '', text: item.querySelector('[data-testid="row-explanation"]')?.textContent ?? '' })),
  );
  return [...new Set(rows.filter((r) => r.text.includes('not in the glossary yet')).map((r) => r.code))];
}

async function expectExplained(panel: Frame, code: string): Promise<void> {
  const words = MEANINGS[code]!;
  const explanation = rowWith(panel, code).getByTestId('row-explanation');
  await expect(explanation).toHaveText(new RegExp(`^${escape(ALICE)} ${escape(words[0]!.toLowerCase() + words.slice(1))} \\(${escape(code)}\\)`));
}

test('after a capture on a taught console, the person teaches two meanings from the panel; the rows read them, also after a reload', async ({ page, helpdeskUrl, serviceWorker }) => {
  test.setTimeout(150_000);
  await page.goto(`${helpdeskUrl}/admin/activity`);
  await expect(page.locator('[role="row"][data-key]')).toHaveCount(20);
  await showPanelLikeTheToolbar(serviceWorker);
  await teachHelpdeskActivity(await panelFrame(page), page);

  // A runbook on the taught console: search for Alice in March, then capture.
  await page.reload();
  let panel = await panelFrame(page);
  await expect(panel.getByTestId('panel-tool')).toHaveText('Helpdesk activity');
  await captureHelpdeskMarch(panel, page, ALICE);
  await expect(panel.getByTestId('captured-row').first()).toHaveAttribute('data-actor', ALICE);

  // The panel names the event types nothing explains, as the rows themselves say.
  const unexplained = await unexplainedCodes(panel);
  const teach = unexplained.filter((code) => code in MEANINGS).slice(0, 2);
  expect(teach).toHaveLength(2);
  const line = panel.getByTestId('teach-after-missing');
  await expect(line).toContainText(`${unexplained.length} event type${unexplained.length === 1 ? ' has' : 's have'} no meaning yet: `);
  expect(unexplained.length).toBeLessThanOrEqual(5);
  for (const code of unexplained) await expect(line).toContainText(code);
  await expect(panel.getByTestId('teach-after-capture')).toHaveAttribute('data-editable', 'true');

  await line.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('teach-after-capture-line.png') });

  // The builder's form, for those codes only.
  await panel.getByTestId('teach-after-open').click();
  const items = panel.getByTestId('teach-after-capture').getByTestId('teach-code');
  await expect(items).toHaveCount(unexplained.length);
  expect((await items.evaluateAll((all) => all.map((item) => item.getAttribute('data-code')))).sort()).toEqual([...unexplained].sort());
  const item = (code: string) => panel.locator(`[data-testid="teach-code"][data-code="${code}"]`);
  await item(teach[0]!).getByTestId('teach-meaning').fill(MEANINGS[teach[0]!]!);
  await item(teach[1]!).getByTestId('teach-meaning').fill(MEANINGS[teach[1]!]!);
  await item(teach[1]!).getByTestId('teach-risk').selectOption('sensitive');
  await panel.getByTestId('teach-after-capture').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('teach-after-capture-form.png') });
  await panel.getByTestId('teach-after-save').click();
  await expect(panel.getByTestId('teach-after-status')).toHaveText('Saved in “My runbooks”: 2 event types now have a meaning. The rows read it now.');

  // The rows read the meanings at once; the line names only what is left.
  for (const code of teach) await expectExplained(panel, code);
  await expect(rowWith(panel, teach[1]!)).toHaveClass(/risk-sensitive/);
  const left = unexplained.filter((code) => !teach.includes(code));
  expect(await unexplainedCodes(panel)).toEqual(left);
  if (left.length > 0) await expect(line).toContainText(`${left.length} event type${left.length === 1 ? ' has' : 's have'} no meaning yet: `);
  else await expect(line).toHaveCount(0);
  for (const code of teach) await expect(panel.getByTestId('teach-after-capture')).not.toContainText(code);
  await panel.getByTestId('teach-after-capture').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('teach-after-capture-saved.png') });

  // After a reload the runbook comes back with its capture, still explained.
  await page.reload();
  panel = await panelFrame(page);
  await expect(panel.getByTestId('panel-tool')).toHaveText('Helpdesk activity');
  await expect(panel.getByTestId('captured-row').first()).toHaveAttribute('data-actor', ALICE);
  for (const code of teach) await expectExplained(panel, code);
  await expect(rowWith(panel, teach[1]!)).toHaveClass(/risk-sensitive/);

  // The same form shows what was taught; emptying a meaning takes it away again.
  await panel.getByTestId('teach-after-open').click();
  await expect(item(teach[0]!).getByTestId('teach-meaning')).toHaveValue(MEANINGS[teach[0]!]!);
  await expect(item(teach[1]!).getByTestId('teach-risk')).toHaveValue('sensitive');
  await item(teach[0]!).getByTestId('teach-meaning').fill('');
  await panel.getByTestId('teach-after-save').click();
  await expect(panel.getByTestId('teach-after-status')).toHaveText('Saved in “My runbooks”: 1 event type now has a meaning, 1 meaning taken away. The rows read it now.');
  await expect(rowWith(panel, teach[0]!).getByTestId('row-explanation')).toContainText('not in the glossary yet');
  await expectExplained(panel, teach[1]!);
});
