// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { headerPick } from '../../utils/builder/by-header';
import { cellFacts, testCells } from '../../utils/builder/describe';
import { confirmCandidates, proposeCellSelectors } from '../../utils/builder/selectors';
import { headerSurvives, lastingCellSelectors, queryInRow, reRenderedRows, survivingCellCandidates } from '../../utils/builder/survive';

/** Checked before offered: a cell's selectors are tried on a copy of the rows with the columns moved. */
function render({ keys = true, header = true } = {}): Element[] {
  const people = ['alice', 'bob', 'carol'];
  document.body.innerHTML =
    `<table>${header ? '<thead><tr><th>Time</th><th>Event</th><th>User</th></tr></thead>' : ''}<tbody>` +
    people
      .map(
        (p, i) =>
          `<tr class="row">` +
          ['time', 'event', 'user'].map((k) => `<td${keys ? ` field="${k}"` : ''}><div><span>${k === 'user' ? p : k === 'event' ? 'user.login' : `10:0${i}`}</span></div></td>`).join('') +
          `</tr>`,
      )
      .join('') +
    `</tbody></table>`;
  return Array.from(document.querySelectorAll('tr.row'));
}

const userSpan = (row: Element) => row.children[2]!.querySelector('span')!;

describe('the re-rendered copy', () => {
  it('moves every column and leaves the page alone', () => {
    const rows = render();
    const html = document.body.innerHTML;
    const copy = reRenderedRows(rows)!;
    expect(document.body.innerHTML).toBe(html);
    expect(copy.rows).toHaveLength(3);
    expect(Array.from(copy.rows[0]!.children).map((c) => c.getAttribute('field'))).toEqual(['event', 'user', 'time']);
    // The copy of alice's name is the span that moved with her column.
    expect(copy.copyOf(userSpan(rows[0]!))?.textContent).toBe('alice');
    expect(copy.copyOf(userSpan(rows[0]!))?.closest('td')?.getAttribute('field')).toBe('user');
  });
});

describe('selectors that read another column once the columns move are dropped', () => {
  beforeEach(() => render());

  it('keeps the column key and drops the position', () => {
    const rows = Array.from(document.querySelectorAll('tr.row'));
    const proposals = proposeCellSelectors(cellFacts(rows[1]!, userSpan(rows[1]!)));
    expect(proposals.some((c) => c.selector.includes(':nth-child(3)'))).toBe(true);
    const kept = survivingCellCandidates(proposals, rows, queryInRow).map((c) => c.selector);
    expect(kept).toContain('td[field="user"] span');
    expect(kept.some((s) => s.includes('nth-child'))).toBe(false);
  });

  it('falls back to the position only when nothing else tells the column apart', () => {
    const rows = render({ keys: false, header: false });
    const span = userSpan(rows[1]!);
    const proposals = proposeCellSelectors(cellFacts(rows[1]!, span));
    expect(survivingCellCandidates(proposals, rows, queryInRow)).toEqual([]);
    const confirmed = lastingCellSelectors(proposals, rows, rows[1]!, (c) => confirmCandidates(c, testCells(rows, rows[1]!, span), 'many', 4));
    expect(confirmed.length).toBeGreaterThan(0);
    expect(confirmed.every((c) => c.kind === 'position')).toBe(true);
  });

  it('offers a header that leads back to its column after the move', () => {
    const rows = Array.from(document.querySelectorAll('tr.row'));
    expect(headerSurvives('User', rows, rows[0]!, rows[0]!.children[2]!)).toBe(true);
    expect(headerSurvives('Event', rows, rows[0]!, rows[0]!.children[2]!)).toBe(false);
    expect(headerPick(rows, rows[0]!, userSpan(rows[0]!))?.header).toBe('User');
  });
});
