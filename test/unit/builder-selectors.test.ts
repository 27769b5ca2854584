// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { cellFacts, elementFacts, resolveControl, resolveRow, rowFacts, testCells, testRows, testSingle } from '../../utils/builder/describe';
import {
  confirmCandidates,
  looksGenerated,
  looksHashed,
  proposeCellSelectors,
  proposeRowSelectors,
  proposeSelectors,
  stableClasses,
  timeAttribute,
  type ElementFacts,
  type NodeFacts,
} from '../../utils/builder/selectors';

const node = (partial: Partial<NodeFacts> & { tag: string }): NodeFacts => ({ id: null, classes: [], attrs: {}, text: '', nthChild: 1, nthOfType: 1, ...partial });
const element = (partial: Partial<ElementFacts> & { tag: string }): ElementFacts => ({ ...node(partial), ancestors: partial.ancestors ?? [] });

describe('hashed class names and generated ids', () => {
  it.each(['css-1q2w3e', 'css-9s8d7f', 'sc-bdVaJa', 'bdVaJa', 'jsx-2310', '_time_x8f2a_3', 'Button_root__3kd9s', 'e1x8pq0', 'makeStyles-root-12345'])('%s looks hashed', (token) => {
    expect(looksHashed(token)).toBe(true);
  });
  it.each(['audit-table', 'col-time', 'row', 'searchBox', 'btn-primary', 'results', 'event-type', 'h2'])('%s looks like a real name', (token) => {
    expect(looksHashed(token)).toBe(false);
  });
  it.each([':r1:', '«r3»', 'ember412', 'mui-7', 'react-select-2-input', 'input-17', 'a3f9c2e1-77aa-4c1e-9f00-1234567890ab', 'x8f2a9'])('id %s looks generated', (id) => {
    expect(looksGenerated(id)).toBe(true);
  });
  it.each(['activity-from', 'search', 'audit-log', 'q'])('id %s is kept', (id) => {
    expect(looksGenerated(id)).toBe(false);
  });
  it('drops state classes along with hashed ones', () => {
    expect(stableClasses(['css-1q2w3e', 'is-active', 'selected', 'filter-input', 'js-hook'])).toEqual(['filter-input']);
  });
});

describe('preference order for one control', () => {
  it('puts a stable id first, then test ids, name, aria-label, attributes, classes, anchors and a structural path last', () => {
    const form = node({ tag: 'form', attrs: { 'aria-label': 'Filters' } });
    const candidates = proposeSelectors(
      element({
        tag: 'input',
        id: 'activity-search',
        classes: ['css-8fj2k1', 'search-input'],
        attrs: { 'data-testid': 'search', name: 'q', 'aria-label': 'Search activity', placeholder: 'Search…', type: 'text' },
        ancestors: [form, node({ tag: 'main' })],
      }),
    );
    const kinds = candidates.map((c) => c.kind);
    expect(candidates[0]).toEqual({ selector: '#activity-search', kind: 'id' });
    expect(kinds.indexOf('test-id')).toBeLessThan(kinds.indexOf('name'));
    expect(kinds.indexOf('name')).toBeLessThan(kinds.indexOf('aria-label'));
    expect(kinds.indexOf('aria-label')).toBeLessThan(kinds.indexOf('attribute'));
    expect(kinds.indexOf('attribute')).toBeLessThan(kinds.indexOf('class'));
    expect(kinds.indexOf('class')).toBeLessThan(kinds.indexOf('anchored'));
    expect(kinds.at(-1)).toBe('structural');
    expect(candidates.map((c) => c.selector)).toContain('input[name="q"]');
    expect(candidates.map((c) => c.selector)).toContain('input.search-input');
    expect(candidates.map((c) => c.selector)).toContain('form[aria-label="Filters"] input[type="text"].search-input');
    expect(candidates.some((c) => c.selector.includes('css-8fj2k1'))).toBe(false);
  });

  it('skips a generated id and quotes values safely', () => {
    const candidates = proposeSelectors(element({ tag: 'input', id: ':r1:', attrs: { 'aria-label': 'Say "hi" \\ now' } }));
    expect(candidates.map((c) => c.selector)).not.toContain('#:r1:');
    expect(candidates[0]!.selector).toBe('input[aria-label="Say \\"hi\\" \\\\ now"]');
    expect(() => document.querySelector(candidates[0]!.selector)).not.toThrow();
  });

  it('finds a time attribute only when it holds a time', () => {
    expect(timeAttribute(node({ tag: 'time', attrs: { datetime: '2026-03-01T10:00:00Z' } }))).toBe('datetime');
    expect(timeAttribute(node({ tag: 'div', attrs: { title: '2026-03-01T10:00:00.000Z' } }))).toBe('title');
    expect(timeAttribute(node({ tag: 'div', attrs: { title: 'Open the event' } }))).toBeUndefined();
  });
});

describe('confirming candidates', () => {
  it('keeps only unique matches of the target, in order, and no bare position once anything else is found', () => {
    const candidates = [
      { selector: 'a', kind: 'name' as const },
      { selector: 'b', kind: 'aria-label' as const },
      { selector: 'c', kind: 'class' as const },
      { selector: 'd', kind: 'structural' as const },
    ];
    const results: Record<string, { count: number; hitsTarget: boolean }> = {
      a: { count: 2, hitsTarget: true },
      b: { count: 1, hitsTarget: true },
      c: { count: 1, hitsTarget: false },
      d: { count: 1, hitsTarget: true },
    };
    expect(confirmCandidates(candidates, (s) => results[s]!, 'single').map((c) => c.selector)).toEqual(['b']);
    // Nothing else found it: one position is better than nothing.
    results.b = { count: 2, hitsTarget: true };
    expect(confirmCandidates(candidates, (s) => results[s]!, 'single').map((c) => c.selector)).toEqual(['d']);
  });
  it('for rows keeps selectors that find many alike rows', () => {
    const kept = confirmCandidates(
      [
        { selector: 'all-rows-and-header', kind: 'tag' },
        { selector: 'rows', kind: 'attribute' },
      ],
      (s) => (s === 'rows' ? { count: 20, hitsTarget: true, consistent: true } : { count: 21, hitsTarget: true, consistent: false }),
      'many',
    );
    expect(kept.map((c) => c.selector)).toEqual(['rows']);
  });
});

// A console like the helpdesk fixture: div grid, hashed classes, controls without ids.
const PAGE = `
<main class="css-m2x7re">
  <form class="css-1q2w3e" aria-label="Activity filters">
    <label>Search <input class="css-8fj2k1" type="text" aria-label="Search activity"></label>
    <label for=":r1:">Agent <input class="css-k3l1mz" name="agent" id=":r1:"></label>
    <label>From <input type="date" id="activity-from"></label>
    <button class="css-4kd9s2" type="submit"><span>Apply filters</span></button>
  </form>
  <div role="grid" aria-label="Activity" class="css-g7h2j4">
    <div role="row" class="css-r0w000"><div role="columnheader">When</div><div role="columnheader">Agent</div><div role="columnheader">Event</div></div>
    <div role="rowgroup">
      ${[1, 2, 3, 4, 5]
        .map(
          (i) => `<div role="row" class="css-9s8d7f" data-key="evt-${1000 + i}">
        <div role="gridcell" class="css-t1m3ab" title="2026-03-0${i}T10:00:00.000Z">${i} Mar</div>
        <div role="gridcell"><span>agent${i}@example.org</span><span class="css-ip">10.0.0.${i}</span></div>
        <div role="gridcell"><code>user.login</code></div>
      </div>`,
        )
        .join('')}
    </div>
  </div>
</main>`;

describe('on a page (jsdom)', () => {
  beforeEach(() => {
    document.body.innerHTML = PAGE;
  });

  it('proposes unique selectors for a control with no id or name, none of them hashed', () => {
    const search = document.querySelector('input[aria-label="Search activity"]')!;
    const kept = confirmCandidates(proposeSelectors(elementFacts(search)), testSingle(document, search), 'single');
    expect(kept[0]!.selector).toBe('input[aria-label="Search activity"]');
    for (const c of kept) {
      expect(document.querySelectorAll(c.selector)).toHaveLength(1);
      expect(c.selector).not.toMatch(/css-/);
    }
  });

  it('reaches a button with only a type through its labelled form', () => {
    const text = document.querySelector('button span')!;
    const button = resolveControl(text, 'button');
    expect(button.tagName).toBe('BUTTON');
    const kept = confirmCandidates(proposeSelectors(elementFacts(button)), testSingle(document, button), 'single');
    expect(kept[0]!.selector).toBe('form[aria-label="Activity filters"] button[type="submit"]');
  });

  it('prefers name over the generated React id, and a clicked label means its input', () => {
    const label = document.querySelector('label[for=":r1:"]')!;
    const input = resolveControl(label, 'field');
    expect(input.getAttribute('name')).toBe('agent');
    const kept = confirmCandidates(proposeSelectors(elementFacts(input)), testSingle(document, input), 'single');
    expect(kept[0]!.selector).toBe('input[name="agent"]');
    expect(kept.some((c) => c.selector.includes(':r1:'))).toBe(false);
  });

  it('finds every data row and not the header row', () => {
    const cell = document.querySelectorAll('[role="gridcell"] code')[2]!;
    const row = resolveRow(cell);
    expect(row.getAttribute('data-key')).toBe('evt-1003');
    const kept = confirmCandidates(proposeRowSelectors(rowFacts(row)), testRows(document, row), 'many');
    expect(kept.length).toBeGreaterThan(0);
    for (const c of kept) expect(document.querySelectorAll(c.selector)).toHaveLength(5);
    expect(kept[0]!.selector).toBe('[role="grid"][aria-label="Activity"] div[role="row"][data-key]');
  });

  it('makes cell selectors relative to the row that work in every row', () => {
    const rows = Array.from(document.querySelectorAll('[role="row"][data-key]'));
    const row = rows[1]!;
    const actor = row.querySelector('[role="gridcell"] span')!;
    const kept = confirmCandidates(proposeCellSelectors(cellFacts(row, actor)), testCells(rows, row, actor), 'many');
    expect(kept.map((c) => c.selector)).toContain(':scope > div[role="gridcell"]:nth-child(2) > span:nth-of-type(1)');
    for (const c of kept) {
      expect(rows.map((r) => r.querySelector(c.selector)?.textContent)).toEqual(rows.map((_, i) => `agent${i + 1}@example.org`));
    }
    const code = row.querySelector('code')!;
    const codeKept = confirmCandidates(proposeCellSelectors(cellFacts(row, code)), testCells(rows, row, code), 'many');
    expect(codeKept[0]!.selector).toBe('code');
  });

  it('never builds a cell selector from one row’s own values', () => {
    const rows = Array.from(document.querySelectorAll('[role="row"][data-key]'));
    const time = rows[0]!.querySelector('[title]')!;
    const proposed = proposeCellSelectors(cellFacts(rows[0]!, time));
    expect(proposed.some((c) => c.selector.includes('title='))).toBe(false);
    const kept = confirmCandidates(proposed, testCells(rows, rows[0]!, time), 'many');
    expect(kept[0]!.selector).toBe(':scope > div[role="gridcell"]:nth-child(1)');
  });
});
