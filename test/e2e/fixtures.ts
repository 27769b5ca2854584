import { test as base, chromium, expect, type BrowserContext, type Frame, type Locator, type Page, type Worker } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startDemoServer } from '../../demo/server.mjs';
import { CHROME_PATH, chromiumArgs as sharedChromiumArgs } from '../../scripts/chromium.mjs';
import { startGesturesServer } from '../fixtures/consoles/gestures/server.mjs';
import { startHelpdeskServer } from '../fixtures/consoles/helpdesk/server.mjs';
import { startSentencesServer } from '../fixtures/consoles/sentences-spa/server.mjs';

export const EXTENSION_PATH = resolve(
  import.meta.dirname,
  '../..',
  process.env.TRAILGUIDE_OUT_DIR || '.output',
  'chrome-mv3',
);
export { CHROME_PATH };

/** Flags that keep Chromium quiet on a closed network, plus loading our unpacked build. */
export function chromiumArgs(extensionPath = EXTENSION_PATH): string[] {
  return sharedChromiumArgs(extensionPath);
}

export async function launchWithExtension(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROME_PATH,
    headless: true,
    args: chromiumArgs(),
    viewport: { width: 1280, height: 800 },
  });
}

/** A plain local site that is not an audit log, plus a look-alike /audit page without the console's markup. */
async function startUnrelatedSite(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    if (req.url?.startsWith('/audit')) {
      res.end('<!doctype html><title>Audit</title><h1>Audit</h1><p>Quarterly financial audit schedule.</p>');
    } else {
      res.end('<!doctype html><title>Recipes</title><h1>Recipes</h1><p>Nothing to see here.</p>');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) };
}

interface Fixtures {
  context: BrowserContext;
  page: Page;
  extensionId: string;
  serviceWorker: Worker;
}
interface WorkerFixtures {
  demoUrl: string;
  unrelatedUrl: string;
  /** The "Helpdesk activity" console no adapter knows (its page: `${helpdeskUrl}/admin/activity`). */
  helpdeskUrl: string;
  /** The "Moderation log" console whose rows are sentences (its page: `${sentencesUrl}/mod/log`). */
  sentencesUrl: string;
  /** The "Acme Ops activity" console whose filters take clicks (its page: `${opsUrl}/ops/activity`). */
  opsUrl: string;
}

/** A fixture console for the worker, started only if a test asks for its address. */
function consoleServer(start: (options: { port: number }) => Promise<{ url: string; close(): Promise<void> }>): [(args: object, use: (url: string) => Promise<void>) => Promise<void>, { scope: 'worker' }] {
  return [
    async ({}, use) => {
      const server = await start({ port: 0 });
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ];
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  demoUrl: [
    async ({}, use) => {
      // With the test-only hold gates (demoHold below); never on in npm run demo / npm start.
      const demo = await startDemoServer({ port: 0, testHooks: true });
      await use(demo.url);
      await demo.close();
    },
    { scope: 'worker' },
  ],
  unrelatedUrl: consoleServer(() => startUnrelatedSite()),
  helpdeskUrl: consoleServer(startHelpdeskServer),
  sentencesUrl: consoleServer(startSentencesServer),
  opsUrl: consoleServer(startGesturesServer),
  context: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'trailguide-e2e-'));
    const context = await launchWithExtension(dir);
    await use(context);
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  },
  serviceWorker: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(worker);
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
  page: async ({ context, serviceWorker }, use) => {
    void serviceWorker; // make sure the extension is up before the first page loads
    const page = context.pages()[0] ?? (await context.newPage());
    await use(page);
  },
});

export { expect };

/** The panel's frame: an extension page, found by its URL as the test contract says. */
export function panelFrames(page: Page): Frame[] {
  return page.frames().filter((f) => f.url().startsWith('chrome-extension://') && new URL(f.url()).pathname === '/panel.html');
}

/**
 * The one panel shown on the page. A frame started hidden while the console still renders
 * (content.ts: prestart) is not it yet: on a slow machine it may be taken away and another
 * started before the console's markup appears.
 */
export async function panelFrame(page: Page): Promise<Frame> {
  let shown: Frame | undefined;
  await expect
    .poll(
      async () => {
        const frames = panelFrames(page);
        if (frames.length !== 1) return `${frames.length} panel frames`;
        // While the page's next document is loading (a held navigation), Playwright can't
        // answer about the current one's elements (the question never returns): then the one
        // frame there is, is taken. expect.poll gives up on a question that doesn't return.
        let visible: boolean | undefined;
        await expect
          .poll(async () => (visible = await frames[0]!.frameElement().then((element) => element.isVisible(), () => false)), { timeout: 2_000 })
          .toBe(true)
          .catch(() => undefined);
        if (visible === false) return 'a panel frame, not shown yet';
        shown = frames[0];
        return 'shown';
      },
      { message: 'the Trailguide panel should appear', timeout: 30_000 },
    )
    .toBe('shown');
  await shown!.waitForLoadState('domcontentloaded');
  return shown!;
}

/** Opens a page, waits for the panel and opens one runbook in it. */
export async function openRunbook(page: Page, url: string, runbookId: string): Promise<Frame> {
  await page.goto(url);
  const panel = await panelFrame(page);
  await panel.locator(`[data-runbook-id="${runbookId}"]`).click();
  await expect(panel.getByTestId('runbook-title')).toBeVisible();
  return panel;
}

/** The seed runbook's search and capture on the demo console for `email`, then the escalation builder. */
export async function captureAndEscalate(page: Page, demoUrl: string, email: string): Promise<Frame> {
  const panel = await openRunbook(page, `${demoUrl}/audit`, 'settings-changed-without-permission');
  await panel.getByTestId('input-email').fill(email);
  await panel.getByTestId('step').nth(0).getByTestId('step-action').click();
  await expect(panel.getByTestId('step').nth(0)).toHaveAttribute('data-state', 'done');
  await panel.getByTestId('step').nth(1).getByTestId('step-action').click();
  await expect(panel.getByTestId('step').nth(1)).toHaveAttribute('data-state', 'done');
  await expect(panel.getByTestId('captured-row').first()).toBeVisible();
  await panel.getByTestId('escalate').click();
  await expect(panel.getByTestId('escalation-text')).toHaveValue(/## Case/);
  return panel;
}

/**
 * Holds the demo console's searches in flight until the test lets them go: the page
 * URL carries `hold=<token>` (the console passes it to its API), and every answer for
 * that token waits for `release()` — no guessed latency, on however busy a machine.
 */
export interface DemoHold {
  token: string;
  /** Searches of this token waiting for an answer right now. */
  waiting(): Promise<number>;
  /** Answers the searches waiting now; later ones wait again. */
  release(): Promise<void>;
  /** Answers the waiting searches and lets every later one through. */
  open(): Promise<void>;
}

export function demoHold(demoUrl: string): DemoHold {
  const token = `hold-${randomUUID()}`;
  const call = async (path: string) => {
    const response = await fetch(`${demoUrl}/__test/${path}`);
    if (!response.ok) throw new Error(`demo hold hook ${path}: ${response.status}`);
    return (await response.json()) as { waiting: number };
  };
  return {
    token,
    waiting: async () => (await call(`held?token=${token}`)).waiting,
    release: async () => void (await call(`release?token=${token}`)),
    open: async () => void (await call(`release?token=${token}&open=1`)),
  };
}

/** What the detector (entrypoints/content.ts) decided for the address it last checked. */
export interface DetectorVerdict {
  url: string;
  outcome: 'not-an-audit-log' | 'waiting' | 'shown' | 'gave-up' | 'disconnected';
}

/**
 * Reads the detector's own verdict from its isolated world through the DevTools
 * protocol (the page cannot see it), in the main frame or the first frame whose URL
 * starts with `frameUrl`. `null`: our content script does not run in that frame at all.
 * "Nothing should happen" checks wait for this instead of sleeping.
 */
export async function detectorVerdict(page: Page, extensionId: string, frameUrl?: string): Promise<DetectorVerdict | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: { id: number; origin: string; auxData?: { type?: string; frameId?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context as (typeof contexts)[number]));
    await cdp.send('Runtime.enable'); // replays the existing contexts before it answers
    type Tree = { frame: { id: string; url: string }; childFrames?: Tree[] };
    const flatten = (tree: Tree): Tree['frame'][] => [tree.frame, ...(tree.childFrames ?? []).flatMap(flatten)];
    const frames = flatten((await cdp.send('Page.getFrameTree')).frameTree as Tree);
    const frame = frameUrl ? frames.find((f) => f.url.startsWith(frameUrl)) : frames[0];
    if (!frame) throw new Error(`no frame at ${frameUrl}`);
    const ours = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${extensionId}` && c.auxData.frameId === frame.id);
    if (!ours) return null;
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'globalThis.__trailguideDetector ?? null', contextId: ours.id, returnByValue: true });
    return (result.value as DetectorVerdict | null) ?? null;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * Waits until the detector has checked the page's current address and reached one of
 * `outcomes` (`absent`: our content script is not in the page at all) — the positive
 * sign that it had its chance, before a test asserts that no panel appeared (or that
 * exactly one did).
 */
export async function detectorChecked(page: Page, extensionId: string, outcomes: (DetectorVerdict['outcome'] | 'absent')[]): Promise<void> {
  // A content script listed for a page runs at document_start, before the page's own
  // scripts: once the page has loaded, "absent" is final (only an in-app navigation
  // into an audit log brings the detector later, through the navigation watcher).
  await page.waitForLoadState('load');
  await expect
    .poll(
      async () => {
        const seen = await detectorVerdict(page, extensionId);
        if (!seen) return outcomes.includes('absent') ? 'checked' : 'absent';
        return seen.url === page.url() && outcomes.includes(seen.outcome) ? 'checked' : JSON.stringify(seen);
      },
      { message: `the detector should check ${page.url()} (${outcomes.join(' / ')})` },
    )
    .toBe('checked');
}

/**
 * What Alt+Shift+Y (or the toolbar button) makes the background do, which Playwright cannot
 * press (togglePanelIn in utils/background/core-handlers.ts): on a page no adapter knows
 * there is no detector yet, so bring it, then ask it to show the panel.
 */
/**
 * Teaching: clicks a builder step in the panel, waits until the page waits for a click, then
 * clicks `target` on the page as a person would. `force`: a widget's own layers cover its parts
 * (antd's search box over its placeholder); the page gets the click where a person's would land.
 */
export async function pointAt(panel: Frame, page: Page, role: string, target: Locator, { force = false } = {}): Promise<Locator> {
  const step = panel.locator(`[data-testid="builder-step"][data-role="${role}"]`);
  await step.click();
  await page.locator('trailguide-builder-overlay[data-picking]').waitFor({ state: 'attached' });
  await target.click({ force });
  await expect(step, `the ${role} step should be picked`).toHaveAttribute('data-state', 'picked');
  return step;
}

/**
 * Teaching rows that are sentences: arms one part of the sentence in the panel, waits until the
 * page waits for a selection, does `act` on the page (click or drag over words), and waits until
 * the part is selected and the page is itself again.
 */
export async function selectSentencePart(panel: Frame, page: Page, role: string, act: () => Promise<void>): Promise<void> {
  const part = panel.locator(`[data-testid="sentence-part"][data-role="${role}"]`);
  await part.click();
  await page.locator('trailguide-builder-overlay[data-picking]').waitFor({ state: 'attached' });
  await act();
  await expect(part, `the ${role} part should be selected`).toHaveAttribute('data-state', 'selected');
  await page.locator('trailguide-builder-overlay[data-picking]').waitFor({ state: 'detached' });
}

/** Drags the mouse over `words` (within one run of text inside `element`), as a person selects them. */
export async function dragOverWords(page: Page, element: Locator, words: string): Promise<void> {
  const box = await element.evaluate((el, w) => {
    const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node.textContent ?? '').indexOf(w);
      if (at < 0) continue;
      const range = el.ownerDocument.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + w.length);
      const rects = range.getClientRects();
      const first = rects[0]!;
      const last = rects[rects.length - 1]!;
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }
    return null;
  }, words);
  expect(box, `“${words}” should be text on the page`).not.toBeNull();
  await page.mouse.move(box!.x1, box!.y1);
  await page.mouse.down();
  await page.mouse.move((box!.x1 + box!.x2) / 2, box!.y1, { steps: 4 });
  await page.mouse.move(box!.x2, box!.y2, { steps: 4 });
  await page.mouse.up();
}

/** A captured row as the panel lists it (`captured-row`'s data-time, data-actor, data-action; '' when absent). */
export interface CapturedRow {
  time: string;
  actor: string;
  action: string;
}

/**
 * Runs the open runbook's capture step (`stepIndex`) in a case of its own, so the rows listed are
 * this capture's and no earlier one's; waits until it has finished (done or failed — the caller
 * checks which) and returns the rows as the panel lists them.
 */
export async function captureInNewCase(panel: Frame, stepIndex = 1): Promise<CapturedRow[]> {
  const step = panel.getByTestId('step').nth(stepIndex);
  const captured = panel.getByTestId('captured-row');
  if ((await captured.count()) > 0) {
    await panel.getByTestId('new-case').click();
    await expect(captured).toHaveCount(0);
  }
  await step.getByTestId('step-action').click();
  await expect(captured.first()).toBeVisible();
  await expect(step).toHaveAttribute('data-state', /done|failed/);
  return captured.evaluateAll((items) =>
    items.map((li) => ({ time: li.getAttribute('data-time') ?? '', actor: li.getAttribute('data-actor') ?? '', action: li.getAttribute('data-action') ?? '' })),
  );
}

export async function showPanelLikeTheToolbar(serviceWorker: Worker): Promise<void> {
  await serviceWorker.evaluate(async () => {
    type Api = {
      tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(id: number, m: object): Promise<unknown> };
      scripting: { executeScript(o: object): Promise<unknown> };
    };
    const api = (globalThis as unknown as { chrome: Api }).chrome;
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    const toggle = () => api.tabs.sendMessage(tab.id!, { type: 'host:toggle' });
    try {
      await toggle();
    } catch (error) {
      if (!/receiving end does not exist/i.test(String(error))) return; // it was there and got the message
      await api.scripting.executeScript({ target: { tabId: tab.id, frameIds: [0] }, files: ['/content-scripts/content.js'] });
      await toggle().catch(() => undefined);
    }
  });
}

/** The helpdesk console's filters, pointed at in the builder as a person would: search, agent, from, to, Apply. */
export async function pointAtHelpdeskFilters(panel: Frame, page: Page): Promise<void> {
  await pointAt(panel, page, 'search', page.locator('input[aria-label="Search activity"]'));
  await pointAt(panel, page, 'actor', page.locator('input[name="agent"]'));
  await pointAt(panel, page, 'since', page.locator('#activity-from'));
  await pointAt(panel, page, 'until', page.locator('input[aria-label="To date"]'));
  await pointAt(panel, page, 'submit', page.getByRole('button', { name: 'Apply filters' }));
}

/**
 * Teaches the helpdesk fixture console (`${helpdeskUrl}/admin/activity`, the panel open on it)
 * the way a person would — its filters, and a row's time, agent, event and target — tests it
 * live and saves it as `name` in "My runbooks".
 */
export async function teachHelpdeskActivity(panel: Frame, page: Page, name = 'Helpdesk activity'): Promise<void> {
  await panel.getByTestId('teach-page').click();
  await pointAtHelpdeskFilters(panel, page);
  const third = page.locator('[role="row"][data-key]').nth(2);
  await pointAt(panel, page, 'row', third.getByRole('gridcell').nth(3));
  await pointAt(panel, page, 'col-time', third.getByRole('gridcell').nth(0));
  await pointAt(panel, page, 'col-actor', third.getByRole('gridcell').nth(1).locator('span').first());
  await pointAt(panel, page, 'col-action', third.locator('code'));
  await pointAt(panel, page, 'col-target', third.getByRole('gridcell').nth(3));
  await panel.getByTestId('builder-test').click();
  await expect(panel.getByTestId('live-test-report')).toHaveAttribute('data-ok', 'true');
  await panel.getByTestId('builder-name').fill(name);
  await panel.getByTestId('builder-save').click();
  await expect(panel.getByRole('status').filter({ hasText: 'Saved' })).toContainText('My runbooks');
}

/**
 * On the taught helpdesk console (its panel `known`): runs "failed-sign-in-burst" for `email`
 * over March 2026 — its search, then its capture — and waits until the capture is done.
 */
export async function captureHelpdeskMarch(known: Frame, page: Page, email: string): Promise<void> {
  await known.locator('[data-runbook-id="failed-sign-in-burst"]').click();
  await known.getByTestId('input-email').fill(email);
  await known.getByTestId('input-range-from').fill('2026-03-01');
  await known.getByTestId('input-range-to').fill('2026-03-31');
  await known.getByTestId('step').nth(0).getByTestId('step-action').click();
  await expect(page.locator('input[name="agent"]')).toHaveValue(email);
  await expect(page.getByRole('status').filter({ hasText: 'events' })).not.toContainText('of 200 events');
  const capture = known.getByTestId('step').nth(1);
  await capture.getByTestId('step-action').click();
  await expect(capture).toHaveAttribute('data-state', 'done');
}
