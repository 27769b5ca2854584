/**
 * The whole journey on a real console nobody here wrote: Django 3.2's admin audit log
 * (LogEntry), server-rendered — every search and filter reloads the page, and the next
 * page is a "?p=2" link. A data-only pack (./pack, written from docs/adapters.md) drives it
 * through the built demo extension; every claim is checked against the console's own state
 * (./truth.ts: its database, and what its audit-log page applied on each request).
 *
 * Needs the console up (./start.sh; test/lab/run.mjs does it) and the demo build.
 */
import { test, type Frame, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, launchWithExtension, panelFrame, panelFrames } from '../../e2e/fixtures';
import { ADMIN, AUDIT_LOG_URL, ORIGIN, appliedFilters, changelistRequests, filterParams, toMinute, truthRows, type ChangelistRequest, type TruthRow } from './truth';
import { buildLabPack, caseCsvCaptures, copyEscalation, escalationOf, importLabPack, onePanel, stepOf } from '../lab-journey';

const RUNBOOK = 'who-changed-this-customer';
const CUSTOMER = 'Northwind Traders';
const FROM = '2026-11-01';
const TO = '2026-11-30';
const STAFF = 'alice';
const KIND = 'Change';
const PACK_ID = 'northwind-billing-lab';
const SCREENSHOTS = process.env.LAB_SCREENSHOTS;

async function signIn(page: Page): Promise<void> {
  await page.goto(`${ORIGIN}/admin/login/?next=/admin/admin/logentry/`);
  await page.locator('#id_username').fill(ADMIN.username);
  await page.locator('#id_password').fill(ADMIN.password);
  await page.locator('#login-form input[type="submit"]').click();
  await page.waitForURL(`${AUDIT_LOG_URL}*`);
}

/**
 * Runs a step and waits until it is done, across the page loads it causes: the panel may be
 * rebuilt on a new page (a search by link, a capture following "next" links), so each look
 * is at the panel of the page as it is now.
 */
async function runStep(page: Page, extensionId: string, index: number, timeout = 30_000): Promise<Frame> {
  const requestsBefore = changelistRequests().length;
  const action = stepOf(await panelFrame(page), index).getByTestId('step-action');
  await expect(action, `step ${index + 1}'s button should be in the panel`).toBeVisible();
  await action.click();
  try {
    await expect
      .poll(
        async () => {
          const frames = panelFrames(page);
          if (frames.length !== 1) return `panels: ${frames.length}`;
          return (await stepOf(frames[0]!, index).getAttribute('data-state').catch(() => 'reloading')) ?? 'missing';
        },
        { message: `step ${index + 1} should be done`, timeout },
      )
      .toBe('done');
  } catch (error) {
    // Say what the console saw and what the panel says, for whoever reads the failure.
    const asked = changelistRequests().slice(requestsBefore).map((r) => `?${r.query} → ${r.status}${r.resultCount === undefined ? '' : `, ${r.resultCount} entries, page ${r.page}`}`);
    const frame = panelFrames(page)[0];
    const said = frame ? await stepOf(frame, index).innerText({ timeout: 5_000 }).catch(() => '(the step is not in the panel)') : '(no panel)';
    await page.screenshot({ path: test.info().outputPath(`step-${index + 1}.png`) }).catch(() => undefined);
    throw new Error(`${(error as Error).message}\nThe console was asked since the click:\n  ${asked.join('\n  ') || '(nothing)'}\nThe page is at ${page.url()}\nThe step says:\n${said}`);
  }
  return onePanel(page, extensionId);
}

/** The console's last answer to a search (not a page of results further on): page 1. */
function lastSearch(): ChangelistRequest {
  const answered = changelistRequests().filter((r) => r.params !== undefined && (r.page ?? 1) === 1);
  expect(answered.length, 'the console should have answered a search').toBeGreaterThan(0);
  return answered.at(-1)!;
}

/** The captured rows must be the console's entries, one for one, in its order. */
function expectRowsEqual(captured: { time: string; actor: string; action: string; target?: string }[], truth: TruthRow[], what: string): void {
  expect(captured.length, `${what}: rows captured vs the console's database`).toBe(truth.length);
  truth.forEach((entry, i) => {
    const row = captured[i]!;
    const expected: Record<string, string> = { time: toMinute(entry.time), actor: entry.user, action: entry.action };
    const seen: Record<string, string> = { time: row.time ? toMinute(row.time) : '', actor: row.actor, action: row.action };
    if (row.target !== undefined) {
      expected.target = entry.object;
      seen.target = row.target;
    }
    expect(seen, `${what}: row ${i + 1} (entry ${entry.id})`).toEqual(expected);
  });
}

/** Fills the runbook's inputs (what an agent types before the first step). */
async function fillInputs(panel: Frame): Promise<void> {
  await panel.getByTestId('input-customer').fill(CUSTOMER);
  await panel.getByTestId('input-range-from').fill(FROM);
  await panel.getByTestId('input-range-to').fill(TO);
  await panel.getByTestId('input-staff').fill(STAFF);
  await panel.getByTestId('input-kind').selectOption(KIND);
}

/**
 * The session must outlive the page (issue 12 §3): after a page load the runbook is still
 * open. Where it isn't, that is a failure of its own, and the runbook is reopened with the
 * same inputs so the later parts of the journey still run and report on their own.
 */
async function runbookStillOpen(page: Page, extensionId: string, failures: string[], when: string): Promise<Frame> {
  const panel = await onePanel(page, extensionId);
  // The panel restores its session from the extension's storage as it loads: wait for it.
  const open = await panel.getByTestId('runbook-title').waitFor({ timeout: 10_000 }).then(
    () => true,
    () => false,
  );
  if (open) return panel;
  failures.push(`${when}: the page reloaded and the panel no longer had the runbook open (the session did not outlive the page); reopened it to go on`);
  await panel.locator(`[data-runbook-id="${RUNBOOK}"]`).click();
  await expect(panel.getByTestId('runbook-title')).toBeVisible();
  await fillInputs(panel);
  return panel;
}

const rowsOf = (panel: Frame, capture: number) => panel.locator('.capture').nth(capture).getByTestId('captured-row');
const readRows = (panel: Frame, capture: number) =>
  rowsOf(panel, capture).evaluateAll((items) =>
    items.map((li) => ({ time: li.getAttribute('data-time') ?? '', actor: li.getAttribute('data-actor') ?? '', action: li.getAttribute('data-action') ?? '' })),
  );

test('Django admin audit log: recognise, search by link, capture every page, escalate, History after a restart, CSV — checked against the console', async () => {
  const answering = await fetch(`${ORIGIN}/admin/login/`).then((r) => r.ok, () => false);
  expect(answering, `the Django lab console should answer on ${ORIGIN} — start it with test/lab/django/start.sh (or run npm run test:lab:django)`).toBe(true);

  // Each part of the journey runs even when one before it failed, so one run says what
  // works and what doesn't; the test fails at the end with every failure listed.
  const failures: string[] = [];
  // Each part's outcome and time, printed for test/lab/README.md's figures.
  const part = (name: string, body: () => Promise<void>) =>
    test.step(name, async () => {
      const began = Date.now();
      let outcome = 'passed';
      try {
        await body();
      } catch (error) {
        outcome = 'FAILED';
        failures.push(`${name}: ${(error as Error).message.split('\n').slice(0, 12).join('\n    ')}`);
      }
      console.log(`[lab django] ${outcome} in ${((Date.now() - began) / 1000).toFixed(1)} s: ${name}`);
    });

  // What each search should find, from the console's database, for the filters the runbook asks.
  const intended = { search: CUSTOMER, since: `${FROM}T00:00:00Z`, until: '2026-12-01T00:00:00Z' };
  let broad = truthRows(intended);
  let narrow = truthRows({ ...intended, user: STAFF, flag: 2 });
  expect(broad.length, 'the lab is seeded with more than two pages of this customer').toBeGreaterThanOrEqual(20);
  expect(narrow.length, 'and with changes by one staff member').toBeGreaterThan(0);

  const dir = mkdtempSync(join(tmpdir(), 'trailguide-lab-django-'));
  let context = await launchWithExtension(dir);
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    await importLabPack(context, extensionId, buildLabPack('django', dir), PACK_ID);
    const page = context.pages()[0] ?? (await context.newPage());

    await part('recognise the audit log: one panel, also after the console reloads the page itself', async () => {
      await signIn(page);
      await onePanel(page, extensionId);
      // The console's own navigation: a sidebar filter and a page link, each a full page load.
      await page.locator('#changelist-filter a', { hasText: 'Deletion' }).click();
      await page.waitForURL(/action_flag__exact=3/);
      await onePanel(page, extensionId);
      await page.locator('#changelist-filter a', { hasText: /^All$/ }).first().click();
      await page.waitForURL((url) => !url.search.includes('action_flag'));
      await page.locator('#changelist .paginator a', { hasText: /^2$/ }).click();
      await page.waitForURL(/[?&]p=2/);
      await onePanel(page, extensionId);
      await page.goto(AUDIT_LOG_URL);
      const panel = await onePanel(page, extensionId);
      await panel.locator(`[data-runbook-id="${RUNBOOK}"]`).click();
      await expect(panel.getByTestId('runbook-title')).toBeVisible();
      await fillInputs(panel);
      if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/django-panel.png` });
    });

    await part('search for the customer and the dates: the console applied exactly those; a reload keeps the runbook', async () => {
      try {
        await runStep(page, extensionId, 0);
      } finally {
        await runbookStillOpen(page, extensionId, failures, 'after step 1');
      }
      const search = lastSearch();
      expect(search.search, 'the console searched for').toBe(CUSTOMER);
      expect(filterParams(search), 'the console filtered on').toEqual(['action_time__gte', 'action_time__lt']);
      const applied = appliedFilters(search);
      expect(new Date(applied.since!).toISOString()).toBe(`${FROM}T00:00:00.000Z`);
      expect(new Date(applied.until!).getTime()).toBeGreaterThanOrEqual(new Date(`${TO}T23:59:00Z`).getTime());
      broad = truthRows(applied);
      expect(search.resultCount, "the console's result count vs its database").toBe(broad.length);
      // The person reloads the page: one panel, the runbook still open, the step still done.
      await page.reload();
      const panel = await onePanel(page, extensionId);
      await expect(panel.getByTestId('runbook-title')).toBeVisible();
      await expect(stepOf(panel, 0)).toHaveAttribute('data-state', 'done');
      await expect(panel.getByTestId('input-customer')).toHaveValue(CUSTOMER);
    });

    await part('capture every page (next is a link that loads a new page): each row equals the database', async () => {
      const before = changelistRequests().length;
      let panel: Frame;
      try {
        panel = await runStep(page, extensionId, 1, 60_000);
      } finally {
        panel = await runbookStillOpen(page, extensionId, failures, 'after step 2');
      }
      const pages = changelistRequests().slice(before).filter((r) => r.search === CUSTOMER).map((r) => r.page);
      for (let p = 2; p <= Math.ceil(broad.length / 10); p++) expect(pages, `the console should have been asked for page ${p}`).toContain(p);
      expectRowsEqual(await readRows(panel, 0), broad, 'capture of every page');
    });

    await part('narrow to one staff member and one kind of action: the console applied every filter', async () => {
      try {
        await runStep(page, extensionId, 2);
      } finally {
        await runbookStillOpen(page, extensionId, failures, 'after step 3');
      }
      const search = lastSearch();
      expect(search.search).toBe(CUSTOMER);
      expect(filterParams(search)).toEqual(['action_flag__exact', 'action_time__gte', 'action_time__lt', 'user']);
      const applied = appliedFilters(search);
      expect(applied).toMatchObject({ user: STAFF, flag: 2 });
      narrow = truthRows(applied);
      expect(search.resultCount).toBe(narrow.length);
      const panel = await panelFrame(page);
      for (const field of ['actor', 'action', 'target', 'since', 'until']) {
        await expect(stepOf(panel, 2).locator(`[data-testid="fill-field"][data-field="${field}"]`), field).toHaveAttribute('data-status', 'kept');
      }
    });

    await part('capture the narrowed rows, then escalate', async () => {
      let panel: Frame;
      try {
        panel = await runStep(page, extensionId, 3);
      } finally {
        panel = await runbookStillOpen(page, extensionId, failures, 'after step 4');
      }
      expectRowsEqual(await readRows(panel, 1), narrow, 'narrowed capture');
      const escalation = await escalationOf(panel, 4);
      expect(escalation).toContain(CUSTOMER);
      expect(escalation).toContain(STAFF);
      for (const entry of narrow) expect(escalation).toContain(entry.object);
      await copyEscalation(panel);
      if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/django-escalation.png` });
    });

    await context.close();
    context = await launchWithExtension(dir);
    await part('History after a browser restart, and its CSV: every row of both captures equals the database', async () => {
      const captures = await caseCsvCaptures(context, extensionId, 'who changed their account');
      expect(captures, 'two captures in the CSV').toHaveLength(2);
      const asRows = (rows: Record<string, string>[]) => rows.map((r) => ({ time: r.time!, actor: r.actor!, action: r.action!, target: r.target! }));
      expectRowsEqual(asRows(captures[0]!), broad, 'CSV, first capture');
      expectRowsEqual(asRows(captures[1]!), narrow, 'CSV, second capture');
    });
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
  expect(failures, 'every part of the journey should pass').toEqual([]);
});
