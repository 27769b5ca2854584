import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startDemoServer } from '../../demo/server.mjs';
import { attributes, EXTENSION_DIR, launchFirefox, openExtensionPage, panelFrame, panelFrames, screenshotsOnFailure, valueOf, waitForElement, type Firefox } from './firefox';

/**
 * The self-hosted console journey in Firefox (test/e2e/self-hosted.spec.ts is the
 * Chromium one): the demo console on a name of its own ("acme-audit.test", which this
 * Firefox resolves to the machine), a site Trailguide has no built-in permission for.
 * The person allows it in Settings → Sites; the open tab gets the panel, a runbook
 * fills and captures there, and a new visit is recognised through the detector that
 * was registered for the site (scripting.registerContentScripts in Manifest V2).
 *
 * Firefox's permission prompt is browser UI that WebDriver cannot answer, so this
 * copy of the build lists the one site among its granted permissions (as the
 * Chromium suite does): permissions.request() then resolves without a prompt and
 * everything after it runs as shipped.
 */
const SITE_HOST = 'acme-audit.test';
const SITE = `http://${SITE_HOST}`;

let demo: { url: string; close: () => Promise<void> };
let extensionDir: string;
let firefox: Firefox | undefined;

beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
  extensionDir = mkdtempSync(join(tmpdir(), 'trailguide-firefox-selfhosted-ext-'));
  cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
  const manifestPath = join(extensionDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { permissions: string[] };
  manifest.permissions.push(`${SITE}/*`);
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
});

afterAll(async () => {
  await firefox?.close();
  await demo?.close();
  rmSync(extensionDir, { recursive: true, force: true });
});

test('a console on its own address works once the site is allowed in Settings → Sites', async () => {
  screenshotsOnFailure(() => firefox);
  firefox = await launchFirefox({ extensionDir, hosts: [SITE_HOST] });
  const { browser, page } = firefox;
  const consoleUrl = `http://${SITE_HOST}:${new URL(demo.url).port}`;

  // Before: the console is open, and Trailguide does not run on a site nobody allowed.
  await page.goto(`${consoleUrl}/audit`);
  await waitForElement(page, '[data-page="audit-log"]', 'the console should load on its own address');
  expect(await panelFrames(page)).toHaveLength(0);

  // Allow it, typed the way people copy it: a full address with a path and a query.
  const options = await browser.newPage();
  await openExtensionPage(options, 'options.html#sites', '[data-testid="sites-empty"]');
  await options.locator('[data-testid="site-address"]').fill(`${consoleUrl}/audit?actor=someone`);
  await options.locator('[data-testid="site-allow"]').click();
  await waitForElement(options, `[data-testid="site-row"][data-origin="${SITE}"]`, 'the site should be listed as allowed');
  const status = await options.$$eval('[role="status"]', (els) => els.map((el) => el.textContent ?? '').join(' '));
  expect(status).toContain(`Trailguide now works on ${SITE_HOST}`);

  // The tab that was already open gets the panel without a reload: the fingerprint recognised it.
  await page.bringToFront();
  const panel = await panelFrame(page);
  await panel.locator('[data-runbook-id="settings-changed-without-permission"]').click();
  await panel.locator('[data-testid="input-email"]').fill('dana.whitfield@northwind.example');
  await panel.locator('[data-testid="step"][data-step-index="0"] [data-testid="step-action"]').click();
  await waitForElement(panel, '[data-testid="step"][data-step-index="0"][data-state="done"]', 'the fill step should say Done');
  expect(page.url()).toMatch(/^http:\/\/acme-audit\.test:\d+\/audit\?.*action=account\.settings_changed/);
  await panel.locator('[data-testid="step"][data-step-index="1"] [data-testid="step-action"]').click();
  await waitForElement(panel, '[data-testid="step"][data-step-index="1"][data-state="done"]', 'the capture step should say Done');
  await waitForElement(panel, '[data-testid="captured-row"]', 'captured rows should be listed in the panel');
  expect(new Set(await attributes(panel, '[data-testid="captured-row"]', 'data-action'))).toEqual(new Set(['account.settings_changed']));

  // The escalation is built on a plain-http site too.
  await panel.locator('[data-testid="escalate"]').click();
  await expect.poll(() => valueOf(panel, '[data-testid="escalation-text"]')).toMatch(/account\.settings_changed/);

  // A new visit is recognised through the registered script, not only the one-off injection.
  await page.goto(`${consoleUrl}/audit`);
  await panelFrame(page);
  // Other pages of the site get no panel: only an audit log's fingerprint brings it.
  await page.goto(`${consoleUrl}/users`);
  await waitForElement(page, 'h1', 'the Users page should load');
  await expect.poll(async () => (await panelFrames(page)).length, { message: 'no panel on the Users page' }).toBe(0);
});
