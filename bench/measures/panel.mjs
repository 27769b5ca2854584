// Budget 3: recognised page → panel visible. Times are taken inside the browser:
// an init script records, in the page, DOMContentLoaded, load, the moment the demo
// console's own markup (what the adapter's fingerprint looks for) is in the DOM, the
// moment the panel's host element is added and the first animation frame in which the
// panel covers the page (hit-testing at its spot: a frame started early stays hidden,
// and hidden elements are not hit); in the panel frame, its DOMContentLoaded and the
// first animation frame after a runbook is listed. Both frames' clocks are turned
// into "ms since the page's navigation started" through performance.timeOrigin.
// "Visible" is the later of "the panel covers the page" and "a runbook is painted".
import { sleep } from '../lib/browser.mjs';
import { measured, median, round } from '../lib/stats.mjs';

export const PANEL_BUDGET_MS = 300;

function recorder() {
  const T = (globalThis.__tgTimes = { origin: performance.timeOrigin });
  document.addEventListener('DOMContentLoaded', () => {
    T.dcl = performance.now();
  });
  if (location.protocol === 'chrome-extension:') {
    const observer = new MutationObserver(() => {
      if (T.item || !document.querySelector('[data-testid="runbook-item"]')) return;
      T.item = performance.now();
      observer.disconnect();
      requestAnimationFrame(() => {
        T.painted = performance.now();
      });
    });
    observer.observe(document, { childList: true, subtree: true });
    return;
  }
  addEventListener('load', () => {
    T.load = performance.now();
  });
  const observer = new MutationObserver(() => {
    // The demo adapter's fingerprint: the audit-log section and the search form.
    if (!T.markup && document.querySelector('[data-page="audit-log"], section#audit-log') && document.querySelector('form[role="search"]')) {
      T.markup = performance.now();
    }
    if (!T.host && document.querySelector('trailguide-panel')) T.host = performance.now();
    if (T.markup && T.host) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
  const covered = () => {
    if (document.elementFromPoint(innerWidth - 20, innerHeight / 2)?.localName === 'trailguide-panel') T.covered = performance.now();
    else requestAnimationFrame(covered);
  };
  requestAnimationFrame(covered);
}

async function oneRun(context, url) {
  const page = await context.newPage();
  try {
    await page.addInitScript(recorder);
    await page.goto(url, { waitUntil: 'commit' });
    const deadline = Date.now() + 15_000;
    let panel;
    let host;
    while (Date.now() < deadline) {
      const frame = page.frames().find((f) => f.url().startsWith('chrome-extension://') && new URL(f.url()).pathname === '/panel.html');
      if (frame) {
        panel = await frame.evaluate(() => globalThis.__tgTimes).catch(() => undefined);
        host = await page.evaluate(() => globalThis.__tgTimes);
        if (panel?.painted && host?.covered) break;
      }
      await sleep(20);
    }
    if (!panel?.painted || !host?.covered) throw new Error('the panel did not show a runbook within 15 s');
    const inPage = (t) => (t === undefined ? null : t + panel.origin - host.origin);
    const painted = inPage(panel.painted);
    return {
      pageDcl: host.dcl,
      pageLoad: host.load,
      markup: host.markup ?? null,
      hostAdded: host.host,
      frameStart: inPage(0),
      frameDcl: inPage(panel.dcl),
      runbookListed: inPage(panel.item),
      painted,
      covered: host.covered,
      visible: Math.max(painted, host.covered),
    };
  } finally {
    await page.close();
  }
}

export async function measurePanelVisible({ withExt, demoUrl, runs }) {
  const url = `${demoUrl}/audit`;
  await oneRun(withExt, url); // warm-up: service worker started, built-in pack parsed and cached
  const samples = [];
  for (let i = 0; i < runs; i += 1) samples.push(await oneRun(withExt, url));
  const stage = (key) => round(median(samples.map((s) => s[key])));
  const stages = {
    pageDcl: stage('pageDcl'),
    pageLoad: stage('pageLoad'),
    markup: stage('markup'),
    hostAdded: stage('hostAdded'),
    frameDcl: stage('frameDcl'),
    runbookListed: stage('runbookListed'),
    painted: stage('painted'),
    covered: stage('covered'),
    visible: stage('visible'),
  };
  const afterHost = samples.map((s) => s.visible - s.hostAdded);
  const afterLoad = samples.map((s) => s.visible - s.pageLoad);
  const afterMarkup = samples.map((s) => s.visible - s.markup);
  return [
    measured({
      id: 'panel-visible',
      name: 'Demo audit log: navigation start → panel shows its runbooks',
      budget: PANEL_BUDGET_MS,
      unit: 'ms',
      values: samples.map((s) => s.visible),
      notes:
        `Medians since navigation start: page DOMContentLoaded ${stages.pageDcl}, load ${stages.pageLoad}, console markup in the DOM ${stages.markup}, ` +
        `panel host added ${stages.hostAdded}, panel DOMContentLoaded ${stages.frameDcl}, runbook listed ${stages.runbookListed}, painted ${stages.painted}, ` +
        `panel covers the page ${stages.covered}; visible (the later of the last two) ${stages.visible}. ` +
        `Markup in the DOM → visible ${round(median(afterMarkup))} ms; host added → visible ${round(median(afterHost))} ms; load → visible ${round(median(afterLoad))} ms. One warm-up run first.`,
      details: {
        stages,
        markupToVisibleMs: round(median(afterMarkup)),
        hostToVisibleMs: round(median(afterHost)),
        loadToVisibleMs: round(median(afterLoad)),
        samples: samples.map((s) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v === null ? null : round(v)]))),
      },
    }),
    measured({
      id: 'panel-visible-after-markup',
      name: 'Demo audit log: console markup in the DOM (recognisable) → panel shows its runbooks',
      budget: null,
      unit: 'ms',
      values: afterMarkup,
      notes:
        'The same runs, counted from the moment the page shows what the adapter’s fingerprint looks for: the earliest moment the page can be recognised. ' +
        'Reported beside the navigation-based figure, not instead of it.',
    }),
  ];
}
