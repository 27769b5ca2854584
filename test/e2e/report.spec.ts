import { chromium, type Frame, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { canonicalJson } from '../../utils/cases/canonical';
import { CHROME_PATH, captureAndEscalate, expect, test } from './fixtures';

const DANA = 'dana.whitfield@northwind.example';
// An admin with many settings changes in the demo data.
const PRIYA = 'priya.raman@acme.example';

interface DataBlock {
  captures: { hash: string; rows: { actor: string; action: string }[]; caseId: string }[];
}

function dataBlock(html: string): DataBlock {
  const lines = html.split('\n');
  const at = lines.findIndex((line) => line.startsWith('<script type="application/json" id="trailguide-report-data">'));
  expect(at, 'the report should hold its data block').toBeGreaterThan(-1);
  return JSON.parse(lines[at + 1]!) as DataBlock;
}

/** The case History shows for this case id, selected. */
async function openHistory(options: Page, extensionId: string): Promise<void> {
  await options.goto(`chrome-extension://${extensionId}/options.html#history`);
  await expect(options.locator('[data-testid="history-item"][data-kind="case"]').first()).toBeVisible({ timeout: 30_000 });
}

async function download(options: Page, scope: 'case' | 'list', dir: string): Promise<{ path: string; html: string; name: string }> {
  const pending = options.waitForEvent('download');
  await options.locator(`[data-testid="export-report"][data-scope="${scope}"]`).click();
  const file = await pending;
  const name = file.suggestedFilename();
  const path = join(dir, name);
  await file.saveAs(path);
  await expect(options.getByRole('status').filter({ hasText: `Made ${name}` })).toBeVisible();
  return { path, html: readFileSync(path, 'utf8'), name };
}

async function runCapture(panel: Frame) {
  for (const index of [0, 1]) {
    const step = panel.getByTestId('step').nth(index);
    await step.getByTestId('step-action').click();
    await expect(step).toHaveAttribute('data-state', 'done', { timeout: 45_000 });
  }
}

test('a demo case exports a report that opens from disk with no request, shows its rows, prints to PDF and whose rows hash to the printed SHA-256; Verify flags one edited row', async ({
  context,
  page,
  demoUrl,
  extensionId,
}) => {
  test.setTimeout(180_000);
  const panel = await captureAndEscalate(page, demoUrl, DANA);
  const actors = await panel.getByTestId('captured-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-actor')));
  expect(actors.length).toBeGreaterThan(0);

  const options = await context.newPage();
  await openHistory(options, extensionId);
  await options.locator('[data-testid="history-item"][data-kind="case"]').first().getByRole('button').first().click();
  await expect(options.getByTestId('history-detail')).toBeVisible();
  const dir = mkdtempSync(join(tmpdir(), 'trailguide-report-'));
  try {
    const report = await download(options, 'case', dir);
    expect(report.name).toMatch(/^trailguide-report-settings-changed-without-permission-\d{4}-\d{2}-\d{2}-[\w-]{8}\.html$/);

    // Opened from disk in a browser without the extension: the only request is the file itself.
    const browser = await chromium.launch({ executablePath: CHROME_PATH, headless: true });
    try {
      const reader = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const requests: string[] = [];
      reader.on('request', (request) => requests.push(request.url()));
      await reader.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
      const fileUrl = pathToFileURL(report.path).href;
      await reader.goto(fileUrl);
      await expect(reader.getByTestId('report-title')).toContainText('Audit report');
      // The rows the panel captured, in the table.
      const shownActors = await reader.locator('[data-testid="report-row"] [data-f="actor"]').allTextContents();
      expect(shownActors).toEqual(actors);
      await expect(reader.getByTestId('report-row').first()).toContainText('account.settings_changed');
      await expect(reader.getByText('Filters applied').first()).toBeVisible();
      await reader.screenshot({ path: test.info().outputPath('report.png'), fullPage: false });

      // The embedded rows hash (canonical JSON, node's crypto) to the printed SHA-256.
      const block = dataBlock(report.html);
      const printed = await reader.getByTestId('report-hash').allTextContents();
      expect(printed).toHaveLength(block.captures.length);
      block.captures.forEach((capture, i) => {
        const recomputed = createHash('sha256').update(canonicalJson(capture.rows), 'utf8').digest('hex');
        expect(recomputed).toBe(capture.hash);
        expect(printed[i]).toBe(recomputed);
      });

      // Prints to PDF.
      const pdf = await reader.pdf({ format: 'A4', printBackground: true });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      writeFileSync(test.info().outputPath('report.pdf'), pdf);
      expect(requests.filter((url) => url !== fileUrl)).toEqual([]);
    } finally {
      await browser.close();
    }
    copyFileSync(report.path, test.info().outputPath('report.html'));

    // Verify: the untouched file matches; with one row edited it names that capture.
    await options.getByTestId('verify-report-file').setInputFiles(report.path);
    await expect(options.getByTestId('verify-summary')).toHaveAttribute('data-ok', 'true');
    await expect(options.getByTestId('verify-capture')).toHaveCount(dataBlock(report.html).captures.length);
    await expect(options.getByTestId('verify-capture').first()).toHaveAttribute('data-status', 'matches');

    const edited = join(dir, 'edited.html');
    const lines = report.html.split('\n');
    const at = lines.findIndex((line) => line.startsWith('<script type="application/json"')) + 1;
    const before = lines[at]!;
    lines[at] = before.replace(`"actor":"${actors[0]}"`, '"actor":"someone.else@acme.example"');
    expect(lines[at]).not.toBe(before);
    writeFileSync(edited, lines.join('\n'));
    await options.getByTestId('verify-report-file').setInputFiles(edited);
    await expect(options.getByTestId('verify-summary')).toHaveAttribute('data-ok', 'false');
    await expect(options.getByTestId('verify-summary')).toContainText('this file was changed after Trailguide made it');
    await expect(options.getByTestId('verify-capture').first()).toHaveAttribute('data-status', 'rows-changed');
    await expect(options.getByTestId('verify-capture').first()).toContainText('Capture 1');
    await options.getByTestId('verify-report').screenshot({ path: test.info().outputPath('verify.png') });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a report for the cases the History filters show holds each of them, and hides what the escalation hid', async ({ context, page, demoUrl, extensionId }) => {
  test.setTimeout(180_000);
  // Case 1: Dana, an escalation drafted with e-mail addresses hidden (an edit saves the draft, with what it hides).
  const panel = await captureAndEscalate(page, demoUrl, DANA);
  await panel.getByTestId('redact-emails').check();
  const text = panel.getByTestId('escalation-text');
  await expect(text).not.toHaveValue(new RegExp(DANA.replace(/\./g, '\\.')));
  await text.press('End');
  await text.pressSequentially(' Called the customer back.');
  // The draft is saved a moment after the last keystroke (or at once when the builder closes): look until History lists it.
  const options = await context.newPage();
  await openHistory(options, extensionId);
  await expect(async () => {
    await options.reload();
    await expect(options.locator('[data-testid="history-item"][data-kind="escalation"]')).toHaveCount(1, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await page.bringToFront();
  await panel.getByTestId('escalation-close').click();
  // Case 2: Priya (another person starts a new case).
  await panel.getByTestId('input-email').fill(PRIYA);
  await expect(panel.getByTestId('case-banner')).toHaveAttribute('data-case-id', '');
  await runCapture(panel);
  await expect(panel.getByTestId('case-banner')).toHaveAttribute('data-case-id', /.+/);

  await options.bringToFront();
  await options.reload();
  await expect(options.locator('[data-testid="history-item"][data-kind="case"]').first()).toBeVisible({ timeout: 30_000 });
  await options.getByTestId('history-runbook').selectOption('settings-changed-without-permission');
  const items = options.locator('[data-testid="history-item"][data-kind="case"]');
  await expect(items).toHaveCount(2);
  const ids = await items.evaluateAll((list) => list.map((li) => li.getAttribute('data-case-id')));
  await expect(options.locator('[data-testid="export-report"][data-scope="list"]')).toHaveText('Report of these 2 cases');

  const dir = mkdtempSync(join(tmpdir(), 'trailguide-report-'));
  try {
    const report = await download(options, 'list', dir);
    expect(report.name).toMatch(/^trailguide-report-2-cases-\d{4}-\d{2}-\d{2}\.html$/);
    const reader = await context.newPage();
    await reader.setContent(report.html);
    const cases = reader.getByTestId('report-case');
    await expect(cases).toHaveCount(2);
    expect(await cases.evaluateAll((list) => list.map((s) => s.getAttribute('data-case-id')))).toEqual(ids);
    await expect(reader.getByTestId('report-toc')).toBeVisible();
    await expect(reader.getByTestId('report-period')).toContainText('Runbook');
    // Dana's case hides e-mail addresses, as her escalation did; Priya's has no escalation and hides nothing.
    const danaSection = reader.locator(`[data-testid="report-case"]`).filter({ hasText: 'd***@northwind.example' });
    await expect(danaSection).toHaveCount(1);
    await expect(danaSection.getByTestId('report-hidden-summary')).toContainText('e-mail addresses');
    expect(await danaSection.innerHTML()).not.toContain(DANA);
    const block = dataBlock(report.html);
    expect(new Set(block.captures.map((c) => c.caseId))).toEqual(new Set(ids));
    for (const capture of block.captures) {
      expect(createHash('sha256').update(canonicalJson(capture.rows), 'utf8').digest('hex')).toBe(capture.hash);
    }
    await reader.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
