import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startDemoServer } from '../../demo/server.mjs';
import { attributes, launchFirefox, openExtensionPage, panelFrame, panelFrames, screenshotsOnFailure, valueOf, waitForElement, type Firefox } from './firefox';

/**
 * The seed journey in Firefox, on the demo console: the panel appears (after an in-app
 * move from the console's Users page, which the navigation watcher reports), a runbook opens,
 * its first step fills the console's own search (the console's address and table say
 * so), the second captures rows into the panel, the escalation is built — and after a
 * browser restart on the same profile, History still has the case.
 */
const DANA = 'dana.whitfield@northwind.example';
const RUNBOOK = 'settings-changed-without-permission';

let demo: { url: string; close: () => Promise<void> };
let profileDir: string;
let firefox: Firefox | undefined;

beforeAll(async () => {
  demo = await startDemoServer({ port: 0, testHooks: true });
  profileDir = mkdtempSync(join(tmpdir(), 'trailguide-firefox-seed-'));
});

afterAll(async () => {
  await firefox?.close();
  await demo?.close();
  rmSync(profileDir, { recursive: true, force: true });
});

const step = (index: number) => `[data-testid="step"][data-step-index="${index}"]`;

test('panel, fill, capture and escalation on the demo console, then History after a restart', async () => {
  screenshotsOnFailure(() => firefox);
  firefox = await launchFirefox({ profileDir });
  const { page } = firefox;

  // The console's Users page (no adapter's address: only the navigation watcher runs), then
  // its own in-app link to the audit log: the page never reloads, and the panel comes.
  await page.goto(`${demo.url}/users`);
  await waitForElement(page, 'a.nav-link[data-nav="audit"]', 'the demo console should load its Users page');
  expect(await panelFrames(page)).toHaveLength(0);
  await page.locator('a.nav-link[data-nav="audit"]').click();
  await waitForElement(page, '[data-page="audit-log"]', 'the console should move to its audit log in-app');
  const panel = await panelFrame(page);
  const listed = await attributes(panel, '[data-testid="runbook-item"]', 'data-runbook-id');
  expect(listed).toContain(RUNBOOK);
  expect(listed).toContain('compliance-access-history');
  expect(await panel.$eval('[data-testid="panel-tool"]', (el) => el.textContent)).toMatch(/Acme Admin/);

  await panel.locator(`[data-runbook-id="${RUNBOOK}"]`).click();
  await waitForElement(panel, '[data-testid="runbook-title"]', 'the runbook should open');
  await panel.locator('[data-testid="input-email"]').fill(DANA);

  // Fill: the console's own search changes — its address carries the filter and every
  // row of its table is of the searched type.
  await panel.locator(`${step(0)} [data-testid="step-action"]`).click();
  await waitForElement(panel, `${step(0)}[data-state="done"]`, 'the fill step should say Done');
  expect(new URL(page.url()).searchParams.get('action')).toBe('account.settings_changed');
  await waitForElement(page, 'table.audit-table tbody tr[data-event-id]', 'the console should list the search’s rows');
  const consoleActions = await page.$$eval('table.audit-table tbody tr[data-event-id] td.col-action code', (cells) => cells.map((c) => c.textContent));
  expect(consoleActions.length).toBeGreaterThan(0);
  expect(new Set(consoleActions)).toEqual(new Set(['account.settings_changed']));

  // Capture: the console's rows in the panel.
  await panel.locator(`${step(1)} [data-testid="step-action"]`).click();
  await waitForElement(panel, `${step(1)}[data-state="done"]`, 'the capture step should say Done');
  await waitForElement(panel, '[data-testid="captured-row"]', 'captured rows should be listed in the panel');
  const captured = await attributes(panel, '[data-testid="captured-row"]', 'data-action');
  expect(captured.length).toBeGreaterThan(0);
  expect(new Set(captured)).toEqual(new Set(['account.settings_changed']));

  // Escalation text names the case, the search and a captured row.
  await panel.locator('[data-testid="escalate"]').click();
  await expect.poll(() => valueOf(panel, '[data-testid="escalation-text"]'), { timeout: 20_000 }).toMatch(/## Case/);
  const escalation = (await valueOf(panel, '[data-testid="escalation-text"]'))!;
  expect(escalation).toContain('account.settings_changed');
  expect(escalation).toContain(DANA);
  expect(await panelFrames(page)).toHaveLength(1);

  // Restart Firefox on the same profile: the case is in History.
  await firefox.close();
  firefox = undefined;
  firefox = await launchFirefox({ profileDir });
  const history = firefox.page;
  await openExtensionPage(history, 'options.html#history', '[data-testid="history-item"][data-kind="case"]');
  const items = await history.$$eval('[data-testid="history-item"][data-kind="case"]', (els) => els.map((el) => el.textContent ?? ''));
  expect(items.some((text) => /settings were changed/.test(text))).toBe(true);
});
