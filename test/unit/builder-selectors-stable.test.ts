// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { headerPick } from '../../utils/builder/by-header';
import { cellFacts, elementFacts, resolveRow, rowFacts, testCells, testRows, testSingle } from '../../utils/builder/describe';
import { confirmCandidates, looksFrameworkAttr, looksGenerated, looksHashed, proposeCellSelectors, proposeRowSelectors, proposeSelectors } from '../../utils/builder/selectors';

/**
 * Issue 14 §1: on a single-page console the builder found rows through Vue's build hash
 * (`tr[data-v-6635e400]`) and columns by position (`td:nth-child(4) > div > div > div > span`)
 * while the cells said `field="user"`. These pin the rules that prefer the stable hooks.
 */
describe('framework bookkeeping is refused', () => {
  it.each(['data-v-6635e400', 'data-v-app', '_ngcontent-ng-c4181', '_nghost-abc-c12', 'ng-reflect-model', 'data-reactid', 'data-svelte-h', 'data-astro-cid-j7pv25f6', 'data-emotion', 'data-rbd-draggable-id'])(
    'attribute %s is the framework’s',
    (name) => expect(looksFrameworkAttr(name)).toBe(true),
  );
  it.each(['data-field', 'data-row-key', 'data-testid', 'data-id', 'data-kind', 'field'])('attribute %s means something', (name) => expect(looksFrameworkAttr(name)).toBe(false));
  it.each(['mat-input-12', 'ember123', ':r3:', 'el-id-1024-17', 'cdk-overlay-3'])('id %s is generated', (id) => expect(looksGenerated(id)).toBe(true));
  it('Element Plus’s numbered column classes are not names', () => {
    expect(looksHashed('el-table_1_column_3')).toBe(true);
    expect(looksHashed('el-table__cell')).toBe(false);
  });
});

const HASH = 'data-v-6635e400';
const PEOPLE = ['alice@corp.example', 'bob@corp.example', 'carol@corp.example', 'dan@corp.example'];

/** The console of issue 14, as Vue renders it. */
function renderConsole(order: string[] = ['time', 'event', 'ip', 'user']): void {
  const cell = (key: string, i: number) =>
    `<td ${HASH} class="el-table_1_column_${order.indexOf(key) + 1} el-table__cell" field="${key}"><div ${HASH} class="cell"><div ${HASH}><div ${HASH}><span ${HASH}>${
      key === 'user' ? PEOPLE[i] : key === 'event' ? 'user.login' : key === 'ip' ? `10.0.0.${i}` : `10:0${i}`
    }</span></div></div></div></td>`;
  document.body.innerHTML =
    `<div id="app" ${HASH}><form ${HASH}><input ${HASH} id="mat-input-12" placeholder="Search the log"></form>` +
    `<table ${HASH} class="log-table"><thead ${HASH}><tr ${HASH}>${order.map((k) => `<th ${HASH}>${k === 'user' ? 'User' : k[0]!.toUpperCase() + k.slice(1)}</th>`).join('')}</tr></thead>` +
    `<tbody ${HASH}>${PEOPLE.map((_, i) => `<tr ${HASH} class="log-row" data-row-key="e${i}">${order.map((k) => cell(k, i)).join('')}</tr>`).join('')}</tbody></table></div>`;
}

describe('a Vue console: stable hooks first', () => {
  beforeEach(() => renderConsole());

  it('finds rows by what they share, never by the build hash', () => {
    const row = document.querySelectorAll('tr.log-row')[1]!;
    const candidates = proposeRowSelectors(rowFacts(row));
    expect(candidates.some((c) => c.selector.includes('data-v-'))).toBe(false);
    const confirmed = confirmCandidates(candidates, testRows(document, row), 'many', 4);
    expect(confirmed.length).toBeGreaterThan(0);
    expect(confirmed.every((c) => c.kind !== 'structural' && !c.selector.includes('data-v-'))).toBe(true);
    expect(confirmed.map((c) => c.selector)).toContain('tr[data-row-key]');
  });

  it('finds a nested cell through its column key, with no position kept', () => {
    const rows = Array.from(document.querySelectorAll('tr.log-row'));
    const row = rows[2]!;
    const span = row.querySelector('td[field="user"] span')!;
    const confirmed = confirmCandidates(proposeCellSelectors(cellFacts(row, span)), testCells(rows, row, span), 'many', 4);
    expect(confirmed[0]?.selector).toBe('td[field="user"] span');
    expect(confirmed.some((c) => /nth-child|data-v-|column_/.test(c.selector))).toBe(false);
  });

  it('refuses a generated id and keeps the placeholder', () => {
    const input = document.querySelector('input')!;
    const confirmed = confirmCandidates(proposeSelectors(elementFacts(input)), testSingle(document, input), 'single', 4);
    expect(confirmed[0]?.selector).toBe('input[placeholder="Search the log"]');
    expect(confirmed.some((c) => c.selector.includes('mat-input'))).toBe(false);
    expect(confirmed.some((c) => c.kind === 'structural')).toBe(false);
  });
});

describe('a column picked under a header row is kept by its header', () => {
  beforeEach(() => renderConsole());

  it('names the header and the way down inside the cell', () => {
    const rows = Array.from(document.querySelectorAll('tr.log-row'));
    const span = rows[1]!.querySelector('td[field="user"] span')!;
    const pick = headerPick(rows, rows[1]!, span);
    expect(pick?.header).toBe('User');
    expect(pick?.inner?.[0]).toBe('span');
  });

  it('needs nothing inside when the cell itself was clicked', () => {
    const rows = Array.from(document.querySelectorAll('tr.log-row'));
    const td = rows[0]!.querySelector('td[field="event"]')!;
    expect(headerPick(rows, rows[0]!, td)).toEqual({ header: 'Event' });
  });

  it('gives up on a header two columns share, rather than pick one of them', () => {
    document.querySelectorAll('th')[2]!.textContent = 'User';
    const rows = Array.from(document.querySelectorAll('tr.log-row'));
    expect(headerPick(rows, rows[0]!, rows[0]!.querySelector('td[field="user"]')!)).toBeNull();
  });

  it('gives up where the rows have no header', () => {
    document.querySelector('thead')!.remove();
    const rows = Array.from(document.querySelectorAll('tr.log-row'));
    expect(headerPick(rows, rows[0]!, rows[0]!.querySelector('td[field="user"]')!)).toBeNull();
  });
});

describe('rows that start with a row header (Django’s admin list)', () => {
  beforeEach(() => {
    document.body.innerHTML =
      '<table id="result_list"><thead><tr><th scope="col" class="column-action_time"><div class="text"><a href="?o=1">Action time</a></div></th><th scope="col"><div class="text"><span>User</span></div></th><th scope="col"><div class="text"><span>Action flag</span></div></th></tr></thead><tbody>' +
      ['alice', 'bob', 'chen']
        .map((u, i) => `<tr><th class="field-action_time"><a href="/e/${i}">Nov. 2${i}, 2026, 7:18 p.m.</a></th><td class="field-user">${u}</td><td class="field-action_flag">Change</td></tr>`)
        .join('') +
      '</tbody></table>';
  });

  it('is a result row, not a header row, and its columns have headers', () => {
    const rows = Array.from(document.querySelectorAll('tbody tr'));
    const user = rows[1]!.querySelector('td.field-user')!;
    expect(resolveRow(user)).toBe(rows[1]);
    const confirmed = confirmCandidates(proposeRowSelectors(rowFacts(rows[1]!)), testRows(document, rows[1]!), 'many', 4);
    expect(confirmed.map((c) => c.selector)).toContain('tbody tr');
    expect(headerPick(rows, rows[1]!, user)).toEqual({ header: 'User' });
    expect(headerPick(rows, rows[1]!, rows[1]!.querySelector('th a')!)?.header).toBe('Action time');
  });
});
