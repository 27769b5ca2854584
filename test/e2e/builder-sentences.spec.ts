import type { Frame, Locator, Page } from '@playwright/test';
import { detectorChecked, expect, panelFrame, panelFrames, pointAt, dragOverWords, selectSentencePart as selectPart, showPanelLikeTheToolbar, test } from './fixtures';

/**
 * Issue 14 §2: a console whose rows are sentences ("Alice Ng suspended Mallory Reyes (spam) · …",
 * "Account carol@acme.example was created by Alice Ng · …"). The person picks a row, says "the
 * rows are sentences", selects the words of one row (clicking names and a word, dragging over
 * the time), sees every row as Trailguide reads it, corrects a row of the other shape, and saves;
 * the saved adapter's capture equals the console's own data for actor, event and time.
 */
const SHOTS = process.env.BUILDER_SHOTS_DIR ?? '/tmp';

interface Truth {
  actor: string;
  action: string;
  target: string;
  time: string;
  shown: string;
}

/** Clicks one word of plain text in a row (not an element of its own). */
async function clickWord(page: Page, row: Locator, word: string): Promise<void> {
  const box = await row.evaluate((li, w) => {
    for (const node of li.childNodes) {
      const at = node.nodeType === 3 ? (node.textContent ?? '').indexOf(w) : -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + w.length);
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    return null;
  }, word);
  expect(box, `“${word}” should be plain text in the row`).not.toBeNull();
  await page.mouse.click(box!.x, box!.y);
}

/** Drags the mouse over an element's text (one run of text), as a person selects words. */
async function dragOver(page: Page, element: Locator): Promise<void> {
  await dragOverWords(page, element, (await element.textContent()) ?? '');
}

async function tableRows(panel: Frame): Promise<({ actor: string; action: string; time: string } | null)[]> {
  return panel.getByTestId('sentence-row').evaluateAll((trs) =>
    trs.map((tr) => {
      if (tr.getAttribute('data-read') !== 'yes') return null;
      const cell = (col: string) => tr.querySelector(`[data-col="${col}"]`)?.textContent ?? '';
      return { actor: cell('actor'), action: cell('action'), time: cell('time') };
    }),
  );
}

test('teach a console whose rows are sentences by selecting words, correct one row, capture what the console shows', async ({ page, sentencesUrl, serviceWorker, extensionId }) => {
  test.setTimeout(150_000);
  await page.goto(`${sentencesUrl}/mod/log`);
  const rows = page.locator('#log > li');
  await expect(rows).toHaveCount(12);
  const truth = await page.evaluate(() => (window as unknown as { __modlog: { data: Truth[] } }).__modlog.data);
  await detectorChecked(page, extensionId, ['absent', 'not-an-audit-log']);
  expect(panelFrames(page)).toHaveLength(0);

  await showPanelLikeTheToolbar(serviceWorker);
  const panel = await panelFrame(page);
  await panel.getByTestId('teach-page').click();
  await pointAt(panel, page, 'search', page.locator('#q'));
  await pointAt(panel, page, 'row', rows.nth(0).locator('.when'));

  // The row's parts are not separate boxes: teach it as a sentence.
  await panel.getByTestId('sentence-start').click();
  await expect(panel.getByTestId('sentence-part')).toHaveCount(4);
  const first = rows.nth(0);
  await selectPart(panel, page, 'actor', () => first.locator('a.user').click());
  await selectPart(panel, page, 'action', () => clickWord(page, first, 'suspended'));
  await selectPart(panel, page, 'target', () => first.locator('a').nth(1).click());
  await selectPart(panel, page, 'time', () => dragOver(page, first.locator('.when')));
  // No link in the row was followed while selecting.
  await expect(page).toHaveURL(`${sentencesUrl}/mod/log`);
  await expect(panel.locator('[data-testid="sentence-part"][data-role="time"]')).toContainText(truth[0]!.shown);

  // Every row is shown as Trailguide reads it; the performer-second rows don't read right yet.
  const table = panel.getByTestId('sentence-table');
  await expect(table).toBeVisible();
  await expect(panel.getByTestId('sentence-row')).toHaveCount(12);
  const before = await tableRows(panel);
  const firstShape = truth.map((t, i) => ({ t, i })).filter(({ t }) => t.action !== 'created');
  for (const { t, i } of firstShape) expect(before[i], `row ${i + 1}`).toEqual({ actor: t.actor, action: t.action, time: t.shown });
  const secondShape = truth.map((t, i) => ({ t, i })).filter(({ t }) => t.action === 'created');
  expect(secondShape.length).toBe(3);
  for (const { t, i } of secondShape) expect(before[i], `row ${i + 1} is not read right yet`).not.toEqual({ actor: t.actor, action: t.action, time: t.shown });
  await page.screenshot({ path: `${SHOTS}/builder-sentences-before.png` });

  // Correct one of them: select its parts again in that row.
  const wrong = secondShape[0]!.i;
  await panel.locator(`[data-testid="sentence-correct"][data-row="${wrong}"]`).click();
  const other = rows.nth(wrong);
  await selectPart(panel, page, 'target', () => other.locator('a').nth(0).click());
  await selectPart(panel, page, 'action', () => clickWord(page, other, 'created'));
  await selectPart(panel, page, 'actor', () => other.locator('a.user').click());
  await selectPart(panel, page, 'time', () => other.locator('.when').click());
  await expect(panel.getByTestId('sentence-summary')).toHaveAttribute('data-read', '12');
  const after = await tableRows(panel);
  expect(after).toEqual(truth.map((t) => ({ actor: t.actor, action: t.action, time: t.shown })));
  await table.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/builder-sentences-table.png` });

  await panel.getByTestId('builder-name').fill('Moderation log');
  await panel.getByTestId('builder-save').click();
  await expect(panel.getByRole('status').filter({ hasText: 'Saved' })).toContainText('My runbooks');

  // The saved adapter recognises the page and captures what the console shows.
  await page.reload();
  const known = await panelFrame(page);
  await expect(known.getByTestId('panel-tool')).toHaveText('Moderation log');
  await known.locator('[data-runbook-id="failed-sign-in-burst"]').click();
  const capture = known.getByTestId('step').nth(1);
  await capture.getByTestId('step-action').click();
  await expect(capture).toHaveAttribute('data-state', 'done');
  const captured = known.getByTestId('captured-row');
  await expect(captured).toHaveCount(truth.length);
  const got = await captured.evaluateAll((els) => els.map((el) => ({ actor: el.getAttribute('data-actor'), action: el.getAttribute('data-action'), time: el.getAttribute('data-time') })));
  expect(got).toEqual(truth.map((t) => ({ actor: t.actor, action: t.action, time: new Date(t.time).toISOString() })));
  await page.screenshot({ path: `${SHOTS}/builder-sentences-captured.png` });
});
