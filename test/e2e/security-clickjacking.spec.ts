import type { Frame, Page } from '@playwright/test';
import { startHostileServer, type HostileServer } from '../fixtures/hostile/server';
import { detectorVerdict, expect, panelFrame, panelFrames, test } from './fixtures';

/**
 * Issue 7 §4 — clickjacking (the DEF CON 33 extension-clickjacking class). The
 * page cannot reach into our closed shadow root, so it attacks from outside:
 * covers the panel with its own element (also from the top layer), makes the
 * whole document transparent or filtered, or frames the console invisibly. The
 * escalation's copy and open-ticket actions switch off and say why
 * (components/escalation/visibility.ts, IntersectionObserver v2).
 */
async function openBuilder(page: Page, url: string): Promise<Frame> {
  await page.goto(url);
  const panel = await panelFrame(page);
  await panel.locator('[data-runbook-id="settings-changed-without-permission"]').click();
  await panel.getByTestId('input-email').fill('dana.whitfield@northwind.example');
  await panel.getByTestId('escalate').click();
  await panel.getByTestId('copy-escalation').scrollIntoViewIfNeeded();
  await expect(panel.getByTestId('copy-escalation')).toBeEnabled();
  return panel;
}

async function expectPaused(panel: Frame) {
  await expect(panel.getByTestId('copy-escalation')).toBeDisabled();
  for (const button of await panel.getByTestId('open-ticket').all()) await expect(button).toBeDisabled();
  await expect(panel.getByTestId('escalation-guard')).toContainText(/covered or hidden by the page/);
}

async function expectActive(panel: Frame) {
  await expect(panel.getByTestId('copy-escalation')).toBeEnabled();
  await expect(panel.getByTestId('escalation-guard')).toHaveCount(0);
}

const ATTACKS: [string, string, string][] = [
  [
    'an element on top of the panel (after our host, highest z-index, clicks passing through)',
    `const c = document.createElement('div'); c.id = 'attack';
     c.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:rgba(255,255,255,0.02);pointer-events:none';
     document.documentElement.append(c);`,
    `document.getElementById('attack').remove();`,
  ],
  [
    'a popover in the top layer',
    `const c = document.createElement('div'); c.id = 'attack'; c.popover = 'manual';
     c.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;margin:0;border:0;background:rgba(255,255,255,0.02);pointer-events:none';
     document.body.append(c); c.showPopover();`,
    `document.getElementById('attack').remove();`,
  ],
  ['the whole document made nearly transparent', `document.documentElement.style.opacity = '0.05';`, `document.documentElement.style.opacity = '';`],
  ['a filter on the whole document', `document.documentElement.style.filter = 'opacity(0.1) blur(1px)';`, `document.documentElement.style.filter = '';`],
];

for (const [what, attack, undo] of ATTACKS) {
  test(`copy and open are paused while the page uses ${what}`, async ({ page, demoUrl }) => {
    const panel = await openBuilder(page, `${demoUrl}/audit`);
    await page.evaluate(attack);
    await expectPaused(panel);
    // A click that reaches the button anyway does nothing (it is disabled).
    await panel.getByTestId('copy-escalation').click({ force: true });
    await expect(panel.getByRole('status').filter({ hasText: /Copied/ })).toHaveCount(0);
    await page.evaluate(undo);
    await expectActive(panel);
  });
}

let hostile: HostileServer;
test.beforeAll(async () => {
  hostile = await startHostileServer();
});
test.afterAll(async () => {
  await hostile.close();
});

test('a console framed invisibly by another page gets no panel at all', async ({ page, demoUrl, extensionId }) => {
  hostile.page(
    '/wrapper',
    `<!doctype html><title>Win a prize</title><button style="position:absolute;right:120px;top:300px">Claim</button>
     <iframe src="${demoUrl}/audit" style="position:fixed;inset:0;width:100vw;height:100vh;opacity:0;border:0"></iframe>`,
  );
  await page.goto(`${hostile.url}/wrapper`);
  const framed = page.frames().find((f) => f.url().startsWith(`${demoUrl}/audit`));
  expect(framed).toBeDefined();
  await expect(framed!.locator('section#audit-log')).toBeAttached();
  // Our detector runs in top-level pages only: it is not in the framed console at all
  // (it would have started at document_start, before the console's own script drew this).
  await framed!.waitForLoadState('load');
  expect(await detectorVerdict(page, extensionId, `${demoUrl}/audit`)).toBeNull();
  // Control: the same console on its own does get it.
  const own = await page.context().newPage();
  await own.goto(`${demoUrl}/audit`);
  await expect.poll(async () => (await detectorVerdict(own, extensionId))?.outcome).toBe('shown');
  await own.close();
  expect(panelFrames(page)).toHaveLength(0);
  await expect(framed!.locator('trailguide-panel')).toHaveCount(0);
});
