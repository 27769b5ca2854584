import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs module of the bench, without type declarations
import { attributeScriptTime } from '../../bench/lib/trace.mjs';

/**
 * The recognised page's CPU figure is the thread time of the extension's own script on the
 * page's main thread, read from a trace by script URL (bench/lib/trace.mjs).
 */
const PAGE = 10;
const PANEL = 20; // the panel frame's extension process: its scripts are chrome-extension:// too
const MAIN = 1;
const ext = 'chrome-extension://abc/content-scripts/content.js';

const meta = [
  { ph: 'M', name: 'thread_name', pid: PAGE, tid: MAIN, args: { name: 'CrRendererMain' } },
  { ph: 'M', name: 'thread_name', pid: PAGE, tid: 2, args: { name: 'Compositor' } },
  { ph: 'M', name: 'thread_name', pid: PANEL, tid: MAIN, args: { name: 'CrRendererMain' } },
  { ph: 'X', name: 'ParseHTML', pid: PAGE, tid: MAIN, ts: 0, dur: 10, tdur: 10, args: { beginData: { url: 'http://127.0.0.1:4000/audit' } } },
];
/** A complete event: start and wall duration in µs, thread time in µs. */
const x = (name: string, pid: number, tid: number, ts: number, dur: number, tdur: number, url?: string) => ({
  ph: 'X',
  name,
  pid,
  tid,
  ts,
  dur,
  tdur,
  args: url ? { data: { url } } : {},
});

describe('the bench attributes script time on the page by script URL', () => {
  it("counts the extension's outermost script events on the page's main thread, even inside the page's own", () => {
    const events = [
      ...meta,
      x('RunTask', PAGE, MAIN, 100, 5000, 4000),
      // The page's script, with our mutation callback's microtask run inside it.
      x('FunctionCall', PAGE, MAIN, 100, 4000, 3000, 'http://127.0.0.1:4000/app.js'),
      x('FunctionCall', PAGE, MAIN, 1000, 2000, 1500, ext),
      // Called from ours (a forced layout shows in the same event; a nested call of ours is not counted twice).
      x('FunctionCall', PAGE, MAIN, 1200, 500, 400, ext),
      x('RunTask', PAGE, MAIN, 6000, 1000, 800),
      x('EvaluateScript', PAGE, MAIN, 6000, 1000, 700, ext),
      // Not the page's main thread, not the page's process, no URL: none of these count.
      x('FunctionCall', PAGE, 2, 6000, 1000, 900, ext),
      x('FunctionCall', PANEL, MAIN, 6000, 9000, 9000, ext),
      x('FunctionCall', PAGE, MAIN, 8000, 1000, 1000),
    ];
    const result = attributeScriptTime(events);
    expect(result.scriptMs.extension).toBeCloseTo(2.2, 6); // 1.5 + 0.7
    expect(result.scriptMs.page).toBeCloseTo(3, 6);
    expect(result.taskMs).toBeCloseTo(4.8, 6);
    expect(Object.keys(result.byExtensionFunction).sort()).toEqual(['EvaluateScript /content-scripts/content.js', 'FunctionCall /content-scripts/content.js']);
  });

  it("counts a microtask checkpoint outside any script event as ours when its task received an extension API's answer (the code after an await)", () => {
    const answer = (ts: number, tag: string) => ({
      ph: 'X',
      name: 'Receive mojo reply',
      pid: PAGE,
      tid: MAIN,
      ts,
      dur: 10,
      tdur: 10,
      args: { chrome_mojo_event_info: { mojo_interface_tag: tag } },
    });
    const events = [
      ...meta,
      // The storage read's answer: its promise jobs (the check, the early panel frame) are ours,
      x('RunTask', PAGE, MAIN, 1000, 3000, 3000),
      answer(1000, 'extensions.mojom.LocalFrameHost'),
      x('RunMicrotasks', PAGE, MAIN, 1100, 2000, 2000),
      // less a page's mutation callback our DOM change set off (the page's, by its URL) and our own callback.
      x('FunctionCall', PAGE, MAIN, 1200, 300, 300, 'http://127.0.0.1:4000/app.js'),
      x('FunctionCall', PAGE, MAIN, 1600, 100, 100, ext),
      // A fetch's answer to the page: its checkpoint is not ours, and not counted as anyone's script.
      x('RunTask', PAGE, MAIN, 9000, 1000, 1000),
      answer(9000, 'network.mojom.URLLoaderClient'),
      x('RunMicrotasks', PAGE, MAIN, 9100, 800, 800),
      // Inside the page's own script event: already the page's.
      x('RunTask', PAGE, MAIN, 20000, 1000, 1000),
      answer(20000, 'extensions.mojom.LocalFrameHost'),
      x('FunctionCall', PAGE, MAIN, 20000, 1000, 1000, 'http://127.0.0.1:4000/app.js'),
      x('RunMicrotasks', PAGE, MAIN, 20500, 400, 400),
    ];
    const result = attributeScriptTime(events);
    expect(result.scriptMs.extension).toBeCloseTo(0.1 + (2 - 0.3 - 0.1), 6);
    expect(result.scriptMs.page).toBeCloseTo(0.3 + 1, 6);
    expect(result.unattributedMicrotasksMs).toBeCloseTo(0.8, 6);
    expect(result.byExtensionFunction['promise jobs after an extension API answer']).toBeCloseTo(1.6, 6);
  });

  it('finds nothing of ours on a page loaded without the extension', () => {
    const events = [...meta, x('RunTask', PAGE, MAIN, 100, 5000, 4000), x('FunctionCall', PAGE, MAIN, 100, 4000, 3000, 'http://127.0.0.1:4000/app.js')];
    expect(attributeScriptTime(events).scriptMs).toEqual({ extension: 0, page: 3 });
  });
});
