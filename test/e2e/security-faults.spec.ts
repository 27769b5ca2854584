import type { CDPSession, Page } from '@playwright/test';
import { demoHold, detectorVerdict, expect, panelFrame, panelFrames, test } from './fixtures';
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
  const FILTER = 'action=account.settings_changed';
  const expected = ((await (await fetch(`${demoUrl}/api/events?${FILTER}`)).json()) as { total: number; pages: number });
  expect(expected.pages, 'the capture must span pages for the worker to stop in the middle of it').toBeGreaterThan(1);
  const hold = demoHold(demoUrl);
  await page.goto(`${demoUrl}/audit?${FILTER}&hold=${hold.token}`);
  // The console's first search is held too: let it through, and wait for its rows.
  await expect.poll(hold.waiting, { message: 'the console asks for its first page' }).toBe(1);
  await hold.release();
  const pageIndicator = page.locator('.pagination');
  await expect(pageIndicator).toContainText(`Page 1 of ${expected.pages}`);
  const panel = await panelFrame(page);
  await panel.locator('[data-runbook-id="compliance-access-history"]').click();
  const capture = panel.locator('[data-testid="step"]:has([data-action="capture"])').first();
  const button = capture.getByTestId('step-action');
  const cdp = await page.context().newCDPSession(page);

  await serviceWorker.evaluate(() => ((globalThis as { __before?: boolean }).__before = true));
  await button.click();
  // The capture read page 1 and asked the console for page 2, whose answer is held:
  // it is certainly in the middle of the capture now, however slow the machine.
  await expect.poll(hold.waiting, { message: 'the capture asks for page 2' }).toBe(1);
  await expect(button).toHaveAttribute('aria-busy', 'true');
  await expect(capture.getByRole('status').filter({ hasText: 'Capturing' })).toBeVisible();
  await stopServiceWorkers(cdp);
  // The worker really restarted: what it held in memory is gone.
  await expect.poll(() => serviceWorker.evaluate(() => (globalThis as { __before?: boolean }).__before ?? false), { timeout: 20_000 }).toBe(false);

  // The panel says in plain words that Trailguide stopped responding, and that nothing was lost.
  const alert = capture.getByRole('alert');
  await expect(alert).toContainText('could not reach its background service');
  await expect(alert).toContainText('Nothing was lost');
  await expect(button).not.toHaveAttribute('aria-busy', 'true');
  await expect(capture).toHaveAttribute('data-state', 'failed');
  expect((await dbCounts(serviceWorker)).captures ?? 0).toBe(0);

  // Run again at once: the page is still busy with the orphaned capture (page 2 is still
  // held) and says to wait, in plain words — it does not start a second one beside it.
  await button.click();
  await expect(alert).toContainText('still working on this page');
  await expect(alert).toContainText('wait for it to finish');
  expect(await hold.waiting()).toBe(1);

  // Let the console answer. The orphaned capture finishes on the last page (its reply has
  // nowhere to go); the agent goes back to page 1 and runs the step again.
  await hold.open();
  await expect(pageIndicator).toContainText(`Page ${expected.pages} of ${expected.pages}`);
  const backToFirstPage = async () => {
    for (let at = expected.pages; at > 1; at--) {
      // By keyboard: at this window size the docked panel covers the console's pager (noted for the lead).
      await page.getByRole('button', { name: 'Previous page' }).press('Enter');
      await expect(pageIndicator).toContainText(`Page ${at - 1} of ${expected.pages}`);
    }
    await expect(page.locator('table.audit-table tbody tr[data-event-id]').first()).toBeVisible();
  };
  await backToFirstPage();
  // The orphan may still be reading its last page for a moment; then it says "wait" again.
  await expect(async () => {
    await button.click();
    await expect(button).not.toHaveAttribute('aria-busy', 'true', { timeout: 30_000 });
    await expect(capture).toHaveAttribute('data-state', 'done', { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(capture.getByRole('status').filter({ hasText: `Captured ${expected.total} rows from ${expected.pages} pages` })).toBeVisible();
  const shown = await panel.getByTestId('captured-row').count();
  expect(shown).toBe(Math.min(expected.total, ROWS_LISTED));

  // Exactly one capture, with every row: nothing lost.
  let captures = await dbRecords<CaptureRow>(serviceWorker, 'captures');
  expect(captures).toHaveLength(1);
  expect(captures[0]!.rowCount).toBe(expected.total);
  expect((await dbCounts(serviceWorker)).cases).toBe(1);

  // The same capture again (back on page 1): stored once, however often the step runs.
  await backToFirstPage();
  await button.click();
  await expect(button).not.toHaveAttribute('aria-busy', 'true', { timeout: 30_000 });
  await expect(capture).toHaveAttribute('data-state', 'done');
  await expect(capture.getByRole('status').filter({ hasText: `Captured ${expected.total} rows` })).toBeVisible();
  captures = await dbRecords<CaptureRow>(serviceWorker, 'captures');
  expect(captures.map((c) => c.rowCount)).toEqual([expected.total]);
  expect((await dbCounts(serviceWorker)).cases).toBe(1);
  await expect(panel.getByTestId('captured-row')).toHaveCount(shown);
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
  // The first draft is in the database (saved 800 ms after typing stops); then the worker dies.
  await expect.poll(async () => (await dbRecords<EscalationRow>(serviceWorker, 'escalations')).map((e) => e.title), { timeout: 20_000 }).toEqual(['First words']);
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
  await expect(page.locator('section#audit-log')).toBeAttached();
  // The old detector has seen the reload (it says so in its own world) and the navigations
  // ran through its listeners; a page round trip after them flushes any error they raised.
  await expect.poll(async () => (await detectorVerdict(page, extensionId))?.outcome).toBe('disconnected');
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await cdp.send('Runtime.evaluate', { expression: '0' });
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
