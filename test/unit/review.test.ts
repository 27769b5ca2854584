import { describe, expect, it } from 'vitest';
import type { CapturedRow } from '../../utils/db/records';
import { addTries, failingParts, TRIES_KEPT, triesFromCapture, triesFromFill, type AdapterHealth, type PartTry } from '../../utils/review/failures';
import { dueDetail, intervalDays, reviewSentence, reviewStatus, todayIso } from '../../utils/review/staleness';
import { runbookSchema } from '../../utils/schema/runbook';

const at = (iso: string) => Date.parse(`${iso}T15:00:00Z`);

describe('review dates', () => {
  it('says quietly who reviewed it and when', () => {
    const status = reviewStatus({ owner: 'Support leads', reviewed: '2026-11-19', reviewEvery: '90d' }, at('2026-12-01'));
    expect(status).toEqual({ state: 'fresh', owner: 'Support leads', daysAgo: 12, everyDays: 90 });
    expect(reviewSentence(status)).toBe('Reviewed 12 days ago by Support leads');
  });

  it('is due the day after its interval runs out, not on it', () => {
    const item = { owner: 'Support leads', reviewed: '2026-09-02', reviewEvery: '90d' };
    expect(reviewStatus(item, at('2026-12-01')).state).toBe('fresh'); // 90 days
    const due = reviewStatus(item, at('2026-12-02'));
    expect(due).toEqual({ state: 'due', owner: 'Support leads', daysAgo: 91, everyDays: 90, reviewed: '2026-09-02' });
    expect(reviewSentence(due)).toBe('Due for review — tell Support leads if something is wrong');
    if (due.state === 'due') expect(dueDetail(due)).toBe('Last reviewed on 2026-09-02 (91 days ago); it should be reviewed every 90 days.');
    const old = reviewStatus({ reviewed: '2020-01-01', reviewEvery: '90d' }, at('2026-12-01'));
    if (old.state === 'due') expect(dueDetail(old)).toBe('Last reviewed on 2020-01-01 (2,526 days ago); it should be reviewed every 90 days.');
    else expect.unreachable('a 2020 review is due');
  });

  it('counts weeks, today and yesterday, and a date in the future as today', () => {
    expect(intervalDays('12w')).toBe(84);
    expect(intervalDays('90')).toBeUndefined();
    expect(reviewSentence(reviewStatus({ reviewed: '2026-12-01' }, at('2026-12-01')))).toBe('Reviewed today');
    expect(reviewSentence(reviewStatus({ reviewed: '2026-11-30' }, at('2026-12-01')))).toBe('Reviewed yesterday');
    expect(reviewStatus({ reviewed: '2026-12-05', reviewEvery: '1d' }, at('2026-12-01'))).toMatchObject({ state: 'fresh', daysAgo: 0 });
  });

  it('never goes stale without an interval; is due at once with an interval but no date', () => {
    expect(reviewStatus({ reviewed: '2019-01-01' }, at('2026-12-01')).state).toBe('fresh');
    const undated = reviewStatus({ reviewEvery: '30d' }, at('2026-12-01'));
    expect(reviewSentence(undated)).toBe('Due for review — tell your team lead if something is wrong');
    if (undated.state === 'due') expect(dueDetail(undated)).toBe('It has no review date; it should be reviewed every 30 days.');
    expect(reviewSentence(reviewStatus({ owner: 'Ops' }, at('2026-12-01')))).toBe('Looked after by Ops');
    expect(reviewSentence(reviewStatus({}, at('2026-12-01')))).toBeNull();
  });

  it('writes today as a pack date', () => {
    expect(todayIso(Date.parse('2026-12-01T23:59:00Z'))).toBe('2026-12-01');
  });

  it('refuses review fields that are not dates or intervals', () => {
    const base = { id: 'r-one', title: 'T', summary: 'S.', steps: [{ title: 'A' }] };
    expect(runbookSchema.safeParse({ ...base, owner: 'Support leads', reviewed: '2026-11-19', reviewEvery: '90d' }).success).toBe(true);
    expect(runbookSchema.safeParse({ ...base, reviewed: '19/11/2026' }).success).toBe(false);
    expect(runbookSchema.safeParse({ ...base, reviewEvery: '3 months' }).success).toBe(false);
  });
});

const box = (failed: string | null): PartTry => ({ part: 'box:action', label: 'Event type', noun: 'box', failed });

describe('failure counts per adapter part', () => {
  it('flags a part that failed repeatedly, with the sentence a team lead reads', () => {
    let health: AdapterHealth = {};
    for (const failed of [null, "wasn't found", "wasn't found", "wasn't found", "wasn't found"]) health = addTries(health, 'acme', [box(failed)]);
    expect(failingParts(health, 'acme')).toEqual([{ part: 'box:action', failures: 4, tries: 5, sentence: "the Event type box wasn't found on 4 of the last 5 tries" }]);
    expect(failingParts(health, 'other')).toEqual([]);
  });

  it('keeps only the last tries, so a fixed adapter stops being flagged', () => {
    let health: AdapterHealth = {};
    for (let i = 0; i < 3; i++) health = addTries(health, 'acme', [box("wasn't found")]);
    expect(failingParts(health, 'acme')).toHaveLength(1);
    for (let i = 0; i < TRIES_KEPT; i++) health = addTries(health, 'acme', [box(null)]);
    expect(health.acme!['box:action']!.tries).toHaveLength(TRIES_KEPT);
    expect(failingParts(health, 'acme')).toEqual([]);
  });

  it('does not flag a single failure', () => {
    expect(failingParts(addTries({}, 'acme', [box("wasn't found")]), 'acme')).toEqual([]);
  });

  it('reads a fill report: missing boxes, boxes that did not keep a value, the search button; unchecked says nothing', () => {
    const tries = triesFromFill({
      fields: [
        { field: 'action', label: 'Event type', status: 'not-kept', ok: false, value: 'x', message: "I couldn't find the Event type box on this page — type this yourself: x" },
        { field: 'since', label: 'From', status: 'not-kept', ok: false, value: 'y', message: 'The From box would not take a date' },
        { field: 'actor', label: 'Actor', status: 'kept', ok: true, value: 'z' },
        { field: 'ip', label: 'IP', status: 'unchecked', ok: false, value: 'w' },
      ],
      messages: ["I couldn't find the search button — click it yourself to apply the filters."],
      submitted: false,
    });
    expect(tries.map((t) => [t.part, t.failed])).toEqual([
      ['box:action', "wasn't found"],
      ['box:since', "didn't keep the value"],
      ['box:actor', null],
      ['submit', "wasn't found"],
    ]);
  });

  it('reads a capture: rows not found, a column empty in every row; a page with no results is not a failure', () => {
    const row = (actor: string): CapturedRow => ({ time: null, actor, action: 'a', target: '', ip: '', result: '', raw: { actor, action: 'a', target: '' } });
    const columns = [
      { name: 'actor', label: 'Actor' },
      { name: 'target', label: 'Target' },
    ];
    expect(triesFromCapture([row('li'), row('')], 'last-page', columns).map((t) => [t.part, t.failed])).toEqual([
      ['rows', null],
      ['column:actor', null],
      ['column:target', "couldn't be read"],
    ]);
    expect(triesFromCapture([], 'no-rows', columns)).toEqual([{ part: 'rows', label: 'result', noun: 'rows', failed: "weren't found" }]);
    expect(triesFromCapture([], 'empty', columns)).toEqual([]);
    let health: AdapterHealth = {};
    for (let i = 0; i < 3; i++) health = addTries(health, 'acme', triesFromCapture([], 'no-rows', columns));
    expect(failingParts(health, 'acme')[0]?.sentence).toBe("the result rows weren't found on 3 of the last 3 tries");
  });
});

describe('marking a runbook reviewed in the editor', () => {
  it('replaces the date that is there, keeping everything else', async () => {
    const { withReviewedDate } = await import('../../utils/review/mark-reviewed');
    const source = '---\nid: a-b\n# who checks it\nowner: Support leads\nreviewed: 2026-01-02\nsteps:\n  - title: X\n    reviewed: nested stays\n---\n\nGuide with\nreviewed: in the body\n';
    expect(withReviewedDate(source, '2026-12-01')).toBe(source.replace('reviewed: 2026-01-02', 'reviewed: 2026-12-01'));
  });
  it('adds one before the closing line when there is none, and leaves text without front matter alone', async () => {
    const { withReviewedDate } = await import('../../utils/review/mark-reviewed');
    expect(withReviewedDate('---\nid: a-b\ntitle: T\n---\nGuide\n', '2026-12-01')).toBe('---\nid: a-b\ntitle: T\nreviewed: 2026-12-01\n---\nGuide\n');
    expect(withReviewedDate('no front matter', '2026-12-01')).toBe('no front matter');
  });
});
