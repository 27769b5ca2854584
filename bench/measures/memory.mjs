// Memory budgets (DESIGN.md §4): PSS added by the idle extension, and added per console
// tab with the panel open. Each profile is a whole Chromium (browser, zygotes, GPU,
// utility and renderer processes); its total PSS is read from /proc (bench/lib/processes.mjs)
// and compared with the same browser without the extension at the same moment.
import { profileMemory } from '../lib/processes.mjs';
import { sleep } from '../lib/browser.mjs';
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
 * @param {{ ext: { context, userDataDir }, base: { context, userDataDir }, demoUrl: string, runs: number }} options
 * Both profiles are fresh: measured before any other browser measurement has opened tabs in them.
 */
export async function measureMemory({ ext, base, demoUrl, runs }) {
  // One blank tab each, the extension's worker awake (it answered at start-up), nothing else.
  const blank = async (profile) => (profile.context.pages()[0] ?? (await profile.context.newPage()));
  await Promise.all([blank(ext), blank(base)]);
  await sleep(SETTLE_MS * 2);
  const idle = [];
  const perTab = [];
  const parts = [];
  for (let i = 0; i < runs; i += 1) {
    const [extIdle, baseIdle] = [await read(ext), await read(base)];
    idle.push((extIdle.totalBytes - baseIdle.totalBytes) / MB);
    // The demo audit log in a new tab of each profile; with the extension, until the panel shows its runbooks.
    const url = `${demoUrl}/audit`;
    const extPage = await ext.context.newPage();
    const basePage = await base.context.newPage();
    try {
      await Promise.all([extPage.goto(url, { waitUntil: 'load' }), basePage.goto(url, { waitUntil: 'load' })]);
      await basePage.waitForSelector('table tbody tr');
      await panelShown(extPage);
      await sleep(SETTLE_MS);
      const [extTab, baseTab] = [await read(ext), await read(base)];
      perTab.push((extTab.totalBytes - extIdle.totalBytes - (baseTab.totalBytes - baseIdle.totalBytes)) / MB);
      parts.push({ extIdle: extIdle.byType, baseIdle: baseIdle.byType, extTab: extTab.byType, baseTab: baseTab.byType, extProcesses: extTab.processes, baseProcesses: baseTab.processes });
    } finally {
      await Promise.all([extPage.close(), basePage.close()]);
    }
    await sleep(SETTLE_MS);
  }
  const mb = (bytes) => round(bytes / MB);
  const medianPart = (which, type) => mb(median(parts.map((p) => p[which][type] ?? 0)));
  const types = [...new Set(parts.flatMap((p) => [...Object.keys(p.extTab), ...Object.keys(p.baseTab)]))].sort();
  const breakdown = Object.fromEntries(
    types.map((t) => [t, { extIdle: medianPart('extIdle', t), baseIdle: medianPart('baseIdle', t), extTab: medianPart('extTab', t), baseTab: medianPart('baseTab', t) }]),
  );
  const common =
    'PSS summed over every process of the browser (from /proc/<pid>/smaps_rollup), with the extension minus the same browser without it, read at the same moment; ' +
    `${runs} rounds, interleaved. MB = 2^20 bytes.`;
  return [
    measured({
      id: 'memory-idle-extension',
      name: 'Memory added by the idle extension (worker awake, one blank tab)',
      budget: IDLE_BUDGET_MB,
      unit: 'MB',
      values: idle,
      notes: `${common} Includes the extension's own process (its service worker) and what the browser process keeps for it.`,
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
  ];
}
