// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import type { PickedElement } from '../../utils/builder/messages';
import { cellEntry, compareSnapshots, headerKey, keepWhatHeld, lostMessage, recheckSummary, taughtElements, type RecheckElement, type RecheckSnapshot } from '../../utils/builder/recheck';
import { controlIdentity, execRecheckRequest, recheckTaught, snapshotTaught } from '../../utils/builder/recheck-page';

/**
 * "Check on a fresh page" (issue 14 §1): every taught element is found again after the page
 * reloads or re-renders, each way compared with what it found before.
 */
const PEOPLE = ['alice', 'bob', 'carol'];
const EVENTS = ['user.login', 'role.granted', 'mfa.removed'];

/** The console as it renders on one load: `suffix` changes its generated names, `order` its columns. */
function render({ suffix = 'a', order = ['time', 'event', 'user'], search = true, people = PEOPLE } = {}): void {
  const value = (k: string, i: number) => (k === 'user' ? people[i]! : k === 'event' ? EVENTS[i]! : `10:0${i}`);
  document.body.innerHTML =
    (search ? `<label>Search <input name="q-${suffix}" class="search-${suffix}" placeholder="Search activity"></label>` : '') +
    `<button class="go-${suffix}" aria-label="Run search">Go</button>` +
    `<table><thead><tr>${order.map((k) => `<th>${k[0]!.toUpperCase()}${k.slice(1)}</th>`).join('')}</tr></thead><tbody>` +
    PEOPLE.map((_, i) => `<tr class="row r-${suffix}">${order.map((k) => `<td class="c-${k}"><span>${value(k, i)}</span></td>`).join('')}</tr>`).join('') +
    `</tbody></table>`;
}

const ELEMENTS: RecheckElement[] = [
  { role: 'search', selectors: ['input[name="q-a"]', 'input[placeholder="Search activity"]', '.search-a'] },
  { role: 'submit', selectors: ['.go-a', 'button[aria-label="Run search"]'] },
  { role: 'row', selectors: ['tr.r-a', 'tr.row', 'tr'] },
  { role: 'col-actor', selectors: ['td.c-user span', 'td:nth-child(3) span'], header: 'User' },
];

async function check(elements: RecheckElement[], before: RecheckSnapshot) {
  const reply = await recheckTaught(document, execRecheckRequest.parse({ type: 'exec:recheck', elements, before }));
  return Object.fromEntries(reply.outcomes!.map((o) => [o.role, o]));
}

describe('what each way finds on the page', () => {
  beforeEach(() => render());

  it('knows a control by its kind, role and name, not by its id or classes', () => {
    const input = document.querySelector('input')!;
    const before = controlIdentity(input);
    input.id = 'el-id-1030-4';
    input.className = 'other';
    expect(controlIdentity(input)).toBe(before);
    input.setAttribute('placeholder', 'Search people');
    // The label names it first; a different label makes it another control.
    input.closest('label')!.firstChild!.textContent = 'Find ';
    expect(controlIdentity(input)).not.toBe(before);
  });

  it('reads rows by their full text and columns as [row, value] pairs', () => {
    const [, , rows, actor] = snapshotTaught(document, ELEMENTS, ['tr.row']);
    expect(rows!.candidates.find((c) => c.key === 'tr.row')!.found).toHaveLength(3);
    // "tr" also finds the header row.
    expect(rows!.candidates.find((c) => c.key === 'tr')!.found).toHaveLength(4);
    const byHeader = actor!.candidates.find((c) => c.key === headerKey('User'))!;
    // Rows by their cells' texts in a fixed order: moving the columns leaves a row the same row.
    expect(byHeader.found).toEqual(['10:00 | alice | user.login', '10:01 | bob | role.granted', '10:02 | carol | mfa.removed'].map((row, i) => cellEntry(row, PEOPLE[i]!)));
  });
});

describe('a person on the line under the row', () => {
  it('reads a column from the element right after the row (Redmine: the author in the <dd> after the <dt>)', () => {
    document.body.innerHTML =
      '<dl>' +
      PEOPLE.map((p, i) => `<dt class="ev">${EVENTS[i]}</dt><dd><span class="author"><a>${p}</a></span></dd>`).join('') +
      '</dl>';
    const elements: RecheckElement[] = [
      { role: 'row', selectors: ['dt.ev'] },
      { role: 'col-actor', selectors: [':scope + dd span.author a'] },
    ];
    const [, actor] = snapshotTaught(document, elements, ['dt.ev']);
    expect(actor!.candidates[0]!.found).toEqual(EVENTS.map((e, i) => cellEntry(e, PEOPLE[i]!)));
  });
});

describe('after a reload', () => {
  it('keeps every way when nothing changed', async () => {
    render();
    const before = snapshotTaught(document, ELEMENTS, ['tr.r-a']);
    render();
    const out = await check(ELEMENTS, before);
    expect(out.search!.kept).toEqual(ELEMENTS[0]!.selectors);
    expect(out.row!.kept).toEqual(['tr.r-a', 'tr.row']); // "tr" also finds the header row: worse than the others
    expect(out['col-actor']!.kept).toEqual(['td.c-user span', 'td:nth-child(3) span']);
    expect(out['col-actor']!.headerKept).toBe(true);
    expect(Object.values(out).some((o) => o.lost)).toBe(false);
  });

  it('drops the ways that now find nothing or something else, and keeps the others', async () => {
    render();
    const before = snapshotTaught(document, ELEMENTS, ['tr.r-a']);
    // The next load: generated names changed, the User column moved first.
    render({ suffix: 'b', order: ['user', 'time', 'event'] });
    const out = await check(ELEMENTS, before);
    expect(out.search).toMatchObject({ kept: ['input[placeholder="Search activity"]'], dropped: ['input[name="q-a"]', '.search-a'], lost: false });
    expect(out.submit).toMatchObject({ kept: ['button[aria-label="Run search"]'], dropped: ['.go-a'], lost: false });
    expect(out.row!.kept).toEqual(['tr.row']);
    // The position now reads the event: dropped; the column's key and its header still read the person.
    expect(out['col-actor']).toMatchObject({ kept: ['td.c-user span'], dropped: ['td:nth-child(3) span'], headerKept: true, lost: false });
  });

  it('names an element nothing finds again', async () => {
    render();
    const before = snapshotTaught(document, ELEMENTS, ['tr.r-a']);
    render({ suffix: 'b', search: false });
    const out = await check(ELEMENTS, before);
    expect(out.search).toMatchObject({ kept: [], lost: true });
    expect(out.row!.lost).toBe(false);
    expect(lostMessage('search')).toBe("After the page reloaded, Trailguide couldn't find the search box again. Point at it once more.");
    expect(recheckSummary(Object.values(out))).toBe('Trailguide found 3 of 4 taught parts again on the fresh page; one needs pointing at once more.');
  });

  it('drops a column way whose values changed for the same rows', async () => {
    render();
    const before = snapshotTaught(document, ELEMENTS, ['tr.r-a']);
    // Same rows by text? No: the people changed, so the rows are other rows — nothing to compare with.
    render({ people: ['dave', 'erin', 'frank'] });
    const out = await check(ELEMENTS, before);
    expect(out.row!.lost).toBe(true);
    expect(out['col-actor']!.lost).toBe(true);
  });

  it('a way that finds several controls where it found one no longer counts', async () => {
    render();
    const before = snapshotTaught(document, ELEMENTS, ['tr.r-a']);
    render();
    document.body.insertAdjacentHTML('beforeend', '<button aria-label="Run search">Go</button>');
    const out = await check(ELEMENTS, before);
    expect(out.submit!.kept).toEqual(['.go-a']);
  });
});

describe('comparing two looks (pure)', () => {
  const cells = (pairs: [string, string | null][]) => pairs.map(([r, v]) => cellEntry(r, v));
  const col: RecheckElement = { role: 'col-time', selectors: ['time'] };
  const look = (found: string[]): RecheckSnapshot => [{ role: 'col-time', candidates: [{ key: 'time', found }] }];

  it('compares only the rows on the page both times (a live log gains rows)', () => {
    const before = look(cells([['a', '1'], ['b', '2']]));
    const after = look(cells([['new', '9'], ['a', '1'], ['b', '2']]));
    expect(compareSnapshots([col], before, after)[0]!.kept).toEqual(['time']);
  });

  it('a way that reads nothing in every row does not hold', () => {
    const before = look(cells([['a', null]]));
    expect(compareSnapshots([col], before, look(cells([['a', null]])))[0]!.lost).toBe(true);
  });

  it('a different value in one common row drops the way', () => {
    const before = look(cells([['a', '1'], ['b', '2']]));
    expect(compareSnapshots([col], before, look(cells([['a', '1'], ['b', '3']])))[0]!.lost).toBe(true);
  });

  it('says all was found again only when it was', () => {
    expect(recheckSummary([{ role: 'search', kept: ['x'], dropped: [], lost: false }])).toBe('Trailguide found all 1 taught parts again on the fresh page, each the same way as before.');
    expect(recheckSummary([{ role: 'search', kept: ['x'], dropped: ['y'], lost: false }])).toMatch(/One way of finding them stopped working and was dropped/);
  });
});

describe('the request', () => {
  it('is validated (no unknown keys, bounded wait)', () => {
    expect(execRecheckRequest.safeParse({ type: 'exec:recheck', elements: [], waitMs: 60_000 }).success).toBe(false);
    expect(execRecheckRequest.safeParse({ type: 'exec:recheck', elements: [], extra: 1 }).success).toBe(false);
    expect(execRecheckRequest.parse({ type: 'exec:recheck', elements: [] }).waitMs).toBe(0);
  });

  it('waits for a page still drawing, up to waitMs', async () => {
    render();
    const before = snapshotTaught(document, ELEMENTS, ['tr.r-a']);
    document.body.innerHTML = '';
    const drawn = new Promise<void>((resolve) => queueMicrotask(() => {
      render();
      resolve();
    }));
    const reply = recheckTaught(document, execRecheckRequest.parse({ type: 'exec:recheck', elements: ELEMENTS, before, waitMs: 5_000 }));
    await drawn;
    expect((await reply).outcomes!.every((o) => !o.lost)).toBe(true);
  });
});

describe('the picks after the check', () => {
  const facts = { tag: 'input', id: null, classes: [], attrs: {}, text: '', nthChild: 1, nthOfType: 1, ancestors: [] };
  const search: PickedElement = { role: 'search', selectors: ['input[name="q-a"]', 'input[placeholder="Search activity"]', '.search-a'], kinds: ['name', 'attribute', 'class'], label: 'Search', sample: '', facts };
  const actor: PickedElement = { role: 'col-actor', selectors: ['td:nth-child(3) span'], kinds: ['position'], label: '', sample: 'alice', facts, header: 'User', inner: ['span'] };

  it('asks about every way of every pick, a column’s header included', () => {
    expect(taughtElements({ search, 'col-actor': actor })).toEqual([
      { role: 'search', selectors: search.selectors },
      { role: 'col-actor', selectors: ['td:nth-child(3) span'], header: 'User', inner: ['span'] },
    ]);
  });

  it('keeps only the ways that held, each with its kind', () => {
    const next = keepWhatHeld(search, { role: 'search', kept: ['input[placeholder="Search activity"]'], dropped: ['input[name="q-a"]', '.search-a'], lost: false });
    expect(next.selectors).toEqual(['input[placeholder="Search activity"]']);
    expect(next.kinds).toEqual(['attribute']);
  });

  it('drops a header that no longer leads to the same values, and leaves a lost pick as it was', () => {
    const next = keepWhatHeld(actor, { role: 'col-actor', kept: ['td:nth-child(3) span'], dropped: [], headerKept: false, lost: false });
    expect(next.header).toBeUndefined();
    expect(next.inner).toBeUndefined();
    const lost = { role: 'search' as const, kept: [], dropped: search.selectors, lost: true };
    expect(keepWhatHeld(search, lost)).toBe(search);
  });
});
