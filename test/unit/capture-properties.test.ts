// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { readVisibleRows } from '../../utils/engine/capture';
import { LIMITS } from '../../utils/db/records';
import { loadBuiltinPack } from '../../utils/pack/builtin';
import { adapterSchema, type Adapter } from '../../utils/schema/adapter';

/**
 * Capture as evidence (issue 19): every distinct row the page shows is kept — rows
 * that share a time (same-second events) are told apart by every column, not the
 * first — and cell text is normalised the same way every time, so the same page
 * gives the same rows and the same hash.
 */
const demo = loadBuiltinPack().adapters.find((a) => a.id === 'acme-demo')!;

function adapterWith(columns: Record<string, unknown>): Adapter {
  return adapterSchema.parse({ ...structuredClone(demo), results: { row: ['tbody tr'], columns } });
}

const PLAIN = adapterWith({
  time: { selectors: ['td.t'] },
  actor: { selectors: ['td.a'] },
  action: { selectors: ['td.c'] },
  target: { selectors: ['td.g'] },
  ip: { selectors: ['td.i'] },
  result: { selectors: ['td.r'] },
});

interface Cells {
  t: string;
  a: string;
  c: string;
  g: string;
  i: string;
  r: string;
}

function mount(rows: Cells[]): void {
  const td = (cls: string, text: string) => `<td class="${cls}">${text}</td>`;
  document.body.innerHTML = `<table><tbody>${rows
    .map((r) => `<tr>${td('t', r.t)}${td('a', r.a)}${td('c', r.c)}${td('g', r.g)}${td('i', r.i)}${td('r', r.r)}</tr>`)
    .join('')}</tbody></table>`;
}

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('capture keeps every distinct row', () => {
  it('same-second events that differ in any one column are all kept', () => {
    const base: Cells = { t: '2026-03-01T09:15:00.000Z', a: 'ana@acme.example', c: 'user.login', g: 'acme', i: '203.0.113.7', r: 'success' };
    const rows: Cells[] = [base, { ...base, a: 'bob@acme.example' }, { ...base, c: 'user.logout' }, { ...base, g: 'other' }, { ...base, i: '203.0.113.8' }, { ...base, r: 'failure' }];
    mount(rows);
    const { rows: captured } = readVisibleRows(document, PLAIN);
    expect(captured.map((r) => [r.actor, r.action, r.target, r.ip, r.result])).toEqual(rows.map((r) => [r.a, r.c, r.g, r.i, r.r]));
    expect(captured.every((r) => r.time === base.t)).toBe(true);
  });

  it('rows shown twice in one read (the same in every column) are two events, both kept', () => {
    const row: Cells = { t: '2026-03-01T09:15:00.000Z', a: 'ana', c: 'x', g: 'y', i: '1', r: 'ok' };
    mount([row, { ...row, t: '2026-03-01T09:16:00.000Z' }, row]);
    expect(readVisibleRows(document, PLAIN).rows.map((r) => r.time)).toEqual(['2026-03-01T09:15:00.000Z', '2026-03-01T09:16:00.000Z', '2026-03-01T09:15:00.000Z']);
  });

  it('property: the captured rows are exactly the rows shown, identical ones included, in order (200 seeded pages)', () => {
    const next = random(2026);
    const pick = (values: string[]) => values[Math.floor(next() * values.length)]!;
    for (let page = 0; page < 200; page++) {
      const rows: Cells[] = Array.from({ length: 1 + Math.floor(next() * 12) }, () => ({
        t: pick(['2026-03-01T09:15:00.000Z', '2026-03-01T09:15:01.000Z']),
        a: pick(['ana', 'bob']),
        c: pick(['login', 'logout']),
        g: pick(['acme', 'beta']),
        i: pick(['10.0.0.1', '10.0.0.2']),
        r: pick(['success', 'failure']),
      }));
      mount(rows);
      const expected = rows;
      const captured = readVisibleRows(document, PLAIN).rows;
      expect(captured.map((r) => ({ t: r.time, a: r.actor, c: r.action, g: r.target, i: r.ip, r: r.result })), `page ${page}`).toEqual(expected);
      for (const [index, row] of captured.entries()) {
        expect(row.raw).toEqual({ time: expected[index]!.t, actor: expected[index]!.a, action: expected[index]!.c, target: expected[index]!.g, ip: expected[index]!.i, result: expected[index]!.r });
      }
    }
  });

  it('stops at the limit', () => {
    mount(Array.from({ length: 5 }, (_, n) => ({ t: '', a: `u${n}`, c: 'x', g: 'y', i: '1', r: 'ok' })));
    expect(readVisibleRows(document, PLAIN, 3).rows.map((r) => r.actor)).toEqual(['u0', 'u1', 'u2']);
  });
});

describe('capture normalises cell whitespace', () => {
  it('runs of spaces, tabs, newlines and no-break spaces become one space, ends trimmed', () => {
    mount([{ t: '  2026-03-01T09:15:00.000Z\n', a: '\n   ana@acme.example \t ', c: 'user.\n<b>login</b>', g: 'Acme\u00a0\u00a0 Corp\n\n  (EU)', i: ' 203.0.113.7 ', r: '\tsuccess\t' }]);
    const [row] = readVisibleRows(document, PLAIN).rows;
    expect(row).toEqual({
      time: '2026-03-01T09:15:00.000Z',
      actor: 'ana@acme.example',
      action: 'user. login',
      target: 'Acme Corp (EU)',
      ip: '203.0.113.7',
      result: 'success',
      raw: { time: '2026-03-01T09:15:00.000Z', actor: 'ana@acme.example', action: 'user. login', target: 'Acme Corp (EU)', ip: '203.0.113.7', result: 'success' },
    });
  });

  it('rows that differ only in whitespace read the same', () => {
    mount([
      { t: '', a: 'ana  x', c: 'c', g: 'g', i: 'i', r: 'r' },
      { t: '', a: ' ana\nx ', c: 'c', g: 'g', i: 'i', r: 'r' },
    ]);
    expect(readVisibleRows(document, PLAIN).rows.map((r) => r.actor)).toEqual(['ana x', 'ana x']);
  });

  it('an attribute is kept exactly as the page wrote it', () => {
    const adapter = adapterWith({ actor: { selectors: ['td.a'], attr: 'data-who' }, action: { selectors: ['td.c'] } });
    document.body.innerHTML = '<table><tbody><tr><td class="a" data-who=" ana  x ">shown</td><td class="c">c</td></tr></tbody></table>';
    expect(readVisibleRows(document, adapter).rows[0]?.actor).toBe(' ana  x ');
  });
});

describe('capture cell rules', () => {
  it('a pattern keeps its first group, else the whole match, else the whole cell', () => {
    const adapter = adapterWith({
      actor: { selectors: ['td.a'], pattern: '<([^>]+)>' },
      action: { selectors: ['td.c'], pattern: '[a-z]+\\.[a-z]+' },
      target: { selectors: ['td.g'], pattern: 'nomatch(\\d+)' },
    });
    document.body.innerHTML = '<table><tbody><tr><td class="a">Ana Smith &lt;ana@acme.example&gt;</td><td class="c">Signed in (user.login)</td><td class="g">acme org</td></tr></tbody></table>';
    expect(readVisibleRows(document, adapter).rows[0]).toMatchObject({ actor: 'ana@acme.example', action: 'user.login', target: 'acme org' });
  });

  it('cells are cut at the limit (IP addresses at 100 characters)', () => {
    mount([{ t: '', a: 'x'.repeat(LIMITS.cellChars + 50), c: 'c', g: 'g', i: '1'.repeat(150), r: 'r' }]);
    const [row] = readVisibleRows(document, PLAIN).rows;
    expect(row?.actor).toHaveLength(LIMITS.cellChars);
    expect(row?.ip).toHaveLength(100);
  });

  it('a missing column is kept empty and named in a warning', () => {
    document.body.innerHTML = '<table><tbody><tr><td class="t"></td><td class="c">c</td></tr><tr><td class="c">d</td></tr></tbody></table>';
    const { rows, warnings } = readVisibleRows(document, PLAIN);
    expect(rows.map((r) => [r.actor, r.action])).toEqual([['', 'c'], ['', 'd']]);
    expect(warnings).toContain('The actor column was missing in 2 rows — check those on the page by hand.');
    expect(warnings).toContain('The time column was missing in 1 row — check it on the page by hand.');
  });

  it('an adapter without results says so and captures nothing', () => {
    const { results: _results, ...rest } = structuredClone(demo);
    const adapter = adapterSchema.parse(rest);
    expect(readVisibleRows(document, adapter)).toEqual({ rows: [], warnings: ['This adapter does not say where the results are.'] });
  });
});
