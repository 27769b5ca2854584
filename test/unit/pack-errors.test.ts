import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { describeZodIssue } from '../../utils/pack/errors';
import { parsePackData, parsePackText } from '../../utils/pack/parse';

/**
 * The refusal a team lead reads when a pack is wrong is part of the product ("a clear error
 * that names the field"), so these tests pin the whole sentence, not key words.
 */
const minimal = {
  format: 'trailguide-pack',
  formatVersion: 1,
  id: 'team-pack',
  name: 'Team pack',
  version: '1.0.0',
  runbooks: [{ id: 'one-runbook', title: 'One', summary: 'Does one thing.', steps: [{ title: 'Look at the log' }] }],
};

function refusal(data: unknown): { message: string; field?: string } {
  const result = parsePackData(data);
  if (result.ok) throw new Error('expected the pack to be refused');
  return result.problem;
}

/** The first issue zod reports for `data`, as the parser sees it (with or without reportInput). */
function firstIssue(schema: z.ZodType, data: unknown, reportInput = true): z.core.$ZodIssue {
  const result = schema.safeParse(data, { reportInput });
  if (result.success) throw new Error('expected an issue');
  return result.error.issues[0]!;
}

describe('refusals name the field and say what it should be', () => {
  it('says a field is missing, and what it should hold', () => {
    const pack = structuredClone(minimal) as Record<string, unknown>;
    delete pack.name;
    expect(refusal(pack)).toEqual({ field: 'name', message: '"name" is missing (it should be text).' });
  });

  it('says a field has the wrong type, in words', () => {
    expect(refusal({ ...minimal, name: 5 })).toEqual({ field: 'name', message: '"name" should be text.' });
    expect(refusal({ ...minimal, runbooks: {} })).toEqual({ field: 'runbooks', message: '"runbooks" should be a list.' });
    expect(refusal({ ...minimal, formatVersion: '1' })).toEqual({ field: 'formatVersion', message: '"formatVersion" should be a number.' });
    const schema = z.object({ on: z.boolean(), group: z.object({}), map: z.record(z.string(), z.string()) });
    expect(describeZodIssue(firstIssue(schema, { on: 'yes', group: {}, map: {} }))).toEqual({ field: 'on', message: '"on" should be true or false.' });
    expect(describeZodIssue(firstIssue(schema, { on: true, group: 1, map: {} }))).toEqual({ field: 'group', message: '"group" should be a group of fields.' });
    expect(describeZodIssue(firstIssue(schema, { on: true, group: {}, map: 1 }))).toEqual({ field: 'map', message: '"map" should be a group of fields.' });
  });

  it('tells missing from wrong even when zod was not asked to report the input', () => {
    const schema = z.object({ name: z.string() });
    expect(describeZodIssue(firstIssue(schema, {}, false))).toEqual({ field: 'name', message: '"name" is missing (it should be text).' });
    expect(describeZodIssue(firstIssue(schema, { name: 3 }, false))).toEqual({ field: 'name', message: '"name" should be text.' });
  });

  it('speaks of "The pack" when the problem is the whole pack', () => {
    expect(refusal({ ...minimal, colour: 'red' })).toEqual({ field: 'colour', message: 'The pack has a field Trailguide does not know: "colour". Check its spelling.' });
    expect(describeZodIssue(firstIssue(z.string(), 3))).toEqual({ field: '', message: 'The pack should be text.' });
  });

  it('names an unknown field inside a runbook, with its full path', () => {
    const pack = structuredClone(minimal);
    (pack.runbooks[0] as Record<string, unknown>).colour = 'red';
    (pack.runbooks[0] as Record<string, unknown>).size = 2;
    expect(refusal(pack)).toEqual({
      field: 'runbooks[0].colour',
      message: '"runbooks[0]" has a field Trailguide does not know: "colour", "size". Check its spelling.',
    });
  });

  it('lists the kinds a step action may be', () => {
    const pack = structuredClone(minimal);
    (pack.runbooks[0]!.steps[0] as Record<string, unknown>).action = { type: 'teleport' };
    const problem = refusal(pack);
    expect(problem.field).toBe('runbooks[0].steps[0].action.type');
    expect(problem.message).toBe('"runbooks[0].steps[0].action.type" must be one of: "navigate", "fill", "capture", "highlight", "escalate".');
  });

  it('lists the forms of a discriminated union, and says so plainly for any other union', () => {
    const kinds = z.discriminatedUnion('kind', [z.object({ kind: z.literal('a') }), z.object({ kind: z.literal('b') })]);
    const discriminated = describeZodIssue(firstIssue(z.object({ x: kinds }), { x: { kind: 'c' } }));
    expect(discriminated.message).toMatch(/^"x(\.kind)?" must be one of: "a", "b"\.$/);
    const union = z.object({ target: z.union([z.string(), z.array(z.string())]) });
    expect(describeZodIssue(firstIssue(union, { target: 5 }))).toEqual({ field: 'target', message: '"target" does not match any of the forms Trailguide accepts.' });
    expect(describeZodIssue(firstIssue(union, {}))).toEqual({ field: 'target', message: '"target" is missing.' });
    expect(describeZodIssue(firstIssue(union, {}, false))).toEqual({ field: 'target', message: '"target" does not match any of the forms Trailguide accepts.' });
  });

  it('gives the allowed values of a choice, and says when the choice is missing', () => {
    const schema = z.object({ risk: z.enum(['routine', 'notable']) });
    expect(describeZodIssue(firstIssue(schema, { risk: 'high' }))).toEqual({ field: 'risk', message: '"risk" must be one of: "routine", "notable".' });
    expect(describeZodIssue(firstIssue(schema, {}))).toEqual({ field: 'risk', message: '"risk" is missing (it must be "routine" or "notable").' });
  });

  it('says why a name is not accepted, and still refuses when the name check gives no reason', () => {
    const schema = z.object({ filters: z.record(z.string().regex(/^[a-z]+$/, 'Use small letters only.'), z.string()) });
    expect(describeZodIssue(firstIssue(schema, { filters: { Bad: 'x' } }))).toEqual({
      field: 'filters.Bad',
      message: '"filters.Bad" is not a name Trailguide accepts here. Use small letters only.',
    });
    const bare = { code: 'invalid_key', origin: 'record', path: ['filters', 'Bad'], issues: [], message: 'Invalid key in record', input: 'Bad' } as unknown as z.core.$ZodIssue;
    expect(describeZodIssue(bare)).toEqual({ field: 'filters.Bad', message: '"filters.Bad" is not a name Trailguide accepts here.' });
  });
});

describe('limits are said with their units', () => {
  it('too long text, in characters', () => {
    expect(refusal({ ...minimal, name: 'n'.repeat(500) })).toMatchObject({ field: 'name', message: expect.stringMatching(/^"name" is too long or too large \(at most \d+ characters\)\.$/) });
    expect(describeZodIssue(firstIssue(z.object({ code: z.string().max(1) }), { code: 'ab' }))).toEqual({ field: 'code', message: '"code" is too long or too large (at most 1 character).' });
  });

  it('too many items, a number too large, and a file too big', () => {
    expect(describeZodIssue(firstIssue(z.object({ tags: z.array(z.string()).max(2) }), { tags: ['a', 'b', 'c'] }))).toEqual({
      field: 'tags',
      message: '"tags" is too long or too large (at most 2 items).',
    });
    expect(describeZodIssue(firstIssue(z.object({ tags: z.set(z.string()).max(1) }), { tags: new Set(['a', 'b']) }))).toEqual({
      field: 'tags',
      message: '"tags" is too long or too large (at most 1 item).',
    });
    expect(describeZodIssue(firstIssue(z.object({ n: z.number().max(10_000) }), { n: 10_001 }))).toEqual({ field: 'n', message: '"n" is too long or too large (at most 10000).' });
    const file = { code: 'too_big', origin: 'file', maximum: 2048, path: ['upload'], message: 'Too big: expected file to have <=2048 bytes', input: undefined } as unknown as z.core.$ZodIssue;
    expect(describeZodIssue(file)).toEqual({ field: 'upload', message: '"upload" is too long or too large (at most 2048 bytes).' });
  });

  it("uses the schema's own sentence for a limit that has one", () => {
    const many = Array.from({ length: 2_001 }, (_, i) => ({ ...minimal.runbooks[0]!, id: `runbook-${i}` }));
    const problem = refusal({ ...minimal, runbooks: many });
    expect(problem.field).toBe('runbooks');
    expect(problem.message.startsWith('"runbooks": ')).toBe(true);
    expect(problem.message).not.toMatch(/too long or too large/);
    const worded = z.object({ list: z.array(z.string()).max(1, 'A list may be Too big for one page.') });
    expect(describeZodIssue(firstIssue(worded, { list: ['a', 'b'] }))).toEqual({ field: 'list', message: '"list": A list may be Too big for one page.' });
  });

  it('says "empty" for a required text or list with nothing in it, and "too short" otherwise', () => {
    const pack = structuredClone(minimal);
    pack.runbooks[0]!.steps = [];
    expect(refusal(pack)).toEqual({ field: 'runbooks[0].steps', message: '"runbooks[0].steps" is empty (it needs at least 1 item).' });
    expect(describeZodIssue(firstIssue(z.object({ t: z.string().min(1) }), { t: '' }))).toEqual({ field: 't', message: '"t" is empty (it needs at least 1 character).' });
    expect(describeZodIssue(firstIssue(z.object({ t: z.string().min(3) }), { t: 'ab' }))).toEqual({ field: 't', message: '"t" is too short or too small (at least 3 characters).' });
    expect(describeZodIssue(firstIssue(z.object({ n: z.number().min(1) }), { n: 0 }))).toEqual({ field: 'n', message: '"n" is too short or too small (at least 1).' });
    expect(describeZodIssue(firstIssue(z.object({ l: z.array(z.string()).min(2) }), { l: ['a'] }))).toEqual({ field: 'l', message: '"l" is too short or too small (at least 2 items).' });
  });

  it("passes on any other check's own message after the field", () => {
    const pack = structuredClone(minimal);
    pack.version = 'one';
    const problem = refusal(pack);
    expect(problem.field).toBe('version');
    expect(problem.message.startsWith('"version": ')).toBe(true);
  });
});

describe('parsePackText refusals', () => {
  it('states the size and the 5 MB limit, and lets a pack of exactly 5 MB through to the next check', () => {
    const over = `# ${'x'.repeat(5 * 1024 * 1024)}`;
    expect(parsePackText(over)).toEqual({ ok: false, problem: { message: 'This pack is 5.0 MB; the limit is 5 MB.' } });
    const big = ' '.repeat(5.4 * 1024 * 1024);
    expect(parsePackText(big)).toEqual({ ok: false, problem: { message: 'This pack is 5.4 MB; the limit is 5 MB.' } });
    const exactly = ' '.repeat(5 * 1024 * 1024);
    expect(parsePackText(exactly)).toEqual({ ok: false, problem: { message: 'The file is empty.' } });
  });

  it('says a list or plain text is not a pack', () => {
    const notAPack = 'This is not a Trailguide pack (expected a group of fields with "format", "id", "name" and "version").';
    expect(parsePackText('just some words')).toEqual({ ok: false, problem: { message: notAPack } });
    expect(parsePackText('[1, 2]')).toEqual({ ok: false, problem: { message: notAPack } });
    expect(parsePackData(42)).toEqual({ ok: false, problem: { message: notAPack } });
    expect(parsePackData(null)).toEqual({ ok: false, problem: { message: notAPack } });
  });

  it('reads text starting with [ as JSON (where a repeated key is allowed), YAML otherwise', () => {
    const notAPack = 'This is not a Trailguide pack (expected a group of fields with "format", "id", "name" and "version").';
    expect(parsePackText('[{"a": 1, "a": 2}]')).toEqual({ ok: false, problem: { message: notAPack } });
    const yaml = parsePackText('- a: 1\n  a: 2\n');
    expect(yaml.ok).toBe(false);
    if (!yaml.ok) expect(yaml.problem.message).toMatch(/^The file is not valid JSON or YAML \(.+\)\.$/);
  });

  it('refuses a YAML document with a repeated key or too many aliases (a "billion laughs" pack)', () => {
    const repeated = parsePackText('format: trailguide-pack\nid: a\nid: b\n');
    expect(repeated.ok).toBe(false);
    // The line and column tell the team lead where to look.
    if (!repeated.ok) expect(repeated.problem.message).toMatch(/^The file is not valid JSON or YAML \(Map keys must be unique at line 3, column 1/);

    const aliases = (count: number) => `base: &b [1, 2]\nlist:\n${Array.from({ length: count }, () => '  - *b').join('\n')}\n`;
    // The yaml library counts the anchor with its aliases: 99 aliases are the most it reads under maxAliasCount 100.
    for (const count of [100, 101, 10_000]) {
      expect(parsePackText(aliases(count))).toEqual({
        ok: false,
        problem: { message: 'The file is not valid JSON or YAML (Excessive alias count indicates a resource exhaustion attack).' },
      });
    }
    // 99 aliases are read as YAML and then refused as a pack, not as a file.
    const fewer = parsePackText(aliases(99));
    expect(fewer.ok).toBe(false);
    if (!fewer.ok) expect(fewer.problem.message).not.toMatch(/not valid JSON or YAML/);
  });
});

describe('parsePackData', () => {
  it('lets an unexpected failure through as an error instead of disguising it as a refusal', () => {
    const hostile = { ...minimal };
    Object.defineProperty(hostile, 'trap', {
      enumerable: true,
      get() {
        throw new TypeError('getter failed');
      },
    });
    expect(() => parsePackData(hostile)).toThrow('getter failed');
  });
});

describe('duplicate ids', () => {
  it('names the kind of thing that shares an id', () => {
    const adapter = {
      id: 'same',
      name: 'Same',
      vendor: 'Test',
      verified: { how: 'fixture', date: '2026-12-01' },
      match: { include: ['https://example.test/*'], present: [['table']] },
    };
    expect(refusal({ ...minimal, adapters: [adapter, adapter] })).toEqual({ field: 'adapters[1].id', message: 'Two adapters in this pack share the id "same".' });
    const template = { id: 'tier-2', name: 'Tier 2' };
    expect(refusal({ ...minimal, escalationTemplates: [template, { ...template, name: 'Other' }] })).toEqual({
      field: 'escalationTemplates[1].id',
      message: 'Two templates in this pack share the id "tier-2".',
    });
    expect(refusal({ ...minimal, runbooks: [minimal.runbooks[0], minimal.runbooks[0]] })).toEqual({
      field: 'runbooks[1].id',
      message: 'Two runbooks in this pack share the id "one-runbook".',
    });
  });
});
