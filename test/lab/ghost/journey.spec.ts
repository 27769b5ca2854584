/**
 * The whole journey on a real single-page console nobody here wrote: Ghost 5's History
 * (Settings → Advanced → History), an Ember admin with a React settings app whose filters
 * are not in the address — event types are switches in a "Filter" popover, the staff member
 * a react-select that searches Ghost's users as you type, and neither has a search button.
 * A data-only pack (./pack, written from docs/adapters.md) drives it through the built demo
 * extension; every claim is checked against the console's own state (./truth.ts): the
 * request the admin app itself sent to Ghost's Admin API for the list, and the events that
 * API returns.
 *
 * Needs the console up (./start.sh; test/lab/run.mjs does it) and the demo build.
 */
import { test, type Frame, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, launchWithExtension, panelFrame, panelFrames } from '../../e2e/fixtures';
import { actions, historyFilter, historyLines, isHistoryRequest, ORIGIN, parseHistoryRequest, userId, type HistoryRequest } from './truth';
import { openHistoryInApp, signIn } from './admin-page';
import { expectRowsEqual } from './compare';
import { buildLabPack, capturedRows, caseCsvCaptures, copyEscalation, escalationOf, importLabPack, onePanel, stepOf } from '../lab-journey';

const RUNBOOK = 'who-changed-the-site';
const PACK_ID = 'northwind-journal-lab';
const STAFF_NAME = 'Alice Nguyen';
const EVENT = 'Edited';
const SCREENSHOTS = process.env.LAB_SCREENSHOTS;

async function runStep(page: Page, index: number, requests: HistoryRequest[], timeout = 60_000): Promise<Frame> {
  const before = requests.length;
  const panel = await panelFrame(page);
  const action = stepOf(panel, index).getByTestId('step-action');
  await expect(action, `step ${index + 1}'s button should be in the panel`).toBeVisible();
  await action.click();
  try {
    await expect.poll(async () => (await stepOf(panel, index).getAttribute('data-state')) ?? 'missing', { message: `step ${index + 1} should be done`, timeout }).toBe('done');
  } catch (error) {
    const asked = requests.slice(before).map((r) => r.filter || '(no filter)');
    const said = await stepOf(panel, index).evaluate((el) => el.textContent ?? '', undefined, { timeout: 5_000 }).catch(() => '(the step is not in the panel)');
    await page.screenshot({ path: join(SCREENSHOTS ?? test.info().outputDir, `ghost-step-${index + 1}.png`) }).catch(() => undefined);
    throw new Error(`${(error as Error).message}\nThe History asked Ghost since the click:\n  ${asked.join('\n  ') || '(nothing)'}\nThe step says:\n${said}`);
  }
  return panel;
}

test('Ghost History (single-page app, filters not in the address): recognise, fill staff and event type, capture, escalate, History after a restart, CSV — checked against Ghost', async () => {
  const answering = await fetch(`${ORIGIN}/ghost/api/admin/site/`).then((r) => r.ok, () => false);
  expect(answering, `the Ghost lab console should answer on ${ORIGIN} — start it with test/lab/ghost/start.sh (or node test/lab/run.mjs ghost)`).toBe(true);

  // Each part runs even when one before it failed, so one run says what works and what
  // doesn't; the test fails at the end with every failure listed.
  const failures: string[] = [];
  const part = (name: string, body: () => Promise<void>) =>
    test.step(name, async () => {
      const began = Date.now();
      let outcome = 'passed';
      try {
        await body();
      } catch (error) {
        outcome = 'FAILED';
        failures.push(`${name}: ${(error as Error).message.split('\n').slice(0, 30).join('\n    ')}`);
      } finally {
        console.log(`[journey ghost] ${outcome}: ${name} (${((Date.now() - began) / 1000).toFixed(1)} s)`);
      }
    });

  // What the search should show, from Ghost's Admin API: Alice's edits (publishing is an edit).
  const aliceId = await userId(STAFF_NAME);
  const expectedFilter = historyFilter({ excludedEvents: ['added', 'deleted'], userId: aliceId });
  let expected = historyLines(await actions(expectedFilter));
  expect(expected.length, 'the lab is seeded with at least 20 History lines of edits by one staff member').toBeGreaterThanOrEqual(20);

  const dir = mkdtempSync(join(tmpdir(), 'trailguide-lab-ghost-'));
  let context = await launchWithExtension(dir);
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    await importLabPack(context, extensionId, buildLabPack('ghost', dir), PACK_ID);
    const page = context.pages()[0] ?? (await context.newPage());
    // The admin app's own requests for the History list: what the console applied.
    const requests: HistoryRequest[] = [];
    page.on('request', (request) => {
      if (isHistoryRequest(request.url())) requests.push(parseHistoryRequest(request.url()));
    });

    await part('recognise the History: one panel, also after the admin app navigates by itself', async () => {
      await signIn(page);
      await openHistoryInApp(page);
      await onePanel(page, extensionId);
      // Closing the History is in-app navigation too (#/settings/history); opening it again must not add a second panel.
      await page.locator('[data-testid="history-modal"]').getByRole('button', { name: 'Close' }).click();
      await expect(page.locator('[data-testid="history-modal"]')).toHaveCount(0);
      await expect.poll(() => panelFrames(page).length, { message: 'at most one panel once the History is closed' }).toBeLessThanOrEqual(1);
      const view = page.getByRole('button', { name: 'View history' });
      await view.click();
      await expect(page.locator('[data-testid="history-modal"]')).toBeVisible();
      const panel = await onePanel(page, extensionId);
      await panel.locator(`[data-runbook-id="${RUNBOOK}"]`).click();
      await expect(panel.getByTestId('runbook-title')).toBeVisible();
      await panel.getByTestId('input-staff').fill(STAFF_NAME);
      await panel.getByTestId('input-event').selectOption(EVENT);
      if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/ghost-panel.png` });
    });

    await part('fill the staff member and the event type: the admin app asked Ghost for exactly those', async () => {
      const before = requests.length;
      const panel = await runStep(page, 0, requests);
      for (const field of ['actor', 'action']) {
        await expect(stepOf(panel, 0).locator(`[data-testid="fill-field"][data-field="${field}"]`), field).toHaveAttribute('data-status', 'kept');
      }
      const searches = requests.slice(before).filter((r) => !r.nextPage);
      expect(searches.length, 'the History should have asked Ghost for a new list').toBeGreaterThan(0);
      const last = searches.at(-1)!;
      expect({ events: last.excludedEvents, resources: last.excludedResources, actor: last.actorId }, 'the filter of the admin app’s last request').toEqual({
        events: ['added', 'deleted'],
        resources: ['label'],
        actor: aliceId,
      });
      expected = historyLines(await actions(last.filter));
      // The console shows what Ghost returned for that request: as many lines as the API gives.
      await expect(page.locator('[data-testid="history-modal"] section div[class*="group/list-item"]')).toHaveCount(expected.length);
      if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/ghost-filled.png` });
    });

    await part('capture every line: each row equals Ghost’s API (time, staff member, action)', async () => {
      const panel = await runStep(page, 1, requests);
      expectRowsEqual(await capturedRows(panel), expected, 'capture');
    });

    await part('escalate: the escalation names the staff member and every captured change', async () => {
      const panel = await panelFrame(page);
      const escalation = await escalationOf(panel, 2);
      expect(escalation).toContain(STAFF_NAME);
      for (const line of expected) expect(escalation).toContain(line.target);
      await copyEscalation(panel);
      if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/ghost-escalation.png` });
    });

    await context.close();
    context = await launchWithExtension(dir);
    await part('History after a browser restart, and its CSV: every row equals Ghost’s API, with its target', async () => {
      const captures = await caseCsvCaptures(context, extensionId, 'who changed a post');
      expect(captures, 'one capture in the CSV').toHaveLength(1);
      expectRowsEqual(
        captures[0]!.map((r) => ({ time: r.time!, actor: r.actor!, action: r.action!, target: r.target! })),
        expected,
        'CSV',
      );
    });
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
  expect(failures, 'every part of the journey should pass').toEqual([]);
});
