import { describe, expect, it } from 'vitest';
import { adapterSchema } from '../../utils/schema/adapter';
import { patternShape, rowPatternProblem } from '../../utils/schema/row-pattern';

/**
 * What a pack may say about rows that are sentences, checked when the pack is imported:
 * patterns compile, name only the row's fields or declared columns, stay short, and can't
 * repeat a repetition (the usual cause of a regular expression that hangs the page).
 */
function withResults(results: Record<string, unknown>) {
  return {
    id: 'activity-feed',
    name: 'Activity feed',
    vendor: 'Test',
    verified: { how: 'fixture', date: '2026-12-01' },
    match: { include: ['https://example.test/*'], present: [['#activity']] },
    results: { row: ['#activity > li'], ...results },
  };
}

/** The issues of a refused adapter, as "path: message". */
function problems(results: Record<string, unknown>): string[] {
  const parsed = adapterSchema.safeParse(withResults(results));
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

const SENTENCE = '^(?<actor>.+?) (?<action>suspended|created|deleted) (?<target>.+?)(?: \\((?<reason>[^)]*)\\))?$';

describe('results.text, variants and optional at import', () => {
  it('accepts the documented example: groups for the row fields and a declared optional column, a time column with only its format and zone', () => {
    const parsed = adapterSchema.parse(
      withResults({
        text: { pattern: SENTENCE.replace('$', ' · (?<time>.+)$') },
        columns: { reason: { optional: true }, time: { format: 'MMM D, YYYY HH:mm', zone: 'utc' } },
        variants: [
          { when: { pattern: ' was created by ' }, text: { pattern: '^account (?<target>.+) was (?<action>created) by (?<actor>.+)$' } },
          { when: { selectors: ['.badge'] }, columns: { actor: { selectors: ['.badge'], attr: 'data-service' } } },
        ],
      }),
    );
    expect(parsed.results?.columns.reason).toEqual({ optional: true });
    expect(parsed.results?.variants).toHaveLength(2);
  });

  it('keeps existing adapters valid: columns with selectors and nothing else', () => {
    expect(problems({ columns: { actor: { selectors: ['td.a'] } } })).toEqual([]);
  });

  it('refuses a group that is neither a row field nor a declared column, naming it and the field', () => {
    expect(problems({ text: { pattern: '^(?<actor>\\S+) (?<why>.+)$' } })).toEqual([
      'results.text.pattern: The pattern\'s group "why" is not a column. Name groups after the row\'s fields or declared columns (time, actor, action, target, ip, result), or declare "why" under results.columns.',
    ]);
    expect(problems({ text: { pattern: '^(?<actor>\\S+) (?<why>.+)$' }, columns: { why: { optional: true } } })).toEqual([]);
  });

  it('refuses a pattern that does not compile, has no named group, or is too long', () => {
    expect(problems({ text: { pattern: '^(?<actor>[a-z' } })[0]).toMatch(/^results\.text\.pattern: The pattern is not a valid regular expression \(/);
    expect(problems({ text: { pattern: '^(\\S+) did (.+)$' } })).toEqual(['results.text.pattern: The pattern has no named group such as (?<actor>…), so it would fill no column.']);
    expect(problems({ text: { pattern: `(?<actor>${'a'.repeat(491)})` } })).toEqual(['results.text.pattern: The pattern is 501 characters long; at most 500 are allowed.']);
    expect(problems({ text: { pattern: `(?<actor>${'a'.repeat(490)})` } })).toEqual([]);
  });

  it('refuses nested repetition in a sentence pattern and in a `when` pattern', () => {
    const nested = 'The pattern repeats a group that itself repeats without limit (like "(a+)+" or "(\\w+\\s?)*"), which can freeze the page on a long row. Repeat the inner part only, or give the outer repetition a limit.';
    expect(problems({ text: { pattern: '^(?<actor>(\\w+\\s?)*)$' } })).toEqual([`results.text.pattern: ${nested}`]);
    expect(problems({ text: { pattern: '^(?<actor>\\S+)' }, variants: [{ when: { pattern: '(x+)+y' } }] })).toEqual([`results.variants.0.when.pattern: ${nested}`]);
  });

  it('refuses a column with no selectors that no group fills, in the base and in a variant', () => {
    expect(problems({ text: { pattern: '^(?<actor>\\S+)' }, columns: { ip: { optional: true } } })).toEqual([
      'results.columns.ip: The ip column has no selectors and no pattern group (?<ip>…) fills it. Give it selectors, or a named group in a text pattern.',
    ]);
    // A group in a variant's own pattern is enough for a base column.
    expect(problems({ text: { pattern: '^(?<actor>\\S+)' }, columns: { ip: { optional: true } }, variants: [{ text: { pattern: '^(?<actor>\\S+) from (?<ip>\\S+)$' } }] })).toEqual([]);
    expect(problems({ text: { pattern: '^(?<actor>\\S+)' }, variants: [{ when: { selectors: ['.x'] }, columns: { target: {} } }] })).toEqual([
      'results.variants.0.columns.target: The target column has no selectors and no pattern group (?<target>…) fills it. Give it selectors, or a named group in a text pattern.',
    ]);
  });

  it('takes a column read from a heading alone, and a variant column that is only `optional` (empty by design in those rows)', () => {
    expect(problems({ text: { pattern: '^(?<actor>\\S+)' }, columns: { day: { heading: ['h3'] } } })).toEqual([]);
    expect(problems({ text: { pattern: '^(?<actor>\\S+) (?<target>\\S+)$' }, variants: [{ when: { selectors: ['.x'] }, text: { pattern: '^(?<actor>\\S+)$' }, columns: { target: { optional: true } } }] })).toEqual([]);
    // In the base, a column nothing fills is a mistake even when optional.
    expect(problems({ text: { pattern: '^(?<actor>\\S+)' }, columns: { target: { optional: true } } })).toEqual([
      'results.columns.target: The target column has no selectors and no pattern group (?<target>…) fills it. Give it selectors, or a named group in a text pattern.',
    ]);
  });

  it('refuses variants that say nothing, read undeclared columns or give a format to another column than time', () => {
    expect(problems({ text: { pattern: '^(?<actor>\\S+)' }, variants: [{ columns: { actor: { selectors: ['b'] } } }] })).toEqual([
      'results.variants.0: A variant needs `when` (which rows it reads) or a `text` pattern (the rows it fits).',
    ]);
    expect(problems({ text: { pattern: '^(?<actor>\\S+)' }, variants: [{ when: {} }] })).toEqual(['results.variants.0.when: Give `when` a `selectors` list, a `pattern`, or both.']);
    expect(problems({ text: { pattern: '^(?<actor>\\S+)' }, variants: [{ when: { selectors: ['.x'] }, columns: { reason: { selectors: ['i'] } } }] })).toEqual([
      'results.variants.0.columns.reason: A variant can only read the row\'s fields or declared columns (time, actor, action, target, ip, result); declare "reason" under results.columns.',
    ]);
    expect(problems({ text: { pattern: '^(?<actor>\\S+)' }, variants: [{ when: { selectors: ['.x'] }, columns: { actor: { selectors: ['i'], zone: 'utc' } } }] })).toEqual([
      'results.variants.0.columns: Only the time column can have a format or a zone.',
    ]);
  });

  it('refuses results that say neither columns nor a sentence', () => {
    expect(problems({})).toEqual(['results.columns: Say how to read each row: `columns` with selectors, or a `text` pattern with named groups.']);
  });

  it('refuses unknown keys in a variant and a non-boolean optional', () => {
    expect(problems({ text: { pattern: '^(?<actor>\\S+)' }, variants: [{ when: { selectors: ['.x'] }, skip: true }] }).join('\n')).toMatch(/^results\.variants\.0: Unrecognized key: "skip"/);
    expect(problems({ columns: { actor: { selectors: ['b'], optional: 'yes' } } })).toEqual(['results.columns.actor.optional: Invalid input: expected boolean, received string']);
  });
});

describe('patternShape', () => {
  it.each([
    ['(a+)+', true],
    ['(\\w+\\s?)*', true],
    ['((a+)?)+', true],
    ['(?<x>a{2,})*', true],
    ['(?:(?:a*)b)+', true],
    ['(a+)?', false],
    ['(?:\\d{1,3}\\.){3}\\d{1,3}', false],
    ['(a{2,3})+', false],
    ['\\(a+\\)+', false],
    ['[(+]+(a)', false],
    ['(?:created|deleted)+ (?<x>.+?)', false],
    ['^(?<actor>.+?) (?<action>suspended|created|deleted) (?<target>.+?)(?: \\((?<reason>[^)]*)\\))?$', false],
  ])('%s repeats a repetition: %s', (source, nested) => {
    expect(patternShape(source).nestedRepetition).toBe(nested);
  });

  it('lists named groups in order, and not lookbehinds or escaped brackets', () => {
    expect(patternShape('(?<=by )(?<actor>\\w+) \\(?<no>\\) [(?<no2>] (?<!x)(?<time>.+)').groups).toEqual(['actor', 'time']);
  });

  it('a `when` pattern needs no named group; a sentence pattern does', () => {
    expect(rowPatternProblem(' was created by ', false)).toBeNull();
    expect(rowPatternProblem(' was created by ', true)).toBe('The pattern has no named group such as (?<actor>…), so it would fill no column.');
  });
});
