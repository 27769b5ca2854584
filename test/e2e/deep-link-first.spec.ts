import type { BrowserContext, Frame, Page } from '@playwright/test';
import { startReloadServer } from '../fixtures/consoles/reload/server.mjs';
import { expect, panelFrame, test as base } from './fixtures';

/**
 * Issue 12 §4 — fill by the console's own link first, with a value map. On the
 * server-rendered back-office console (test/fixtures/consoles/reload): a search step whose
 * filters the link can carry whole opens the link (no typing), the console's own state shows
 * it applied the console's code for the step's word ("Refund" → billing.invoice_refund),
 * and the rebuilt panel says Done only after reading the filters back from the new page, in
 * the step's words. A step with a value the map doesn't list is typed as before and not Done.
 */
const DANA = 'dana.whitfield@northwind.example';
const RUNBOOK = 'refunds-by-link';
const SHOTS = process.env.TRAILGUIDE_SCREENSHOTS;

const test = base.extend<{ consoleUrl: string }>({
  consoleUrl: async ({}, use) => {
    const server = await startReloadServer();
    await use(server.url);
    await server.close();
  },
});

/** A data-only pack, written from docs/adapters.md ("Value maps", "Fill by the link first"). */
function packFor(consoleUrl: string) {
  return {
    format: 'trailguide-pack',
    formatVersion: 1,
    id: 'back-office-links',
    name: 'Back office by link',
    version: '1.0.0',
    adapters: [
      {
        id: 'back-office-by-link',
        name: 'Back office activity log',
        vendor: 'Northwind (in-house)',
        verified: { how: 'fixture', date: '2026-12-01' },
        match: { include: [`${consoleUrl}/admin/log*`], present: [['form#log-search']] },
        deepLink: { base: '{origin}/admin/log', searchBy: 'link' },
        fields: {
          actor: { label: 'Staff member', url: { param: 'actor' }, dom: { kind: 'text', selectors: ['#actor'] } },
          action: {
            label: 'Action',
            values: { Refund: 'billing.invoice_refund', 'Password reset': 'user.password_reset', 'Sign-in': 'user.login' },
            url: { param: 'action', reset: '' },
            dom: { kind: 'select', selectors: ['#action'] },
          },
        },
        submit: { via: 'click', selectors: ['#search-button'] },
        results: {
          row: ['table.log tbody tr'],
          columns: { time: { selectors: ['td.when time'], attr: 'datetime' }, actor: { selectors: ['td.who'] }, action: { selectors: ['td.what'] } },
          empty: ['p.empty'],
        },
      },
    ],
    runbooks: [
      {
        id: RUNBOOK,
        title: 'Refunds by a staff member',
        summary: 'Finds the refunds a staff member made.',
        tools: ['back-office-by-link'],
        inputs: [{ name: 'email', label: "Staff member's email", type: 'email' }],
        steps: [
          { title: 'Search their refunds', action: { type: 'fill', filters: { actor: '{{email}}', action: 'Refund' } } },
          { title: 'Search their billing changes', action: { type: 'fill', filters: { actor: '{{email}}', action: 'Billing' } } },
        ],
      },
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

test('a search the link carries whole goes by the link, mapped to the console’s code, and is Done only once read back', async ({ context, page, extensionId, consoleUrl }) => {
  await importPack(context, extensionId, packFor(consoleUrl));
  await page.goto(`${consoleUrl}/admin/log`);
  let panel = await panelFrame(page);
  await panel.locator(`[data-runbook-id="${RUNBOOK}"]`).click();
  await panel.getByTestId('input-email').fill(DANA);

  await panel.getByTestId('step').nth(0).getByTestId('step-action').click();
  // The link, not the form: its address carries the console's own code for "Refund".
  panel = await panelAfterLoad(page, /[?&]action=billing\.invoice_refund/);
  expect(new URL(page.url()).searchParams.get('actor')).toBe(DANA);
  // The console's own state: it applied both filters.
  await expect.poll(() => lastSearch(consoleUrl)).toEqual({ actor: DANA, action: 'billing.invoice_refund', page: 1 });
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

  // "Billing" isn't in the map: no link; the form is typed (the actor only), never the raw word.
  await panel.getByTestId('step').nth(1).getByTestId('step-action').click();
  await expect.poll(() => lastSearch(consoleUrl)).toEqual({ actor: DANA, action: '', page: 1 });
  panel = await panelAfterLoad(page, /[?&]action=$/);
  const second = panel.getByTestId('step').nth(1);
  await expect(second).toHaveAttribute('data-state', 'failed');
  await expect(second).toContainText('the page reloaded when the search ran');
  await expect(second.locator('[data-testid="fill-field"][data-field="action"]')).toHaveAttribute('data-status', 'not-kept');
  await expect(second.locator('[data-testid="fill-field"][data-field="actor"]')).toHaveAttribute('data-status', 'kept');
  expect(page.url()).not.toContain('Billing');
});
