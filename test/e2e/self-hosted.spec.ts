import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { parse } from 'yaml';
import { join } from 'node:path';
import { startDemoServer } from '../../demo/server.mjs';
import { CHROME_PATH, chromiumArgs as sharedChromiumArgs } from '../../scripts/chromium.mjs';
import { detectorChecked, EXTENSION_PATH, expect, panelFrame, panelFrames, test as base } from './fixtures';

/**
 * Issue 4 — a self-hosted console: the demo console served on its own address
 * ("acme-audit.test", which Chromium resolves to this machine), a host Trailguide
 * has no built-in permission for. The person allows the site in Settings → Sites,
 * then the console is recognised by its DOM fingerprint and the runbooks work there.
 *
 * Chromium's permission prompt cannot be answered by Playwright (it is browser UI,
 * not page content), so this suite's copy of the build is installed with that one
 * host already granted: permissions.request() then resolves without a prompt, and
 * everything after it — the Sites list, registering the detector, reaching the open
 * tab, the panel, fill and capture — runs as shipped. The unit tests
 * (test/unit/site-access.test.ts) cover a refused prompt and a permission taken back.
 */
const SITE_HOST = 'acme-audit.test';
const SITE = `http://${SITE_HOST}`;

function buildWithSitePreGranted(): string {
  const dir = mkdtempSync(join(tmpdir(), 'trailguide-selfhosted-ext-'));
  cpSync(EXTENSION_PATH, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions: string[] };
  manifest.host_permissions.push(`${SITE}/*`);
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return dir;
}

interface Fixtures {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  page: Page;
  consoleUrl: string;
}

const test = base.extend<Fixtures>({
  consoleUrl: async ({}, use) => {
    const demo = await startDemoServer({ port: 0 });
    await use(`http://${SITE_HOST}:${new URL(demo.url).port}`);
    await demo.close();
  },
  context: async ({}, use) => {
    const extension = buildWithSitePreGranted();
    const profile = mkdtempSync(join(tmpdir(), 'trailguide-selfhosted-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROME_PATH,
      headless: true,
      args: [...sharedChromiumArgs(extension), `--host-resolver-rules=MAP ${SITE_HOST} 127.0.0.1`],
      viewport: { width: 1280, height: 800 },
    });
    await use(context);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(extension, { recursive: true, force: true });
  },
});

async function allowSite(context: BrowserContext, extensionId: string, typed: string): Promise<Page> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#sites`);
  await expect(options.getByTestId('sites-empty')).toBeVisible();
  await options.getByTestId('site-address').fill(typed);
  await options.getByTestId('site-allow').click();
  await expect(options.getByRole('status').filter({ hasText: 'Trailguide now works on' })).toContainText(SITE_HOST);
  await expect(options.getByTestId('site-row')).toHaveAttribute('data-origin', SITE);
  return options;
}

test('a console on its own address works once the site is allowed in Settings → Sites', async ({ context, page, extensionId, consoleUrl }) => {
  // Before: the console is open, but Trailguide does not run on a site nobody allowed.
  await page.goto(`${consoleUrl}/audit`);
  await expect(page.locator('[data-page="audit-log"]')).toBeVisible();
  // The console has loaded and our detector is not in the page at all: nothing can show a panel.
  await detectorChecked(page, extensionId, ['absent']);
  expect(panelFrames(page)).toHaveLength(0);

  // Allow it, typed the way people copy it: a full address with a path and a query.
  const options = await allowSite(context, extensionId, `${consoleUrl}/audit?actor=someone`);
  await expect(options.getByRole('status').filter({ hasText: 'Trailguide now works on' })).toContainText('Go back to its tab');

  // The tab that was already open gets the panel without a reload: the fingerprint recognised it.
  await page.bringToFront();
  const panel = await panelFrame(page);
  await expect(panel.locator('[data-runbook-id="settings-changed-without-permission"]')).toBeVisible();

  // A runbook fills the console's own filters and captures its rows there.
  await panel.locator('[data-runbook-id="settings-changed-without-permission"]').click();
  await panel.getByTestId('input-email').fill('dana.whitfield@northwind.example');
  const fill = panel.getByTestId('step').nth(0);
  await fill.getByTestId('step-action').click();
  await expect(fill).toHaveAttribute('data-state', 'done');
  await expect(page).toHaveURL(/^http:\/\/acme-audit\.test:\d+\/audit\?.*action=account\.settings_changed/);
  const capture = panel.getByTestId('step').nth(1);
  await capture.getByTestId('step-action').click();
  await expect(capture).toHaveAttribute('data-state', 'done');
  await expect(panel.getByTestId('captured-row').first()).toHaveAttribute('data-action', 'account.settings_changed');

  // The escalation is built on a plain-http site too.
  await panel.getByTestId('escalate').first().click();
  await expect(panel.getByTestId('escalation-text')).toHaveValue(/account\.settings_changed/);

  // A new visit is recognised through the registered script, not only the one-off injection.
  await page.goto(`${consoleUrl}/audit`);
  await expect.poll(() => panelFrames(page).length).toBe(1);
  // Other pages of the site get no panel: only an audit log's fingerprint brings it.
  await page.goto(`${consoleUrl}/users`);
  await expect(page.locator('h1')).toBeVisible();
  await expect.poll(() => panelFrames(page).length).toBe(0);
});

test('the toolbar button’s offer, then removing the site and undoing that', async ({ context, page, extensionId, consoleUrl }) => {
  // What the toolbar button opens on a console Trailguide may not run on (Playwright cannot click browser UI).
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#sites?add=${encodeURIComponent(SITE)}`);
  await expect(options.getByRole('heading', { name: `Allow Trailguide on ${SITE_HOST}?` })).toBeVisible();
  await expect(options.getByTestId('site-address')).toHaveValue(SITE);
  await expect(options.getByTestId('site-allow')).toBeFocused();
  await options.keyboard.press('Enter');
  await expect(options.getByTestId('site-row')).toHaveAttribute('data-origin', SITE);
  await expect(options.getByRole('heading', { name: 'Add a site' })).toBeVisible();

  await options.getByTestId('site-remove').click();
  await expect(options.getByTestId('undo-bar')).toContainText(`Trailguide no longer works on ${SITE_HOST}`);
  await expect(options.getByTestId('sites-empty')).toBeVisible();

  await page.bringToFront();
  await page.goto(`${consoleUrl}/audit`);
  await expect(page.locator('[data-page="audit-log"]')).toBeVisible();
  await detectorChecked(page, extensionId, ['absent']);
  expect(panelFrames(page)).toHaveLength(0);

  await options.bringToFront();
  await options.getByTestId('site-undo').click();
  await expect(options.getByTestId('site-row')).toHaveAttribute('data-origin', SITE);
  await page.bringToFront();
  await page.reload();
  await panelFrame(page);
});

test('Settings → Sites explains what it cannot add', async ({ context, extensionId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#sites`);
  await options.getByTestId('site-address').fill('https://github.com/organizations/acme/settings/audit-log');
  await options.getByTestId('site-allow').click();
  await expect(options.getByRole('alert')).toContainText('Trailguide already works on github.com');
  await options.getByTestId('site-address').fill('ftp://files.acme.example');
  await options.getByTestId('site-allow').click();
  await expect(options.getByRole('alert')).toContainText('only work on web pages');
  await expect(options.getByTestId('sites-empty')).toBeVisible();
});

test('a team pack for an in-house console asks for its site on the pack’s row, in one click', async ({ context, page, extensionId, consoleUrl }) => {
  // A team lead's pack: an adapter for the company's own copy of the console, named by its address.
  const demoAdapter = parse(readFileSync(join(import.meta.dirname, '../../runbooks/adapters/acme-demo.yaml'), 'utf8')) as Record<string, unknown>;
  const match = demoAdapter.match as Record<string, unknown>;
  const adapter = { ...demoAdapter, id: 'acme-corp-audit', name: 'Acme Admin at Corp', match: { ...match, include: [`${SITE}:*/audit*`], selfHosted: [] } };
  const pack = { format: 'trailguide-pack', formatVersion: 1, id: 'corp-pack', name: 'Corp support pack', version: '1.0.0', description: 'Our console.', adapters: [adapter] };

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#packs`);
  await options.getByTestId('pack-import-paste').fill(JSON.stringify(pack));
  await options.getByTestId('pack-import-paste-submit').click();
  const row = options.locator('[data-testid="pack-row"][data-pack-id="corp-pack"]');
  await expect(row.getByTestId('pack-sites')).toContainText(`Its log tools run on ${SITE_HOST}`);
  // The built-in pack names no site outside the consoles it knows.
  await expect(options.locator('[data-testid="pack-row"][data-pack-id="trailguide-essentials"]').getByTestId('pack-sites')).toHaveCount(0);

  await row.getByTestId('pack-allow-site').click();
  await expect(options.getByTestId('packs-notice')).toContainText(`Trailguide now works on ${SITE_HOST}`);
  await expect(row.getByTestId('pack-sites')).toHaveCount(0);
  await options.goto(`chrome-extension://${extensionId}/options.html#sites`);
  await expect(options.getByTestId('site-row')).toHaveAttribute('data-origin', SITE);

  await page.bringToFront();
  await page.goto(`${consoleUrl}/audit`);
  await panelFrame(page);
});
