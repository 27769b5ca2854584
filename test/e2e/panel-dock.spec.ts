import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from '@playwright/test';
import { detectorChecked, expect, panelFrame, panelFrames, showPanelLikeTheToolbar, test } from './fixtures';

/**
 * Issue 17 §1: the panel sits beside the console, never over it. With the panel open,
 * every visible control of the console (inputs, buttons, selects, links, table header
 * cells) must be reachable: `elementFromPoint` at its centre hits it, not the panel.
 */
const SHOTS = process.env.DOCK_SHOTS_DIR ?? '/tmp';
const FIXTURES = join(import.meta.dirname, '../fixtures/adapters');

/** An address each built-in adapter's URL patterns fit, for its fixture page. */
const FIXTURE_URLS: Record<string, string> = {
  'acme-demo': 'http://127.0.0.1:9/audit',
  'atlassian-admin-audit': 'https://admin.atlassian.com/o/acme/audit-log',
  'auth0-logs': 'https://manage.auth0.com/dashboard/us/acme/logs',
  'aws-cloudtrail': 'https://console.aws.amazon.com/cloudtrail/home?region=us-east-1#/events',
  'cloudflare-audit-log': 'https://dash.cloudflare.com/0123abcd/audit-log',
  'datadog-audit-trail': 'https://app.datadoghq.com/audit-trail',
  'gcp-logs-explorer': 'https://console.cloud.google.com/logs/query',
  'github-audit-log': 'https://github.com/organizations/acme/settings/audit-log',
  'google-workspace-admin-audit': 'https://admin.google.com/ac/reporting/audit/admin',
  'okta-system-log': 'https://acme-admin.okta.com/report/system_log_2',
  'stripe-events': 'https://dashboard.stripe.com/events',
};

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
];

interface Covered {
  tag: string;
  text: string;
  hit: string;
}

/** The console's visible controls whose centre is not theirs to click (something else is on top). */
function coveredControls(page: Page, panelLeft: number, within = ':root'): Promise<{ checked: number; covered: Covered[]; scrolled: number }> {
  return page.evaluate(([within, panelLeft]) => {
    const selector = 'input:not([type=hidden]), button, select, textarea, a[href], th, [role=button], [role=tab], summary';
    const covered: Covered[] = [];
    let checked = 0;
    let scrolled = 0;
    for (const el of document.querySelectorAll<HTMLElement>(`${within} :is(${selector})`)) {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (box.width < 1 || box.height < 1 || style.visibility !== 'visible' || Number(style.opacity) === 0) continue;
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue; // not on screen
      // Scrolled out of sight inside a box of the console's own (a table wider than its frame).
      let clipped = false;
      for (let up = el.parentElement; up && up !== document.documentElement && !clipped; up = up.parentElement) {
        if (getComputedStyle(up).overflowX === 'visible' && getComputedStyle(up).overflowY === 'visible') continue;
        const clip = up.getBoundingClientRect();
        clipped = x < clip.left || x > clip.right || y < clip.top || y > clip.bottom;
      }
      if (clipped) continue;
      checked++;
      const hit = document.elementFromPoint(x, y);
      if (hit && (hit === el || el.contains(hit))) continue;
      // Where the console's own elements overlap each other (a menu over a link), that is the
      // console's layout, not ours — unless the control's centre lies where the panel is.
      if (hit?.tagName !== 'TRAILGUIDE-PANEL' && x < panelLeft) continue;
      // Beyond the page's own edge, as it would be off-screen in a narrower window: it must
      // scroll into view beside the panel (a table with a minimum width wider than the space).
      if (x >= panelLeft) {
        const [sx, sy] = [scrollX, scrollY];
        scrollTo(sx + x - panelLeft + box.width / 2 + 8, sy);
        const moved = el.getBoundingClientRect();
        const [mx, my] = [moved.left + moved.width / 2, moved.top + moved.height / 2];
        const then = mx < panelLeft ? document.elementFromPoint(mx, my) : null;
        scrollTo(sx, sy);
        if (then && (then === el || el.contains(then))) {
          scrolled++;
          continue;
        }
      }
      covered.push({ tag: el.tagName.toLowerCase(), text: (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40), hit: hit?.tagName.toLowerCase() ?? 'nothing' });
    }
    return { checked, covered, scrolled };
  }, [within, panelLeft] as const);
}

/** Where the panel's frame is, measured from outside (the closed root hides it from the page). */
async function panelBox(panel: Frame) {
  const box = await (await panel.frameElement()).boundingBox();
  if (!box) throw new Error('the panel frame has no box');
  return box;
}

/** The page's own width for its layout (its root's box) and the viewport's, without scroll bar. */
const pageWidths = (page: Page) =>
  page.evaluate(() => ({
    root: document.documentElement.getBoundingClientRect().width,
    viewport: document.documentElement.clientWidth,
    scroll: document.documentElement.scrollWidth,
  }));

/** Checks that the docked panel is where it says and covers none of the console's controls. */
async function expectBeside(page: Page, what: string): Promise<Frame> {
  const panel = await panelFrame(page);
  await expect(panel.getByTestId('panel-dock')).toHaveAttribute('data-mode', 'docked');
  const box = await panelBox(panel);
  const { root, viewport, scroll } = await pageWidths(page);
  expect(Math.round(box.x + box.width), `${what}: the panel sits at the right edge`).toBe(viewport);
  // Laid out in the width beside the panel — or, where its content is wider than that, as wide
  // as the content and scrollable until its right edge clears the panel (as in a narrower window).
  if (Math.round(root) > Math.round(box.x)) expect(scroll, `${what}: content wider than the space scrolls out from under the panel`).toBeGreaterThanOrEqual(Math.round(root + box.width));
  else expect(Math.round(root), `${what}: the page is laid out in the width beside the panel`).toBeLessThanOrEqual(Math.round(box.x));
  // The panel really is there: the point in its middle is the panel's, not the page's.
  const onPanel = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.tagName.toLowerCase(), [box.x + box.width / 2, box.y + box.height / 2]);
  expect(onPanel, `${what}: the panel is on top at its own place`).toBe('trailguide-panel');
  const { checked, covered } = await coveredControls(page, box.x);
  expect(checked, `${what}: some controls were checked`).toBeGreaterThan(0);
  expect.soft(covered, `${what}: no control of the console is under the panel`).toEqual([]);
  return panel;
}


for (const viewport of VIEWPORTS) {
  test(`at ${viewport.width}×${viewport.height} the docked panel covers no control of the demo, any fixture console or an unknown console`, async ({
    page,
    demoUrl,
    helpdeskUrl,
    serviceWorker,
  }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(viewport);

    await page.goto(`${demoUrl}/audit`);
    const panel = await expectBeside(page, 'demo audit log');
    await page.screenshot({ path: join(SHOTS, `dock-demo-${viewport.width}.png`) });
    // The console's own drawer (position: fixed, right: 0) opens beside the panel, not under it.
    await page.locator('tr[data-event-id]').first().click();
    await expect(page.getByTestId('event-drawer')).toBeVisible();
    // (Its scrim covers the rest of the console: that is the console's own doing.)
    const left = (await panelBox(panel)).x;
    await expect.poll(async () => await coveredControls(page, left, '[data-testid="event-drawer"]'), { message: 'the drawer moves out from under the panel' }).toEqual(
      expect.objectContaining({ checked: expect.any(Number), covered: [] }),
    );
    expect((await coveredControls(page, left, '[data-testid="event-drawer"]')).checked).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: join(SHOTS, `dock-demo-drawer-${viewport.width}.png`) });
    await page.getByTestId('drawer-close').click();
    await expect(page.getByTestId('event-drawer')).toHaveCount(0);

    // Folded away, the page gets its full width back, and its root its own style.
    await panel.getByTestId('panel-toggle').click();
    await expect.poll(async () => {
      const { root, viewport: full } = await pageWidths(page);
      return Math.round(root) === full;
    }, { message: 'the page is whole again once the panel is folded' }).toBe(true);
    expect(await page.evaluate(() => document.documentElement.getAttribute('style'))).toBeNull();
    await panel.getByTestId('panel-toggle').click();
    await expect(panel.getByTestId('panel-dock')).toBeVisible();

    await page.goto(`${demoUrl}/users`);
    await page.goto(`${demoUrl}/audit?q=alice&actor=alice.moreau%40northwind.example`);
    await expectBeside(page, 'demo audit log with filters');

    for (const [id, url] of Object.entries(FIXTURE_URLS)) {
      const body = readFileSync(join(FIXTURES, `${id}.html`), 'utf8');
      const origin = new URL(url).origin;
      await page.route(`${origin}/**`, (route) =>
        route.request().isNavigationRequest() ? route.fulfill({ body, contentType: 'text/html; charset=utf-8' }) : route.fulfill({ status: 404, body: '' }),
      );
      await page.goto(url);
      await expectBeside(page, id);
      if (id === 'github-audit-log') await page.screenshot({ path: join(SHOTS, `dock-github-${viewport.width}.png`) });
      await page.unroute(`${origin}/**`);
    }

    // A console no adapter knows: the panel opened by hand (to teach it) docks too.
    await page.goto(`${helpdeskUrl}/admin/activity`);
    await showPanelLikeTheToolbar(serviceWorker);
    await expectBeside(page, 'helpdesk (teach mode)');
    await page.screenshot({ path: join(SHOTS, `dock-helpdesk-${viewport.width}.png`) });
  });
}

test('the panel is resized from its grip, by keyboard and by dragging, and keeps its width on this site after a reload', async ({ page, demoUrl }) => {
  await page.goto(`${demoUrl}/audit`);
  let panel = await panelFrame(page);
  await expect(panel.getByTestId('panel-dock')).toHaveAttribute('data-mode', 'docked');
  const start = await panelBox(panel);
  expect(Math.round(start.width)).toBe(400);

  // The grip is the strip along the panel's left edge: a click there focuses it, then the arrow keys resize.
  await page.mouse.click(start.x - 3, start.y + start.height / 2);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => Math.round((await panelBox(panel)).width)).toBe(460);
  // The page reflows after the frame has its new width (the next frame, later under load).
  await expect.poll(async () => {
    const { root, viewport } = await pageWidths(page);
    return viewport - Math.round(root);
  }).toBe(460 + 6); // the frame and the grip's strip
  // Never narrower than 280 px, never wider than 600 px.
  await page.keyboard.press('End');
  await expect.poll(async () => Math.round((await panelBox(panel)).width)).toBe(600);
  await page.keyboard.press('Home');
  await expect.poll(async () => Math.round((await panelBox(panel)).width)).toBe(280);
  await page.keyboard.press('Shift+ArrowLeft');
  await expect.poll(async () => Math.round((await panelBox(panel)).width)).toBe(360);

  // Dragging the grip 100 px to the left widens the panel by as much.
  const before = await panelBox(panel);
  await page.mouse.move(before.x - 3, before.y + 300);
  await page.mouse.down();
  await page.mouse.move(before.x - 50, before.y + 300, { steps: 5 });
  await page.mouse.move(before.x - 103, before.y + 300, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => Math.round((await panelBox(panel)).width)).toBe(460);
  await expect.poll(async () => (await coveredControls(page, (await panelBox(panel)).x)).covered).toEqual([]);

  // Remembered for this site: after a reload the panel opens at the same width.
  await page.reload();
  panel = await panelFrame(page);
  await expect(panel.getByTestId('panel-dock')).toBeVisible();
  await expect.poll(async () => Math.round((await panelBox(panel)).width)).toBe(460);
  await expectBeside(page, 'demo after reload');
});

test('in the browser side panel setting, the page keeps its full width and the same panel page works for its tab', async ({ page, context, demoUrl, extensionId, serviceWorker }) => {
  // Settings → Where the panel opens → the browser's side panel (read back before "Saved").
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#settings`);
  await options.getByTestId('panel-place-browser').check();
  await expect(options.getByTestId('panel-place').getByRole('status')).toHaveText(/^Saved\./);
  await options.close();

  // The console is recognised but no frame is put into it: the page keeps its whole width.
  await page.goto(`${demoUrl}/audit`);
  await detectorChecked(page, extensionId, ['shown']);
  expect(panelFrames(page)).toHaveLength(0);
  const { root, viewport } = await pageWidths(page);
  expect(Math.round(root)).toBe(viewport);

  // What the toolbar button opens in the side panel: panel.html#tab=<this tab>. Playwright cannot
  // click the browser's toolbar, so the same page is opened as a tab of its own.
  const tabId = await serviceWorker.evaluate(async (url) => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }).chrome;
    return (await api.tabs.query({ url: `${url}/audit*` }))[0]?.id;
  }, demoUrl);
  expect(tabId).toEqual(expect.any(Number));
  const side = await context.newPage();
  await side.goto(`chrome-extension://${extensionId}/panel.html#tab=${tabId}`);
  await expect(side.getByTestId('panel-dock')).toHaveAttribute('data-mode', 'browser');
  // It knows the console's tab and its adapter (asked from the tab's detector) …
  await expect(side.getByTestId('panel-tool')).toHaveText('Acme Admin audit log (demo console)');
  // … and its steps act on that tab: the seed runbook's search fills the console.
  await side.locator('[data-runbook-id="settings-changed-without-permission"]').click();
  await side.getByTestId('input-email').fill('alice.moreau@northwind.example');
  await side.getByTestId('step').nth(0).getByTestId('step-action').click();
  await expect(side.getByTestId('step').nth(0)).toHaveAttribute('data-state', 'done');
  await expect.poll(() => new URL(page.url()).searchParams.toString()).toContain('alice.moreau');
});
