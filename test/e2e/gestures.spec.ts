import type { Page } from '@playwright/test';
import { expect, panelFrame, test } from './fixtures';

/**
 * Issue 12 §4, controls side: a console whose every filter takes more than one gesture
 * (test/fixtures/consoles/gestures/) — a search box behind a magnifier that searches as you
 * type, a sidebar list of event types, toggle buttons for the source, a filter builder. One
 * fill step, clicked in the panel, must leave the console asking its server for exactly what
 * the runbook asked (the console's own state, not our reading of its DOM), report every field
 * kept, and report only once the rows on the page are that search's.
 */
const ADAPTER = {
  id: 'acme-ops-activity',
  name: 'Acme Ops activity',
  vendor: 'Trailguide tests',
  verified: { how: 'fixture', date: '2026-12-01' },
  match: { include: ['http://127.0.0.1:*/ops/activity*'], present: [['#event-types[data-list]']] },
  fields: {
    text: {
      label: 'Search',
      dom: { selectors: ['#search-slot input[type="search"]'], open: [{ selectors: ['button[aria-label="Search activity"]'], label: 'the magnifier button' }] },
    },
    action: { label: 'Event type', dom: { kind: 'list', selectors: ['#event-types'], selected: ['#event-types a.is-active'] } },
    source: { label: 'Source', dom: { kind: 'list', selectors: ['#sources'], multiple: true } },
    actor: {
      label: 'Actor',
      dom: {
        selectors: ['#filter-bar'],
        steps: [
          { click: ['button[aria-label="Filters"]'] },
          { click: ['#add-filter'] },
          { pick: { selectors: ['#filter-fields [role="menuitem"]'], text: 'Actor' } },
          { pick: { selectors: ['#filter-ops [role="menuitem"]'], text: 'is' } },
          { type: { selectors: ['#filter-input'], value: '{value}' } },
          { click: ['#filter-apply'] },
        ],
        verify: { selectors: ['#chips .chip'], text: 'Actor is {value}' },
      },
    },
    ticket: {
      label: 'Ticket',
      dom: { selectors: ['#ticket-search'], open: [{ selectors: ['button[aria-label="Ticket search"]'], label: 'the ticket button' }] },
    },
  },
  submit: { via: 'none' },
  waitFor: { busy: ['#results[aria-busy="true"]'], debounceMs: 400, timeoutMs: 10_000 },
  results: {
    row: ['#results tbody tr'],
    columns: {
      time: { selectors: ['time'], attr: 'datetime' },
      actor: { selectors: ['.who'] },
      action: { selectors: ['.what'] },
      target: { selectors: ['.target'] },
    },
  },
};

const FILTERS = { text: 'invoice', action: 'login', source: 'web, api', actor: 'alice' };

const PACK = {
  format: 'trailguide-pack',
  formatVersion: 1,
  id: 'gestures-pack',
  name: 'Gestures pack',
  version: '1.0.0',
  adapters: [ADAPTER],
  runbooks: [
    {
      id: 'alice-invoice-logins',
      title: 'Sign-ins by alice around invoices',
      summary: 'Sets every filter of the Acme Ops activity log, then captures the rows.',
      tools: ['acme-ops-activity'],
      steps: [
        { title: 'Filter the activity', action: { type: 'fill', filters: FILTERS } },
        { title: 'Capture the rows', action: { type: 'capture' } },
      ],
    },
    {
      id: 'ticket-lookup',
      title: 'Look up a ticket',
      summary: 'A search box this console does not have.',
      tools: ['acme-ops-activity'],
      steps: [{ title: 'Search the ticket', action: { type: 'fill', filters: { ticket: 'T-1042' } } }],
    },
  ],
};

async function importPack(page: Page, extensionId: string): Promise<void> {
  const options = await page.context().newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#packs`);
  await options.getByTestId('pack-import-paste').fill(JSON.stringify(PACK));
  await options.getByTestId('pack-import-paste-submit').click();
  await expect(options.locator('[data-testid="pack-row"][data-pack-id="gestures-pack"]')).toBeVisible();
  await options.close();
}

async function consoleState(opsUrl: string): Promise<{ lastQuery: Record<string, string> | null; count: number | null }> {
  return (await (await fetch(`${opsUrl}/__test/last-query`)).json()) as { lastQuery: Record<string, string> | null; count: number | null };
}

test('open, a list, toggles, a filter builder and a search as you type: one fill step sets them all, checked by the console’s own state', async ({ page, extensionId, opsUrl }) => {
  test.setTimeout(90_000);
  await importPack(page, extensionId);
  await page.goto(`${opsUrl}/ops/activity`);
  await expect(page.locator('#results tbody tr')).toHaveCount(60);
  // The search box is folded away until the magnifier is clicked.
  await expect(page.locator('#search-slot input')).toHaveCount(0);

  const panel = await panelFrame(page);
  await panel.locator('[data-runbook-id="alice-invoice-logins"]').click();
  const fill = panel.getByTestId('step').nth(0);
  await fill.getByTestId('step-action').click();
  await expect(fill).toHaveAttribute('data-state', /done|failed/, { timeout: 45_000 });

  // The rows on the page when the step reported are already this search's: no old rows.
  const rowsWhenReported = await page.locator('#results tbody tr').count();
  const busyWhenReported = await page.locator('#results').getAttribute('aria-busy');

  for (const field of Object.keys(FILTERS)) {
    await expect(fill.locator(`[data-testid="fill-field"][data-field="${field}"]`)).toHaveAttribute('data-status', 'kept');
  }
  await expect(fill).toHaveAttribute('data-state', 'done');

  // The console asked its server for exactly the runbook's filters.
  const state = await consoleState(opsUrl);
  expect(state.lastQuery).toEqual({ type: 'login', source: 'web,api', actor: 'alice', q: 'invoice' });
  expect(state.count).toBe(2);
  expect(busyWhenReported).toBe('false');
  expect(rowsWhenReported).toBe(state.count);
  await expect(page.locator('#event-types a.is-active')).toHaveText('Log in');
  await expect(page.locator('#chips .chip')).toContainText('Actor is alice');

  // The capture reads those rows.
  const capture = panel.getByTestId('step').nth(1);
  await capture.getByTestId('step-action').click();
  await expect(capture).toHaveAttribute('data-state', 'done');
  await expect(panel.getByTestId('captured-row')).toHaveCount(2);
  for (const row of await panel.getByTestId('captured-row').all()) await expect(row).toHaveAttribute('data-actor', 'alice');
  if (process.env.TRAILGUIDE_SCREENSHOTS) await page.screenshot({ path: `${process.env.TRAILGUIDE_SCREENSHOTS}/gestures.png` });
});

test('an open target that isn’t on the page: the field is not filled, and the panel says why in plain words', async ({ page, extensionId, opsUrl }) => {
  await importPack(page, extensionId);
  await page.goto(`${opsUrl}/ops/activity`);
  const panel = await panelFrame(page);
  await panel.locator('[data-runbook-id="ticket-lookup"]').click();
  const step = panel.getByTestId('step').nth(0);
  await step.getByTestId('step-action').click();
  await expect(step).toHaveAttribute('data-state', 'failed', { timeout: 30_000 });
  const line = step.locator('[data-testid="fill-field"][data-field="ticket"]');
  await expect(line).toHaveAttribute('data-status', 'not-kept');
  await expect(line).toContainText("Couldn't open the Ticket box: the ticket button isn't on this page");
});
