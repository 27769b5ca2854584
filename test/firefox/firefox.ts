import puppeteer, { type Browser, type ElementHandle, type Frame, type Page } from 'puppeteer-core';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, onTestFailed } from 'vitest';

/**
 * The Firefox lane (issue 17 §2): Debian's firefox-esr driven by puppeteer-core over
 * WebDriver BiDi, with the Firefox build (`wxt build -b firefox`) installed through
 * BiDi's webExtension.install — a temporary add-on, as about:debugging installs one.
 */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const EXTENSION_DIR = resolve(import.meta.dirname, '../..', process.env.TRAILGUIDE_OUT_DIR || '.output', 'firefox-mv2');

interface GeckoManifest {
  browser_specific_settings?: { gecko?: { id?: string } };
  permissions?: string[];
}

export function readManifest(dir = EXTENSION_DIR): GeckoManifest {
  try {
    return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as GeckoManifest;
  } catch (error) {
    throw new Error(`No Firefox build in ${dir} — run \`TRAILGUIDE_OUT_DIR=${process.env.TRAILGUIDE_OUT_DIR || '.output'} npx wxt build -b firefox\` first (${String(error)})`);
  }
}

const manifest = readManifest();
if (!manifest.permissions?.includes('http://127.0.0.1/*')) {
  throw new Error(
    `The Firefox build in ${EXTENSION_DIR} is a store build without the demo console's hosts — build it with \`npm run build:demo:firefox\` (TRAILGUIDE_DEMO_HOSTS=1).`,
  );
}
export const ADDON_ID = manifest.browser_specific_settings?.gecko?.id ?? 'trailguide@example.org';
/**
 * Firefox gives each add-on a random moz-extension:// host per profile. We fix it
 * (extensions.webextensions.uuids) so tests can open the options page, find the panel's
 * frame by its address and come back to the same storage after a restart.
 */
export const EXTENSION_UUID = '7a1f3c2e-5b8d-4e6a-9c0f-2d4b6e8a1c3f';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/**
 * Preferences on top of Puppeteer's own test profile (which already turns off updates,
 * safe browsing, health reports and the new-tab feeds): nothing may reach for the
 * network on a closed machine, and the add-on keeps its address (and, as a safeguard, its
 * data) when Firefox drops the temporary install, so a restart finds the same History.
 * (In Firefox 153 the data survived a restart without keepStorageOnUninstall too: checked
 * once by switching it off, 2026-12-01.)
 */
export const FIREFOX_PREFS: Record<string, unknown> = {
  'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }),
  'extensions.webextensions.keepUuidOnUninstall': true,
  'extensions.webextensions.keepStorageOnUninstall': true,
  // Closed network: no captive-portal or connectivity probes, telemetry, pings, remote settings.
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.predictor.enabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.server': '',
  'toolkit.telemetry.archive.enabled': false,
  'browser.ping-centre.telemetry': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  'browser.newtabpage.activity-stream.feeds.telemetry': false,
  'app.update.enabled': false,
  'app.update.auto': false,
  'app.normandy.enabled': false,
  'app.shield.optoutstudies.enabled': false,
  'extensions.blocklist.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'extensions.getAddons.showPane': false,
  'extensions.htmlaboutaddons.recommendations.enabled': false,
  'browser.discovery.enabled': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.search.geoip.url': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.safebrowsing.provider.google4.updateURL': '',
  'media.gmp-gmpopenh264.enabled': false,
  'media.gmp-widevinecdm.enabled': false,
  'geo.enabled': false,
  'dom.push.connection.enabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'security.OCSP.enabled': 0,
  'security.remote_settings.crlite_filters.enabled': false,
  'services.sync.engine.addons': false,
  'datareporting.usage.uploadEnabled': false,
  // The demo and fixture consoles are plain http on this machine.
  'dom.security.https_first': false,
  'dom.security.https_only_mode': false,
};

export interface Firefox {
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/**
 * Starts Firefox on `profileDir` (a fresh one when omitted) with the build installed,
 * and waits until the add-on's pages answer. `hosts` resolve to this machine
 * (self-hosted consoles on a name of their own).
 */
export async function launchFirefox(options: { profileDir?: string; extensionDir?: string; hosts?: string[] } = {}): Promise<Firefox> {
  const ownProfile = !options.profileDir;
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'trailguide-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    userDataDir: profileDir,
    // WebDriver BiDi refuses to navigate a tab to moz-extension:// pages (the options page)
    // unless the remote agent is started with system access; Playwright's Chromium lane opens
    // chrome-extension:// pages the same way. Pages and the add-on run as they would without it.
    args: ['--remote-allow-system-access'],
    // FIREFOX_DUMPIO=1: Firefox's own output, with the add-on's console messages, on this process's.
    dumpio: process.env.FIREFOX_DUMPIO === '1',
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: {
      ...FIREFOX_PREFS,
      ...(process.env.FIREFOX_DUMPIO === '1' ? { 'devtools.console.stdout.chrome': true, 'devtools.console.stdout.content': true } : {}),
      ...(options.hosts?.length ? { 'network.dns.localDomains': options.hosts.join(',') } : {}),
    },
  });
  const close = async () => {
    await browser.close();
    if (ownProfile) rmSync(profileDir, { recursive: true, force: true });
  };
  try {
    const id = await browser.installExtension(options.extensionDir ?? EXTENSION_DIR);
    if (id !== ADDON_ID) throw new Error(`Firefox installed the add-on as ${id}, expected ${ADDON_ID}`);
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    return { browser, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * The panel's frames in a tab: extension pages at …/panel.html (the test contract finds
 * them by address). Each frame's address is read from its document: Puppeteer over BiDi
 * may keep reporting "about:blank" for a frame that moved to an extension page (seen
 * when the detector is injected into a tab that is in the background).
 */
export async function panelFrames(page: Page): Promise<Frame[]> {
  const found: Frame[] = [];
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const href = await frame.evaluate(() => location.href).catch(() => frame.url());
    if (href.startsWith(`${EXTENSION_ORIGIN}/panel.html`)) found.push(frame);
  }
  return found;
}

/** Waits for exactly one panel in the tab and for its page to have rendered the list or a runbook. */
export async function panelFrame(page: Page, timeout = 20_000): Promise<Frame> {
  await expect.poll(async () => (await panelFrames(page)).length, { message: 'the Trailguide panel should appear', timeout }).toBe(1);
  const frame = (await panelFrames(page))[0]!;
  await frame.waitForSelector('[data-testid="runbook-item"], [data-testid="runbook-title"]', { timeout });
  return frame;
}

/** The value of an input or textarea, read in its own frame. */
export async function valueOf(frame: Frame, selector: string): Promise<string | null> {
  const handle = await frame.$(selector);
  if (!handle) return null;
  try {
    return await handle.evaluate((element) => (element as HTMLInputElement | HTMLTextAreaElement).value);
  } finally {
    await handle.dispose();
  }
}

/** Attribute values of every element matching `selector`. */
export async function attributes(frame: Frame, selector: string, name: string): Promise<(string | null)[]> {
  return frame.$$eval(selector, (elements, attribute) => elements.map((element) => element.getAttribute(attribute)), name);
}

/** Waits until `selector` matches an element (any state), failing with `message`. */
export async function waitForElement(frame: Frame | Page, selector: string, message: string, timeout = 20_000): Promise<ElementHandle> {
  try {
    const handle = await frame.waitForSelector(selector, { timeout });
    if (!handle) throw new Error('not found');
    return handle as ElementHandle;
  } catch (error) {
    throw new Error(`${message} (waited ${timeout} ms for ${selector}): ${String(error)}`);
  }
}

/**
 * Opens one of the add-on's own pages (`options.html#history`) in `page` and waits for
 * `readySelector` there. Firefox renders the page, but Puppeteer over BiDi never sees that
 * navigation finish (its `goto` times out and `page.url()` stays behind), so the
 * navigation is started and the page's own content is what we wait for.
 */
export async function openExtensionPage(page: Page, path: string, readySelector: string, timeout = 20_000): Promise<void> {
  const url = `${EXTENSION_ORIGIN}/${path}`;
  void page.goto(url, { waitUntil: 'domcontentloaded', timeout }).catch(() => undefined);
  await expect
    .poll(
      () =>
        page
          .evaluate((selector, wanted) => location.href === wanted && document.querySelector(selector) !== null, readySelector, url)
          .catch(() => false),
      { message: `${path} should open and show ${readySelector}`, timeout },
    )
    .toBe(true);
}

/**
 * When the running test fails, saves a screenshot of every tab of `firefox` (what the
 * panel said is usually the answer) in FIREFOX_SHOTS or the temp folder, and says where.
 * Not test-results/: Playwright empties that folder when it starts.
 */
export function screenshotsOnFailure(firefox: () => Firefox | undefined): void {
  onTestFailed(async ({ task }) => {
    const browser = firefox()?.browser;
    if (!browser?.connected) return;
    const dir = process.env.FIREFOX_SHOTS ?? join(tmpdir(), 'trailguide-firefox-failures');
    mkdirSync(dir, { recursive: true });
    const name = task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
    const pages = await browser.pages().catch(() => []);
    for (const [index, page] of pages.entries()) {
      await page.screenshot({ path: join(dir, `${name}-${index}.png`) }).catch(() => undefined);
    }
    console.error(`Firefox lane: screenshots of the ${pages.length} tab(s) in ${dir}`);
  });
}
