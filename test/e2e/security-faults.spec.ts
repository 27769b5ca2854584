import type { CDPSession, Page } from '@playwright/test';
import { expect, panelFrame, panelFrames, test } from './fixtures';
import { dbCounts, dbRecords } from './security-helpers';

/**
 * Issue 7 §6 — faults: the service worker is stopped in the middle of a capture
 * and of an escalation; the extension is reloaded with a console open.
 */
interface CaptureRow {
  id: string;
  caseId: string;
  rowCount: number;
  hash: string;
}
/** The panel lists at most this many rows of a capture (components/panel/CapturedRows.tsx). */
const ROWS_LISTED = 100;
interface EscalationRow {
  id: string;
  caseId: string;
  title: string;
}

/** Stops every service worker, ours included (the MV3 worker may die like this at any time). */
async function stopServiceWorkers(cdp: CDPSession): Promise<void> {
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
}

/** Uncaught errors of any world in the page (content scripts included), via the DevTools protocol. */
async function collectPageExceptions(page: Page): Promise<{ cdp: CDPSession; errors: string[] }> {
  const cdp = await page.context().newCDPSession(page);
  const errors: string[] = [];
  cdp.on('Runtime.exceptionThrown', (event) => errors.push(event.exceptionDetails.exception?.description ?? event.exceptionDetails.text));
  cdp.on('Log.entryAdded', (event) => {
    if (event.entry.level === 'error') errors.push(event.entry.text);
  });
  cdp.on('Runtime.consoleAPICalled', (event) => {
    if (event.type === 'error') errors.push(event.args.map((a) => a.description ?? a.value).join(' '));
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Log.enable');
  return { cdp, errors };
}

test('the service worker stopped mid-capture: nothing lost, nothing duplicated', async ({ page, serviceWorker, demoUrl }) => {
  test.setTimeout(180_000);
  await page.goto(`${demoUrl}/audit?action=account.settings_changed&latency=600`);
  const panel = await panelFrame(page);
  await panel.locator('[data-runbook-id="compliance-access-history"]').click();
  const capture = panel.locator('[data-testid="step"]:has([data-action="capture"])').first();
  const cdp = await page.context().newCDPSession(page);

  await serviceWorker.evaluate(() => ((globalThis as { __before?: boolean }).__before = true));
  await capture.getByTestId('step-action').click();
  await expect(capture.getByTestId('step-action')).toHaveAttribute('aria-busy', 'true');
  await page.waitForTimeout(700); // the capture is reading pages now
  await expect(capture.getByTestId('step-action')).toHaveAttribute('aria-busy', 'true');
  await stopServiceWorkers(cdp);
  // The worker really restarted: what it held in memory is gone.
  await expect.poll(() => serviceWorker.evaluate(() => (globalThis as { __before?: boolean }).__before ?? false), { timeout: 20_000 }).toBe(false);

  // Whatever the interrupted attempt did, the agent can run the step again (once the
  // page has finished the orphaned capture, which it says in plain words).
  await expect(async () => {
    if ((await capture.getAttribute('data-state')) === 'done') return;
    if ((await capture.getByTestId('step-action').getAttribute('aria-busy')) !== 'true') {
      await capture.getByTestId('step-action').click();
    }
    await expect(capture).toHaveAttribute('data-state', 'done', { timeout: 3_000 });
  }).toPass({ timeout: 90_000, intervals: [1_000, 2_000, 3_000] });
  const shown = await panel.getByTestId('captured-row').count();
  expect(shown).toBeGreaterThan(0);

  // Run it once more for good measure: the same capture is never stored twice.
  await capture.getByTestId('step-action').click();
  await expect(capture).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(capture.getByTestId('step-action')).not.toHaveAttribute('aria-busy', 'true');
  const counts = await dbCounts(serviceWorker);
  const captures = await dbRecords<CaptureRow>(serviceWorker, 'captures');
  expect(counts.cases).toBe(1);
  // Nothing duplicated: the same rows are stored once, however often the step ran.
  // (A capture that paginated leaves the console on its last page, so a later run
  // may read different rows — that is a new capture, not a duplicate.)
  const hashes = captures.map((c) => c.hash);
  expect(new Set(hashes).size).toBe(hashes.length);
  // Nothing lost: what the panel showed first is in the database.
  expect(captures.some((c) => Math.min(c.rowCount, ROWS_LISTED) === shown)).toBe(true);
});

test('the service worker stopped mid-escalation: the draft is kept once, with the last words typed', async ({ page, serviceWorker, demoUrl }) => {
  await page.goto(`${demoUrl}/audit`);
  const panel = await panelFrame(page);
  await panel.locator('[data-runbook-id="settings-changed-without-permission"]').click();
  await panel.getByTestId('input-email').fill('dana.whitfield@northwind.example');
  await panel.getByTestId('escalate').click();
  const title = panel.getByTestId('escalation-title');
  await expect(title).toBeVisible();
  const cdp = await page.context().newCDPSession(page);

  await title.fill('First words');
  await page.waitForTimeout(850); // the draft save (800 ms after typing) is on its way
  await stopServiceWorkers(cdp);
  await title.fill('Final words after the restart');
  await expect
    .poll(async () => (await dbRecords<EscalationRow>(serviceWorker, 'escalations')).map((e) => e.title), { timeout: 20_000 })
    .toEqual(['Final words after the restart']);
  expect((await dbCounts(serviceWorker)).cases).toBe(1);
});

test('reloading the extension with a console open: the old content script stops quietly and offers a reconnect', async ({ page, serviceWorker, extensionId, demoUrl }) => {
  await page.goto(`${demoUrl}/audit`);
  await panelFrame(page);
  const { cdp, errors } = await collectPageExceptions(page);

  await serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload());
  // The dead panel frame goes away and a small notice offers to reconnect.
  await expect.poll(() => panelFrames(page).length, { timeout: 15_000 }).toBe(0);
  await expect(page.locator('trailguide-panel')).toHaveCount(0);
  await expect(page.locator('trailguide-reconnect')).toHaveCount(1);
  const text = async () => {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    return JSON.stringify(root);
  };
  await expect.poll(text).toContain('Reload this page');

  // The console keeps working and navigating it wakes nothing dead.
  await page.getByRole('navigation').getByRole('link', { name: 'Users' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Audit log' }).click();
  await page.waitForTimeout(1_500);
  expect(errors.filter((e) => /context invalidated|Trailguide|chrome-extension/i.test(e))).toEqual([]);

  // Reconnecting is a page reload: once the reloaded extension is up again, the
  // new content script brings the panel back.
  const workerUp = async () => {
    for (const worker of page.context().serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${extensionId}/`))) {
      const alive = await worker
        .evaluate(() => typeof (globalThis as unknown as { chrome: { runtime: { id?: string } } }).chrome.runtime.id)
        .catch(() => 'not yet');
      if (alive === 'string') return alive;
    }
    return 'not yet';
  };
  await expect.poll(workerUp, { timeout: 30_000 }).toBe('string');
  await page.reload();
  await panelFrame(page);
  await expect(page.locator('trailguide-reconnect')).toHaveCount(0);
});
