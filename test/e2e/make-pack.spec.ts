import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Options → Packs → "Make a pack from a folder": a folder, and a zip of it, give the
 * very file `npm run pack` writes for that folder (compared byte for byte); a broken
 * folder shows the command's sentence and installs nothing; a taught adapter can go in.
 */
interface ExtensionWindow {
  chrome: { runtime: { sendMessage: (message: unknown) => Promise<unknown> } };
}

const ROOT = resolve(import.meta.dirname, '../..');
const SOURCE = join(ROOT, 'test/lab/django/pack');
const SCREENSHOTS = process.env.TRAILGUIDE_SCREENSHOTS;

let work: string;
let cliPack: Buffer;
let cliBrokenSentence: string;

/** `npm run pack -- <folder> [out]` as a team lead runs it; its output and its first error line. */
function npmPack(folder: string, out: string): { status: number | null; stderr: string } {
  const run = spawnSync('npm', ['run', '--silent', 'pack', '--', folder, out], { cwd: ROOT, encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr };
}

test.beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'trailguide-make-pack-'));
  cpSync(SOURCE, join(work, 'lab-pack'), { recursive: true });
  // Things a pack folder holds that a pack leaves out.
  writeFileSync(join(work, 'lab-pack', 'notes.txt'), 'not part of the pack');
  cpSync(SOURCE, join(work, 'broken-pack'), { recursive: true });
  writeFileSync(join(work, 'broken-pack', 'pack.yaml'), 'id: Django Lab\nname: Broken\nversion: 1.0.0\n');
  execFileSync('zip', ['-qr', 'lab-pack.zip', 'lab-pack'], { cwd: work });

  expect(npmPack(join(work, 'lab-pack'), join(work, 'cli.json')).status).toBe(0);
  cliPack = readFileSync(join(work, 'cli.json'));
  const broken = npmPack(join(work, 'broken-pack'), join(work, 'broken.json'));
  expect(broken.status).toBe(1);
  // The command names the folder as it was typed (here its full path); the page knows only its name.
  cliBrokenSentence = broken.stderr.trim().split('\n')[0]!.replace(`${work}/`, '');
  expect(cliBrokenSentence).toMatch(/^The pack was not built\. broken-pack\/pack\.yaml, field id: /);
});
test.afterAll(() => rmSync(work, { recursive: true, force: true }));

async function openPacks(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/options.html#packs`);
  await expect(page.locator('[data-testid="pack-row"][data-pack-id="trailguide-essentials"]')).toBeAttached({ timeout: 30_000 });
}

async function downloadedPack(page: Page): Promise<Buffer> {
  const download = page.waitForEvent('download');
  await page.getByTestId('make-pack-download').click();
  const file = await download;
  // The name npm run pack gives the file when given none.
  const { id, version } = JSON.parse(cliPack.toString('utf8')) as { id: string; version: string };
  expect(file.suggestedFilename()).toBe(`${id}-${version}.json`);
  return readFileSync((await file.path())!);
}

test('a folder and a zip of it give the same pack file as npm run pack, byte for byte', async ({ page, extensionId }) => {
  await openPacks(page, extensionId);
  await page.getByTestId('make-pack-folder').setInputFiles(join(work, 'lab-pack'));
  await expect(page.locator('[data-testid="make-pack-ready"][data-from="folder"]')).toBeVisible();
  await expect(page.getByTestId('make-pack-summary')).toContainText('is ready: 1 runbooks');
  if (SCREENSHOTS) await page.getByTestId('make-pack').screenshot({ path: `${SCREENSHOTS}/make-pack-ready.png` });
  expect((await downloadedPack(page)).equals(cliPack)).toBe(true);

  await page.getByTestId('make-pack-zip').setInputFiles(join(work, 'lab-pack.zip'));
  await expect(page.locator('[data-testid="make-pack-ready"][data-from="zip"]')).toBeVisible();
  expect((await downloadedPack(page)).equals(cliPack)).toBe(true);

  await page.getByTestId('make-pack-install').click();
  const { id } = JSON.parse(cliPack.toString('utf8')) as { id: string };
  await expect(page.locator(`[data-testid="pack-row"][data-pack-id="${id}"]`)).toBeAttached();
});

test('a broken folder shows the sentence npm run pack prints, and installs nothing', async ({ page, extensionId }) => {
  await openPacks(page, extensionId);
  const rows = await page.getByTestId('pack-row').count();
  await page.getByTestId('make-pack-folder').setInputFiles(join(work, 'broken-pack'));
  await expect(page.getByTestId('make-pack-problem')).toHaveText(cliBrokenSentence);
  await expect(page.getByTestId('make-pack-install')).toHaveCount(0);
  await expect(page.getByTestId('make-pack-download')).toHaveCount(0);
  if (SCREENSHOTS) await page.getByTestId('make-pack').screenshot({ path: `${SCREENSHOTS}/make-pack-broken.png` });
  await expect(page.getByTestId('pack-row')).toHaveCount(rows);

  // A zip with a path that climbs out of the folder is refused as a whole.
  execFileSync('zip', ['-q', 'hostile.zip', 'lab-pack/pack.yaml'], { cwd: work });
  const hostile = readFileSync(join(work, 'hostile.zip'));
  // Rename the entry "lab-pack/pack.yaml" to "../lab-pack/p.yaml" (same length) in both headers.
  const renamed = Buffer.from(hostile.toString('latin1').split('lab-pack/pack.yaml').join('../lab-pack/p.yaml'), 'latin1');
  await page.getByTestId('make-pack-zip').setInputFiles({ name: 'hostile.zip', mimeType: 'application/zip', buffer: renamed });
  await expect(page.getByTestId('make-pack-problem')).toContainText('I couldn\'t read “hostile.zip”: it holds a file whose path leads outside the folder');
  await expect(page.getByTestId('make-pack-install')).toHaveCount(0);
});

test('an adapter taught with the builder can be added to the pack', async ({ page, extensionId }) => {
  await openPacks(page, extensionId);
  const folderAdapter = JSON.parse(cliPack.toString('utf8')).adapters[0] as Record<string, unknown>;
  const taught = { ...folderAdapter, id: 'taught-console', name: 'Taught console' };
  // What the builder's Save does (components/builder/builder-state.ts).
  const saved = await page.evaluate((adapter) => (window as unknown as ExtensionWindow).chrome.runtime.sendMessage({ type: 'adapter:save-local', adapter }), taught);
  expect(saved).toMatchObject({ adapterId: 'taught-console' });

  await page.getByTestId('make-pack-folder').setInputFiles(join(work, 'lab-pack'));
  await expect(page.getByTestId('make-pack-summary')).toContainText('1 adapters');
  await page.getByTestId('make-pack-taught-taught-console').check();
  await expect(page.getByTestId('make-pack-summary')).toContainText('2 adapters');
  const built = JSON.parse((await downloadedPack(page)).toString('utf8')) as { adapters: { id: string }[] };
  expect(built.adapters.map((a) => a.id).sort()).toEqual([folderAdapter.id as string, 'taught-console'].sort());
});
