import { testAdapterLive } from '../builder/live-test';
import { cancelPick, pickElement } from '../builder/pick';
import { cancelSelectWords, readSentenceRows, selectWords } from '../builder/sentence-page';
import { cancelRecording, startRecording, stopRecording } from '../builder/record-page';
import { recheckTaught } from '../builder/recheck-page';
import type { Adapter } from '../schema/adapter';
import { captureRows, nextPageControl } from './capture';
import { collectAdapter } from './collect';
import { executeFill } from './fill';
import { highlightElement } from './highlight';
import type { ExecError, ExecProgress, ExecReply, ParsedExecRequest } from './messages';
import { planFill } from './plan';
import { readBack } from './readback';

/**
 * What the injected executor does with each request, independent of the
 * extension APIs so it can be tested in a DOM. Results go back only as the
 * reply (never into the page's DOM or window.postMessage — DESIGN.md §3.2).
 */
export interface ExecutorContext {
  doc: Document;
  sendProgress: (progress: ExecProgress) => void;
}

export function createExecutor(context: ExecutorContext): (request: ParsedExecRequest) => Promise<ExecReply> {
  const running = new Map<string, AbortController>();
  let fillRunning = false;
  const busy: ExecError = { error: 'Trailguide is still working on this page — wait for it to finish, or cancel it first.' };

  return async (request) => {
    switch (request.type) {
      case 'exec:ping':
        return { type: 'exec:ping', ready: true };
      case 'exec:probe':
        return { type: 'exec:probe', report: collectAdapter(context.doc, request.adapter) };
      case 'exec:readback':
        // Read-only: safe while a capture runs.
        return { type: 'exec:readback', applied: readBack(context.doc, request.adapter, request.intended) };
      case 'exec:fill': {
        if (fillRunning || running.size > 0) return busy;
        fillRunning = true;
        try {
          const plan = planFill(request.adapter, request.values, { submit: request.submit, reset: request.reset });
          const report = await executeFill(context.doc, plan);
          // A filter from an earlier search that the console still applies changes what the rows mean.
          const leftOver = readBack(context.doc, request.adapter, request.values)
            .filters.filter((f) => f.intended === '' && f.status === 'applied')
            .map((f) => ({ field: f.name, shown: f.shown ?? '' }));
          return { type: 'exec:fill', report: leftOver.length > 0 ? { ...report, leftOver } : report };
        } finally {
          fillRunning = false;
        }
      }
      case 'exec:capture': {
        if (fillRunning || running.size > 0) return busy;
        const controller = new AbortController();
        running.set(request.captureId, controller);
        try {
          const result = await captureRows(context.doc, request.adapter, {
            limit: request.limit,
            signal: controller.signal,
            onProgress: (p) => context.sendProgress({ type: 'exec:progress', captureId: request.captureId, ...p }),
          });
          return { type: 'exec:capture', result };
        } finally {
          running.delete(request.captureId);
        }
      }
      case 'exec:next-page': {
        if (request.click && (fillRunning || running.size > 0)) return busy;
        return { type: 'exec:next-page', ...nextPageControl(context.doc, request.adapter, request.click) };
      }
      case 'exec:cancel': {
        const targets = request.captureId ? [running.get(request.captureId)] : [...running.values()];
        // A builder pick waiting for a click stops too (unless a specific capture was named).
        let cancelled = request.captureId ? false : cancelPick(context.doc);
        if (!request.captureId && cancelRecording(context.doc)) cancelled = true;
        if (!request.captureId && cancelSelectWords(context.doc)) cancelled = true;
        for (const controller of targets) {
          if (!controller) continue;
          controller.abort();
          cancelled = true;
        }
        return { type: 'exec:cancel', cancelled };
      }
      case 'exec:pick':
        return pickElement(context.doc, request);
      case 'exec:sentence-rows':
        return readSentenceRows(context.doc, request.rowSelectors);
      case 'exec:select-words':
        return selectWords(context.doc, request);
      case 'exec:record':
        return { type: 'exec:record', ...startRecording(context.doc, request.prompt) };
      case 'exec:record-stop':
        return { type: 'exec:record-stop', ...stopRecording(context.doc) };
      case 'exec:recheck':
        return recheckTaught(context.doc, request);
      case 'exec:test-selectors': {
        if (fillRunning || running.size > 0) return busy;
        return { type: 'exec:test-selectors', report: await testAdapterLive(context.doc, request.adapter, request.sample) };
      }
      case 'exec:highlight': {
        const { selectors, label } = highlightTarget(request.adapter, request.target);
        if (selectors.length === 0) {
          return { type: 'exec:highlight', result: { ok: false, message: `This adapter doesn't know where ${label} is on the page — look for it yourself.` } };
        }
        const result = await highlightElement(context.doc, selectors, {
          label,
          ...(request.message ? { message: request.message } : {}),
          ...(request.waitMs !== undefined ? { waitMs: request.waitMs } : {}),
        });
        return { type: 'exec:highlight', result };
      }
    }
  };
}

/** A named element ("next-page"), a field's control ("actor"), or selectors given directly. */
export function highlightTarget(adapter: Adapter, target: string | readonly string[]): { selectors: string[]; label: string } {
  if (typeof target !== 'string') return { selectors: [...target], label: 'that part of the page' };
  const label = `the ${(adapter.fields[target]?.label ?? target.replace(/[-_]/g, ' ')).toLowerCase()}`;
  const selectors = adapter.elements[target] ?? adapter.fields[target]?.dom?.selectors ?? [];
  return { selectors: [...selectors], label };
}
