// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { captureRows, readVisibleRows } from '../../utils/engine/capture';
import { readRowTime } from '../../utils/engine/times';
import type { Adapter } from '../../utils/schema/adapter';

/**
 * What people see from a capture when an adapter (often from a team's own pack) is imperfect:
 * the warnings' exact wording, the limits on cells, and how the time column is read.
 * Adapters are built as plain objects so that a selector or pattern the browser refuses
 * reaches the capture exactly as a pack could deliver it.
 */
const now = new Date('2026-12-01T10:00:00.000Z');
const times = { now, pageZone: 'UTC' };

function adapter(columns: Record<string, Record<string, unknown>>, results: Record<string, unknown> = {}): Adapter {
  return {
    id: 'warnings',
    name: 'Warnings',
    vendor: 'Test',
    verified: { how: 'fixture', date: '2026-12-01' },
    match: { include: ['https://example.test/*'], present: [['table']] },
    results: { row: ['tbody tr'], columns, ...results },
  } as unknown as Adapter;
}

function rows(cells: Record<string, string>[]): string {
  const body = cells.map((row) => `<tr>${Object.entries(row).map(([cls, html]) => `<td class="${cls}">${html}</td>`).join('')}</tr>`).join('');
  return `<table><tbody>${body}</tbody></table>`;
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('capture warnings about the adapter', () => {
  it('skips a selector the browser refuses, says so once, and still reads the column with the next selector', () => {
    document.body.innerHTML = rows([{ a: 'ana@example.test' }, { a: 'bo@example.test' }]);
    const { rows: read, warnings } = readVisibleRows(document, adapter({ actor: { selectors: ['td[', 'td.a'] } }), 100, times);
    expect(read.map((r) => r.actor)).toEqual(['ana@example.test', 'bo@example.test']);
    expect(warnings).toEqual(["The adapter's selector for the actor column is not valid and was skipped."]);
  });

  it('keeps the whole cell when the pattern is not a valid regular expression, and says so', () => {
    document.body.innerHTML = rows([{ a: 'user ana@example.test' }]);
    const { rows: read, warnings } = readVisibleRows(document, adapter({ actor: { selectors: ['td.a'], pattern: '([a-z' } }), 100, times);
    expect(read[0]!.actor).toBe('user ana@example.test');
    expect(warnings).toEqual(["The adapter's pattern for the actor column is not valid; the whole cell is kept."]);
  });

  it('captures at most 40 columns and says how many the adapter named', () => {
    const columnsOf = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`c${i}`, { selectors: [`td.c${i}`] }]));
    const cellsOf = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`c${i}`, `v${i}`]));
    document.body.innerHTML = rows([cellsOf(41)]);
    const over = readVisibleRows(document, adapter(columnsOf(41)), 100, times);
    expect(over.warnings).toEqual(['The adapter names 41 columns; only the first 40 are captured.']);
    expect(Object.keys(over.rows[0]!.raw)).toHaveLength(40);
    expect(over.rows[0]!.raw.c39).toBe('v39');
    expect(over.rows[0]!.raw.c40).toBeUndefined();

    const exactly = readVisibleRows(document, adapter(columnsOf(40)), 100, times);
    expect(exactly.warnings).toEqual([]);
    expect(Object.keys(exactly.rows[0]!.raw)).toHaveLength(40);
  });

  it('names a missing column once, in the singular for one row and the plural for more', () => {
    document.body.innerHTML = rows([{ a: 'ana' }, { a: 'bo', r: 'success' }, { a: 'cy' }]);
    const many = readVisibleRows(document, adapter({ actor: { selectors: ['td.a'] }, result: { selectors: ['td.r'] } }), 100, times);
    expect(many.warnings).toEqual(['The result column was missing in 2 rows — check those on the page by hand.']);
    expect(many.rows.map((r) => r.result)).toEqual(['', 'success', '']);

    document.body.innerHTML = rows([{ a: 'ana' }, { a: 'bo', r: 'success' }]);
    const one = readVisibleRows(document, adapter({ actor: { selectors: ['td.a'] }, result: { selectors: ['td.r'] } }), 100, times);
    expect(one.warnings).toEqual(['The result column was missing in 1 row — check it on the page by hand.']);
  });

  it('says when an adapter has no results section, in both ways of reading', async () => {
    const none = { ...adapter({}), results: undefined } as unknown as Adapter;
    expect(readVisibleRows(document, none)).toEqual({ rows: [], warnings: ['This adapter does not say where the results are.'] });
    const result = await captureRows(document, none, { limit: 10 });
    expect(result).toEqual({
      rows: [],
      pages: 0,
      stoppedBecause: 'no-results-config',
      warnings: [],
      message: "This adapter doesn't say where the results are on the page, so there is nothing to capture.",
    });
  });
});

describe('cell limits', () => {
  it('cuts an IP cell at 100 characters and any other cell, the time included, at 4,000', () => {
    const long = 'x'.repeat(4_100);
    document.body.innerHTML = rows([{ i: `203.0.113.7 ${'y'.repeat(150)}`, a: long, t: long }]);
    const { rows: read } = readVisibleRows(
      document,
      adapter({ ip: { selectors: ['td.i'] }, actor: { selectors: ['td.a'] }, time: { selectors: ['td.t'] } }),
      100,
      times,
    );
    expect(read[0]!.ip).toHaveLength(100);
    expect(read[0]!.ip.startsWith('203.0.113.7 yyy')).toBe(true);
    expect(read[0]!.actor).toBe('x'.repeat(4_000));
    expect(read[0]!.raw.time).toBe('x'.repeat(4_000));
  });

  it('keeps a cell of exactly the limit whole', () => {
    document.body.innerHTML = rows([{ i: 'z'.repeat(100) }]);
    const { rows: read } = readVisibleRows(document, adapter({ ip: { selectors: ['td.i'] } }), 100, times);
    expect(read[0]!.ip).toBe('z'.repeat(100));
  });

  it('reads an attribute as it is, without squeezing its spaces, and an absent attribute as empty', () => {
    document.body.innerHTML = '<table><tbody><tr><td class="a" data-who="  ana   b  ">shown</td></tr><tr><td class="a">shown</td></tr></tbody></table>';
    const { rows: read, warnings } = readVisibleRows(document, adapter({ actor: { selectors: ['td.a'], attr: 'data-who' } }), 100, times);
    expect(read.map((r) => r.actor)).toEqual(['  ana   b  ', '']);
    expect(warnings).toEqual([]);
  });

  it('keeps the first group of a pattern, the whole match without a group, and the cell when it does not match', () => {
    document.body.innerHTML = rows([{ a: 'by ana@example.test today', g: 'code 42 ok' }, { a: 'nobody', g: 'no code' }]);
    const { rows: read } = readVisibleRows(
      document,
      adapter({ actor: { selectors: ['td.a'], pattern: 'by (\\S+)' }, action: { selectors: ['td.g'], pattern: '\\d+' } }),
      100,
      times,
    );
    expect(read.map((r) => [r.actor, r.action])).toEqual([
      ['ana@example.test', '42'],
      ['nobody', 'no code'],
    ]);
  });
});

describe('reading the time column', () => {
  const timeAdapter = (time: Record<string, unknown>) => adapter({ time: { selectors: ['td.t'], ...time }, actor: { selectors: ['td.a'] } });

  it('applies the pattern to the time text before reading it', () => {
    document.body.innerHTML = rows([
      { t: 'Logged at 2026-11-29T18:18:31.000Z by system', a: 'a' },
      { t: '2026-11-29 18:20 (UTC)', a: 'b' },
      { t: 'no time here', a: 'c' },
    ]);
    const { rows: read } = readVisibleRows(document, timeAdapter({ pattern: '(\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z)|\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}', zone: 'utc' }), 100, times);
    expect(read.map((r) => r.raw.time)).toEqual(['2026-11-29T18:18:31.000Z', '2026-11-29 18:20', 'no time here']);
    expect(read.map((r) => r.time)).toEqual(['2026-11-29T18:18:31.000Z', '2026-11-29T18:20:00.000Z', null]);
  });

  it('reads an empty time cell as no time, without calling it unreadable or missing', () => {
    document.body.innerHTML = rows([{ t: '   ', a: 'a' }]);
    const { rows: read, warnings } = readVisibleRows(document, timeAdapter({}), 100, times);
    expect(read[0]!.time).toBeNull();
    expect(read[0]!.raw.time).toBe('');
    expect(warnings).toEqual([]);
  });

  it('counts a row without a time cell as missing, and keeps its raw time empty', () => {
    document.body.innerHTML = rows([{ a: 'a' }, { t: '2026-11-29T18:18:31.000Z', a: 'b' }]);
    const { rows: read, warnings } = readVisibleRows(document, timeAdapter({}), 100, times);
    expect(read.map((r) => [r.time, r.raw.time])).toEqual([
      [null, ''],
      ['2026-11-29T18:18:31.000Z', '2026-11-29T18:18:31.000Z'],
    ]);
    expect(warnings).toEqual(['The time column was missing in 1 row — check it on the page by hand.']);
  });

  it('treats rows that differ only in their time as different rows, and keeps rows with the same time too (two events in one second)', () => {
    document.body.innerHTML = rows([
      { t: '2026-11-29T18:18:31.000Z', a: 'a' },
      { t: '2026-11-29T18:18:32.000Z', a: 'a' },
      { t: '2026-11-29T18:18:32.000Z', a: 'a' },
    ]);
    const { rows: read } = readVisibleRows(document, timeAdapter({}), 100, times);
    expect(read.map((r) => r.time)).toEqual(['2026-11-29T18:18:31.000Z', '2026-11-29T18:18:32.000Z', '2026-11-29T18:18:32.000Z']);
  });

  it('reads the named attribute instead of the text, and then ignores a datetime the element also carries', () => {
    document.body.innerHTML = rows([
      { t: '<span data-when="2026-11-29 18:20" datetime="2026-01-01T00:00:00Z">yesterday</span>', a: 'a' },
      { t: '<span data-when="whenever" datetime="2026-01-01T00:00:00Z">yesterday</span>', a: 'b' },
    ]);
    const { rows: read } = readVisibleRows(document, timeAdapter({ selectors: ['td.t span'], attr: 'data-when', zone: 'utc' }), 100, times);
    expect(read.map((r) => [r.raw.time, r.time])).toEqual([
      ['2026-11-29 18:20', '2026-11-29T18:20:00.000Z'],
      ['whenever', null],
    ]);
  });

  it('uses an exact time in a title on the cell itself', () => {
    document.body.innerHTML = `<table><tbody><tr><td class="t" title="2026-12-01 09:58">about 1 hour ago</td><td class="a">a</td></tr></tbody></table>`;
    const { rows: read } = readVisibleRows(document, timeAdapter({ zone: 'utc' }), 100, times);
    expect(read[0]!.time).toBe('2026-12-01T09:58:00.000Z');
    expect(read[0]!.raw.time).toBe('about 1 hour ago');
  });

  it('reads the same text beside different exact times as different instants', () => {
    document.body.innerHTML = rows([
      { t: '<relative-time datetime="2026-12-01T09:57:02Z">3 minutes ago</relative-time>', a: 'a' },
      { t: '<relative-time datetime="2026-12-01T09:56:40Z">3 minutes ago</relative-time>', a: 'b' },
      { t: '<span title="2026-12-01 09:50">3 minutes ago</span>', a: 'c' },
      { t: '<span title="2026-12-01 09:51">3 minutes ago</span>', a: 'd' },
    ]);
    const { rows: read } = readVisibleRows(document, timeAdapter({ zone: 'utc' }), 100, times);
    expect(read.map((r) => r.time)).toEqual(['2026-12-01T09:57:02.000Z', '2026-12-01T09:56:40.000Z', '2026-12-01T09:50:00.000Z', '2026-12-01T09:51:00.000Z']);
  });

  it('takes the quick path only for exact ISO times: anything close to one is read by the time reader, with the same result', () => {
    const texts = [
      '2026-11-29T18:18:31.000Z',
      '2026-11-29T18:18:31Z',
      '2026-11-29T18:18:31.5Z',
      '2026-11-29T18:18:31.000+01:00',
      '2026-11-29 18:18:31.000Z',
      'at 2026-11-29T18:18:31.000Z',
      '2026-11-29T18:18:31.000Z!',
      '12026-11-29T18:18:31.000Z',
      '2026-1-29T18:18:31.000Z',
      '2026-11-9T18:18:31.000Z',
      '2026-11-29T8:18:31.000Z',
      '2026-11-29T18:8:31.000Z',
      '2026-11-29T18:18:1.000Z',
      '2026-11-29T18:18:31.00Z',
      '2026-11-29T18:18:31,000Z',
      'yyyy-mm-ddThh:mm:ss.fffZ',
    ];
    document.body.innerHTML = rows(texts.map((t, i) => ({ t, a: `u${i}` })));
    const { rows: read } = readVisibleRows(document, timeAdapter({ zone: 'utc' }), 100, times);
    const expected = texts.map((text) => readRowTime({ text, datetime: null, title: null }, { now, pageZone: 'UTC', zone: 'utc', formats: [] }).iso);
    expect(read.map((r) => r.time)).toEqual(expected);
    expect(read.map((r) => r.raw.time)).toEqual(texts);
    // The exact form is kept as it is; the near misses are never passed through unread.
    expect(read[0]!.time).toBe('2026-11-29T18:18:31.000Z');
    for (const [i, row] of read.entries()) if (i > 0) expect(row.time).not.toBe(texts[i]);
  });

  it('shortens a long unreadable example to 57 characters and an ellipsis, and keeps one of 60 whole', () => {
    const long = `not a time ${'q'.repeat(69)}`;
    const sixty = `not a time ${'w'.repeat(49)}`;
    expect(sixty).toHaveLength(60);
    document.body.innerHTML = rows([{ t: long, a: 'a' }]);
    expect(readVisibleRows(document, timeAdapter({}), 100, times).warnings).toEqual([
      `1 row has a time Trailguide couldn't read, e.g. “${long.slice(0, 57)}…” — its time is left empty (the page's own text is kept).`,
    ]);
    document.body.innerHTML = rows([{ t: sixty, a: 'a' }]);
    expect(readVisibleRows(document, timeAdapter({}), 100, times).warnings).toEqual([
      `1 row has a time Trailguide couldn't read, e.g. “${sixty}” — its time is left empty (the page's own text is kept).`,
    ]);
  });

  it('counts every unreadable row (with thousands separators) and gives the first one as the example', () => {
    document.body.innerHTML = rows(Array.from({ length: 1_234 }, (_, i) => ({ t: i % 2 ? 'whenever' : 'sometime', a: `u${i}` })));
    const { rows: read, warnings } = readVisibleRows(document, timeAdapter({}), 10_000, times);
    expect(read).toHaveLength(1_234);
    expect(warnings).toEqual([
      "1,234 rows have a time Trailguide couldn't read, e.g. “sometime” — their time is left empty (the page's own text is kept).",
    ]);
  });

  it('says "1 row has … its time" for a single date that could be read two ways', () => {
    document.body.innerHTML = rows([{ t: '04/05/2026 10:00', a: 'a' }]);
    expect(readVisibleRows(document, timeAdapter({}), 100, times).warnings).toEqual([
      "1 row has a date that could be read two ways, e.g. “04/05/2026 10:00” (day and month could be either way round) — its time is left empty. Whoever maintains this site's adapter can give its date format.",
    ]);
  });
});

describe('captureRows options', () => {
  function pagedTable(pageCount: number, rowsPerPage: number): { clicks: () => number } {
    let page = 0;
    let clicks = 0;
    const render = () => {
      const body = Array.from({ length: rowsPerPage }, (_, i) => `<tr><td class="a">p${page}-u${i}</td></tr>`).join('');
      document.querySelector('tbody')!.innerHTML = body;
      document.querySelector<HTMLButtonElement>('button.next')!.disabled = page >= pageCount - 1;
    };
    document.body.innerHTML = '<table><tbody></tbody></table><button class="next">Next</button>';
    document.querySelector('button.next')!.addEventListener('click', () => {
      clicks++;
      page++;
      render();
    });
    render();
    return { clicks: () => clicks };
  }
  const paged = adapter({ actor: { selectors: ['td.a'] } }, { next: ['button.next'] });

  it('keeps at least one row when asked for none', async () => {
    pagedTable(1, 3);
    const result = await captureRows(document, paged, { limit: 0, times });
    expect(result.rows.map((r) => r.actor)).toEqual(['p0-u0']);
    expect(result.stoppedBecause).toBe('limit');
  });

  it('reports progress after every page, with the limit it works to', async () => {
    pagedTable(3, 2);
    const progress: unknown[] = [];
    const result = await captureRows(document, paged, { limit: 50, times, pageTimeoutMs: 5_000, onProgress: (p) => progress.push(p) });
    expect(result.stoppedBecause).toBe('last-page');
    expect(result.pages).toBe(3);
    expect(progress).toEqual([
      { captured: 2, pages: 1, limit: 50 },
      { captured: 4, pages: 2, limit: 50 },
      { captured: 6, pages: 3, limit: 50 },
    ]);
    expect(result.rowSelector).toBe('tbody tr');
    expect(result.message).toBeUndefined();
  });

  it('does not click a Next button marked aria-disabled or hidden', async () => {
    for (const mark of [(b: HTMLButtonElement) => b.setAttribute('aria-disabled', 'true'), (b: HTMLButtonElement) => (b.hidden = true)]) {
      const table = pagedTable(3, 2);
      const next = document.querySelector<HTMLButtonElement>('button.next')!;
      next.disabled = false;
      mark(next);
      const result = await captureRows(document, paged, { limit: 50, times, pageTimeoutMs: 5_000 });
      expect(table.clicks()).toBe(0);
      expect(result.pages).toBe(1);
      expect(result.rows).toHaveLength(2);
    }
  });

  it('follows a Next button marked aria-disabled="false"', async () => {
    const table = pagedTable(2, 2);
    const next = document.querySelector<HTMLButtonElement>('button.next')!;
    next.setAttribute('aria-disabled', 'false');
    const result = await captureRows(document, paged, { limit: 50, times, pageTimeoutMs: 5_000 });
    expect(table.clicks()).toBe(1);
    expect(result.rows).toHaveLength(4);
  });

  it('says how many rows were kept when cancelled, in the singular and the plural', async () => {
    pagedTable(1, 1);
    const cancelled = new AbortController();
    cancelled.abort();
    const none = await captureRows(document, paged, { limit: 50, times, signal: cancelled.signal });
    expect(none).toMatchObject({ stoppedBecause: 'aborted', pages: 0, message: 'Capture stopped. 0 rows were kept.' });

    pagedTable(3, 1);
    const stopAfterFirst = new AbortController();
    const one = await captureRows(document, paged, {
      limit: 50,
      times,
      pageTimeoutMs: 5_000,
      signal: stopAfterFirst.signal,
      onProgress: () => stopAfterFirst.abort(),
    });
    expect(one).toMatchObject({ stoppedBecause: 'aborted', message: 'Capture stopped. 1 row was kept.' });
    expect(one.rows).toHaveLength(1);
  });
});
