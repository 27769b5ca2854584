// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { assembleAdapter } from '../../utils/builder/assemble';
import { classOffer, firstClass, offerSentence, withClassReading } from '../../utils/builder/class-values';
import { headingTimeFormats } from '../../utils/builder/time-heading';
import { afterRowCandidates, rowBefore, rowKin, wrapperCandidates } from '../../utils/builder/next-sibling';
import { describePick } from '../../utils/builder/pick';
import type { PickedElement } from '../../utils/builder/messages';
import type { BuilderRole } from '../../utils/builder/roles';
import { readVisibleRows } from '../../utils/engine/capture';

/**
 * Redmine's activity page, taught by clicking: each event a <dt> (time, title; its type only
 * as the dt's first class) and the <dd> after it (a note, the person), under a day heading.
 */
const EVENTS = [
  { day: '11/27/2026', type: 'issue-edit', time: '03:28 PM', title: 'Feature #30 (In Progress): Who changed the pricing table?', who: 'Carol Lindqvist', note: 'Asked <a class="user" href="/users/5">Alice Moreau</a> to look.' },
  { day: '11/26/2026', type: 'issue', time: '11:14 AM', title: 'Feature #30 (New): Who changed the pricing table?', who: 'Dave Santos', note: 'Reported by the team.' },
  { day: '11/24/2026', type: 'issue-edit', time: '04:59 PM', title: 'Bug #29 (Resolved): Renewal reminder not sent', who: 'Carol Lindqvist', note: 'Asked for a screenshot.' },
  { day: '11/24/2026', type: 'issue-closed', time: '03:20 PM', title: 'Feature #28 (Closed): Payout report is missing fees', who: 'Bob Okafor', note: 'Shipped.' },
  { day: '11/23/2026', type: 'wiki-page', time: '04:02 PM', title: 'Wiki edit: Refund_process (#3)', who: 'Alice Moreau', note: '' },
  // Day and month both 12 or less: read right only with the format the other headings show (11/27: month first).
  { day: '11/09/2026', type: 'issue-edit', time: '11:18 AM', title: 'Bug #29 (In Progress): Renewal reminder not sent', who: 'Bob Okafor', note: 'Waiting for the vendor.' },
];

function page(): string {
  const days = [...new Set(EVENTS.map((e) => e.day))];
  return `<div id="content"><div id="activity">${days
    .map(
      (day) =>
        `<h3>${day}</h3><dl>${EVENTS.filter((e) => e.day === day)
          .map(
            (e) =>
              `<dt class="${e.type} icon icon-${e.type}  "><span class="time">${e.time}</span> <a href="/issues/1">${e.title}</a></dt>` +
              `<dd><span class="description">${e.note}</span> <span class="author"><a class="user active" href="/users/7">${e.who}</a></span></dd>`,
          )
          .join('')}</dl>`,
    )
    .join('')}</div></div><form id="query"><input id="q" name="q" aria-label="Search"></form>`;
}

const dts = () => Array.from(document.querySelectorAll('#activity dt'));

function pick(role: BuilderRole, target: Element, rowSelectors?: string[]): PickedElement {
  const reply = describePick(document, target, { role, prompt: 'Click it.', rowSelectors, timeoutMs: 5_000 });
  if (!reply.picked) throw new Error(reply.message);
  return reply.picked;
}

describe('rows over two elements (pure parts)', () => {
  it('rewrites a part found inside the line after the row to start at the row', () => {
    expect(
      afterRowCandidates('dd', [
        { selector: 'span.author a', kind: 'class' },
        { selector: ':scope > span:nth-child(2) > a:nth-of-type(1)', kind: 'position' },
        { selector: ':scope', kind: 'position' },
        { selector: 'span.author a', kind: 'tag' },
      ]),
    ).toEqual([
      { selector: ':scope + dd span.author a', kind: 'class' },
      { selector: ':scope + dd > span:nth-child(2) > a:nth-of-type(1)', kind: 'position' },
      { selector: ':scope + dd', kind: 'position' },
    ]);
  });

  it('names the part by its nearest wrapper with a style name', () => {
    const node = (tag: string, classes: string[]) => ({ tag, id: null, classes, attrs: {}, text: '', nthChild: 1, nthOfType: 1 });
    expect(wrapperCandidates({ steps: [node('span', ['author']), node('a', ['user', 'active'])] }).map((c) => c.selector)).toEqual(['span.author a']);
    expect(wrapperCandidates({ steps: [node('a', ['user'])] })).toEqual([]);
  });

  it('offers the first class as the event type only when the words pointed at do not repeat and the class does', () => {
    const classes = EVENTS.map((e) => `${e.type} icon icon-${e.type}  `);
    const titles = EVENTS.map((e) => e.title);
    const offer = classOffer(classes, titles);
    expect(offer?.values).toEqual(EVENTS.map((e) => e.type));
    expect(offer?.kinds).toEqual(['issue-edit', 'issue', 'issue-closed', 'wiki-page']);
    expect(offerSentence(offer!)).toBe("Read the event type from the row's style name instead: issue-edit, issue, issue-closed, wiki-page.");
    expect(offerSentence(offer!, 2)).toContain('issue-edit, issue and 2 more.');
    // Words that repeat like codes ("Change", "Change", "Addition"…) are read as they are.
    expect(classOffer(classes, ['Change', 'Change', 'Addition', 'Change', 'Deletion', 'Addition'])).toBeNull();
    // One style for every row, or one per row, is no event type.
    expect(classOffer(EVENTS.map(() => 'row'), titles)).toBeNull();
    expect(classOffer(EVENTS.map((_, i) => `row-${'abcdef'[i]}`), titles)).toBeNull();
    // Build hashes are not offered.
    expect(classOffer(EVENTS.map((_, i) => (i % 2 ? 'css-1q2w3e' : 'sc-bdVaJa')), titles)).toBeNull();
    expect(firstClass('  issue-edit icon')).toBe('issue-edit');
  });

  it('gives the day heading’s format when a date shows which comes first, day or month', () => {
    // "11" could be padded or not: both are tried.
    expect(headingTimeFormats(['11/27/2026', '11/09/2026'], ['03:28 PM', '11:18 AM'])).toEqual(['MM/DD/YYYY hh:mm A', 'M/DD/YYYY hh:mm A']);
    expect(headingTimeFormats(['27.11.2026', '9.11.2026'], ['15:28', '9:05'])).toEqual(['D.MM.YYYY H:mm', 'D.M.YYYY H:mm']);
    expect(headingTimeFormats(['11/27/26'], ['3:28:10 pm'])).toEqual(['MM/DD/YY h:mm:ss a', 'MM/D/YY h:mm:ss a', 'M/DD/YY h:mm:ss a', 'M/D/YY h:mm:ss a']);
    // Every date could be either way round, or the headings are words: no format (the capture leaves such dates empty, and says so).
    expect(headingTimeFormats(['11/09/2026', '11/05/2026'], ['03:28 PM'])).toBeUndefined();
    expect(headingTimeFormats(['Today', 'Yesterday'], ['03:28 PM'])).toBeUndefined();
    expect(firstClass(null)).toBe('');
  });
});

describe('teaching Redmine-shaped activity by clicking', () => {
  beforeEach(() => {
    document.body.innerHTML = page();
  });

  it('a click in a <dt> picks every event row, across the day lists', () => {
    const row = pick('row', dts()[2]!.querySelector('a')!);
    expect(row.facts.tag).toBe('dt');
    expect(row.rowCount).toBe(EVENTS.length);
    expect(document.querySelectorAll(row.selectors[0]!)).toHaveLength(EVENTS.length);
    expect(rowKin(dts()[1]!)).toHaveLength(EVENTS.length);
  });

  it('the person under a row is read from the row: the author, not a person named in the note', () => {
    const row = pick('row', dts()[2]!.querySelector('a')!);
    const target = dts()[0]!.nextElementSibling!.querySelector('span.author a')!;
    expect(rowBefore(dts(), target)?.row).toBe(dts()[0]);
    const actor = pick('col-actor', target, row.selectors);
    expect(actor.selectors[0]).toBe(':scope + dd span.author a');
    expect(actor.sample).toBe('Carol Lindqvist');
    // Outside both a row and the line after one: refused, in plain words.
    const reply = describePick(document, document.querySelector('#q')!, { role: 'col-actor', prompt: 'Click who did it.', rowSelectors: row.selectors, timeoutMs: 5_000 });
    expect(reply.picked).toBeNull();
    expect(reply.message).toMatch(/isn't inside one of the result rows/);
  });

  it('a time of day gets the day heading; the event title gets the style-name offer; the adapter reads like the console', () => {
    const row = pick('row', dts()[3]!);
    const time = pick('col-time', dts()[3]!.querySelector('span.time')!, row.selectors);
    expect(time.heading).toEqual(['#activity > h3', 'h3']);
    expect(time.format).toEqual(['MM/DD/YYYY hh:mm A', 'M/DD/YYYY hh:mm A']);
    const action = pick('col-action', dts()[3]!.querySelector('a')!, row.selectors);
    expect(action.classOffer?.here).toBe('issue-closed');
    expect(action.attr).toBeUndefined();
    const used = withClassReading(action);
    expect(used).toMatchObject({ selectors: [':scope'], attr: 'class', sample: 'issue-closed' });
    // Clicking the row's icon (the row itself) reads the style name straight away.
    expect(pick('col-action', dts()[4]!, row.selectors)).toMatchObject({ selectors: [':scope'], attr: 'class', sample: 'wiki-page' });
    const actor = pick('col-actor', dts()[5]!.nextElementSibling!.querySelector('span.author a')!, row.selectors);
    const search = pick('search', document.querySelector('#q')!);

    const assembled = assembleAdapter({ name: 'Redmine activity', pageUrl: 'http://127.0.0.1:8720/projects/billing/activity', today: '2026-12-02', picks: { search, row, 'col-time': time, 'col-action': used, 'col-actor': actor } });
    if (!assembled.ok) throw new Error(assembled.problems.join('\n'));
    expect(assembled.adapter.results?.columns.action).toMatchObject({ selectors: [':scope'], attr: 'class', pattern: '^\\s*([A-Za-z][\\w-]*)' });
    expect(assembled.adapter.results?.columns.time).toMatchObject({ selectors: ['span.time'], heading: ['#activity > h3', 'h3'], format: ['MM/DD/YYYY hh:mm A', 'M/DD/YYYY hh:mm A'] });
    const { rows } = readVisibleRows(document, assembled.adapter, 100, { now: new Date('2026-12-02T10:00:00Z'), pageZone: 'UTC' });
    expect(rows.map((r) => [r.time, r.actor, r.action])).toEqual(
      EVENTS.map((e) => {
        const [m, d, y] = e.day.split('/');
        const [hm, ampm] = e.time.split(' ');
        const [h, min] = hm!.split(':').map(Number);
        const hour = (h! % 12) + (ampm === 'PM' ? 12 : 0);
        return [`${y}-${m}-${d}T${String(hour).padStart(2, '0')}:${String(min).padStart(2, '0')}:00.000Z`, e.who, e.type];
      }),
    );
  });

  it('without the offer taken, the event column reads the title — the offer is what makes it an event type', () => {
    const row = pick('row', dts()[0]!);
    const action = pick('col-action', dts()[1]!.querySelector('a')!, row.selectors);
    expect(action.selectors[0]).not.toBe(':scope');
    expect(action.sample).toBe(EVENTS[1]!.title);
  });
});
