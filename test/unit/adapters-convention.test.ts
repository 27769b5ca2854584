import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYamlSafely } from '../../utils/pack/parse';
import { adapterSchema } from '../../utils/schema/adapter';
import { onBuiltinHost } from '../../utils/background/detector-scripts';
import { toMatchPattern } from '../../utils/chrome-patterns';
import { builtinAdapters, hasFixture } from './adapters-fixtures';

/**
 * Convention (DESIGN.md §5, refined-github style): every adapter file in the built-in
 * pack comes with a fixture page, golden deep-link tests (or notes saying why it has no
 * deep link), a glossary, an honest verification record, and hosts Trailguide may run on.
 */
const ADAPTER_DIR = join(process.cwd(), 'runbooks/adapters');
const files = readdirSync(ADAPTER_DIR).filter((f) => /\.ya?ml$/.test(f));
const goldenTests = readFileSync(join(process.cwd(), 'test/unit/deep-link.test.ts'), 'utf8');
const captureTests = readFileSync(join(process.cwd(), 'test/unit/adapters-capture.test.ts'), 'utf8');
const packAdapters = new Map(builtinAdapters().map((a) => [a.id, a]));

/** As the browser will apply it: the adapter's pattern widened to a match pattern, on one of our hosts. */
function onOurHosts(include: string): boolean {
  const widened = toMatchPattern(include);
  return widened !== null && onBuiltinHost(widened);
}

describe('built-in adapter conventions', () => {
  it('checks hosts the way Chrome match patterns do', () => {
    expect(onOurHosts('https://*-admin.okta.com/report/*')).toBe(true);
    expect(onOurHosts('https://us-east-1.console.aws.amazon.com/cloudtrail/home#/events')).toBe(true);
    expect(onOurHosts('https://*-admin.okta-emea.com/report/*')).toBe(false);
    expect(onOurHosts('https://evil.example/audit')).toBe(false);
  });

  it('finds the adapter files', () => {
    expect(files.length).toBeGreaterThanOrEqual(11);
  });

  describe.each(files)('%s', (file) => {
    const data = parseYamlSafely(readFileSync(join(ADAPTER_DIR, file), 'utf8')) as { id?: string };
    const parsed = adapterSchema.safeParse(data);
    const adapter = parsed.success ? parsed.data : null;
    const id = file.replace(/\.ya?ml$/, '');

    it('parses with the adapter schema, is named after its id and is in the built-in pack', () => {
      expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
      expect(adapter?.id).toBe(id);
      expect(packAdapters.has(id)).toBe(true);
    });

    it('has a fixture page with capture expectations', () => {
      expect(hasFixture(id)).toBe(true);
      expect(captureTests).toContain(`'${id}': {`);
    });

    it('has golden deep-link tests, or notes that explain why there is no deep link', () => {
      if (adapter?.deepLink) {
        expect(goldenTests).toContain(`describe('${id}'`);
      } else {
        expect(adapter?.notes ?? '').toMatch(/no deep link/i);
      }
    });

    it('explains at least 10 event codes in plain words', () => {
      const glossary = adapter?.glossary ?? [];
      expect(glossary.length).toBeGreaterThanOrEqual(10);
      expect(new Set(glossary.map((g) => g.term)).size).toBe(glossary.length);
      expect(glossary.filter((g) => g.meaning.trim().length < 12).map((g) => g.term)).toEqual([]);
    });

    it('says honestly how it was verified, with notes and sources', () => {
      expect(adapter?.verified.how).toMatch(/^(fixture|live)$/);
      expect(Number.isNaN(Date.parse(adapter?.verified.date ?? ''))).toBe(false);
      if (id !== 'acme-demo') {
        expect(adapter?.docs.length ?? 0).toBeGreaterThan(0);
        expect(adapter?.notes ?? '').toMatch(/Documented|Thin|No deep link/);
      }
    });

    it('only matches hosts Trailguide has permission for', () => {
      const uncovered = (adapter?.match.include ?? []).filter((include) => !onOurHosts(include));
      expect(uncovered).toEqual([]);
    });
  });
});
