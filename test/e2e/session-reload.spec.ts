import type { BrowserContext, Frame, Page, Worker } from '@playwright/test';
import { startReloadServer, type ReloadEvent } from '../fixtures/consoles/reload/server.mjs';
import { expect, panelFrame, test as base } from './fixtures';

/**
 * Issue 12 §3 — the session outlives the page, on a server-rendered console
 * (test/fixtures/consoles/reload): its search form reloads the whole page and its
 * "Next ›" is a plain link, so the panel is rebuilt on every search and every page.
 * The runbook, the inputs and a truthful step state come back after the reload; a
 * capture follows the links page after page, keeping its rows in the tab's session —
 * none lost, none twice, also when the page is reloaded in the middle.
 */
const DANA = 'dana.whitfield@northwind.example';
const TICKET = 'T-4411';
const RUNBOOK = 'staff-activity-check';
const TITLE = 'Check what a staff member did';
const SHOTS = process.env.TRAILGUIDE_SCREENSHOTS;

const test = base.extend<{ consoleUrl: string }>({
  consoleUrl: async ({}, use) => {
    const server = await startReloadServer();
    await use(server.url);
    await server.close();
  },
});

/** A data-only pack as a team lead would write it from docs/adapters.md. */
function packFor(consoleUrl: string) {
  return {
    format: 'trailguide-pack',
    formatVersion: 1,
    id: 'back-office',
    name: 'Back office',
    version: '1.0.0',
    adapters: [
      {
        id: 'back-office-log',
        name: 'Back office activity log',
        vendor: 'Northwind (in-house)',
        verified: { how: 'fixture', date: '2026-12-01' },
        match: { include: [`${consoleUrl}/admin/log*`], present: [['form#log-search']] },
        fields: {
          actor: { label: 'Staff member', dom: { kind: 'text', selectors: ['#actor'] } },
          action: { label: 'Action', dom: { kind: 'select', selectors: ['#action'] } },
        },
        submit: { via: 'click', selectors: ['#search-button'] },
        results: {
          row: ['table.log tbody tr'],
          columns: {
            time: { selectors: ['td.when time'], attr: 'datetime' },
            actor: { selectors: ['td.who'] },
            action: { selectors: ['td.what'] },
            target: { selectors: ['td.target'] },
          },
          next: ['nav.pages a[rel="next"]'],
          nextLoadsPage: true,
          empty: ['p.empty'],
        },
      },
    ],
    runbooks: [
      {
        id: RUNBOOK,
        title: TITLE,
        summary: 'Finds every action a staff member took in the back office, across all its pages.',
        tools: ['back-office-log'],
        inputs: [
          { name: 'email', label: "Staff member's email", type: 'email' },
          { name: 'ticket', label: 'Ticket number', type: 'text', required: false },
        ],
        steps: [
          { title: 'Search the log for them', action: { type: 'fill', filters: { actor: '{{email}}' } } },
          { title: 'Capture every page', action: { type: 'capture', limit: 100 } },
        ],
      },
    ],
  };
}

async function importPack(context: BrowserContext, extensionId: string, pack: object): Promise<void> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#packs`);
  await expect(options.locator('[data-testid="pack-row"][data-pack-id="trailguide-essentials"]')).toBeAttached({ timeout: 30_000 });
  await options.getByTestId('pack-import-file').setInputFiles({ name: 'back-office.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pack)) });
  await expect(options.locator('[data-testid="pack-row"][data-pack-id="back-office"]')).toBeVisible();
  await options.close();
}

interface StoredRow {
  time: string | null;
  actor: string;
  action: string;
  target: string;
}

/** The captures of the case, asked from the panel (an extension page) as the panel itself does. */
async function storedCaptures(panel: Frame): Promise<{ rows: StoredRow[]; sourceUrl: string }[]> {
  return panel.evaluate(async (id) => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } }).chrome.runtime;
    const cases = (await runtime.sendMessage({ type: 'case:list', filter: { runbookId: id } })) as { id: string; updatedAt: number }[];
    const latest = [...cases].sort((a, b) => b.updatedAt - a.updatedAt)[0];
    if (!latest) return [];
    const detail = (await runtime.sendMessage({ type: 'case:get', id: latest.id })) as { captures: { rows: StoredRow[]; sourceUrl: string }[] } | null;
    return detail?.captures ?? [];
  }, RUNBOOK);
}

/**
 * The text of an element in the panel, read through the DevTools protocol in the panel's own
 * frame: unlike a locator, it doesn't wait for a navigation of the page that is still under way.
 */
async function panelText(page: Page, panel: Frame, selector: string): Promise<string | null> {
  const cdp = await page.context().newCDPSession(panel);
  try {
    const { result } = await cdp.send('Runtime.evaluate', { expression: `document.querySelector(${JSON.stringify(selector)})?.textContent?.trim() ?? null`, returnByValue: true });
    return (result.value as string | null) ?? null;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

const hook = async <T,>(consoleUrl: string, path: string): Promise<T> => (await (await fetch(`${consoleUrl}/__test/${path}`)).json()) as T;

/** The panel of the page loaded now (the one before it is gone once the new page committed). */
async function panelAfterLoad(page: Page, url: RegExp): Promise<Frame> {
  await page.waitForURL(url);
  return panelFrame(page);
}

test('a console that reloads on search and pages by links: the panel comes back where it was, and a 3-page capture keeps every row once', async ({ context, page, extensionId, consoleUrl }) => {
  await importPack(context, extensionId, packFor(consoleUrl));
  await page.goto(`${consoleUrl}/admin/log`);
  let panel = await panelFrame(page);
  await panel.locator(`[data-runbook-id="${RUNBOOK}"]`).click();
  await panel.getByTestId('input-email').fill(DANA);
  await panel.getByTestId('input-ticket').fill(TICKET);

  // Search: the console's form submits and the whole page reloads, panel and all.
  await panel.getByTestId('step').nth(0).getByTestId('step-action').click();
  panel = await panelAfterLoad(page, /[?&]actor=dana/);
  // The console's own state: it applied the search.
  await expect.poll(() => hook(consoleUrl, 'last-search')).toEqual({ actor: DANA, action: '', page: 1 });

  // The rebuilt panel shows the same runbook, what was typed, and a state it checked on the new page.
  await expect(panel.getByTestId('runbook-title')).toHaveText(TITLE);
  await expect(panel.getByTestId('input-email')).toHaveValue(DANA);
  await expect(panel.getByTestId('input-ticket')).toHaveValue(TICKET);
  const search = panel.getByTestId('step').nth(0);
  await expect(search).toHaveAttribute('data-state', 'done');
  await expect(search).toContainText('Done — the page reloaded when the search ran, and the console now applies every filter');
  await expect(search.locator('[data-testid="fill-field"][data-field="actor"]')).toHaveAttribute('data-status', 'kept');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/session-reload-search.png` });

  // The console's truth before the capture: Dana's 27 events, three pages of ten.
  const before = (await hook<ReloadEvent[]>(consoleUrl, 'events')).filter((e) => e.actor === DANA);
  expect(before).toHaveLength(27);
  // While the agent pages, a new event arrives (page 2 then starts with page 1's last row),
  // and page 3 is held back until the test has reloaded page 2 in the middle of the capture.
  await hook(consoleUrl, 'drift?page=2');
  await hook(consoleUrl, 'hold?page=3');

  await panel.getByTestId('step').nth(1).getByTestId('step-action').click();
  await expect.poll(() => hook<{ waiting: number }>(consoleUrl, 'held').then((h) => h.waiting), { message: 'the capture should follow the link to page 3' }).toBeGreaterThan(0);
  panel = await panelFrame(page);
  // Playwright's own locators wait for the page's navigation (held) to finish; the panel is read directly.
  await expect.poll(() => panelText(page, panel, '[data-testid="capture-progress"]')).toBe('Page 3 — 19 rows so far'); // page 2 repeated one row of page 1
  expect(await panelText(page, panel, '[data-testid="capture-cancel"]')).toBe('Cancel');
  // The person loads page 2 — the page on screen — again while page 3 is on its way. (Playwright's
  // reload() would reload the address still loading, page 3.) The panel is rebuilt on page 2 from the
  // session: it reads page 2 again (its rows are kept once) and follows the link to page 3 again.
  // Only until the new page is in: its panel may follow the link again before the page's load event.
  await page.goto(`${consoleUrl}/admin/log?${new URLSearchParams({ actor: DANA, page: '2' })}`, { waitUntil: 'commit' });
  await expect.poll(() => hook<{ waiting: number }>(consoleUrl, 'held').then((h) => h.waiting), { message: 'the capture should carry on from page 2' }).toBeGreaterThan(1);
  await hook(consoleUrl, 'release');

  panel = await panelAfterLoad(page, /[?&]page=3/);
  const capture = panel.getByTestId('step').nth(1);
  await expect(capture).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(capture).toContainText('Captured 27 rows from 3 pages.');
  await expect(capture).toContainText('1 row showed up again on a later page');
  await expect(capture).toContainText('The page reloaded during the capture');
  await expect(capture).toContainText('The console now shows page 3 of the results');
  await expect(panel.getByTestId('capture-progress')).toHaveCount(0);
  if (SHOTS) await capture.screenshot({ path: `${SHOTS}/session-reload-captured.png` });

  // Every row equals the console's own event, none missing, none twice.
  const stored = await storedCaptures(panel);
  expect(stored).toHaveLength(1);
  const rows = stored[0]!.rows;
  expect(rows).toHaveLength(27);
  expect(new Set(rows.map((r) => r.target)).size).toBe(27);
  const truth = new Map(before.map((e) => [e.target, e]));
  for (const row of rows) {
    const event = truth.get(row.target);
    expect(event, row.target).toBeDefined();
    expect({ time: row.time, actor: row.actor, action: row.action }).toEqual({ time: event!.time, actor: event!.actor, action: event!.action });
  }
  expect(stored[0]!.sourceUrl).toMatch(/[?&]actor=dana/);
  // The console is left where it is: page 3.
  expect(page.url()).toMatch(/[?&]page=3/);
});

/** The e-mail inputs held by every tab's stored panel session, read in the worker. */
function storedSessionEmails(worker: Worker): Promise<string[]> {
  return worker.evaluate(async () => {
    const session = (globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome.storage.session;
    const all = await session.get(null);
    return Object.entries(all)
      .filter(([key]) => key.startsWith('panelSession:'))
      .map(([, value]) => (value as { values?: { email?: string } }).values?.email ?? '');
  });
}

test('closing the runbook drops the tab session: after a reload the panel shows the list again', async ({ context, page, extensionId, consoleUrl, serviceWorker }) => {
  await importPack(context, extensionId, packFor(consoleUrl));
  await page.goto(`${consoleUrl}/admin/log`);
  let panel = await panelFrame(page);
  await panel.locator(`[data-runbook-id="${RUNBOOK}"]`).click();
  await panel.getByTestId('input-email').fill(DANA);
  // Kept in the browser's session storage for this tab (debounced): wait until it holds the e-mail.
  await expect.poll(() => storedSessionEmails(serviceWorker)).toEqual([DANA]);
  await page.reload();
  panel = await panelFrame(page);
  await expect(panel.getByTestId('runbook-title')).toHaveText(TITLE);
  await expect(panel.getByTestId('input-email')).toHaveValue(DANA);
  await panel.getByRole('button', { name: '← All runbooks' }).click();
  await expect(panel.locator(`[data-runbook-id="${RUNBOOK}"]`)).toBeVisible();
  await expect.poll(() => storedSessionEmails(serviceWorker)).toEqual([]);
  await page.reload();
  panel = await panelFrame(page);
  await expect(panel.locator(`[data-runbook-id="${RUNBOOK}"]`)).toBeVisible();
  await expect(panel.getByTestId('runbook-title')).toHaveCount(0);
});
