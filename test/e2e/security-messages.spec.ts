import { expect, panelFrame, panelFrames, test } from './fixtures';
import { collectErrors, dbCounts, dbRecords, openSettingsRunbook, panelState } from './security-helpers';

/**
 * Issue 7 §2 — the page throws 1,000 hostile messages at Trailguide:
 * window.postMessage to itself and into every frame (the panel's included),
 * CustomEvents shaped like our message types and like WXT's internal events,
 * and chrome.runtime.sendMessage to our extension id. DESIGN.md §3.5: nothing a
 * page can send changes state.
 */
const EMAIL = 'dana.whitfield@northwind.example';

test('1,000 hostile page messages change nothing and crash nothing', async ({ context, page, serviceWorker, extensionId, demoUrl }) => {
  const errors = collectErrors(context, serviceWorker, page);
  const panel = await openSettingsRunbook(page, `${demoUrl}/audit`);
  await panel.getByTestId('input-email').fill(EMAIL);
  const capture = panel.locator('[data-testid="step"]:has([data-action="capture"])').first();
  await capture.getByTestId('step-action').click();
  await expect(capture).toHaveAttribute('data-state', 'done');
  // Inputs are saved shortly after typing stops: wait until the case holds the e-mail.
  await expect
    .poll(async () => (await dbRecords<{ inputs: Record<string, string> }>(serviceWorker, 'cases')).map((c) => c.inputs.email), { timeout: 20_000 })
    .toEqual([EMAIL]);
  // The worker's own start-up upkeep records the (empty) IT policy status in settings;
  // let it land first, so only what the page does can change the counts below.
  await expect.poll(async () => (await dbCounts(serviceWorker)).settings, { timeout: 20_000 }).toBeGreaterThan(0);
  const before = { panel: await panelState(panel), db: await dbCounts(serviceWorker), url: page.url() };
  expect(before.db.cases).toBe(1);
  expect(before.db.captures).toBe(1);

  const outcome = await page.evaluate(async (id) => {
    const types = [
      'panel:init', 'detect:table', 'page:changed', 'host:toggle', 'host:set-open', 'exec:run', 'exec:fill', 'exec:capture',
      'exec:cancel', 'case:create', 'case:delete', 'case:update', 'capture:add', 'escalation:save', 'packs:import',
      'packs:delete', 'packs:subscribe', 'settings:set', 'retention:apply', 'runbook:save-local', 'history:list',
    ];
    const wxtEvents = [`${id}:content:wxt:content-script-started`, `${id}:content:wxt:locationchange`];
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const payloads = (): unknown => {
      const type = pick(types);
      const shapes: unknown[] = [
        { type },
        { type, id: 'x'.repeat(100_000) },
        { type, open: false, tabId: 1, request: { type: 'exec:capture', adapter: {}, limit: 1e9 } },
        JSON.parse(`{"type":"${type}","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}`),
        { type, patch: { retentionDays: 0 }, days: 0, text: '{"format":"trailguide-pack"}', url: 'https://evil.example/p.json' },
        { type: 123 }, null, 'panel:init', [type], { type: `${type}\u0000` },
        { contentScriptName: 'content', messageId: `evil-${random()}`, type: pick(wxtEvents) },
      ];
      return pick(shapes);
    };
    let sent = 0;
    let runtimeReplies = 0;
    let runtimeErrors = 0;
    const chromeRuntime = (globalThis as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => unknown } } }).chrome?.runtime;
    for (let i = 0; i < 1_000; i++) {
      const payload = payloads();
      switch (i % 5) {
        case 0:
          window.postMessage(payload, '*');
          break;
        case 1:
          // Into every frame the page can address. The panel's frame is not among them: it
          // sits in a closed shadow root, so window.frames does not list it (asserted below).
          for (let f = 0; f < window.frames.length; f++) window.frames[f]!.postMessage(payload, '*');
          break;
        case 2:
          document.dispatchEvent(new CustomEvent(pick(wxtEvents), { detail: payload }));
          break;
        case 3:
          window.dispatchEvent(new CustomEvent(pick([...types, ...wxtEvents]), { detail: payload }));
          break;
        case 4:
          try {
            if (!chromeRuntime?.sendMessage) throw new Error('chrome.runtime is not exposed to this page');
            // Without externally_connectable this page has no chrome.runtime at all; were it
            // exposed, the browser answers or rejects every call, so no time limit is needed.
            const reply = await chromeRuntime.sendMessage(id, payload);
            if (reply !== undefined) runtimeReplies++;
          } catch {
            runtimeErrors++;
          }
          break;
      }
      sent++;
    }
    return { sent, runtimeReplies, runtimeErrors, frames: window.frames.length, polluted: ({} as { polluted?: unknown }).polluted ?? null };
  }, extensionId);

  expect(outcome.sent).toBe(1_000);
  expect(outcome.runtimeReplies, 'no externally_connectable: the page cannot talk to the extension').toBe(0);
  expect(outcome.runtimeErrors).toBe(200);
  expect(outcome.frames, 'the page cannot even address the panel’s frame').toBe(0);

  // Give anything that might have reacted its chance: one last message, posted after all
  // of them, has reached the page (messages arrive in order, so every earlier one has been
  // handled by whoever listens), and the worker has answered a round trip after that.
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        addEventListener('message', (e) => e.data === 'e2e-last-message' && done());
        window.postMessage('e2e-last-message', '*');
      }),
  );
  await dbCounts(serviceWorker);
  expect(panelFrames(page)).toHaveLength(1);
  await expect(page.locator('trailguide-panel')).toHaveCount(1);
  const after = { panel: await panelState(await panelFrame(page)), db: await dbCounts(serviceWorker), url: page.url() };
  expect(after).toEqual(before);
  expect(await serviceWorker.evaluate(() => ({} as { polluted?: unknown }).polluted ?? null)).toBeNull();

  // The panel still works: in-app navigation still re-binds it.
  await page.getByRole('navigation').getByRole('link', { name: 'Users' }).click();
  await expect.poll(() => panelFrames(page).length).toBe(0);
  await page.getByRole('navigation').getByRole('link', { name: 'Audit log' }).click();
  await panelFrame(page);
  expect(errors).toEqual([]);
});
