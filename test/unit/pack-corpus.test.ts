// @vitest-environment jsdom
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../utils/markdown';
import { parsePackText, type PackParseResult } from '../../utils/pack/parse';
import { PACK_LIMITS } from '../../utils/schema/pack';

/**
 * The bad-input corpus (issue 3, DESIGN.md §3.3–3.4): every file under test/packs/bad
 * must be refused with a plain sentence naming the problem and the field, nothing
 * half-returned and Object.prototype untouched; every pack under test/packs/inert is
 * valid but hostile, and must render to HTML that can neither run nor load anything.
 */
const BAD_DIR = resolve(__dirname, '../packs/bad');
const INERT_DIR = resolve(__dirname, '../packs/inert');
const expected = JSON.parse(readFileSync(join(BAD_DIR, 'expected.json'), 'utf8')) as Record<string, { field?: string; messageIncludes: string }>;
const badFiles = readdirSync(BAD_DIR).filter((f) => f !== 'expected.json').sort();
const inertFiles = readdirSync(INERT_DIR).sort();

const POLLUTION_MARKERS = ['polluted', 'isAdmin', 'targets', 'name'] as const;
function prototypeIsClean(): boolean {
  const probe = {} as Record<string, unknown>;
  return Object.keys(Object.prototype).length === 0 && POLLUTION_MARKERS.every((key) => probe[key] === undefined);
}
afterEach(() => expect(prototypeIsClean()).toBe(true));

/** What a person reading the message must never see. */
const JARGON = /ZodError|Invalid input|\n\s+at |\bundefined\b|\[object Object\]|SyntaxError:/;

function expectRejected(result: PackParseResult): asserts result is Extract<PackParseResult, { ok: false }> {
  expect(result.ok).toBe(false);
  expect(result).not.toHaveProperty('pack');
  if (result.ok) throw new Error('unreachable');
  expect(result.problem.message.length).toBeGreaterThan(10);
  expect(result.problem.message).not.toMatch(JARGON);
}

/** "runbooks[0].steps[3].action.target" → "target": the name a message must mention. */
function lastFieldName(field: string): string {
  return field.replace(/\[\d+\]$/, '').split('.').pop()!.replace(/\[\d+\]/g, '');
}

describe('bad packs (test/packs/bad)', () => {
  it('holds at least 40 cases, each with an expectation, and no stray expectations', () => {
    expect(badFiles.length).toBeGreaterThanOrEqual(40);
    expect(Object.keys(expected).sort()).toEqual(badFiles);
    expect(badFiles.some((f) => f.endsWith('.yaml'))).toBe(true);
    for (const exp of Object.values(expected)) expect(exp.messageIncludes.length).toBeGreaterThan(0);
  });

  it.each(badFiles)('%s is refused with a message that names the problem and the field', (file) => {
    const exp = expected[file]!;
    const result = parsePackText(readFileSync(join(BAD_DIR, file), 'utf8'));
    expectRejected(result);
    expect(result.problem.message).toContain(exp.messageIncludes);
    if (exp.field !== undefined) {
      expect(result.problem.field).toBe(exp.field);
      expect(result.problem.message).toContain(lastFieldName(exp.field));
    }
  });
});

describe('bad packs generated here (too big to commit)', () => {
  const runbook = (i: number) => ({ id: `runbook-${i}`, title: `Runbook ${i}`, summary: 'Generated.', steps: [{ title: 'Look' }] });
  const pack = (extra: Record<string, unknown>) => ({ format: 'trailguide-pack', formatVersion: 1, id: 'big-pack', name: 'Big', version: '1.0.0', ...extra });

  it(`refuses more than ${PACK_LIMITS.runbooks} runbooks`, () => {
    const runbooks = Array.from({ length: PACK_LIMITS.runbooks + 1 }, (_, i) => runbook(i));
    const result = parsePackText(JSON.stringify(pack({ runbooks })));
    expectRejected(result);
    expect(result.problem.field).toBe('runbooks');
    expect(result.problem.message).toContain(`at most ${PACK_LIMITS.runbooks} runbooks`);
  });

  it(`accepts exactly ${PACK_LIMITS.runbooks} runbooks`, () => {
    const runbooks = Array.from({ length: PACK_LIMITS.runbooks }, (_, i) => runbook(i));
    const result = parsePackText(JSON.stringify(pack({ runbooks })));
    expect(result.ok && result.pack.runbooks.length).toBe(PACK_LIMITS.runbooks);
  });

  it(`refuses more than ${PACK_LIMITS.glossary} glossary entries`, () => {
    const glossary = Array.from({ length: PACK_LIMITS.glossary + 1 }, (_, i) => ({ term: `event.${i}`, meaning: 'Generated.' }));
    const result = parsePackText(JSON.stringify(pack({ glossary })));
    expectRejected(result);
    expect(result.problem.field).toBe('glossary');
  });

  it('refuses a file over 5 MB before reading it, counting bytes not characters', () => {
    // 1.8 million "€" are 1.8 M characters but 5.4 MB of UTF-8.
    const text = JSON.stringify(pack({ description: '€'.repeat(1_800_000) }));
    expect(text.length).toBeLessThan(PACK_LIMITS.bytes);
    const result = parsePackText(text);
    expectRejected(result);
    expect(result.problem.message).toMatch(/the limit is 5 MB/);
  });

  it('accepts a pack just under 5 MB', () => {
    const guide = `## How to read this log\n\n${'Rows are events. '.repeat(1_100)}`;
    const runbooks = Array.from({ length: 250 }, (_, i) => ({ ...runbook(i), guide }));
    const text = JSON.stringify(pack({ runbooks }));
    expect(new TextEncoder().encode(text).length).toBeGreaterThan(4 * 1024 * 1024);
    expect(parsePackText(text).ok).toBe(true);
  });

  it('refuses JSON nested 100,000 levels deep without crashing', () => {
    const text = `{"format":"trailguide-pack","formatVersion":1,"id":"deep-pack","name":"Deep","version":"1.0.0","x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expectRejected(parsePackText(text));
  });

  it('refuses YAML nested 10,000 levels deep without crashing', () => {
    const text = `format: trailguide-pack\nformatVersion: 1\nid: deep-pack\nname: Deep\nversion: 1.0.0\nx: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
    expectRejected(parsePackText(text));
  });
});

/** Every string in the pack, with where it sits — all of them go through the one sanitiser. */
function stringsOf(value: unknown, path = ''): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringsOf(item, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringsOf(v, path ? `${path}.${k}` : k));
  return [];
}

const FORBIDDEN_ELEMENTS =
  'script, iframe, frame, frameset, form, input, button, textarea, select, meta, base, link, style, img, svg, math, video, audio, source, object, embed, noscript, template, portal, isindex, area, marquee';
const UNSAFE_URL = /^\s*(javascript|data|vbscript|file|http):/i;

function expectInert(html: string, where: string): void {
  // Check the HTML as it will be inserted, and again after a second parse (mutation XSS shows up there).
  const first = document.createElement('div');
  first.innerHTML = html;
  const second = document.createElement('div');
  second.innerHTML = first.innerHTML;
  for (const root of [first, second]) {
    expect(root.querySelector(FORBIDDEN_ELEMENTS), `${where}: forbidden element in ${html}`).toBeNull();
    for (const element of root.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        expect(attribute.name, `${where}: event handler in ${html}`).not.toMatch(/^on/i);
        expect(attribute.name, `${where}: style in ${html}`).not.toBe('style');
        expect(attribute.value, `${where}: unsafe URL in ${html}`).not.toMatch(UNSAFE_URL);
      }
    }
    for (const link of root.querySelectorAll('a[href]')) {
      expect(link.getAttribute('href'), where).toMatch(/^(https:|mailto:)/);
      expect(link.getAttribute('rel'), where).toBe('noopener noreferrer');
    }
  }
  expect(html).not.toMatch(/<script|<iframe|<form|<meta|<img|<style|<svg|<object|<embed|\son[a-z]+\s*=|\sstyle\s*=|(href|src|action|formaction)\s*=\s*["']?\s*(javascript|data|vbscript):/i);
}

describe('valid but hostile packs (test/packs/inert)', () => {
  it('has a case for each kind of hostile Markdown', () => {
    const all = inertFiles.map((f) => readFileSync(join(INERT_DIR, f), 'utf8')).join('\n');
    for (const needle of ['<script', 'onerror', '<svg onload', '<iframe srcdoc', 'javascript:', 'data:text/html', 'vbscript:', '<noscript><p title=', 'background:url(https://', '<form', '<meta http-equiv="refresh"']) {
      expect(all, needle).toContain(needle);
    }
  });

  it.each(inertFiles)('%s parses, and every text field renders inert', (file) => {
    const result = parsePackText(readFileSync(join(INERT_DIR, file), 'utf8'));
    if (!result.ok) throw new Error(`${file} should be a valid pack: ${result.problem.field} ${result.problem.message}`);
    const fields = stringsOf(result.pack).filter(({ text }) => /[<[]/.test(text));
    expect(fields.length).toBeGreaterThan(0);
    for (const { path, text } of fields) expectInert(renderMarkdown(text), `${file} ${path}`);
  });

  it('has a checker that catches raw, unsanitised HTML (so a broken sanitiser would fail this suite)', () => {
    for (const raw of ['<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">x</a>', '<p style="background:url(https://x.example)">x</p>', '<a href="https://x.example">no rel</a>', '<form action="https://x.example"></form>']) {
      expect(() => expectInert(raw, 'raw')).toThrow();
    }
  });

  it('keeps harmless text and https/mailto links, so the sanitiser is not just deleting everything', () => {
    const result = parsePackText(readFileSync(join(INERT_DIR, 'dangerous-link-schemes.yaml'), 'utf8'));
    if (!result.ok) throw new Error(result.problem.message);
    const html = renderMarkdown(result.pack.description);
    expect(html).toContain('href="https://example.org/help"');
    expect(html).toContain('href="mailto:security@example.org"');
    expect(html).toContain('plain javascript');
    const styled = parsePackText(readFileSync(join(INERT_DIR, 'css-exfiltration.json'), 'utf8'));
    if (!styled.ok) throw new Error(styled.problem.message);
    expect(renderMarkdown(styled.pack.description)).toContain('fake overlay');
  });
});
