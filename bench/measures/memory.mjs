// Memory budgets (DESIGN.md §4): PSS added by the idle extension, and added per console
// tab with the panel open. Each profile is a whole Chromium (browser, zygotes, GPU,
// utility and renderer processes); its total PSS is read from /proc (bench/lib/processes.mjs)
// and compared with the same browser without the extension at the same moment.
//
// "Idle" is read three ways, each reported (docs/performance.md, sixth pass):
// - 3 s after a fresh profile started (the figure before 2026-12-02): the extension is still
//   installing (the built-in pack fetched, parsed, written; the match table published);
// - the same fresh profile once its memory has settled (two reads 2 s apart within 0.3 MB);
// - the same profile launched again (a browser restarted, the extension installed before: the
//   state a person's browser is in every day but the first), once settled. This is the budget's.
// The worker is checked awake at each settled read (Chromium stops an idle worker after 30 s).
// "Per console tab" is read for a first, second and third demo audit tab, each with its panel.
import { profileMemory } from '../lib/processes.mjs';
import { launchProfile, sleep } from '../lib/browser.mjs';
import { measured, median, round } from '../lib/stats.mjs';

export const IDLE_BUDGET_MB = 30;
export const PER_TAB_BUDGET_MB = 10;
const MB = 1024 * 1024;
/** After a change, how long memory may settle before it is read. */
const SETTLE_MS = 1500;
/** Settled: two reads this far apart that differ by less than SETTLED_WITHIN_MB, at most SETTLE_LIMIT_MS after launch. */
const SETTLE_STEP_MS = 2000;
const SETTLED_WITHIN_MB = 0.3;
const SETTLE_LIMIT_MS = 20_000;
/** Console tabs opened one after another in each round (the first pays the extension process's one-time costs). */
const TABS = 3;

/** Reads one profile's memory a few times and keeps the median total (a read is a snapshot of moving numbers). */
async function read(profile, times = 3) {
  const samples = [];
  for (let i = 0; i < times; i += 1) {
    samples.push(profileMemory(profile.userDataDir));
    if (i < times - 1) await sleep(200);
  }
  const totals = samples.map((s) => s.totalBytes);
  const mid = samples[totals.indexOf([...totals].sort((a, b) => a - b)[Math.floor(totals.length / 2)])];
  return mid;
}

/** Both profiles read at the same moment: the memory the extension adds, in MB, and the two readings. */
async function readPair(ext, base) {
  const [e, b] = [await read(ext), await read(base)];
  return { addedMb: (e.totalBytes - b.totalBytes) / MB, ext: e, base: b };
}

/**
 * Whether a series of readings has settled: the last two differ by less than `withinMb`.
 * Pure, for the unit test.
 */
export function hasSettled(series, withinMb = SETTLED_WITHIN_MB) {
  return series.length >= 2 && Math.abs(series[series.length - 1] - series[series.length - 2]) < withinMb;
}

/**
 * Per console tab: from the readings before any tab and after each of N tabs (each { ext, base }
 * in bytes), the memory each tab added with the extension beyond what it added without, in MB.
 * The first is the first tab's cost; the others are each further tab's. Pure, for the unit test.
 */
export function tabCosts(readings) {
  const costs = [];
  for (let i = 1; i < readings.length; i += 1) {
    costs.push((readings[i].ext - readings[i - 1].ext - (readings[i].base - readings[i - 1].base)) / MB);
  }
  return costs;
}

/** Reads both profiles every SETTLE_STEP_MS until the added memory settles, or SETTLE_LIMIT_MS after `launchedAt`. */
async function settledPair(ext, base, launchedAt) {
  const series = [];
  let pair = await readPair(ext, base);
  series.push(pair.addedMb);
  while (!hasSettled(series) && Date.now() - launchedAt < SETTLE_LIMIT_MS) {
    await sleep(SETTLE_STEP_MS);
    pair = await readPair(ext, base);
    series.push(pair.addedMb);
  }
  return { ...pair, settled: hasSettled(series), afterMs: Date.now() - launchedAt, series: series.map(round) };
}

/** Whether the extension's service worker runs now (a service_worker target of its origin, over CDP). */
async function workerAwake(profile) {
  const page = profile.context.pages()[0] ?? (await profile.context.newPage());
  const cdp = await profile.context.newCDPSession(page);
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    return targetInfos.some((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${profile.extensionId}/`));
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * Waits until `selector` matches in `frame()` (a frame that may not exist yet) and returns that frame.
 * It asks with `evaluate` in the page's own world, not with Playwright's locators: a locator injects
 * Playwright's own script (≈ 0.3 MB of source, its code and heap) into the frame, and in the panel's
 * frame that lands in the extension's process — the bench would measure Playwright.
 */
export async function shown(frame, selector, what, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const f = frame();
    if (f && (await f.evaluate((s) => document.querySelector(s) !== null, selector).catch(() => false))) return f;
    await sleep(50);
  }
  throw new Error(`${what} within ${timeoutMs / 1000} s`);
}

/** The panel's frame in `page`, if it is there. */
const panelFrame = (page) => page.frames().find((f) => f.url().startsWith('chrome-extension://') && new URL(f.url()).pathname === '/panel.html');

/** Waits until the panel in `page` lists a runbook (the panel is open and rendered); returns its frame. */
const panelShown = (page) => shown(() => panelFrame(page), '[data-testid="runbook-item"]', 'the panel did not list a runbook');

/** One blank tab, as a browser shows at start. */
const blank = async (profile) => profile.context.pages()[0] ?? (await profile.context.newPage());

/**
 * One round, in a new pair of profiles (`launch(userDataDir?)` starts one: with the extension, or without):
 * idle 3 s after start and once settled; then the demo audit log in TABS new tabs one after another
 * (with the extension, until each panel lists its runbooks), read after each; the tabs closed and read
 * ("after a panel was used": the panel page's code and heap stay in the extension's process, so this is
 * not idle); then both browsers closed and launched again on the same profiles, idle read once settled.
 */
async function oneRound(launchExt, launchBase, demoUrl) {
  let launchedAt = Date.now();
  let [ext, base] = await Promise.all([launchExt(), launchBase()]);
  try {
    await Promise.all([blank(ext), blank(base)]);
    await sleep(SETTLE_MS * 2);
    const fresh3s = await readPair(ext, base);
    const fresh = await settledPair(ext, base, launchedAt);
    const freshAwake = await workerAwake(ext);

    const url = `${demoUrl}/audit`;
    const readings = [{ ext: fresh.ext.totalBytes, base: fresh.base.totalBytes }];
    const tabParts = [];
    const pages = [];
    let runbookOpen = Number.NaN;
    try {
      for (let i = 0; i < TABS; i += 1) {
        const [extPage, basePage] = await Promise.all([ext.context.newPage(), base.context.newPage()]);
        pages.push(extPage, basePage);
        await Promise.all([extPage.goto(url, { waitUntil: 'load' }), basePage.goto(url, { waitUntil: 'load' })]);
        await shown(() => basePage.mainFrame(), 'table tbody tr', 'the demo audit log showed no rows');
        await panelShown(extPage);
        await sleep(SETTLE_MS);
        const pair = await readPair(ext, base);
        readings.push({ ext: pair.ext.totalBytes, base: pair.base.totalBytes });
        tabParts.push({ ext: pair.ext.byType, base: pair.base.byType });
      }
      // A runbook opened in the last tab's panel: its view's code comes in (fetched on intent, not with the list).
      const frame = await panelShown(pages[pages.length - 2]);
      await frame.evaluate(() => document.querySelector('[data-testid="runbook-item"]').click());
      await shown(() => frame, '[data-testid="step"]', 'the runbook opened showed no step');
      await sleep(SETTLE_MS);
      const opened = await readPair(ext, base);
      runbookOpen = (opened.ext.totalBytes - readings[readings.length - 1].ext - (opened.base.totalBytes - readings[readings.length - 1].base)) / MB;
    } finally {
      await Promise.all(pages.map((p) => p.close()));
    }
    await sleep(SETTLE_MS);
    const after = await readPair(ext, base);

    // The same profiles again: a restarted browser, nothing to install.
    await Promise.all([ext.close({ keep: true }), base.close({ keep: true })]);
    launchedAt = Date.now();
    [ext, base] = await Promise.all([launchExt(ext.userDataDir), launchBase(base.userDataDir)]);
    await Promise.all([blank(ext), blank(base)]);
    await sleep(SETTLE_MS * 2);
    const restart3s = await readPair(ext, base);
    const restart = await settledPair(ext, base, launchedAt);
    const restartAwake = await workerAwake(ext);

    return {
      fresh3s: fresh3s.addedMb,
      fresh: fresh.addedMb,
      restart3s: restart3s.addedMb,
      restart: restart.addedMb,
      tabs: tabCosts(readings),
      runbookOpen,
      afterPanel: after.addedMb,
      settle: {
        fresh: { settled: fresh.settled, afterMs: fresh.afterMs, seriesMb: fresh.series, workerAwake: freshAwake },
        restart: { settled: restart.settled, afterMs: restart.afterMs, seriesMb: restart.series, workerAwake: restartAwake },
      },
      part: {
        fresh3s: fresh3s.ext.byType,
        fresh3sBase: fresh3s.base.byType,
        freshExt: fresh.ext.byType,
        freshBase: fresh.base.byType,
        restartExt: restart.ext.byType,
        restartBase: restart.base.byType,
        tab1Ext: tabParts[0].ext,
        tab1Base: tabParts[0].base,
        [`tab${TABS}Ext`]: tabParts[TABS - 1].ext,
        [`tab${TABS}Base`]: tabParts[TABS - 1].base,
        afterExt: after.ext.byType,
      },
    };
  } finally {
    await Promise.all([ext.close(), base.close()]);
  }
}

/**
 * @param {{ ext: { context, userDataDir }, base: { context, userDataDir }, extensionDir: string, demoUrl: string, runs: number }} options
 * Every round launches two new profiles of its own from `extensionDir` (and closes them), so "idle"
 * is always read before any extension page was opened in that browser; `ext` and `base` (the bench's
 * shared profiles) are not used.
 */
export async function measureMemory({ extensionDir, demoUrl, runs }) {
  const rounds = [];
  for (let i = 0; i < runs; i += 1) {
    rounds.push(
      await oneRound(
        (userDataDir) => launchProfile(extensionDir, { userDataDir }),
        (userDataDir) => launchProfile(null, { userDataDir }),
        demoUrl,
      ),
    );
  }
  const col = (f) => rounds.map(f);
  const parts = rounds.map((r) => r.part);
  const mb = (bytes) => round(bytes / MB);
  const types = [...new Set(parts.flatMap((p) => Object.values(p).flatMap((byType) => Object.keys(byType))))].sort();
  const breakdown = Object.fromEntries(
    types.map((t) => [t, Object.fromEntries(Object.keys(parts[0]).map((which) => [which, mb(median(parts.map((p) => p[which][t] ?? 0)))]))]),
  );
  const settle = rounds.map((r) => r.settle);
  const asleep = settle.filter((s) => !s.fresh.workerAwake || !s.restart.workerAwake).length;
  const unsettled = settle.filter((s) => !s.fresh.settled || !s.restart.settled).length;
  const common =
    'PSS summed over every process of the browser (from /proc/<pid>/smaps_rollup), with the extension minus the same browser without it, read at the same moment; ' +
    `${rounds.length} rounds, each in a new pair of profiles. MB = 2^20 bytes.`;
  const settledNote =
    `Settled: read every ${SETTLE_STEP_MS / 1000} s until two reads differ by less than ${SETTLED_WITHIN_MB} MB, at most ${SETTLE_LIMIT_MS / 1000} s after launch ` +
    `(${unsettled === 0 ? 'every round settled' : `${unsettled} round(s) had not settled by then`}); the worker checked running over CDP at that moment ` +
    `(${asleep === 0 ? 'it was, in every round' : `it was NOT in ${asleep} round(s)`}).`;
  const idleDetails = {
    fresh3sMb: col((r) => round(r.fresh3s)),
    freshSettledMb: col((r) => round(r.fresh)),
    restart3sMb: col((r) => round(r.restart3s)),
    restartSettledMb: col((r) => round(r.restart)),
    settle,
    breakdownMb: breakdown,
  };
  const firstTab = col((r) => r.tabs[0]);
  const furtherTabs = rounds.flatMap((r) => r.tabs.slice(1));
  const tabDetails = { perTabMb: col((r) => r.tabs.map(round)), breakdownMb: breakdown };
  return [
    measured({
      id: 'memory-idle-extension',
      name: 'Memory added by the idle extension (browser restarted, extension installed before; worker awake, one blank tab, settled)',
      budget: IDLE_BUDGET_MB,
      unit: 'MB',
      values: col((r) => r.restart),
      notes:
        `${common} The profile of the round launched a second time (the extension installed in its first launch, a panel used there), ` +
        `one blank tab, read once settled. ${settledNote} This is the budget's figure: an installed extension in a browser that starts, ` +
        'the state a person’s browser is in every day but the day of the install. The install itself is reported apart (memory-idle-fresh-install, memory-idle-3s).',
      details: idleDetails,
    }),
    measured({
      id: 'memory-idle-fresh-install',
      name: 'Memory added by the extension just installed (fresh profile, worker awake, one blank tab, settled) — report-only',
      unit: 'MB',
      values: col((r) => r.fresh),
      notes:
        `${common} A fresh profile (the extension installs: the built-in pack fetched, parsed and written), no extension page opened, read once settled. ${settledNote} ` +
        'What the install leaves in the worker (garbage not collected while the worker runs) stays until the worker stops.',
      details: idleDetails,
    }),
    measured({
      id: 'memory-idle-3s',
      name: 'Memory added by the extension 3 s after a fresh profile started (still installing) — report-only',
      unit: 'MB',
      values: col((r) => r.fresh3s),
      notes: `${common} The idle figure of the bench until 2026-12-02: read ${(SETTLE_MS * 2) / 1000} s after the blank tab, while the install may still run.`,
      details: idleDetails,
    }),
    measured({
      id: 'memory-per-console-tab',
      name: 'Memory added by the first console tab with the panel open (demo audit log)',
      budget: PER_TAB_BUDGET_MB,
      unit: 'MB',
      values: firstTab,
      notes:
        `${common} Per round: (with the extension: demo audit tab open and its panel listing runbooks − idle, settled) − (without: the same tab − idle). ` +
        'The panel runs in the extension’s process (an out-of-process frame), so its cost shows there, not in the tab’s renderer. ' +
        'The budget’s figure is the first tab’s: a person with one console open pays it all, including what the extension’s process pays once for its first page ' +
        '(the panel page’s code compiled, the first document’s context); each further tab costs less (memory-per-further-console-tab).',
      details: tabDetails,
    }),
    measured({
      id: 'memory-per-further-console-tab',
      name: `Memory added by each further console tab with its panel open (tabs 2–${TABS}, demo audit log) — report-only`,
      unit: 'MB',
      values: furtherTabs,
      notes: `${common} Each of tabs 2–${TABS} of a round, opened after the one before listed its runbooks: what it added with the extension beyond what it added without.`,
      details: tabDetails,
    }),
    measured({
      id: 'memory-runbook-opened',
      name: 'Memory added by opening a runbook in a panel (the last tab’s) — report-only',
      unit: 'MB',
      values: col((r) => r.runbookOpen),
      notes:
        `${common} After the ${TABS} tabs were read: the first runbook of the last tab’s panel clicked, read once its steps show, less what the tab without the extension changed meanwhile. ` +
        'The runbook view’s code is fetched on intent (the pointer over the list, focus in it, or a runbook opened), not with the list, so the per-tab figures do not hold it.',
    }),
    measured({
      id: 'memory-after-panel-closed',
      name: 'Memory added by the extension after panels were used and their tabs closed (not idle)',
      unit: 'MB',
      values: col((r) => r.afterPanel),
      notes:
        `${common} Read ${SETTLE_MS} ms after the ${TABS} demo tabs with their panels (a runbook opened in one) were closed: ` +
        'the panel page’s code and heap stay in the extension’s process for a while, so this is higher than idle. Report-only.',
      details: { breakdownMb: breakdown },
    }),
  ];
}
