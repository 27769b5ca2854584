// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { readVisibleRows } from '../../utils/engine/capture';
import { cellUnder, findHeader, headerAbove, headerKey } from '../../utils/engine/columns-by-header';
import { adapterSchema, type Adapter } from '../../utils/schema/adapter';

/** Columns by their header (results.columns.<name>.header): reordering them moves nothing. */
const DATA = [
  { actor: 'alice@corp.example', event: 'user.login', time: '2026-03-01T10:00:00.000Z' },
  { actor: 'bob@corp.example', event: 'role.granted', time: '2026-03-01T11:00:00.000Z' },
  { actor: 'carol@corp.example', event: 'mfa.removed', time: '2026-03-01T12:00:00.000Z' },
];
type Key = 'actor' | 'event' | 'time';
const HEAD: Record<Key, string> = { actor: 'User', event: 'Event', time: 'Time' };

/** A table rendered like a Vue app: scoped-style hashes everywhere, cells nested three deep. */
function renderTable(order: Key[], { thead = true } = {}): void {
  const cell = (key: Key, value: string) =>
    key === 'time'
      ? `<td data-v-6635e400><div data-v-6635e400><time datetime="${value}">${value.slice(11, 16)}</time></div></td>`
      : `<td data-v-6635e400 field="${key === 'actor' ? 'user' : key}"><div data-v-6635e400><div><span>${value}</span></div></div></td>`;
  document.body.innerHTML =
    `<div class="grid"><table>` +
    (thead ? `<thead><tr>${order.map((k) => `<th data-v-6635e400><span>${HEAD[k]}</span> <i>▲</i></th>`).join('')}</tr></thead>` : '') +
    `<tbody>${DATA.map((row) => `<tr data-v-6635e400 class="log-row">${order.map((k) => cell(k, row[k])).join('')}</tr>`).join('')}</tbody></table></div>`;
}

const adapter: Adapter = adapterSchema.parse({
  id: 'grid',
  name: 'Grid',
  vendor: 'Test',
  verified: { how: 'fixture', date: '2026-12-01' },
  match: { include: ['http://127.0.0.1:*/*'], present: [['table']] },
  results: {
    row: ['tr.log-row'],
    columns: {
      actor: { header: 'user' },
      action: { header: 'EVENT', selectors: ['span'] },
      time: { header: ' Time ', selectors: ['time'], attr: 'datetime' },
    },
  },
});

describe('columns read by their header', () => {
  beforeEach(() => renderTable(['time', 'actor', 'event']));

  it('reads each column under its header, whatever the order', () => {
    for (const order of [['time', 'actor', 'event'], ['event', 'time', 'actor'], ['actor', 'event', 'time']] as Key[][]) {
      renderTable(order);
      const { rows, warnings } = readVisibleRows(document, adapter);
      expect(warnings).toEqual([]);
      expect(rows.map((r) => [r.actor, r.action, r.time])).toEqual(DATA.map((d) => [d.actor, d.event, d.time]));
    }
  });

  it('leaves a column empty and names it when its header is gone, instead of reading another column', () => {
    renderTable(['time', 'event', 'actor']);
    document.querySelectorAll('th')[2]!.textContent = 'Performed by';
    const { rows, warnings } = readVisibleRows(document, adapter);
    expect(rows.map((r) => r.actor)).toEqual(['', '', '']);
    expect(rows.map((r) => r.action)).toEqual(DATA.map((d) => d.event));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('The actor column is read under the heading “user”');
    expect(warnings[0]).toContain('left empty in 3 rows rather than read from another column');
  });

  it('warns when the table has no header at all', () => {
    renderTable(['time', 'actor', 'event'], { thead: false });
    const { rows, warnings } = readVisibleRows(document, adapter);
    expect(rows.every((r) => r.actor === '' && r.action === '' && r.time === null)).toBe(true);
    expect(warnings.map((w) => /The (\w+) column is read under/.exec(w)?.[1])).toEqual(['actor', 'action', 'time']);
  });

  it('compares header text without case, spacing or sort arrows', () => {
    expect(headerKey('  Event   type ▲')).toBe('event type');
    const row = document.querySelector('tr.log-row')!;
    expect(findHeader(row, 'user')?.textContent).toContain('User');
    expect(findHeader(row, 'Nobody')).toBeNull();
  });

  it('refuses a header text two columns share', () => {
    document.querySelectorAll('th')[2]!.innerHTML = '<span>User</span>';
    expect(findHeader(document.querySelector('tr.log-row')!, 'User')).toBeNull();
  });

  it('counts colspans on the way to the column', () => {
    document.body.innerHTML =
      '<table><thead><tr><th colspan="2">When</th><th>User</th></tr></thead>' +
      '<tbody><tr><td>Mar 1</td><td>10:00</td><td>alice</td></tr></tbody></table>';
    const row = document.querySelector('tbody tr')!;
    expect(cellUnder(row, findHeader(row, 'User')!)?.textContent).toBe('alice');
    expect(cellUnder(row, findHeader(row, 'When')!)?.textContent).toBe('Mar 1');
    expect(headerAbove(row, row.children[1]!)?.textContent).toBe('When');
    expect(headerAbove(row, row.children[2]!)?.textContent).toBe('User');
  });
});

describe('grids with a header in its own wrapper and aria-colindex (AG Grid, MUI DataGrid)', () => {
  beforeEach(() => {
    // Header cells in the order the person sees them; row cells in DOM order that differs (AG Grid keeps DOM order stable).
    document.body.innerHTML =
      '<div role="grid" class="ag-root">' +
      '<div class="ag-header"><div role="row">' +
      '<div role="columnheader" aria-colindex="2" col-id="user">User</div>' +
      '<div role="columnheader" aria-colindex="1" col-id="event">Event</div>' +
      '</div></div>' +
      '<div class="ag-body"><div class="ag-center"><div role="row" class="ag-row">' +
      '<div role="gridcell" aria-colindex="1" col-id="event">user.login</div>' +
      '<div role="gridcell" aria-colindex="2" col-id="user">alice</div>' +
      '</div></div></div></div>';
  });

  it('reads the cell with the header’s aria-colindex, not the one at its position', () => {
    const row = document.querySelector('.ag-row')!;
    expect(cellUnder(row, findHeader(row, 'User')!)?.textContent).toBe('alice');
    expect(headerAbove(row, row.children[0]!)?.textContent).toBe('Event');
  });
});

describe('the header key in the adapter format', () => {
  const base = { id: 'grid-console', name: 'G', vendor: 'V', verified: { how: 'fixture', date: '2026-12-01' }, match: { include: ['https://example.com/*'], present: [['table']] } };
  it('accepts a column given by its header alone', () => {
    expect(adapterSchema.safeParse({ ...base, results: { row: ['tr'], columns: { actor: { header: 'User' } } } }).success).toBe(true);
  });
  it('refuses an empty header', () => {
    const parsed = adapterSchema.safeParse({ ...base, results: { row: ['tr'], columns: { actor: { header: '  ' } } } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['results', 'columns', 'actor', 'header']);
  });
});

describe('cell selectors with attributes on the hot path', () => {
  it('finds what querySelector finds, falling back when the first match lacks the rest', async () => {
    const { compileRowQuery } = await import('../../utils/engine/query');
    document.body.innerHTML =
      '<table><tr id="r"><td field="user"></td><td field="user"><span>late</span></td><td field="event"><span>e</span></td></tr></table>';
    const row = document.getElementById('r')!;
    for (const selector of ['td[field="user"] span', 'td[field="event"] > span', '[field] span', 'td[field="nobody"] span']) {
      expect(compileRowQuery([selector])(row), selector).toBe(row.querySelector(selector));
    }
  });
});

describe('the builder keeps a column picked under a header by that header', () => {
  it('assembles header and the way inside its cell, and nothing positional', async () => {
    const { assembleAdapter } = await import('../../utils/builder/assemble');
    const result = assembleAdapter({
      name: 'Ops grid',
      pageUrl: 'http://127.0.0.1:4176/ops/log',
      today: '2026-12-02',
      picks: {
        search: { selectors: ['input[placeholder="Search activity"]'], field: { kind: 'text', format: 'plain' } },
        row: { selectors: ['tr.el-table__row'], container: ['table.el-table__body'] },
        'col-time': { selectors: ['td[field="time"] time', ':scope > td:nth-child(1) time'], attr: 'datetime', header: 'Time', inner: ['time'] },
        'col-actor': { selectors: ['td[field="user"] span'], header: 'User', inner: ['span'] },
        'col-action': { selectors: ['td[field="event"] span'], header: 'Event' },
        'col-target': { selectors: ['td[field="target"] span'] },
      },
    });
    expect(result.ok).toBe(true);
    const columns = result.ok ? result.adapter.results?.columns : undefined;
    expect(columns).toEqual({
      time: { header: 'Time', selectors: ['time'], attr: 'datetime' },
      actor: { header: 'User', selectors: ['span'] },
      action: { header: 'Event' },
      target: { selectors: ['td[field="target"] span'] },
    });
  });
});
