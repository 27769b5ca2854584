import type { Frame, Page, Worker } from '@playwright/test';
import { startHostileServer, type HostileServer } from '../fixtures/hostile/server';
import { expect, panelFrame, test } from './fixtures';
import { dbRecords } from './security-helpers';

/**
 * Issue 7 §1 — a hostile page (test/fixtures/hostile/spy.js, inline in <head>,
 * before our content script) tries every way to read what Trailguide holds while
 * an agent works a runbook on it. DESIGN.md §3.1 and §3.2.
 */
const INPUT_SENTINEL = 'sentinel-input-4f7c@customer.example';
const ESCALATION_SENTINEL = 'ESCALATION-SENTINEL-91b2';

interface SpyReport {
  everything: string;
  databases: string[];
  shadowHosts: string[];
  messages: string[];
  frameReads: number;
  frameErrors: number;
  resourceUrls: string[];
  panelHostFound: boolean;
  panelShadowVisible: boolean;
  polls: number;
}

let hostile: HostileServer;
test.beforeAll(async () => {
  hostile = await startHostileServer();
});
test.afterAll(async () => {
  await hostile.close();
});

const report = (page: Page) => page.evaluate(() => (window as unknown as { __spyReport: () => Promise<SpyReport> }).__spyReport());

/** Opens the runbook, types the sentinel input, captures the rows and opens the escalation builder. */
async function workACase(page: Page, worker: Worker): Promise<{ panel: Frame; explanation: string }> {
  const panel = await panelFrame(page);
  await panel.locator('[data-runbook-id="settings-changed-without-permission"]').click();
  await expect(panel.getByTestId('runbook-title')).toBeVisible();
  await panel.getByTestId('input-email').fill(INPUT_SENTINEL);
  const capture = panel.locator('[data-testid="step"]:has([data-action="capture"])').first();
  await capture.getByTestId('step-action').click();
  await expect(capture).toHaveAttribute('data-state', 'done');
  await expect(panel.getByTestId('captured-row')).toHaveCount(3);
  const explanation = (await panel.getByTestId('row-explanation').first().innerText()).trim();
  await panel.getByTestId('escalate').click();
  const text = panel.getByTestId('escalation-text');
  await expect(text).toHaveValue(new RegExp(INPUT_SENTINEL.replace(/\./g, '\\.')));
  await panel.getByTestId('escalation-title').fill(`Case ${ESCALATION_SENTINEL}`);
  await expect(text).toHaveValue(/mallory@hostile\.example/);
  // The draft with the sentinel is saved, and after that the spy has looked a few more times.
  await expect
    .poll(async () => (await dbRecords<{ title: string }>(worker, 'escalations')).map((e) => e.title), { timeout: 20_000 })
    .toEqual([`Case ${ESCALATION_SENTINEL}`]);
  const pollsThen = (await report(page)).polls;
  await expect.poll(async () => (await report(page)).polls, { timeout: 20_000 }).toBeGreaterThanOrEqual(pollsThen + 3);
  return { panel, explanation };
}

test('a hostile page finds no runbook input, captured row, escalation or Trailguide database', async ({ page, extensionId, serviceWorker }) => {
  await page.goto(`${hostile.url}/audit`);
  const { explanation } = await workACase(page, serviceWorker);
  expect(explanation.length).toBeGreaterThan(10);

  const seen = await report(page);
  // The spy really ran and really looked.
  expect(seen.polls).toBeGreaterThan(5);
  expect(seen.everything).toContain('mallory@hostile.example'); // its own rows: it can read its own DOM
  expect(seen.shadowHosts, 'the patched attachShadow caught the page’s own call').toContain('DIV');
  expect(seen.everything, 'and opened the page’s own closed root').toContain('own widget');

  // Our closed shadow root was made in the isolated world: the patch never saw it.
  expect(seen.panelHostFound).toBe(true);
  expect(seen.shadowHosts).not.toContain('TRAILGUIDE-PANEL');
  expect(seen.panelShadowVisible).toBe(false);
  expect(seen.frameReads, 'the panel frame is cross-origin to the page').toBe(0);

  // Nothing Trailguide holds reached the page: not in the DOM, shadow roots, frames,
  // mutations, messages, storage or any IndexedDB database of the page's origin.
  for (const secret of [INPUT_SENTINEL, ESCALATION_SENTINEL, explanation, 'Escalate this case', 'account settings were changed']) {
    expect(seen.everything, `the page must not see "${secret}"`).not.toContain(secret);
  }
  expect(seen.databases.filter((name) => /trailguide|dexie/i.test(name))).toEqual([]);
  // The content script announces nothing to the page: no message names the extension.
  expect(seen.messages.filter((m) => m.includes(extensionId))).toEqual([]);
  expect(seen.everything).not.toContain('chrome-extension://');
});

test('the content script never touches the page origin’s storage', async ({ page, serviceWorker }) => {
  await page.goto(`${hostile.url}/audit`);
  await workACase(page, serviceWorker);
  const storage = await page.evaluate(async () => ({
    databases: ((await indexedDB.databases()) ?? []).map((d) => d.name),
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
    cookie: document.cookie,
  }));
  expect(storage).toEqual({ databases: [], local: [], session: [], cookie: '' });
});
