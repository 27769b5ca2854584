import { writeFileSync } from 'node:fs';
import { captureAndEscalate, expect, test } from './fixtures';

const DANA = 'dana.whitfield@northwind.example';
const SHOT = process.env.TRAILGUIDE_SHOT_DIR;

test('every template keeps the full evidence: rows, hash, what the console applied, the step reached', async ({ page, demoUrl }) => {
  const panel = await captureAndEscalate(page, demoUrl, DANA);
  const text = panel.getByTestId('escalation-text');
  const firstActor = (await panel.getByTestId('captured-row').first().getAttribute('data-actor')) ?? '';
  expect(firstActor).not.toBe('');

  await panel.locator('[data-testid="escalation-format"][data-format="json"]').click();
  await expect(text).toHaveValue(/"format": "trailguide-escalation"/);
  const json = JSON.parse(await text.inputValue()) as { captures: { hash: string }[]; runbook: { stepReached: { number: number } } };
  const hash = json.captures[0]!.hash;
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  // Two steps were done: the furthest done is step 2.
  expect(json.runbook.stepReached.number).toBe(2);

  await panel.locator('[data-testid="escalation-format"][data-format="markdown"]').click();
  if (SHOT) {
    await text.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOT}/escalation-default.png` });
    writeFileSync(`${SHOT}/escalation-default.md`, await text.inputValue());
  }
  const templates = panel.getByTestId('escalation-template');
  const ids = await templates.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  expect(ids).toEqual(expect.arrayContaining(['access-request', 'missing-events']));
  for (const id of ids) {
    await templates.selectOption(id);
    for (const format of ['markdown', 'text'] as const) {
      await panel.locator(`[data-testid="escalation-format"][data-format="${format}"]`).click();
      await expect(text, `${id} ${format}`).toHaveAttribute('data-format', format);
      const value = await text.inputValue();
      expect(value, `${id} ${format}`).toContain(hash);
      expect(value, `${id} ${format}`).toContain(firstActor);
      expect(value, `${id} ${format}`).toMatch(/Step reached:\**\s+step 2 of \d+/);
      // What the console applied, or plainly that it was not checked — never the runbook's intent as "applied".
      expect(value, `${id} ${format}`).toMatch(/(Filters applied|Filters not checked):/);
      expect(value, `${id} ${format}`).toMatch(/Time range applied by the console:/);
    }
  }
  await templates.selectOption('access-request');
  await panel.locator('[data-testid="escalation-format"][data-format="markdown"]').click();
  await expect(text).toHaveValue(/^I need to see more of the audit log/);
  if (SHOT) {
    await text.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOT}/escalation-access-request.png` });
  }
});

test('History shows what the console applied for the capture, in the escalation’s words', async ({ context, page, demoUrl, extensionId }) => {
  const panel = await captureAndEscalate(page, demoUrl, DANA);
  const escalation = await panel.getByTestId('escalation-text').inputValue();

  const history = await context.newPage();
  await history.goto(`chrome-extension://${extensionId}/options.html#history`);
  const item = history.locator('[data-testid="history-item"][data-case-id]').filter({ hasText: /settings were changed/ });
  await item.first().locator('button').first().click();
  const capture = history.getByTestId('history-capture').first();
  await expect(capture).toBeVisible();
  const applied = capture.locator('[data-testid="history-capture-statement"][data-kind="applied"] dd');
  await expect(applied).toContainText(DANA);
  // The same sentence as in the escalation (there with code marks around the filter names).
  const statement = (await applied.textContent()) ?? '';
  expect(escalation.replace(/`/g, '')).toContain(`Filters applied:** ${statement}`);
  await expect(capture.locator('[data-testid="history-capture-statement"][data-kind="time-range"] dt')).toHaveText('Time range applied by the console');
  if (SHOT) {
    await capture.scrollIntoViewIfNeeded();
    await history.screenshot({ path: `${SHOT}/history-capture.png` });
  }
});
