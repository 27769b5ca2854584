import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Frame, Page } from '@playwright/test';
import { expect, panelFrame, test as base } from './fixtures';

/**
 * Issue 12 §4 — fill by the console's own link first, with a value map. On a small
 * server-rendered back-office console (below, started per test): a search step whose
 * filters the link can carry whole opens the link (no typing), the console's own state shows
 * it applied the console's code for the step's word ("Refund" → billing.invoice_refund),
 * and the rebuilt panel says Done only after reading the filters back from the new page, in
 * the step's words. A step with a value the map doesn't list is typed as before and not Done.
 * Like many admin consoles, this one remembers the last action chosen, on its server: a link
 * that leaves the action out brings it back. With `url.reset` the link clears it; without, the
 * panel names the filter the console still applies and doesn't say Done.
 */
const DANA = 'dana.whitfield@northwind.example';
const RUNBOOK = 'activity-by-link';
const PLAIN = 'activity-plain-link';
const SHOTS = process.env.TRAILGUIDE_SCREENSHOTS;

const ACTIONS = [
  ['settings.update', 'Changed settings'],
  ['user.login', 'Signed in'],
  ['user.password_reset', 'Reset a password'],
  ['billing.invoice_refund', 'Refunded an invoice'],
] as const;

/** 30 events, one every seven minutes back from a fixed instant; two in three by Dana. */
const EVENTS = Array.from({ length: 30 }, (_, i) => ({
  time: new Date(Date.UTC(2026, 10, 28, 17) - i * 7 * 60_000).toISOString(),
  actor: i % 3 === 2 ? 'omar.haddad@northwind.example' : DANA,
  action: ACTIONS[i % ACTIONS.length]![0],
}));

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * GET /<any>/log?actor=&action= renders the form and the matching rows, no script. An absent
 * `action` means the one this console remembers from the last search (like a per-user saved
 * filter); `action=` means every action. /__test/last-search: what the last page applied.
 */
async function startConsole(): Promise<{ url: string; close: () => Promise<void> }> {
  let remembered = '';
  let lastSearch: { actor: string; action: string } | null = null;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/__test/last-search') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify(lastSearch));
    }
    if (!/^\/(admin|plain)\/log$/.test(url.pathname)) {
      res.writeHead(404);
      return res.end();
    }
    const actor = url.searchParams.get('actor') ?? '';
    if (url.searchParams.has('action')) remembered = url.searchParams.get('action') ?? '';
    const action = remembered;
    lastSearch = { actor, action };
    const rows = EVENTS.filter((e) => (!actor || e.actor === actor) && (!action || e.action === action))
      .map((e) => `<tr><td class="when"><time datetime="${e.time}">${e.time.slice(0, 16)} UTC</time></td><td class="who">${escape(e.actor)}</td><td class="what">${e.action}</td></tr>`)
      .join('');
    const options = ACTIONS.map(([code, label]) => `<option value="${code}"${code === action ? ' selected' : ''}>${label}</option>`).join('');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Back office — Activity log</title></head><body>
<h1>Activity log</h1>
<form id="log-search" method="get" action="${url.pathname}">
  <input type="hidden" name="utf8" value="✓">
  <label>Staff member <input id="actor" name="actor" value="${escape(actor)}"></label>
  <label>Action <select id="action" name="action"><option value="">All actions</option>${options}</select></label>
  <button id="search-button" type="submit">Search</button>
</form>
${rows ? `<table class="log"><tbody>${rows}</tbody></table>` : '<p class="empty">No entries match these filters.</p>'}
</body></html>`);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        // The browser keeps its connections open; don't wait for them to time out.
        server.closeAllConnections();
      }),
  };
}

const test = base.extend<{ consoleUrl: string }>({
  consoleUrl: async ({}, use) => {
    const server = await startConsole();
    await use(server.url);
    await server.close();
  },
});

/** An adapter for one copy of the console, as a team lead would write it from docs/adapters.md. */
function adapterFor(consoleUrl: string, id: string, path: string, withReset: boolean) {
  return {
    id,
    name: 'Back office activity log',
    vendor: 'Northwind (in-house)',
    verified: { how: 'fixture', date: '2026-12-01' },
    match: { include: [`${consoleUrl}${path}*`], present: [['form#log-search']] },
    deepLink: { base: `{origin}${path}`, searchBy: 'link' },
    fields: {
      actor: { label: 'Staff member', url: { param: 'actor' }, dom: { kind: 'text', selectors: ['#actor'] } },
      action: {
        label: 'Action',
        values: { Refund: 'billing.invoice_refund', 'Password reset': 'user.password_reset', 'Sign-in': 'user.login' },
        // The console remembers the last action: a link that leaves it out says "every action".
        url: { param: 'action', ...(withReset ? { reset: '' } : {}) },
        dom: { kind: 'select', selectors: ['#action'] },
      },
    },
    submit: { via: 'click', selectors: ['#search-button'] },
    results: {
      row: ['table.log tbody tr'],
      columns: { time: { selectors: ['td.when time'], attr: 'datetime' }, actor: { selectors: ['td.who'] }, action: { selectors: ['td.what'] } },
      empty: ['p.empty'],
    },
  };
}

function runbookFor(id: string, tool: string, steps: { title: string; action: string }[]) {
  return {
    id,
    title: `Staff activity (${tool})`,
    summary: 'Finds what a staff member did.',
    tools: [tool],
    inputs: [{ name: 'email', label: "Staff member's email", type: 'email' }],
    steps: steps.map((s) => ({ title: s.title, action: { type: 'fill', filters: { actor: '{{email}}', ...(s.action ? { action: s.action } : {}) } } })),
  };
}

function packFor(consoleUrl: string) {
  return {
    format: 'trailguide-pack',
    formatVersion: 1,
    id: 'back-office-links',
    name: 'Back office by link',
    version: '1.0.0',
    adapters: [adapterFor(consoleUrl, 'back-office-by-link', '/admin/log', true), adapterFor(consoleUrl, 'back-office-plain', '/plain/log', false)],
    runbooks: [
      runbookFor(RUNBOOK, 'back-office-by-link', [
        { title: 'Search their refunds', action: 'Refund' },
        { title: 'Search everything they did', action: '' },
        { title: 'Search their billing changes', action: 'Billing' },
      ]),
      runbookFor(PLAIN, 'back-office-plain', [
        { title: 'Search their refunds', action: 'Refund' },
        { title: 'Search everything they did', action: '' },
      ]),
    ],
  };
}

async function importPack(context: BrowserContext, extensionId: string, pack: object): Promise<void> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#packs`);
  await expect(options.locator('[data-testid="pack-row"][data-pack-id="trailguide-essentials"]')).toBeAttached({ timeout: 30_000 });
  await options.getByTestId('pack-import-file').setInputFiles({ name: 'links.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pack)) });
  await expect(options.locator('[data-testid="pack-row"][data-pack-id="back-office-links"]')).toBeVisible();
  await options.close();
}

const lastSearch = async (consoleUrl: string) => (await (await fetch(`${consoleUrl}/__test/last-search`)).json()) as unknown;

async function panelAfterLoad(page: Page, url: RegExp): Promise<Frame> {
  await page.waitForURL(url);
  return panelFrame(page);
}

async function openFor(page: Page, url: string, runbook: string): Promise<Frame> {
  await page.goto(url);
  const panel = await panelFrame(page);
  await panel.locator(`[data-runbook-id="${runbook}"]`).click();
  await panel.getByTestId('input-email').fill(DANA);
  return panel;
}

test('a search the link carries whole goes by the link, mapped to the console’s code, resets what the console remembers, and is Done only once read back', async ({ context, page, extensionId, consoleUrl }) => {
  await importPack(context, extensionId, packFor(consoleUrl));
  let panel = await openFor(page, `${consoleUrl}/admin/log`, RUNBOOK);

  await panel.getByTestId('step').nth(0).getByTestId('step-action').click();
  // The link, not the form (whose submit adds utf8=✓): its address carries the console's own code for "Refund".
  panel = await panelAfterLoad(page, /\?actor=[^&]+&action=billing\.invoice_refund$/);
  expect(new URL(page.url()).searchParams.get('actor')).toBe(DANA);
  // The console's own state: it applied both filters.
  await expect.poll(() => lastSearch(consoleUrl)).toEqual({ actor: DANA, action: 'billing.invoice_refund' });
  await expect(page.locator('table.log tbody tr').first()).toBeVisible();

  const first = panel.getByTestId('step').nth(0);
  await expect(first).toHaveAttribute('data-state', 'done');
  await expect(first).toContainText('Done — the log was opened with a new address, and the console now applies every filter this step asked for.');
  // Read back in the step's words.
  const action = first.locator('[data-testid="fill-field"][data-field="action"]');
  await expect(action).toHaveAttribute('data-status', 'kept');
  await expect(action).toContainText('Action: applied by the console (Refund)');
  await expect(first.locator('[data-testid="fill-field"][data-field="actor"]')).toHaveAttribute('data-status', 'kept');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/deep-link-first.png` });

  // Everything they did: the link says "every action" (url.reset), so the remembered Refund doesn't come back.
  await panel.getByTestId('step').nth(1).getByTestId('step-action').click();
  panel = await panelAfterLoad(page, /\?actor=[^&]+&action=$/);
  await expect.poll(() => lastSearch(consoleUrl)).toEqual({ actor: DANA, action: '' });
  const second = panel.getByTestId('step').nth(1);
  await expect(second).toHaveAttribute('data-state', 'done');
  await expect(second).not.toContainText('also filters on');

  // "Billing" isn't in the map: no link; the form is typed (the actor only), never the raw word.
  await panel.getByTestId('step').nth(2).getByTestId('step-action').click();
  panel = await panelAfterLoad(page, /[?&]utf8=/);
  await expect.poll(() => lastSearch(consoleUrl)).toEqual({ actor: DANA, action: '' });
  const third = panel.getByTestId('step').nth(2);
  await expect(third).toHaveAttribute('data-state', 'failed');
  await expect(third).toContainText('the page reloaded when the search ran');
  await expect(third.locator('[data-testid="fill-field"][data-field="action"]')).toHaveAttribute('data-status', 'not-kept');
  await expect(third.locator('[data-testid="fill-field"][data-field="actor"]')).toHaveAttribute('data-status', 'kept');
  expect(page.url()).not.toContain('Billing');
});

test('without a reset, a filter the console remembers on its server is named and the step is not Done', async ({ context, page, extensionId, consoleUrl }) => {
  await importPack(context, extensionId, packFor(consoleUrl));
  let panel = await openFor(page, `${consoleUrl}/plain/log`, PLAIN);
  await panel.getByTestId('step').nth(0).getByTestId('step-action').click();
  panel = await panelAfterLoad(page, /&action=billing\.invoice_refund$/);
  await expect(panel.getByTestId('step').nth(0)).toHaveAttribute('data-state', 'done');

  // The link leaves the action out; the console brings back the Refund it remembered.
  await panel.getByTestId('step').nth(1).getByTestId('step-action').click();
  panel = await panelAfterLoad(page, /\?actor=[^&]+$/);
  await expect.poll(() => lastSearch(consoleUrl)).toEqual({ actor: DANA, action: 'billing.invoice_refund' });
  const second = panel.getByTestId('step').nth(1);
  await expect(second).toHaveAttribute('data-state', 'failed');
  await expect(second).toContainText('The console also filters on Action (Refund), which this step didn\'t ask for');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/deep-link-remembered.png` });
});
