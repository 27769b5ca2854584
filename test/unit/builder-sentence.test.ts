// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleAdapter } from '../../utils/builder/assemble';
import { deriveSentence, groupShapes, literalShapes, type SentenceRole, type Span, type Teaching } from '../../utils/builder/sentence';
import { describePick } from '../../utils/builder/pick';
import { cancelSelectWords, mapRowText, offsetOf, selectWords, wordAt } from '../../utils/builder/sentence-page';
import { readVisibleRows } from '../../utils/engine/capture';
import { visibleText } from '../../utils/engine/row-patterns';

/**
 * "The rows are sentences" (issue 14 §2): the row pattern derived from the words a person
 * selected in one row, checked on every visible row; a corrected row of another shape becomes
 * a variant; a time of day under a day heading; wrong selections give plain messages; the
 * assembled adapter passes the pack schema and its capture reads the rows the same way.
 */
const FEED = [
  'Alice Ng suspended Mallory Reyes (spam) · Nov 30, 2026 14:02 UTC',
  'Bob Stone deleted repo-42 · Nov 30, 2026 13:47 UTC',
  'Account carol@acme.example was created by Alice Ng · Nov 30, 2026 12:15 UTC',
  'Priya Raman restored backup-7 (nightly) · Nov 30, 2026 11:00 UTC',
  'Alice Ng suspended Trent Marsh · Nov 29, 2026 18:30 UTC',
  'Account erin@acme.example was created by Chen Wei · Nov 29, 2026 10:45 UTC',
  'Chen Wei deleted token-9 · Nov 28, 2026 09:00 UTC',
];

/** The spans for the given words of a row, found in its text (the first occurrence after the previous). */
function teach(rows: string[], row: number, parts: [SentenceRole, string][]): Teaching {
  const text = rows[row]!;
  let from = 0;
  const spans: Span[] = parts.map(([role, words]) => {
    const start = text.indexOf(words, from);
    if (start < 0) throw new Error(`"${words}" is not in row ${row}`);
    from = start + words.length;
    return { role, start, end: start + words.length };
  });
  return { row, spans };
}

const FIRST = teach(FEED, 0, [['actor', 'Alice Ng'], ['action', 'suspended'], ['target', 'Mallory Reyes'], ['time', 'Nov 30, 2026 14:02 UTC']]);
const SECOND = teach(FEED, 2, [['target', 'carol@acme.example'], ['action', 'created'], ['actor', 'Alice Ng'], ['time', 'Nov 30, 2026 12:15 UTC']]);

describe('deriveSentence', () => {
  it('reads every row of the taught shape from one row, with reasons that only some rows have', () => {
    const result = deriveSentence({ rows: FEED, teachings: [FIRST] });
    if (!result.ok) throw new Error(result.message);
    expect(result.readings[0]).toEqual({ actor: 'Alice Ng', action: 'suspended', target: 'Mallory Reyes', time: 'Nov 30, 2026 14:02 UTC' });
    expect(result.readings[1]).toEqual({ actor: 'Bob Stone', action: 'deleted', target: 'repo-42', time: 'Nov 30, 2026 13:47 UTC' });
    expect(result.readings[3]).toEqual({ actor: 'Priya Raman', action: 'restored', target: 'backup-7', time: 'Nov 30, 2026 11:00 UTC' });
    expect(result.readings[4]).toEqual({ actor: 'Alice Ng', action: 'suspended', target: 'Trent Marsh', time: 'Nov 29, 2026 18:30 UTC' });
    expect(result.readings[6]?.actor).toBe('Chen Wei');
    expect(result.variants).toEqual([]);
    // The literal text stays literal: the "·" before the time, anchored at both ends.
    expect(result.text.pattern).toMatch(/^\^\(\?<actor>/);
    expect(result.text.pattern).toContain(' · (?<time>');
    expect(result.text.pattern.endsWith('$')).toBe(true);
  });

  it('does not read the performer-second rows right from a performer-first row, and a correction adds a variant for them', () => {
    const once = deriveSentence({ rows: FEED, teachings: [FIRST] });
    if (!once.ok) throw new Error(once.message);
    expect(once.readings[2]?.actor).not.toBe('Alice Ng');

    const corrected = deriveSentence({ rows: FEED, teachings: [FIRST, SECOND] });
    if (!corrected.ok) throw new Error(corrected.message);
    expect(corrected.variants).toHaveLength(1);
    expect(corrected.variants[0]!.text!.pattern).toContain('^Account (?<target>');
    expect(corrected.readings[2]).toEqual({ actor: 'Alice Ng', action: 'created', target: 'carol@acme.example', time: 'Nov 30, 2026 12:15 UTC' });
    // The other row of that shape, never taught, reads too; the first shape still reads.
    expect(corrected.readings[5]).toEqual({ actor: 'Chen Wei', action: 'created', target: 'erin@acme.example', time: 'Nov 29, 2026 10:45 UTC' });
    expect(corrected.readings[0]?.action).toBe('suspended');
    expect(corrected.read).toBe(FEED.length);
  });

  it('refines one pattern when a corrected row has the same shape', () => {
    const rows = ['Alice “Admin” Ng logged in from 10.0.0.1', 'Bob logged in from 10.0.0.2', 'Carol Day logged out from 10.0.0.3'];
    const a = teach(rows, 1, [['actor', 'Bob'], ['action', 'logged in'], ['target', '10.0.0.2']]);
    const once = deriveSentence({ rows, teachings: [a] });
    if (!once.ok) throw new Error(once.message);
    expect(once.readings[2]).not.toEqual({ actor: 'Carol Day', action: 'logged out', target: '10.0.0.3', time: '' });
    const b = teach(rows, 2, [['actor', 'Carol Day'], ['action', 'logged out'], ['target', '10.0.0.3']]);
    const twice = deriveSentence({ rows, teachings: [a, b] });
    if (!twice.ok) throw new Error(twice.message);
    expect(twice.variants).toEqual([]);
    expect(twice.readings[1]).toEqual({ actor: 'Bob', action: 'logged in', target: '10.0.0.2', time: '' });
    expect(twice.readings[2]).toEqual({ actor: 'Carol Day', action: 'logged out', target: '10.0.0.3', time: '' });
  });

  it('reads e-mails and quoted names', () => {
    const rows = ['dana@acme.example renamed "Q3 plan" to "Q4 plan"', 'erin@acme.example renamed "Old" to "New thing"'];
    const result = deriveSentence({ rows, teachings: [teach(rows, 0, [['actor', 'dana@acme.example'], ['action', 'renamed'], ['target', 'Q3 plan']])] });
    if (!result.ok) throw new Error(result.message);
    expect(result.readings[1]).toEqual({ actor: 'erin@acme.example', action: 'renamed', target: 'Old', time: '' });
  });

  it('puts a day heading in front of a time of day', () => {
    const rows = ['09:05 AM Alice Moreau closed Bug #12', '03:28 PM Bob Okafor opened Bug #13'];
    const result = deriveSentence({
      rows,
      teachings: [teach(rows, 0, [['time', '09:05 AM'], ['actor', 'Alice Moreau'], ['action', 'closed'], ['target', 'Bug #12']])],
      heading: { selectors: ['#activity > h3', 'h3'], texts: ['Today', '11/27/2026'] },
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.columns).toEqual({ time: { heading: ['#activity > h3', 'h3'] } });
    expect(result.readings[1]).toEqual({ actor: 'Bob Okafor', action: 'opened', target: 'Bug #13', time: '11/27/2026 03:28 PM' });
  });

  it('says plainly what is wrong with a selection, never builds a broken pattern', () => {
    const overlap = deriveSentence({ rows: FEED, teachings: [{ row: 0, spans: [{ role: 'actor', start: 0, end: 8 }, { role: 'action', start: 3, end: 12 }] }] });
    expect(overlap).toEqual({ ok: false, message: expect.stringContaining('overlap') });
    const spaces = deriveSentence({ rows: FEED, teachings: [{ row: 0, spans: [{ role: 'actor', start: 0, end: 9 }] }] });
    expect(spaces).toEqual({ ok: false, message: expect.stringContaining('without the spaces') });
    const gone = deriveSentence({ rows: FEED, teachings: [{ row: 40, spans: [{ role: 'actor', start: 0, end: 8 }] }] });
    expect(gone).toEqual({ ok: false, message: expect.stringContaining('no longer on the page') });
    const onlyTime = deriveSentence({ rows: FEED, teachings: [teach(FEED, 0, [['time', 'Nov 30, 2026 14:02 UTC']])] });
    expect(onlyTime).toEqual({ ok: false, message: expect.stringContaining('who did it or what they did') });
    const twice = deriveSentence({ rows: FEED, teachings: [{ row: 0, spans: [{ role: 'actor', start: 0, end: 5 }, { role: 'actor', start: 6, end: 8 }] }] });
    expect(twice).toEqual({ ok: false, message: expect.stringContaining('selected twice') });
    // Text full of regular-expression characters stays literal.
    const rows = ['[x] (a+)+ *Alice* did $stuff? to {b}|c'];
    const odd = deriveSentence({ rows, teachings: [teach(rows, 0, [['actor', 'Alice'], ['action', 'did']])] });
    if (!odd.ok) throw new Error(odd.message);
    expect(new RegExp(odd.text.pattern).exec(rows[0]!)?.groups).toMatchObject({ actor: 'Alice', action: 'did' });
  });

  it('offers shapes most specific first and literals exact first', () => {
    expect(groupShapes(['carol@acme.example'], ' was', false)[0]).toContain('@');
    expect(groupShapes(['Alice Ng'], ' ', false).at(-1)).toBe('.+?');
    expect(groupShapes(['x'], '', true).at(-1)).toBe('.+');
    expect(literalShapes([' (spam) · '])[0]).toBe(' \\(spam\\) · ');
    expect(literalShapes([' (spam) · ', ' · '])).not.toContain(' \\(spam\\) · ');
    expect(literalShapes([' (spam) · ', ' · '])).toContain('.*? · ');
  });
});

describe('the rows on a page', () => {
  const FIXTURE = readFileSync(resolve(__dirname, '../fixtures/sentences/activity.html'), 'utf8');

  it('maps a selection to the same text a pattern reads (hidden icons, screen-reader text and scripts left out)', () => {
    document.body.innerHTML = new DOMParser().parseFromString(FIXTURE, 'text/html').body.innerHTML;
    for (const row of document.querySelectorAll('#activity > li')) expect(mapRowText(row).text).toBe(visibleText(row));
    const row = document.querySelectorAll('#activity > li')[0]!;
    const map = mapRowText(row);
    const link = row.querySelectorAll('a')[1]!;
    const start = offsetOf(map, link, 0);
    const end = offsetOf(map, link, link.childNodes.length);
    expect(map.text.slice(start, end)).toBe('Mallory Reyes');
    const verb = [...row.childNodes].find((n) => n.nodeType === 3 && n.textContent!.includes('suspended'))!;
    expect(map.text.slice(...wordAt(map.text, offsetOf(map, verb, verb.textContent!.indexOf('suspended') + 3)))).toBe('suspended');
    expect(wordAt('Alice suspended Bob (spam)', 22)).toEqual([21, 25]);
  });

  it('assembles an adapter the pack schema accepts, whose capture reads the rows as the table showed', () => {
    document.body.innerHTML = `<input id="q"><ul id="log">${FEED.map((t) => `<li>${t.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</li>`).join('')}</ul>`;
    const result = deriveSentence({ rows: FEED, teachings: [FIRST, SECOND] });
    if (!result.ok) throw new Error(result.message);
    const assembled = assembleAdapter({
      name: 'Moderation log',
      pageUrl: 'https://mod.example/log',
      today: '2026-12-01',
      picks: { search: { selectors: ['#q'] }, row: { selectors: ['#log > li'], container: ['#log'] } },
      sentence: { text: result.text, variants: result.variants, columns: result.columns },
    });
    if (!assembled.ok) throw new Error(assembled.problems.join(' '));
    expect(assembled.adapter.results?.text).toEqual(result.text);
    expect(assembled.adapter.results?.variants).toHaveLength(1);
    const { rows } = readVisibleRows(document, assembled.adapter, 100, { now: new Date('2026-12-01T10:00:00Z'), pageZone: 'UTC' });
    const times = ['2026-11-30T14:02', '2026-11-30T13:47', '2026-11-30T12:15', '2026-11-30T11:00', '2026-11-29T18:30', '2026-11-29T10:45', '2026-11-28T09:00'];
    expect(rows.map((r) => [r.actor, r.action, r.time])).toEqual(result.readings.map((r, i) => [r!.actor, r!.action, `${times[i]}:00.000Z`]));
  });

  it('without a sentence, the cells are still required', () => {
    const assembled = assembleAdapter({ name: 'X', pageUrl: 'https://mod.example/log', today: '2026-12-01', picks: { search: { selectors: ['#q'] }, row: { selectors: ['#log > li'] } } });
    expect(assembled.ok).toBe(false);
  });
});

describe('selecting words on the page', () => {
  const MOUNT = '<ul id="log"><li><a class="user" href="/u/alice">Alice Ng</a> suspended <a href="/u/m">Mallory Reyes</a> (spam) · <span class="when">Nov 30, 2026 14:02 UTC</span></li><li><a class="user" href="/u/bob">Bob Stone</a> deleted <a href="/r/42">repo-42</a> · <span class="when">Nov 30, 2026 13:47 UTC</span></li></ul>';

  it('takes a clicked name whole, and the click never follows the link', async () => {
    document.body.innerHTML = MOUNT;
    const reply = selectWords(document, { type: 'exec:select-words', role: 'target', rowSelectors: ['#log > li'], prompt: 'Select the target.', timeoutMs: 5_000 });
    const link = document.querySelectorAll('#log a')[3]!;
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(await reply).toEqual({ type: 'exec:select-words', selected: { row: 1, start: 18, end: 25, text: 'repo-42', rowText: 'Bob Stone deleted repo-42 · Nov 30, 2026 13:47 UTC' } });
  });

  it('takes the words a person selected in one row', async () => {
    document.body.innerHTML = MOUNT;
    const reply = selectWords(document, { type: 'exec:select-words', role: 'time', rowSelectors: ['#log > li'], prompt: 'Select the time.', timeoutMs: 5_000 });
    const when = document.querySelector('#log .when')!;
    const range = document.createRange();
    range.setStart(when.firstChild!, 0);
    range.setEnd(when.firstChild!, 12);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    when.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    const answer = await reply;
    expect(answer.selected?.text).toBe('Nov 30, 2026');
    expect(answer.selected?.row).toBe(0);
  });

  it('stops when cancelled, with a plain message', async () => {
    document.body.innerHTML = MOUNT;
    const reply = selectWords(document, { type: 'exec:select-words', role: 'actor', rowSelectors: ['#log > li'], prompt: 'Select who did it.', timeoutMs: 5_000 });
    expect(cancelSelectWords(document)).toBe(true);
    expect(await reply).toEqual({ type: 'exec:select-words', selected: null, message: 'Stopped selecting. Nothing was selected.' });
  });
});

describe('pointing at a part of a sentence row as a cell', () => {
  it('says the row is a sentence and where to go, instead of "click right on the text"', () => {
    document.body.innerHTML = '<ul id="log"><li><a href="/u/a">Alice Ng</a> suspended <a href="/u/m">Mallory</a></li><li><a href="/u/b">Bob</a> deleted <a href="/r/1">repo-1</a></li></ul>';
    const row = document.querySelector('#log > li')!;
    const reply = describePick(document, row, { role: 'col-action', prompt: 'In a result row, click the event type.', rowSelectors: ['#log > li'], timeoutMs: 5_000 });
    expect(reply.picked).toBeNull();
    expect(reply.message).toContain('The rows are sentences');
  });
});
