// @vitest-environment jsdom
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createExecutor } from '../../utils/engine/executor-core';
import type { ExecProgress, ExecReply, ExecReplies } from '../../utils/engine/messages';
import { execRequest, type ExecRequest } from '../../utils/engine/messages';
import { resolveFilters } from '../../utils/engine/values';
import { loadBuiltinPack } from '../../utils/pack/builtin';
import { until } from '../fixtures/react-vue/helpers';

/**
 * The real demo console (demo/public/app.js) booted in jsdom, its API answered
 * in-process by demo/api.mjs — so these tests assert on the console's own state
 * (its address and its results), exactly as the end-to-end test will.
 */
const demoFile = (file: string) => import(/* @vite-ignore */ path.resolve(__dirname, '../../demo', file));
const adapter = loadBuiltinPack().adapters.find((a) => a.id === 'acme-demo')!;
const NOW = new Date('2026-11-27T12:00:00.000Z');

let progress: ExecProgress[] = [];
const run = createExecutor({ doc: document, sendProgress: (p) => progress.push(p) });
async function send<R extends ExecRequest>(request: R): Promise<ExecReplies[R['type']]> {
  const reply: ExecReply = await run(execRequest.parse(request));
  if ('error' in reply) throw new Error(reply.error);
  return reply as ExecReplies[R['type']];
}

beforeAll(async () => {
  const { buildDataset } = await demoFile('data.mjs');
  const { handleApiRequest } = await demoFile('api.mjs');
  const dataset = buildDataset({ now: NOW });
  vi.stubGlobal('fetch', async (input: string) => {
    const answer = handleApiRequest(new URL(String(input), location.href), dataset);
    return { ok: answer.status < 400, status: answer.status, json: async () => answer.body };
  });
  history.replaceState(null, '', '/audit?pageSize=20');
  document.body.innerHTML = '<div id="root"></div>';
  await demoFile('public/app.js');
  await until(() => expect(document.querySelectorAll('table.audit-table tbody tr[data-event-id]').length).toBe(20));
});

afterAll(() => {
  vi.unstubAllGlobals();
});

const rows = () => Array.from(document.querySelectorAll('table.audit-table tbody tr[data-event-id]'));

describe('the executor on the demo console', () => {
  it('probes the page: every field, the submit button and the result rows', async () => {
    const { report } = await send({ type: 'exec:probe', adapter });
    expect(report.fields.map((f) => [f.field, f.found])).toEqual([
      ['text', true],
      ['actor', true],
      ['target', true],
      ['action', true],
      ['since', true],
      ['until', true],
    ]);
    expect(report.fields.find((f) => f.field === 'action')).toMatchObject({ tag: 'button', kind: 'combobox', selectorUsed: '[data-testid="event-type"]' });
    expect(report.submit.found).toBe(true);
    expect(report.results.rowCount).toBe(20);
  });

  it("fills the console's own filters, submits, and the console's address and results change", async () => {
    const { values } = resolveFilters(
      { actor: '{{email}}', action: 'user.login', since: '{{range.from}}', until: '{{range.to}}' },
      { email: 'li.chen@acme.example', range: '2026-09-01..2026-11-27' },
      { now: NOW },
    );
    const { report } = await send({ type: 'exec:fill', adapter, values, submit: true });
    expect(report.messages).toEqual([]);
    expect(report.fields.map((f) => [f.field, f.ok, f.selectorUsed])).toEqual([
      ['actor', true, 'input[name="actor"]'],
      ['action', true, '[data-testid="event-type"]'],
      ['since', true, 'input[name="from"]'],
      ['until', true, 'input[name="to"]'],
    ]);
    expect(report.submitted).toBe(true);
    expect(report.wait?.ok).toBe(true);
    const params = new URLSearchParams(location.search);
    expect(params.get('actor')).toBe('li.chen@acme.example');
    expect(params.get('action')).toBe('user.login');
    expect(params.get('from')).toBe('2026-09-01T00:00');
    expect(params.get('to')).toBe('2026-11-27T23:59');
    expect(params.get('pageSize')).toBe('20');
    await until(() => expect(document.querySelector('.results')!.getAttribute('aria-busy')).toBe('false'));
    const shown = rows();
    expect(shown.length).toBeGreaterThan(0);
    for (const row of shown) {
      expect(row.querySelector('td.col-actor')!.textContent).toBe('li.chen@acme.example');
      expect(row.querySelector('td.col-action code')!.textContent).toBe('user.login');
    }
  });

  it('captures across pages (next page) up to the limit, with progress', async () => {
    ctxNavigate('/audit?pageSize=20');
    await until(() => expect(rows().length).toBe(20));
    progress = [];
    const { result } = await send({ type: 'exec:capture', adapter, limit: 50, captureId: 'c1' });
    expect(result.stoppedBecause).toBe('limit');
    expect(result.rows).toHaveLength(50);
    expect(result.pages).toBe(3);
    expect(new Set(result.rows.map((r) => JSON.stringify(r))).size).toBe(50);
    expect(result.rows.every((r) => r.time !== null && /Z$/.test(r.time))).toBe(true);
    expect(progress.map((p) => [p.captureId, p.captured])).toEqual([
      ['c1', 20],
      ['c1', 40],
      ['c1', 50],
    ]);
    expect(new URLSearchParams(location.search).get('page')).toBe('3');
  });

  it('highlights a named element of the adapter', async () => {
    const { result } = await send({ type: 'exec:highlight', adapter, target: 'next-page', message: 'More results are here.' });
    expect(result).toEqual({ ok: true, selectorUsed: 'button[aria-label="Next page"]' });
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    const missing = await send({ type: 'exec:highlight', adapter, target: 'nowhere', waitMs: 0 });
    expect(missing.result.ok).toBe(false);
    expect(missing.result.message).toMatch(/doesn't know where the nowhere is/);
  });
});

/** Navigates the demo the way its own links do (history API + popstate). */
function ctxNavigate(url: string) {
  history.pushState(null, '', url);
  window.dispatchEvent(new PopStateEvent('popstate'));
}
