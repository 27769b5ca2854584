// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { captureRows, readVisibleRows } from '../../utils/engine/capture';
import { loadBuiltinPack } from '../../utils/pack/builtin';
import { adapterSchema, type Adapter } from '../../utils/schema/adapter';

const now = new Date('2026-12-01T10:00:00.000Z');
const times = { now, pageZone: 'Europe/Berlin' };

function adapterWithTime(time: Record<string, unknown>): Adapter {
  return adapterSchema.parse({
    id: 'human-times',
    name: 'Human times',
    vendor: 'Test',
    verified: { how: 'fixture', date: '2026-12-01' },
    match: { include: ['https://example.test/*'], present: [['table']] },
    results: { row: ['tbody tr'], columns: { time: { selectors: ['td.t'], ...time }, actor: { selectors: ['td.a'] } }, next: ['button.next'] },
  });
}

function table(cells: string[]): string {
  return `<table><tbody>${cells.map((cell, i) => `<tr><td class="t">${cell}</td><td class="a">user${i}@example.test</td></tr>`).join('')}</tbody></table>`;
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('capture reads the times people write', () => {
  it('reads human text in the page zone, keeping the text in raw', async () => {
    document.body.innerHTML = table(['02:13, 29 November 2026', 'November 29th, 2026 7:18:31 PM', 'Nov. 29, 2026, noon']);
    const result = await captureRows(document, adapterWithTime({}), { limit: 100, times });
    expect(result.rows.map((r) => r.time)).toEqual(['2026-11-29T01:13:00.000Z', '2026-11-29T18:18:31.000Z', '2026-11-29T11:00:00.000Z']);
    expect(result.rows.map((r) => r.raw.time)).toEqual(['02:13, 29 November 2026', 'November 29th, 2026 7:18:31 PM', 'Nov. 29, 2026, noon']);
    expect(result.warnings).toEqual([]);
  });

  it('uses the declared format and zone, so a day-first date is not refused', async () => {
    document.body.innerHTML = table(['04/05/2026 10:00', '12/11/2026 23:59']);
    const result = await captureRows(document, adapterWithTime({ format: 'DD/MM/YYYY HH:mm', zone: 'America/New_York' }), { limit: 100, times });
    expect(result.rows.map((r) => r.time)).toEqual(['2026-05-04T14:00:00.000Z', '2026-11-13T04:59:00.000Z']);
  });

  it('prefers the exact time on the element behind "3 minutes ago"', () => {
    document.body.innerHTML = table([
      '<relative-time datetime="2026-12-01T09:57:02Z">3 minutes ago</relative-time>',
      '<span title="2026-12-01 09:58">about 1 hour ago</span>',
    ]);
    const { rows } = readVisibleRows(document, adapterWithTime({}), 100, times);
    expect(rows.map((r) => r.time)).toEqual(['2026-12-01T09:57:02.000Z', '2026-12-01T08:58:00.000Z']);
    expect(rows.map((r) => r.raw.time)).toEqual(['3 minutes ago', 'about 1 hour ago']);
  });

  it('reads the visible text when the attribute the adapter names is missing', async () => {
    document.body.innerHTML = table(['<time datetime="2026-11-29T18:18:31.000Z">Nov 29</time>', '29 Nov 2026 19:18']);
    const adapter = adapterWithTime({ selectors: ['td.t time', 'td.t'], attr: 'datetime', zone: 'utc' });
    const result = await captureRows(document, adapter, { limit: 100, times });
    expect(result.rows.map((r) => r.time)).toEqual(['2026-11-29T18:18:31.000Z', '2026-11-29T19:18:00.000Z']);
    expect(result.rows.map((r) => r.raw.time)).toEqual(['2026-11-29T18:18:31.000Z', '29 Nov 2026 19:18']);
  });

  it('reports unreadable and ambiguous times once per capture, across pages, with an example', async () => {
    const pages = [
      ['sometime last week', '04/05/2026 10:00', 'Nov 29, 2026, 7:18 PM'],
      ['2 hours ago', '03/04/2026 09:00', 'whenever'],
    ];
    let page = 0;
    const render = () => {
      document.body.innerHTML = `${table(pages[page]!.map((cell) => `${cell}`))}<button class="next">Next</button>`;
      const next = document.querySelector<HTMLButtonElement>('button.next')!;
      next.disabled = page === pages.length - 1;
      next.addEventListener('click', () => {
        page++;
        // A new page has other rows: give the actors a page prefix so they are not duplicates.
        render();
        document.querySelectorAll('td.a').forEach((td) => (td.textContent = `p${page}-${td.textContent}`));
      });
    };
    render();
    const result = await captureRows(document, adapterWithTime({}), { limit: 100, times, pageTimeoutMs: 5_000 });
    expect(result.rows).toHaveLength(6);
    expect(result.rows.filter((r) => r.time === null)).toHaveLength(5);
    expect(result.rows.every((r) => r.raw.time !== '')).toBe(true);
    const timeWarnings = result.warnings.filter((w) => /time|date/.test(w));
    expect(timeWarnings).toEqual([
      "3 rows have a time Trailguide couldn't read, e.g. “sometime last week” — their time is left empty (the page's own text is kept).",
      '2 rows have a date that could be read two ways, e.g. “04/05/2026 10:00” (day and month could be either way round) — their time is left empty. Whoever maintains this site\'s adapter can give its date format.',
    ]);
  });

  it('says "1 row has … its time" for a single unreadable time', () => {
    document.body.innerHTML = table(['soon']);
    const { warnings } = readVisibleRows(document, adapterWithTime({}));
    expect(warnings).toEqual(["1 row has a time Trailguide couldn't read, e.g. “soon” — its time is left empty (the page's own text is kept)."]);
  });

  it('the demo adapter reads the demo console in both its time modes', () => {
    const demo = loadBuiltinPack().adapters.find((a) => a.id === 'acme-demo')!;
    const cells = (time: string) =>
      `<tr data-event-id="e1"><td class="col-time">${time}</td><td class="col-actor">a@acme.example</td><td class="col-action"><code>user.login</code></td>` +
      '<td class="col-target">t</td><td class="col-ip">203.0.113.1</td><td class="col-result">Success</td></tr>';
    document.body.innerHTML = `<table class="audit-table"><tbody>${cells('<time datetime="2026-11-29T02:13:00.000Z">Nov 29, 2026, 02:13:00</time>')}</tbody></table>`;
    expect(readVisibleRows(document, demo).rows[0]?.time).toBe('2026-11-29T02:13:00.000Z');
    document.body.innerHTML = `<table class="audit-table"><tbody>${cells('<span class="human-time">02:13, 29 November 2026</span>')}</tbody></table>`;
    const human = readVisibleRows(document, demo).rows[0];
    expect(human?.time).toBe('2026-11-29T02:13:00.000Z');
    expect(human?.raw.time).toBe('02:13, 29 November 2026');
  });
});
