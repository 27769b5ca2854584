import type { CDPSession, Page } from '@playwright/test';
import { detectorChecked, expect, panelFrame, panelFrames, test } from './fixtures';

/**
 * Issue 7 §7 — 50 in-app navigations on the demo console (pushState through the
 * app's own links, replaceState, back, forward, hash changes; /audit and /users
 * mixed) leave exactly one panel wherever the audit log shows, none elsewhere,
 * and no leaked listeners or observers.
 *
 * How leaks are measured (docs/security.md): our content script runs in an
 * isolated world with its own MutationObserver constructor, so wrapping the
 * page's constructor would see nothing of ours. Instead the DevTools protocol
 * finds the isolated world's execution context (Runtime.executionContextCreated,
 * auxData.type "isolated", origin chrome-extension://<id>), takes *that world's*
 * MutationObserver.prototype and asks V8 for every live object with it
 * (Runtime.queryObjects, after a forced GC). Listeners are counted with
 * DOMDebugger.getEventListeners on window, document and navigation, which
 * reports the listeners of every world on those targets.
 */
interface Probe {
  cdp: CDPSession;
  isolatedContextId: number;
}

async function attachProbe(page: Page, extensionId: string): Promise<Probe> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { type?: string; isDefault?: boolean; frameId?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context as (typeof contexts)[number]));
  await cdp.send('Runtime.enable'); // replays the existing contexts
  const mainFrameId = (await cdp.send('Page.getFrameTree')).frameTree.frame.id;
  const isolated = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${extensionId}` && c.auxData.frameId === mainFrameId);
  if (!isolated) throw new Error(`no isolated world of ours among ${JSON.stringify(contexts.map((c) => [c.origin, c.auxData?.type]))}`);
  return { cdp, isolatedContextId: isolated.id };
}

async function liveObjects(probe: Probe, constructor: string): Promise<number> {
  const { cdp, isolatedContextId } = probe;
  await cdp.send('HeapProfiler.collectGarbage');
  // Every handle goes into one object group, released after, so counting holds on to nothing.
  const objectGroup = 'leak-probe';
  const proto = await cdp.send('Runtime.evaluate', { expression: `${constructor}.prototype`, contextId: isolatedContextId, objectGroup });
  const found = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId!, objectGroup });
  const count = await cdp.send('Runtime.callFunctionOn', { objectId: found.objects.objectId!, functionDeclaration: 'function () { return this.length; }', returnByValue: true });
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup });
  return count.result.value as number;
}

/** Listeners on window, document and navigation, as seen from the page's world and from ours. */
async function listenerCounts(probe: Probe): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [world, contextId] of [['page', undefined], ['isolated', probe.isolatedContextId]] as const) {
    for (const target of ['window', 'document', 'navigation']) {
      const handle = await probe.cdp.send('Runtime.evaluate', { expression: target, objectGroup: 'listener-probe', ...(contextId ? { contextId } : {}) });
      const { listeners } = await probe.cdp.send('DOMDebugger.getEventListeners', { objectId: handle.result.objectId! });
      for (const l of listeners) out[`${world} ${target}:${l.type}`] = (out[`${world} ${target}:${l.type}`] ?? 0) + 1;
      await probe.cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'listener-probe' });
    }
  }
  return out;
}

type Move = 'link-audit' | 'link-users' | 'replace-audit' | 'replace-users' | 'back' | 'forward' | 'hash';

/** A fixed, varied sequence of 50 moves. */
function moves(): Move[] {
  const pattern: Move[] = ['link-users', 'link-audit', 'hash', 'back', 'forward', 'replace-users', 'link-audit', 'back', 'back', 'forward', 'replace-audit', 'hash', 'link-users'];
  return Array.from({ length: 50 }, (_, i) => pattern[(i * 5 + Math.floor(i / pattern.length)) % pattern.length]!);
}

async function move(page: Page, step: Move, i: number): Promise<void> {
  const nav = page.getByRole('navigation');
  switch (step) {
    case 'link-audit':
      return nav.getByRole('link', { name: 'Audit log' }).click();
    case 'link-users':
      return nav.getByRole('link', { name: 'Users' }).click();
    case 'replace-audit':
    case 'replace-users':
      // The console's own router re-renders on popstate, as after back/forward.
      await page.evaluate((path) => {
        history.replaceState(null, '', path);
        dispatchEvent(new PopStateEvent('popstate'));
      }, step === 'replace-audit' ? `/audit?q=churn${i}` : '/users');
      return;
    case 'back':
    case 'forward':
      // Resolves once the browser has moved (history.back() itself returns at once); every
      // popstate listener — the console's router, our detector — ran before ours, added last.
      // Where there is nowhere to go (the Navigation API says so), nothing moves.
      await page.evaluate(
        (direction) =>
          new Promise<void>((done) => {
            const nav = (window as unknown as { navigation: { canGoBack: boolean; canGoForward: boolean } }).navigation;
            if (direction === 'back' ? !nav.canGoBack : !nav.canGoForward) return done();
            addEventListener('popstate', () => done(), { once: true });
            if (direction === 'back') history.back();
            else history.forward();
          }),
        step,
      );
      return;
    case 'hash':
      await page.evaluate((n) => (location.hash = `row-${n}`), i);
      return;
  }
}

test('50 in-app navigations: exactly one panel wherever the audit log shows, none elsewhere, no leaks', async ({ page, demoUrl, extensionId }) => {
  test.setTimeout(180_000);
  await page.goto(`${demoUrl}/audit`);
  await panelFrame(page);
  await detectorChecked(page, extensionId, ['shown']);
  const probe = await attachProbe(page, extensionId);
  const baseline = { observers: await liveObjects(probe, 'MutationObserver'), listeners: await listenerCounts(probe) };
  // The listener count sees our world too (each world's view of window is asked separately).
  expect(baseline.listeners).toMatchObject({ 'isolated window:popstate': 1, 'isolated window:hashchange': 1, 'isolated navigation:currententrychange': 1 });

  // Control: the probe does see the isolated world — one observer made there is counted.
  await probe.cdp.send('Runtime.evaluate', {
    expression: 'globalThis.__probeObserver = new MutationObserver(() => {}); __probeObserver.observe(document, { childList: true }); 0',
    contextId: probe.isolatedContextId,
  });
  expect(await liveObjects(probe, 'MutationObserver')).toBe(baseline.observers + 1);
  await probe.cdp.send('Runtime.evaluate', { expression: '__probeObserver.disconnect(); delete globalThis.__probeObserver; 0', contextId: probe.isolatedContextId });
  expect(await liveObjects(probe, 'MutationObserver')).toBe(baseline.observers);

  const sequence = moves();
  expect(new Set(sequence).size).toBe(7);
  for (const [i, step] of sequence.entries()) {
    await move(page, step, i);
    const onAudit = new URL(page.url()).pathname === '/audit';
    if (onAudit) await expect(page.locator('section#audit-log')).toBeAttached();
    else await expect(page.locator('section#audit-log')).toHaveCount(0);
    await expect.poll(() => panelFrames(page).length, { message: `after move ${i} (${step}) to ${page.url()}` }).toBe(onAudit ? 1 : 0);
    await expect(page.locator('trailguide-panel')).toHaveCount(onAudit ? 1 : 0);
  }

  // End on the audit log, let detection settle, and compare with the start.
  if (new URL(page.url()).pathname !== '/audit') await move(page, 'link-audit', 50);
  const panel = await panelFrame(page);
  await expect(panel.getByTestId('runbook-item').first()).toBeVisible();
  // The detector has shown the panel for this address: its work for the last move is done.
  await detectorChecked(page, extensionId, ['shown']);
  expect(panelFrames(page)).toHaveLength(1);
  await expect(page.locator('trailguide-panel')).toHaveCount(1);
  expect(await liveObjects(probe, 'MutationObserver')).toBe(baseline.observers);
  expect(await listenerCounts(probe)).toEqual(baseline.listeners);
});
