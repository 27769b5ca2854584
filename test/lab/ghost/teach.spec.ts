/**
 * Issue 14 §1–§2 on a real single-page console nobody here wrote: Ghost 5's History, a dialog
 * in Ghost's React settings app whose lines are sentences ("Post edited: How we pack fragile
 * orders — by Alice Nguyen", the time under it: "Dec 01, 2026 | 09:01:06 PM"), whose rows
 * carry only Tailwind utility classes (`group/list-item`) and which scrolls inside the dialog.
 * No pack is imported: a person teaches Trailguide the page by clicking (the adapter builder)
 * — the staff picker as the person filter, one line as a row, "The rows are sentences", the
 * words of one line — saves it, and the taught adapter's capture must equal Ghost's own
 * History (its Admin API, ./truth.ts) for actor, event and time to the second, line for line;
 * again after the dialog is closed and opened (a re-render).
 *
 * The browser runs in Europe/Berlin: Ghost writes times in the browser's clock, and a taught
 * adapter reads them in the browser's zone.
 *
 * Needs the console up (./start.sh; test/lab/run.mjs does it) and the demo build.
 */
import { test, type Frame, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dragOverWords, expect, panelFrame, pointAt, selectSentencePart, showPanelLikeTheToolbar } from '../../e2e/fixtures';
import { capturedRows, testAndSave } from '../lab-journey';
import { launchTeachBrowser } from '../teach-helpers';
import { historyModal, historyRows, openHistoryInApp, signIn } from './admin-page';
import { expectRowsEqual } from './compare';
import { actions, historyLines, isHistoryRequest, ORIGIN, parseHistoryRequest, type HistoryRequest } from './truth';

const SCREENSHOTS = process.env.LAB_SCREENSHOTS;

/** Runs the taught adapter's capture (opening the runbook first, or again in the runbook open) and gives the rows it read. */
async function capture(page: Page, { openRunbook }: { openRunbook: boolean }): Promise<Awaited<ReturnType<typeof capturedRows>>> {
  const panel: Frame = await panelFrame(page);
  await expect(panel.getByTestId('panel-tool')).toHaveText('Northwind History');
  if (openRunbook) await panel.locator('[data-runbook-id="cant-find-the-event"]').click();
  const step = panel.getByTestId('step').nth(1);
  if (!openRunbook) {
    // The step is done from the capture before: marked not done, only a capture that runs now marks it done again.
    await step.getByRole('checkbox').uncheck();
    await expect(step).toHaveAttribute('data-state', 'todo');
  }
  await step.getByTestId('step-action').click();
  await expect(step).toHaveAttribute('data-state', 'done');
  return capturedRows(panel);
}

test('Ghost History (a dialog in a single-page admin, sentence rows): taught by clicking, the capture equals Ghost’s own History (actor, event, time), also after the dialog is opened again', async () => {
  test.setTimeout(240_000);
  const answering = await fetch(`${ORIGIN}/ghost/api/admin/site/`).then((r) => r.ok, () => false);
  expect(answering, `the Ghost lab console should answer on ${ORIGIN} — start it with test/lab/ghost/start.sh`).toBe(true);

  const dir = mkdtempSync(join(tmpdir(), 'trailguide-lab-ghost-teach-'));
  const context = await launchTeachBrowser(dir, 'Europe/Berlin');
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const page = context.pages()[0] ?? (await context.newPage());
    // The admin app's own requests for the History list: what the console showed.
    const requests: HistoryRequest[] = [];
    page.on('request', (request) => {
      if (isHistoryRequest(request.url())) requests.push(parseHistoryRequest(request.url()));
    });
    await signIn(page);
    await openHistoryInApp(page);
    const rows = historyRows(page);
    await expect(rows.first()).toBeVisible();
    expect(requests.length, 'the History asked Ghost for its list').toBeGreaterThan(0);
    const truth = historyLines(await actions(requests.at(-1)!.filter));
    await expect(rows).toHaveCount(truth.length);

    await showPanelLikeTheToolbar(worker);
    const panel = await panelFrame(page);
    await panel.getByTestId('teach-page').click();
    // The staff picker, where a person clicks it: on its placeholder.
    await pointAt(panel, page, 'actor', historyModal(page).locator('header').getByText('Search staff'));
    // A line whose target is a link: "Post edited: <title> — by <name>".
    const line = rows.filter({ has: page.locator('div.text-sm', { hasText: /^Post edited: .+ — by Alice Nguyen$/ }) }).first();
    const sentence = line.locator('div.text-sm');
    await pointAt(panel, page, 'row', sentence);
    await panel.getByTestId('sentence-start').click();
    await expect(panel.getByTestId('sentence-part')).toHaveCount(4);
    await selectSentencePart(panel, page, 'action', () => dragOverWords(page, sentence, 'Post edited'));
    await selectSentencePart(panel, page, 'target', () => sentence.locator('a').click());
    await selectSentencePart(panel, page, 'actor', () => dragOverWords(page, sentence, 'Alice Nguyen'));
    await selectSentencePart(panel, page, 'time', () => line.locator('span.text-xs').click());
    // Every line is read: the table shows each as Trailguide will read it.
    await expect(panel.getByTestId('sentence-summary')).toHaveAttribute('data-read', String(truth.length));
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'ghost-teach-sentence.png') });

    await testAndSave(panel, 'Northwind History', truth.length, SCREENSHOTS ? () => page.screenshot({ path: join(SCREENSHOTS, 'ghost-teach-tested.png') }) : undefined);

    // The taught adapter recognises the page (Ghost's admin loaded afresh at the History) and captures every line Ghost lists.
    await page.reload();
    await expect(rows.first()).toBeVisible();
    await expect(rows).toHaveCount(truth.length);
    expectRowsEqual(await capture(page, { openRunbook: true }), truth, 'capture');
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'ghost-teach-captured.png') });

    // Closed and opened again: the admin app draws the dialog and its lines anew. The dialog sits
    // in the page narrowed beside the docked panel, so its own Close button is there to click.
    await historyModal(page).getByRole('button', { name: 'Close' }).click();
    await expect(historyModal(page)).toHaveCount(0);
    await page.getByRole('button', { name: 'View history' }).click();
    await expect(rows.first()).toBeVisible();
    // Ghost may draw the lines from its cache without asking again: the truth is asked afresh for the filter it last sent.
    const again = historyLines(await actions(requests.at(-1)!.filter));
    await expect(rows).toHaveCount(again.length);
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'ghost-teach-reopened.png') });
    expectRowsEqual(await capture(page, { openRunbook: false }), again, 'capture after the dialog was opened again');
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
