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

  it('finds nothing of ours on a page loaded without the extension', () => {
    const events = [...meta, x('RunTask', PAGE, MAIN, 100, 5000, 4000), x('FunctionCall', PAGE, MAIN, 100, 4000, 3000, 'http://127.0.0.1:4000/app.js')];
    expect(attributeScriptTime(events).scriptMs).toEqual({ extension: 0, page: 3 });
  });
});
