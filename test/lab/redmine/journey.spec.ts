/**
 * The whole journey on a real console nobody here wrote: Redmine 5.0's activity page,
 * server-rendered — every search reloads the page, "« Previous" loads the week before, and
 * each event is a sentence over two lines (a <dt> with the time and the title, a <dd> with
 * the note and the person) under a day heading. A data-only pack (./pack, written from
 * docs/adapters.md) drives it through the built demo extension; every claim is checked
 * against the console's own state (./truth.ts: Redmine's REST API, and what the activity page
 * received and applied on each request, from Redmine's own request log).
 *
 * Where the engine can't do a step yet, the check fails and says what differs (soft checks
 * for the rows, so the later steps still run and report too).
 *
 * Needs the console up (./start.sh; test/lab/run.mjs does it) and the demo build.
 */
import { test, type Frame, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, launchWithExtension, panelFrame, panelFrames } from '../../e2e/fixtures';
import { AGENT, DAYS_PER_PAGE, ORIGIN, activityEvents, activityRequests, appliedOf, expectedActivity, people, type ActivityEvent, type ActivityRequest } from './truth';
import { buildLabPack, caseCsvCaptures, copyEscalation, escalationOf, importLabPack, onePanel, stepOf } from '../lab-journey';
import { ACTIVITY_URL, capturedRows, expectRowsEqual, lastDay, lastRequest, signIn } from './helpers';

const PACK_ID = 'northwind-redmine-lab';
const RUNBOOK = 'who-worked-on-the-issue';
const PROJECT = 'billing';
const PERSON = 'Alice Moreau';
const KIND = 'Issues';
const SCREENSHOTS = process.env.LAB_SCREENSHOTS;

/**
 * Runs a step and waits until it has finished — done or failed — across the page loads it
 * causes (a search by link, a capture following "« Previous"): each look is at the panel of
 * the page as it is now. Returns the step's state and what it said.
 */
async function runStep(page: Page, extensionId: string, index: number, timeout = 90_000): Promise<{ state: string; message: string; panel: Frame; requests: ActivityRequest[] }> {
  const before = activityRequests().length;
  const started = Date.now();
  await stepOf(await panelFrame(page), index).getByTestId('step-action').click();
  await expect
    .poll(
      async () => {
        const frames = panelFrames(page);
        if (frames.length !== 1) return `panels: ${frames.length}`;
        const step = stepOf(frames[0]!, index);
        const busy = await step.getByTestId('step-action').getAttribute('aria-busy').catch(() => 'reloading');
        const state = await step.getAttribute('data-state').catch(() => 'reloading');
        return busy !== 'true' && (state === 'done' || state === 'failed') ? 'finished' : `${state}, busy ${busy}`;
      },
      { message: `step ${index + 1} should finish (Redmine was asked ${activityRequests().length - before} more times meanwhile)`, timeout },
    )
    .toBe('finished');
  const panel = await onePanel(page, extensionId);
  const step = stepOf(panel, index);
  const message = ((await step.locator('.step-message').textContent().catch(() => '')) ?? '').replace(/\s+/g, ' ').trim();
  console.log(`[redmine journey] step ${index + 1} finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { state: (await step.getAttribute('data-state')) ?? 'missing', message, panel, requests: activityRequests().slice(before) };
}

/** The agent's last activity request before `later` (the search a capture starts from). */
function lastRequestBefore(later: ActivityRequest[]): ActivityRequest {
  const mine = activityRequests().filter((r) => r.user === AGENT.login);
  const first = later[0] ? mine.findIndex((r) => r.id === later[0]!.id) : mine.length;
  expect(first, 'the capture should start from a search Redmine answered').toBeGreaterThan(0);
  return mine[first - 1]!;
}

test('Redmine activity: recognise, search by link (not narrowed by what Redmine remembers), capture week after week, escalate, History after a restart, CSV — checked against Redmine', async () => {
  const answering = await fetch(`${ORIGIN}/activity`).then((r) => r.ok, () => false);
  expect(answering, `the Redmine lab console should answer on ${ORIGIN} — start it with test/lab/redmine/start.sh`).toBe(true);

  const upto = lastDay();
  const all = await activityEvents();
  const person = (await people()).find((p) => p.name === PERSON);
  expect(person, `${PERSON} should be one of Redmine's people`).toBeDefined();

  const dir = mkdtempSync(join(tmpdir(), 'trailguide-lab-redmine-'));
  let context = await launchWithExtension(dir);
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    await importLabPack(context, extensionId, buildLabPack('redmine', dir), PACK_ID);
    const page = context.pages()[0] ?? (await context.newPage());

    await test.step('recognise the activity page: one panel, also after Redmine loads another page itself', async () => {
      await signIn(page);
      await onePanel(page, extensionId);
      // Redmine's own navigation, each a full page load: « Previous, then a sidebar event type.
      await page.locator('#content .pagination li.previous a').click();
      await page.waitForURL(/[?&]from=\d{4}-\d{2}-\d{2}/);
      await onePanel(page, extensionId);
      await page.locator('#activity_scope_form label a', { hasText: 'Wiki edits' }).click();
      await page.waitForURL(/show_wiki_edits=1/);
      await onePanel(page, extensionId);
      // The agent ticks only "Wiki edits" in Redmine's sidebar and applies it: Redmine remembers it for them…
      await page.locator('#show_issues').uncheck();
      await page.locator('#show_news').uncheck();
      await page.locator('#show_wiki_edits').check();
      await page.locator('#activity_scope_form input[name="submit"]').click();
      await page.waitForURL(/submit=/);
      expect(appliedOf(lastRequest()), 'Redmine remembers the kinds the agent applied').toMatchObject({ scope: ['wiki_edits'], remembers: true });
      await onePanel(page, extensionId);
      // …and shows only those on the next visit whose address names none.
      await page.goto(ACTIVITY_URL);
      expect(appliedOf(lastRequest()).scope, 'the plain address names no kind').toBeUndefined();
      await expect(page.locator('#show_wiki_edits')).toBeChecked();
      await expect(page.locator('#show_issues')).not.toBeChecked();
      const panel = await onePanel(page, extensionId);
      await panel.locator(`[data-runbook-id="${RUNBOOK}"]`).click();
      await expect(panel.getByTestId('runbook-title')).toBeVisible();
      await panel.getByTestId('input-upto').fill(upto);
      await panel.getByTestId('input-kind').selectOption(KIND);
      await panel.getByTestId('input-person').fill(PERSON);
      if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/redmine-panel.png` });
    });

    await test.step('all activity up to the day: every kind, not the one Redmine remembers for the agent', async () => {
      const { state, message } = await runStep(page, extensionId, 0);
      console.log(`[redmine journey] step 1 ${state}: ${message}`);
      const request = lastRequest();
      const applied = appliedOf(request);
      expect.soft(applied, `what Redmine applied (request ${request.path})`).toMatchObject({ project: PROJECT, authorId: undefined, from: upto, remembers: false });
      expect.soft(applied.scope ?? [], 'every kind the project has').toEqual(expect.arrayContaining(['issues', 'news', 'time_entries', 'wiki_edits']));
      // Redmine's own form says the same: every kind ticked.
      for (const kind of ['issues', 'news', 'wiki_edits', 'time_entries']) await expect.soft(page.locator(`#show_${kind}`), `${kind} ticked on the page`).toBeChecked();
      expect.soft(state, `step 1 should be done — it said: ${message}`).toBe('done');
    });

    let broad: ActivityEvent[] = [];
    await test.step("show the project's issues up to the day: Redmine applied exactly that", async () => {
      const { state, message } = await runStep(page, extensionId, 1);
      console.log(`[redmine journey] step 2 ${state}: ${message}`);
      const request = lastRequest();
      const applied = appliedOf(request);
      expect.soft(applied, `what Redmine applied (request ${request.path})`).toMatchObject({ project: PROJECT, authorId: undefined, scope: ['issues'], from: upto });
      expect.soft(state, `step 2 should be done — it said: ${message}`).toBe('done');
      // The capture reads what the console shows, so its rows are compared with what Redmine applied.
      broad = expectedActivity(all, applied, 6).slice(0, 25);
      expect(broad.length, 'the lab holds more than 25 such events over several weeks').toBe(25);
    });

    await test.step('capture 25 events, following « Previous across page loads: each row equals the API', async () => {
      const { state, message, panel, requests } = await runStep(page, extensionId, 2, 180_000);
      console.log(`[redmine journey] step 3 ${state}: ${message}`);
      expect.soft(state, `step 3 should be done — it said: ${message}`).toBe('done');
      // Redmine was asked for the weeks before, each with the search's own filters.
      const searched = appliedOf(lastRequestBefore(requests));
      const weeks = requests.map(appliedOf);
      // 10 + 9 + 6 issue events in the three weeks up to the day: the 25th row is on the third page.
      expect.soft(weeks.length, 'pages (weeks) Redmine served for this capture after the first').toBe(2);
      weeks.forEach((week, i) => {
        const from = new Date(Date.parse(`${upto}T00:00:00Z`) - (i + 1) * DAYS_PER_PAGE * 86_400_000).toISOString().slice(0, 10);
        expect.soft(week, `page ${i + 2} of the capture: the week up to ${from}, with the search's filters`).toEqual({ ...searched, from });
      });
      expectRowsEqual(await capturedRows(panel, 0), broad, 'capture across weeks');
      if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/redmine-capture.png` });
    });

    let narrow: ActivityEvent[] = [];
    await test.step('one person, every event type: Redmine applied the person, every type (not the remembered ones) and the day', async () => {
      const { state, message } = await runStep(page, extensionId, 3);
      console.log(`[redmine journey] step 4 ${state}: ${message}`);
      const request = lastRequest();
      const applied = appliedOf(request);
      expect.soft(applied, `what Redmine applied (request ${request.path})`).toMatchObject({ project: PROJECT, authorId: person!.id, from: upto });
      // Every type the project has (its modules: issues, news, wiki, spent time), so nothing Redmine remembered narrows it.
      expect.soft(applied.scope ?? [], 'every event type the project has, not the ones Redmine remembered').toEqual(expect.arrayContaining(['issues', 'news', 'time_entries', 'wiki_edits']));
      expect.soft(state, `step 4 should be done — it said: ${message}`).toBe('done');
      narrow = expectedActivity(all, applied, 6).slice(0, 10);
      expect(narrow.length, 'the lab holds more than 10 such events').toBe(10);
    });

    await test.step("capture the person's latest 10 events, then escalate", async () => {
      const { state, message, panel } = await runStep(page, extensionId, 4, 180_000);
      console.log(`[redmine journey] step 5 ${state}: ${message}`);
      expect.soft(state, `step 5 should be done — it said: ${message}`).toBe('done');
      expectRowsEqual(await capturedRows(panel, 1), narrow, "the person's capture");

      const escalation = await escalationOf(panel, 5);
      expect(escalation).toContain(PERSON);
      for (const event of narrow) expect.soft(escalation, 'the escalation lists each captured event').toContain(event.target);
      await copyEscalation(panel);
      if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/redmine-escalation.png` });
    });

    await context.close();
    context = await launchWithExtension(dir);
    await test.step('History after a browser restart, and its CSV: every row of both captures equals the API', async () => {
      const captures = await caseCsvCaptures(context, extensionId, 'who worked on their issue');
      expect(captures, 'two captures in the CSV').toHaveLength(2);
      const asRows = (rows: Record<string, string>[]) => rows.map((r) => ({ time: r.time ?? '', actor: r.actor ?? '', action: r.action ?? '', target: r.target ?? '' }));
      expectRowsEqual(asRows(captures[0]!), broad, 'CSV, first capture');
      expectRowsEqual(asRows(captures[1]!), narrow, 'CSV, second capture');
    });
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
