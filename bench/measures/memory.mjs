// Memory budgets (DESIGN.md §4): PSS added by the idle extension, and added per console
// tab with the panel open. Each profile is a whole Chromium (browser, zygotes, GPU,
// utility and renderer processes); its total PSS is read from /proc (bench/lib/processes.mjs)
// and compared with the same browser without the extension at the same moment.
import { profileMemory } from '../lib/processes.mjs';
import { launchProfile, sleep } from '../lib/browser.mjs';
import { measured, median, round } from '../lib/stats.mjs';

export const IDLE_BUDGET_MB = 30;
export const PER_TAB_BUDGET_MB = 10;
const MB = 1024 * 1024;
/** After a change, how long memory may settle before it is read. */
const SETTLE_MS = 1500;

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

/** Waits until the panel in `page` lists a runbook (the panel is open and rendered). */
async function panelShown(page, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const frame = page.frames().find((f) => f.url().startsWith('chrome-extension://') && new URL(f.url()).pathname === '/panel.html');
    if (frame && (await frame.locator('[data-testid="runbook-item"]').count().catch(() => 0)) > 0) return;
    await sleep(50);
  }
  throw new Error('the panel did not list a runbook within 20 s');
}

/**
 * One round: idle read in profiles no extension page has been opened in, then the demo audit
 * log in a new tab of each (with the extension, until the panel lists its runbooks), then the
 * tab closed and read again ("after a panel was used": the panel page's code and heap stay in
 * the extension's process, so this is not idle).
 */
async function oneRound(ext, base, demoUrl) {
  const [extIdle, baseIdle] = [await read(ext), await read(base)];
  const url = `${demoUrl}/audit`;
  const extPage = await ext.context.newPage();
  const basePage = await base.context.newPage();
  let extTab;
  let baseTab;
  try {
    await Promise.all([extPage.goto(url, { waitUntil: 'load' }), basePage.goto(url, { waitUntil: 'load' })]);
    await basePage.waitForSelector('table tbody tr');
    await panelShown(extPage);
    await sleep(SETTLE_MS);
    [extTab, baseTab] = [await read(ext), await read(base)];
  } finally {
    await Promise.all([extPage.close(), basePage.close()]);
  }
  await sleep(SETTLE_MS);
  const [extAfter, baseAfter] = [await read(ext), await read(base)];
  return {
    idle: (extIdle.totalBytes - baseIdle.totalBytes) / MB,
    perTab: (extTab.totalBytes - extIdle.totalBytes - (baseTab.totalBytes - baseIdle.totalBytes)) / MB,
    afterPanel: (extAfter.totalBytes - baseAfter.totalBytes) / MB,
    part: { extIdle: extIdle.byType, baseIdle: baseIdle.byType, extTab: extTab.byType, baseTab: baseTab.byType, extAfter: extAfter.byType, extProcesses: extTab.processes, baseProcesses: baseTab.processes },
  };
}

/**
 * @param {{ ext: { context, userDataDir }, base: { context, userDataDir }, extensionDir?: string, demoUrl: string, runs: number }} options
 * `ext` and `base` are fresh (measured before any other browser measurement has opened tabs in them)
 * and serve the first round; every later round gets two new profiles of its own (`extensionDir`),
 * so "idle" is always read before any extension page was opened in that browser. Without
 * `extensionDir` there is one round.
 */
export async function measureMemory({ ext, base, extensionDir, demoUrl, runs }) {
  // One blank tab each, the extension's worker awake (it answered at start-up), nothing else.
  const blank = async (profile) => (profile.context.pages()[0] ?? (await profile.context.newPage()));
  const rounds = [];
  for (let i = 0; i < (extensionDir ? runs : 1); i += 1) {
    const fresh = i === 0 ? null : await Promise.all([launchProfile(extensionDir), launchProfile(null)]);
    const [e, b] = fresh ?? [ext, base];
    try {
      await Promise.all([blank(e), blank(b)]);
      await sleep(SETTLE_MS * 2);
      rounds.push(await oneRound(e, b, demoUrl));
    } finally {
      if (fresh) await Promise.all(fresh.map((p) => p.close()));
    }
  }
  const idle = rounds.map((r) => r.idle);
  const perTab = rounds.map((r) => r.perTab);
  const afterPanel = rounds.map((r) => r.afterPanel);
  const parts = rounds.map((r) => r.part);
  const mb = (bytes) => round(bytes / MB);
  const medianPart = (which, type) => mb(median(parts.map((p) => p[which][type] ?? 0)));
  const types = [...new Set(parts.flatMap((p) => [...Object.keys(p.extTab), ...Object.keys(p.baseTab)]))].sort();
  const breakdown = Object.fromEntries(
    types.map((t) => [t, { extIdle: medianPart('extIdle', t), baseIdle: medianPart('baseIdle', t), extTab: medianPart('extTab', t), baseTab: medianPart('baseTab', t), extAfterPanel: medianPart('extAfter', t) }]),
  );
  const common =
    'PSS summed over every process of the browser (from /proc/<pid>/smaps_rollup), with the extension minus the same browser without it, read at the same moment; ' +
    `${rounds.length} rounds, each in a new pair of profiles. MB = 2^20 bytes.`;
  return [
    measured({
      id: 'memory-idle-extension',
      name: 'Memory added by the idle extension (worker awake, one blank tab)',
      budget: IDLE_BUDGET_MB,
      unit: 'MB',
      values: idle,
      notes: `${common} Read before any extension page was opened in that browser (a fresh profile per round). Includes the extension's own process (its service worker) and what the browser process keeps for it.`,
      details: { breakdownMb: breakdown },
    }),
    measured({
      id: 'memory-per-console-tab',
      name: 'Memory added per console tab with the panel open (demo audit log)',
      budget: PER_TAB_BUDGET_MB,
      unit: 'MB',
      values: perTab,
      notes:
        `${common} Per round: (with the extension: demo audit tab open and its panel listing runbooks − idle) − (without: the same tab − idle). ` +
        'The panel runs in the extension’s process (an out-of-process frame), so its cost shows there, not in the tab’s renderer.',
      details: { breakdownMb: breakdown },
    }),
    measured({
      id: 'memory-after-panel-closed',
      name: 'Memory added by the extension after a panel was used and its tab closed (not idle)',
      unit: 'MB',
      values: afterPanel,
      notes:
        `${common} Read ${SETTLE_MS} ms after the demo tab with its panel was closed, in the same round as the idle read: ` +
        'the panel page’s code and heap stay in the extension’s process for a while, so this is higher than idle. Report-only.',
      details: { breakdownMb: breakdown },
    }),
  ];
}
