/**
 * What every lab journey does the same way through the built extension: build the
 * console's pack as a team lead would (`npm run pack`), import it in Options, find the one
 * panel, and read a case's CSV back from History after a browser restart.
 */
import type { BrowserContext, Frame, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { csvCaptures } from '../csv';
import { detectorChecked, expect, panelFrame, panelFrames } from '../e2e/fixtures';

const ROOT = resolve(import.meta.dirname, '../..');

/** The console's pack, built from `test/lab/<console>/pack` with `npm run pack` into `dir`. */
export function buildLabPack(console: string, dir: string): Buffer {
  const out = join(dir, `${console}-lab-pack.json`);
  execFileSync('npm', ['run', '--silent', 'pack', '--', `test/lab/${console}/pack`, out], { cwd: ROOT, stdio: 'pipe' });
  return readFileSync(out);
}

/** Imports a pack file in Options → Packs, as a person would, and waits for its row. */
export async function importLabPack(context: BrowserContext, extensionId: string, pack: Buffer, packId: string): Promise<void> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#packs`);
  await expect(options.locator('[data-testid="pack-row"][data-source="builtin"]').first()).toBeAttached({ timeout: 30_000 });
  await options.getByTestId('pack-import-file').setInputFiles({ name: `${packId}.json`, mimeType: 'application/json', buffer: pack });
  await expect(options.locator(`[data-testid="pack-row"][data-pack-id="${packId}"]`)).toBeVisible();
  await options.close();
}

/** Exactly one panel, once the detector has recognised the page the console loaded last. */
export async function onePanel(page: Page, extensionId: string): Promise<Frame> {
  await detectorChecked(page, extensionId, ['shown']);
  const panel = await panelFrame(page);
  expect(panelFrames(page)).toHaveLength(1);
  return panel;
}

export const stepOf = (panel: Frame, index: number) => panel.locator(`[data-testid="step"][data-step-index="${index}"]`);

/** The rows the panel shows for the last capture: each row's time (ISO), actor and action. */
export const capturedRows = (panel: Frame) =>
  panel.getByTestId('captured-row').evaluateAll((items) =>
    items.map((li) => ({ time: li.getAttribute('data-time') ?? '', actor: li.getAttribute('data-actor') ?? '', action: li.getAttribute('data-action') ?? '' })),
  );

/** The builder's last steps: Test on this page finds `rows` rows, then the adapter is saved as `name`. */
export async function testAndSave(panel: Frame, name: string, rows: number, screenshot?: () => Promise<unknown>): Promise<void> {
  await panel.getByTestId('builder-test').click();
  await expect(panel.getByRole('status').filter({ hasText: /Found \d+ rows/ })).toContainText(`Found ${rows} rows`);
  await screenshot?.();
  await panel.getByTestId('builder-name').fill(name);
  await panel.getByTestId('builder-save').click();
  await expect(panel.getByRole('status').filter({ hasText: 'Saved' })).toContainText('My runbooks');
}

/** Opens the one case whose title has `title` in History and exports its CSV: each capture's rows. */
export async function caseCsvCaptures(context: BrowserContext, extensionId: string, title: string): Promise<Record<string, string>[][]> {
  const history = await context.newPage();
  await history.goto(`chrome-extension://${extensionId}/options.html#history`);
  const item = history.locator('[data-testid="history-item"][data-kind="case"]').filter({ hasText: title });
  await expect(item).toHaveCount(1, { timeout: 30_000 });
  await item.getByRole('button').first().click();
  const pending = history.waitForEvent('download');
  await history.getByTestId('export-csv').click();
  return csvCaptures(readFileSync((await (await pending).path())!, 'utf8'));
}

/** Runs the escalation step at `index` and gives the escalation's text once it is written. */
export async function escalationOf(panel: Frame, index: number): Promise<string> {
  await stepOf(panel, index).getByTestId('step-action').click();
  const text = panel.getByTestId('escalation-text');
  await expect(text).toHaveValue(/## Case/);
  return text.inputValue();
}

/** Copies the escalation, as the agent does, and waits for the panel to say so. */
export async function copyEscalation(panel: Frame): Promise<void> {
  await panel.getByTestId('copy-escalation').click();
  await expect(panel.getByRole('status').filter({ hasText: /Copied/i })).toBeVisible();
}
