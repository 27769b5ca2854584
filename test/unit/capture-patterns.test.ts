// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { captureRows, compileColumns, readVisibleRows, RowCollector } from '../../utils/engine/capture';
import { explainRow } from '../../utils/engine/explain';
import { visibleText } from '../../utils/engine/row-patterns';
import { columnsToCheck, triesFromCapture } from '../../utils/review/failures';
import { adapterSchema, type Adapter } from '../../utils/schema/adapter';

/**
 * Rows that are sentences (issue 12 §4): columns read by named groups over a row's visible
 * text, per-row variants (`when`), `optional` columns, and times from a group read with the
 * time column's format and zone. The fixture page is an activity feed with both orders
 * ("X suspended Y", "account Y was created by X") and a reason that is sometimes missing.
 */
const now = new Date('2026-12-01T10:00:00.000Z');
const times = { now, pageZone: 'UTC' };
const FIXTURE = readFileSync(resolve(__dirname, '../fixtures/sentences/activity.html'), 'utf8');

function mountFixture(): void {
  const doc = new DOMParser().parseFromString(FIXTURE, 'text/html');
  document.body.innerHTML = doc.body.innerHTML;
}

/** An adapter exactly as a pack would deliver it: validated by the pack schema. */
function adapterWith(results: Record<string, unknown>): Adapter {
  return adapterSchema.parse({
    id: 'activity-feed',
    name: 'Activity feed',
    vendor: 'Test',
    verified: { how: 'fixture', date: '2026-12-01' },
    match: { include: ['https://example.test/*'], present: [['#activity']] },
    results: { row: ['#activity > li.entry'], ...results },
  });
}

const SENTENCE = '^(?<actor>.+?) (?<action>suspended|deleted|restored) (?<target>.+?)(?: \\((?<reason>[^)]*)\\))? · (?<time>.+)$';

const FEED = {
  text: { pattern: SENTENCE },
  columns: {
    time: { format: 'MMM D, YYYY HH:mm', zone: 'Europe/Berlin' },
    reason: { optional: true },
    subject: { optional: true },
  },
  variants: [
    // The performer second.
    { when: { pattern: ' was created by ' }, text: { pattern: '^Account (?<target>.+?) was (?<action>created) by (?<actor>.+?) · (?<time>.+)$' } },
    // A service acting: the sentence says "System", the badge names which one.
    { when: { selectors: ['.badge[data-service]'] }, columns: { actor: { selectors: ['.badge'], attr: 'data-service' } } },
    // An issue tracker's entry: the title is a sentence of its own, the author and time on other lines.
    {
      when: { selectors: ['.title'] },
      text: { selectors: ['.title'], pattern: '^(?<target>\\w+ #\\d+) \\((?<action>[^)]*)\\): (?<subject>.+)$' },
      columns: {
        actor: { selectors: ['.author .user'] },
        time: { selectors: ['a.ago'], attr: 'title', format: 'MM/DD/YYYY hh:mm A', zone: 'utc' },
      },
    },
  ],
};

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('rows read by named groups', () => {
  it('reads both orders, a reason that is sometimes missing, a service named by its badge and an issue with its author on another line', () => {
    mountFixture();
    const { rows, warnings } = readVisibleRows(document, adapterWith(FEED), 100, times);
    expect(rows.map((r) => [r.actor, r.action, r.target, r.raw.reason, r.time])).toEqual([
      ['Alice Ng', 'suspended', 'Mallory Reyes', 'spam', '2026-11-30T12:00:00.000Z'], // the <time datetime> behind "2 hours ago"
      ['Bob Stone', 'deleted', 'repo-42', '', '2026-11-30T13:02:00.000Z'], // "yesterday at 14:02", Berlin
      ['Alice Ng', 'created', 'carol@acme.example', '', '2026-11-30T13:02:00.000Z'], // performer second
      ['Alice Ng', 'suspended', 'Trent Marsh', '', '2026-11-29T08:30:00.000Z'], // screen-reader text is not part of the sentence
      ['backup-bot', 'restored', 'backup-7', 'nightly', '2026-11-29T02:00:00.000Z'],
      ['', '', '', '', null], // fits no sentence: kept, reported below
      ['Dana Ruiz', 'New', 'Issue #12', '', '2026-11-28T16:15:00.000Z'],
    ]);
    expect(rows[6]!.raw.subject).toBe('Printer broken');
    expect(rows[0]!.raw.time).toBe('2 hours ago');
    expect(rows[0]!.raw['row text']).toBe('Alice Ng suspended Mallory Reyes (spam) · 2 hours ago');
    expect(rows[5]!.raw['row text']).toBe('Maintenance window started · Nov 28, 2026 22:00');
    // Optional columns (reason, subject) empty by design say nothing; the unread row is named once, plainly.
    expect(warnings).toEqual([
      '1 row doesn\'t read as any sentence the adapter describes, e.g. “Maintenance window started · Nov 28, 2026 22:00” — it is kept with the page\'s own text, and its time, actor, action and target are left empty. Whoever maintains this site\'s adapter can add a variant for it.',
    ]);
  });

  it('the panel explains a row no sentence reads with the page\'s own words, and a read one as before', () => {
    mountFixture();
    const { rows } = readVisibleRows(document, adapterWith(FEED), 100, times);
    expect(explainRow(rows[5]!, new Map())).toBe("The page says: “Maintenance window started · Nov 28, 2026 22:00” — Trailguide couldn't read which event this is.");
    expect(explainRow(rows[1]!, new Map())).toBe('Bob Stone did "deleted" (not in the glossary yet) for repo-42.');
  });

  it('counts every row no sentence reads, in the plural, with the first as the example', () => {
    document.body.innerHTML =
      '<ol id="activity">' +
      ['Alice Ng deleted repo-1 · Nov 30, 2026 14:02', 'Backup finished · Nov 30, 2026 14:03', 'Quota raised · Nov 30, 2026 14:04', 'Export ready · Nov 30, 2026 14:05']
        .map((text) => `<li class="entry">${text}</li>`)
        .join('') +
      '</ol>';
    const { rows, warnings } = readVisibleRows(document, adapterWith(FEED), 100, times);
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r.raw['row text'])).toEqual([
      'Alice Ng deleted repo-1 · Nov 30, 2026 14:02',
      'Backup finished · Nov 30, 2026 14:03',
      'Quota raised · Nov 30, 2026 14:04',
      'Export ready · Nov 30, 2026 14:05',
    ]);
    expect(warnings).toEqual([
      "3 rows don't read as any sentence the adapter describes, e.g. “Backup finished · Nov 30, 2026 14:03” — they are kept with the page's own text, and their time, actor, action and target are left empty. Whoever maintains this site's adapter can add a variant for them.",
    ]);
  });

  it('a column with selectors wins where its element is in the row; the group fills in where it is not', () => {
    document.body.innerHTML =
      '<ol id="activity">' +
      '<li class="entry"><b class="who">alice@acme.example</b> deleted repo-1 · Nov 30, 2026 14:02</li>' +
      '<li class="entry">Bob deleted repo-2 · Nov 30, 2026 14:03</li>' +
      '</ol>';
    const adapter = adapterWith({ ...FEED, columns: { ...FEED.columns, actor: { selectors: ['b.who'], pattern: '^([^@]+)@' } } });
    const { rows, warnings } = readVisibleRows(document, adapter, 100, times);
    expect(rows.map((r) => r.actor)).toEqual(['alice', 'Bob']);
    expect(warnings).toEqual([]);
  });

  it('a required column its group left empty warns as before; an optional one does not', () => {
    document.body.innerHTML =
      '<ol id="activity"><li class="entry">Ana deleted · Nov 30, 2026 14:02</li><li class="entry">Bo deleted x · Nov 30, 2026 14:03</li></ol>';
    const sentence = '^(?<actor>\\S+) (?<action>deleted)(?: (?<target>[^·]+?))? · (?<time>.+)$';
    const required = readVisibleRows(document, adapterWith({ text: { pattern: sentence }, columns: { time: { format: 'MMM D, YYYY HH:mm', zone: 'utc' } } }), 100, times);
    expect(required.rows.map((r) => r.target)).toEqual(['', 'x']);
    expect(required.warnings).toEqual(['The target column was missing in 1 row — check it on the page by hand.']);

    const optional = readVisibleRows(
      document,
      adapterWith({ text: { pattern: sentence }, columns: { time: { format: 'MMM D, YYYY HH:mm', zone: 'utc' }, target: { optional: true } } }),
      100,
      times,
    );
    expect(optional.rows.map((r) => r.target)).toEqual(['', 'x']);
    expect(optional.warnings).toEqual([]);
  });

  it('an optional column read by selectors does not warn when its element is missing', () => {
    document.body.innerHTML = '<ol id="activity"><li class="entry"><i class="ip">10.0.0.1</i> Ana</li><li class="entry">Bo</li></ol>';
    const read = (optional: boolean) =>
      readVisibleRows(document, adapterWith({ columns: { actor: { selectors: [':scope'], pattern: '(\\w+)$' }, ip: { selectors: ['i.ip'], ...(optional ? { optional } : {}) } } }), 100, times);
    expect(read(false).warnings).toEqual(['The ip column was missing in 1 row — check it on the page by hand.']);
    expect(read(true).rows.map((r) => r.ip)).toEqual(['10.0.0.1', '']);
    expect(read(true).warnings).toEqual([]);
  });

  it('reads the sentence of an element inside the row when text.selectors names one', () => {
    document.body.innerHTML =
      '<ol id="activity"><li class="entry"><p class="s">Ana deleted repo-9</p><p class="when">Nov 30, 2026 14:02</p></li></ol>';
    const adapter = adapterWith({
      text: { selectors: ['p.s'], pattern: '^(?<actor>\\S+) (?<action>\\w+) (?<target>.+)$' },
      columns: { time: { selectors: ['p.when'], format: 'MMM D, YYYY HH:mm', zone: 'utc' } },
    });
    const { rows, warnings } = readVisibleRows(document, adapter, 100, times);
    expect(rows[0]).toMatchObject({ actor: 'Ana', action: 'deleted', target: 'repo-9', time: '2026-11-30T14:02:00.000Z' });
    expect(rows[0]!.raw['row text']).toBe('Ana deleted repo-9');
    expect(warnings).toEqual([]);
  });

  it('reads the same rows through captureRows, and a row shown twice on the page is two events', async () => {
    document.body.innerHTML =
      '<ol id="activity">' +
      '<li class="entry">Ana deleted repo-1 · Nov 30, 2026 14:02</li>'.repeat(2) +
      '<li class="entry">Ana deleted repo-1 (again) · Nov 30, 2026 14:02</li>' +
      '</ol>';
    const result = await captureRows(document, adapterWith(FEED), { limit: 100, times });
    expect(result.rows.map((r) => [r.target, r.raw.reason])).toEqual([
      ['repo-1', ''],
      ['repo-1', ''],
      ['repo-1', 'again'],
    ]);
    expect(result.warnings).toEqual([]);
  });
});

describe('per-row variants', () => {
  const twoRules = (first: Record<string, unknown>) =>
    adapterWith({
      text: { pattern: '^(?<actor>\\S+) (?<action>\\S+) (?<target>.+)$' },
      variants: [first, { when: { pattern: 'by' }, text: { pattern: '^(?<target>\\S+) (?<action>\\S+) by (?<actor>.+)$' } }],
    });

  it('the first variant the row meets reads it', () => {
    document.body.innerHTML = '<ol id="activity"><li class="entry flagged">repo-1 deleted by Ana</li></ol>';
    const firstWins = readVisibleRows(document, twoRules({ when: { selectors: ['.flagged'] }, text: { pattern: '^(?<target>\\S+) (?<action>deleted) by (?<actor>\\w+)$' } }), 100, times);
    expect(firstWins.rows[0]).toMatchObject({ actor: 'Ana', action: 'deleted', target: 'repo-1' });
    // When the first doesn't apply, the next one reads the row.
    document.body.innerHTML = '<ol id="activity"><li class="entry">repo-1 deleted by Ana</li></ol>';
    const second = readVisibleRows(document, twoRules({ when: { selectors: ['.flagged'] }, columns: { actor: { selectors: [':scope'], pattern: '^(\\S+)' } } }), 100, times);
    expect(second.rows[0]).toMatchObject({ actor: 'Ana', action: 'deleted', target: 'repo-1' });
  });

  it('a variant with `when` keeps the row even when its sentence then does not fit (no fall-through), and says so', () => {
    document.body.innerHTML = '<ol id="activity"><li class="entry">repo-1 was deleted by Ana</li></ol>';
    const { rows, warnings } = readVisibleRows(document, twoRules({ when: { pattern: 'was' }, text: { pattern: '^(?<target>\\S+) (?<action>renamed) by (?<actor>.+)$' } }), 100, times);
    expect(rows[0]).toMatchObject({ actor: '', action: '', target: '' });
    expect(warnings[0]).toMatch(/^1 row doesn't read as any sentence the adapter describes, e\.g\. “repo-1 was deleted by Ana” — it is kept with the page's own text, and its actor, action and target are left empty\./);
  });

  it('a variant without `when` reads the rows its own sentence fits, and leaves the others to the next', () => {
    document.body.innerHTML = '<ol id="activity"><li class="entry">Ana signed in</li><li class="entry">Bo deleted repo-2</li></ol>';
    const adapter = adapterWith({
      text: { pattern: '^(?<actor>\\S+) (?<action>deleted) (?<target>.+)$' },
      columns: { target: { optional: true } },
      variants: [{ text: { pattern: '^(?<actor>\\S+) (?<action>signed in)$' } }],
    });
    const { rows, warnings } = readVisibleRows(document, adapter, 100, times);
    expect(rows.map((r) => [r.actor, r.action, r.target])).toEqual([
      ['Ana', 'signed in', ''],
      ['Bo', 'deleted', 'repo-2'],
    ]);
    expect(warnings).toEqual([]);
  });

  it('a `when` with a selector matches the row itself as well as an element inside it', () => {
    document.body.innerHTML = '<ol id="activity"><li class="entry system">Nightly deleted tmp</li><li class="entry"><em class="sys"></em>Weekly deleted logs</li><li class="entry">Ana deleted repo</li></ol>';
    const adapter = adapterWith({
      text: { pattern: '^(?<actor>\\S+) (?<action>deleted) (?<target>.+)$' },
      variants: [{ when: { selectors: ['.system', '.sys'] }, columns: { result: { selectors: [':scope'], pattern: '^(\\S+)' } } }],
    });
    expect(readVisibleRows(document, adapter, 100, times).rows.map((r) => r.result)).toEqual(['Nightly', 'Weekly', '']);
  });
});

describe('an event over two elements under a day heading (Redmine activity)', () => {
  const REDMINE = readFileSync(resolve(__dirname, '../fixtures/sentences/redmine-activity.html'), 'utf8');
  const redmine = () =>
    adapterSchema.parse({
      id: 'redmine-activity',
      name: 'Redmine activity',
      vendor: 'Redmine',
      verified: { how: 'fixture', date: '2026-12-01' },
      match: { include: ['http://127.0.0.1:8720/*'], present: [['#activity']] },
      results: {
        row: ['#activity dl > dt'],
        text: { selectors: [':scope > a'], pattern: '^(?<target>\\w+ #\\d+) \\((?<status>[^)]*)\\): (?<subject>.+)$' },
        columns: {
          time: { selectors: ['span.time'], heading: ['#activity > h3'], format: 'MM/DD/YYYY hh:mm A', zone: 'utc' },
          action: { selectors: [':scope'], attr: 'class', pattern: '^\\s*([a-z-]+)' },
          actor: { selectors: [':scope + dd span.author a'] },
          project: { selectors: ['span.project'], optional: true },
          status: { optional: true },
          subject: {},
          day: { heading: ['#activity > h3'] },
        },
        variants: [{ when: { selectors: ['.wiki-page'] }, text: { selectors: [':scope > a'], pattern: '^Wiki edit: (?<target>.+?) \\(#\\d+\\)$' }, columns: { subject: { optional: true } } }],
      },
    });

  it('reads the author from the element after the row, the day from the heading above it, and the title as a sentence', () => {
    document.body.innerHTML = new DOMParser().parseFromString(REDMINE, 'text/html').body.innerHTML;
    const { rows, warnings } = readVisibleRows(document, redmine(), 100, times);
    expect(rows.map((r) => [r.time, r.actor, r.action, r.target, r.raw.status, r.raw.subject, r.raw.day])).toEqual([
      ['2026-12-01T09:05:00.000Z', 'Alice Moreau', 'issue-edit', 'Feature #30', 'In Progress', 'Who changed the pricing table?', 'Today'],
      ['2026-11-27T15:28:00.000Z', 'Bob Okafor', 'issue-closed', 'Bug #12', 'Closed', 'Printer broken', '11/27/2026'],
      ['2026-11-27T11:02:00.000Z', 'Carol Lindqvist', 'wiki-page', 'Pricing', '', '', '11/27/2026'],
      ['2026-11-27T08:40:00.000Z', 'Dave Santos', 'issue', 'Support #31', 'New', 'Invoice shows the wrong VAT', '11/27/2026'],
    ]);
    expect(rows[1]!.raw.time).toBe('11/27/2026 03:28 PM');
    expect(rows[0]!.raw['row text']).toBe('Feature #30 (In Progress): Who changed the pricing table?');
    expect(warnings).toEqual([]);
  });

  it('a row with no element after it, or no heading above it, has that column missing, and says so', () => {
    document.body.innerHTML = '<div id="activity"><dl><dt class="issue"><span class="time">08:40 AM</span><a href="/issues/1">Bug #1 (New): x</a></dt></dl></div>';
    const { rows, warnings } = readVisibleRows(document, redmine(), 100, times);
    expect(rows[0]).toMatchObject({ actor: '', target: 'Bug #1', raw: { day: '', time: '08:40 AM' } });
    expect(warnings).toContain('The actor column was missing in 1 row — check it on the page by hand.');
    expect(warnings).toContain('The day column was missing in 1 row — check it on the page by hand.');
  });
});

describe('times from a sentence', () => {
  it('reads the group with the column format and zone, and takes the exact time only from an element whose text is in the group', () => {
    document.body.innerHTML =
      '<ol id="activity">' +
      '<li class="entry">Ana deleted a <time datetime="2026-01-01T00:00:00Z">long ago</time> · <span data-at="2026-11-30T09:00:00Z">3 hours ago</span></li>' +
      '<li class="entry">Bo deleted b · 30/11/2026 14:02</li>' +
      '</ol>';
    const adapter = adapterWith({
      text: { pattern: '^(?<actor>\\S+) (?<action>deleted) (?<target>.+?) · (?<time>.+)$' },
      columns: { time: { attr: 'data-at', format: 'DD/MM/YYYY HH:mm', zone: 'America/New_York' } },
    });
    const { rows, warnings } = readVisibleRows(document, adapter, 100, times);
    expect(rows.map((r) => [r.raw.time, r.time])).toEqual([
      ['3 hours ago', '2026-11-30T09:00:00.000Z'], // the element with data-at shows "3 hours ago"; the other <time> is not this time
      ['30/11/2026 14:02', '2026-11-30T19:02:00.000Z'],
    ]);
    expect(rows[0]!.target).toBe('a long ago');
    expect(warnings).toEqual([]);
  });

  it('a relative time with nothing exact behind it is left empty and reported, as for a time cell', () => {
    document.body.innerHTML = '<ol id="activity"><li class="entry">Ana deleted a · 2 hours ago</li></ol>';
    const adapter = adapterWith({ text: { pattern: '^(?<actor>\\S+) (?<action>deleted) (?<target>.+?) · (?<time>.+)$' } });
    const { rows, warnings } = readVisibleRows(document, adapter, 100, times);
    expect(rows[0]).toMatchObject({ time: null, raw: { time: '2 hours ago' } });
    expect(warnings).toEqual(["1 row has a time Trailguide couldn't read, e.g. “2 hours ago” — its time is left empty (the page's own text is kept)."]);
  });
});

describe('the visible text of a row', () => {
  it('separates blocks, collapses whitespace and leaves out what a person does not see', () => {
    document.body.innerHTML =
      '<div id="r"><dt>Alice</dt><dd>suspended\n\t <b>Mal</b>lory<br>today</dd>' +
      '<span aria-hidden="true">block</span><span hidden>secret</span><span class="x visually-hidden">(user)</span>' +
      '<script>var a = 1;</script><style>.a{}</style><template>t</template></div>';
    expect(visibleText(document.getElementById('r')!)).toBe('Alice suspended Mallory today');
  });
});

describe('guards while capturing', () => {
  it('does not run a pattern that repeats a repetition (an adapter that skipped import), and says why', () => {
    document.body.innerHTML = '<ol id="activity"><li class="entry">aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!</li></ol>';
    const unchecked = {
      ...adapterWith({ columns: { actor: { selectors: [':scope'] } } }),
      results: { row: ['#activity > li.entry'], columns: { result: { optional: true } }, text: { pattern: '^(?<actor>(a+)+)$' } },
    } as unknown as Adapter;
    const { rows, warnings } = readVisibleRows(document, unchecked, 100, times);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actor).toBe('');
    expect(warnings[0]).toMatch(/^The adapter's sentence pattern \(results\.text\) can't be used, so the columns it fills are left empty: The pattern repeats a group/);
  });

  it('stops running patterns once they have taken a second in all, and keeps the remaining rows with their text', () => {
    document.body.innerHTML = `<ol id="activity">${Array.from({ length: 5 }, (_, i) => `<li class="entry">Ana deleted repo-${i}</li>`).join('')}</ol>`;
    const adapter = adapterWith({ text: { pattern: '^(?<actor>\\S+) (?<action>deleted) (?<target>.+)$' } });
    let clock = 0;
    // Each pattern run takes 400 ms by this clock: after three (1.2 s) no more are run.
    const collector = new RowCollector(compileColumns(adapter.results!, []), 100, times, () => (clock += 400));
    collector.read([...document.querySelectorAll('#activity > li')]);
    expect(collector.rows.map((r) => r.target)).toEqual(['repo-0', 'repo-1', 'repo-2', '', '']);
    expect(collector.rows.map((r) => r.raw['row text'])).toEqual(['Ana deleted repo-0', 'Ana deleted repo-1', 'Ana deleted repo-2', 'Ana deleted repo-3', 'Ana deleted repo-4']);
    expect(collector.warnings()).toEqual([
      "Reading the rows' sentences took too long on this page, so Trailguide stopped: 2 rows are kept with the page's own text only. Whoever maintains this site's adapter should simplify its pattern.",
    ]);
  });

  it('a `when` pattern also reads only the first 1,000 characters', () => {
    document.body.innerHTML = `<ol id="activity"><li class="entry">Ana deleted ${'x'.repeat(1_000)} by robot</li><li class="entry">Bo deleted y by robot</li></ol>`;
    const adapter = adapterWith({
      text: { pattern: '^(?<actor>\\S+) (?<action>deleted) (?<target>.+)' },
      variants: [{ when: { pattern: 'by robot' }, columns: { result: { selectors: [':scope'], pattern: '(robot)' } } }],
    });
    const { rows, warnings } = readVisibleRows(document, adapter, 100, times);
    expect(rows.map((r) => r.result)).toEqual(['', 'robot']);
    // The result column is one only the variant reads: empty by design in the other rows.
    expect(warnings).toEqual([]);
  });

  it('reads at most 1,000 characters of a row with a pattern', () => {
    document.body.innerHTML = `<ol id="activity"><li class="entry">Ana deleted ${'x'.repeat(2_000)}</li></ol>`;
    const { rows } = readVisibleRows(document, adapterWith({ text: { pattern: '^(?<actor>\\S+) (?<action>deleted) (?<target>.+)' } }), 100, times);
    expect(rows[0]!.target).toHaveLength(1_000 - 'Ana deleted '.length);
    expect(rows[0]!.raw['row text']).toHaveLength('Ana deleted '.length + 2_000);
  });
});

describe('adapter health leaves optional columns out', () => {
  it('lists declared and pattern-filled columns, without the optional ones', () => {
    expect(columnsToCheck(adapterWith(FEED).results)).toEqual(['time', 'actor', 'action', 'target']);
    expect(columnsToCheck(undefined)).toEqual([]);
  });

  it('an optional column empty in every row is not a failure of the adapter', () => {
    mountFixture();
    const adapter = adapterWith(FEED);
    const { rows } = readVisibleRows(document, adapter, 100, times);
    const blank = rows.map((row) => ({ ...row, raw: { ...row.raw, reason: '', subject: '' } }));
    const tries = triesFromCapture(blank, 'last-page', columnsToCheck(adapter.results).map((name) => ({ name, label: name })));
    expect(tries.map((t) => [t.part, t.failed])).toEqual([
      ['rows', null],
      ['column:time', null],
      ['column:actor', null],
      ['column:action', null],
      ['column:target', null],
    ]);
  });
});

describe('the examples in docs/adapters.md', () => {
  /** The YAML blocks of the "Rows that are sentences" section, as a team lead would copy them. */
  function docExamples(): Record<string, unknown>[] {
    const docs = readFileSync(resolve(__dirname, '../../docs/adapters.md'), 'utf8');
    const section = docs.slice(docs.indexOf('#### Rows that are sentences'), docs.indexOf('#### Times: `format` and `zone`'));
    return [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => (parseYaml(m[1]!) as { results: Record<string, unknown> }).results);
  }
  const asAdapter = (results: Record<string, unknown>) =>
    adapterSchema.parse({ id: 'doc-example', name: 'Doc example', vendor: 'Test', verified: { how: 'fixture', date: '2026-12-01' }, match: { include: ['https://example.test/*'], present: [['body']] }, results });

  it('the sentence example reads the activity fixture: both orders, the service badge, a reason only where there is one', () => {
    const [sentences] = docExamples();
    mountFixture();
    const { rows } = readVisibleRows(document, asAdapter(sentences!), 100, times);
    expect(rows.slice(0, 5).map((r) => [r.actor, r.action, r.target, r.raw.reason, r.time])).toEqual([
      ['Alice Ng', 'suspended', 'Mallory Reyes', 'spam', '2026-11-30T12:00:00.000Z'],
      ['Bob Stone', 'deleted', 'repo-42', '', '2026-11-30T13:02:00.000Z'],
      ['Alice Ng', 'created', 'carol@acme.example', '', '2026-11-30T13:02:00.000Z'],
      ['Alice Ng', 'suspended', 'Trent Marsh', '', '2026-11-29T08:30:00.000Z'],
      ['backup-bot', 'restored', 'backup-7', 'nightly', '2026-11-29T02:00:00.000Z'],
    ]);
  });

  it('the Redmine example reads the Redmine-shaped fixture', () => {
    const [, redmineExample] = docExamples();
    document.body.innerHTML = new DOMParser().parseFromString(readFileSync(resolve(__dirname, '../fixtures/sentences/redmine-activity.html'), 'utf8'), 'text/html').body.innerHTML;
    const { rows, warnings } = readVisibleRows(document, asAdapter(redmineExample!), 100, times);
    expect(rows.map((r) => [r.time, r.actor, r.action, r.target])).toEqual([
      ['2026-12-01T09:05:00.000Z', 'Alice Moreau', 'issue-edit', 'Feature #30'],
      ['2026-11-27T15:28:00.000Z', 'Bob Okafor', 'issue-closed', 'Bug #12'],
      ['2026-11-27T11:02:00.000Z', 'Carol Lindqvist', 'wiki-page', 'Pricing'],
      ['2026-11-27T08:40:00.000Z', 'Dave Santos', 'issue', 'Support #31'],
    ]);
    expect(warnings).toEqual([]);
  });
});
