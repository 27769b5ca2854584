import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYamlSafely } from '../../utils/pack/parse';
import { adapterSchema } from '../../utils/schema/adapter';
import { BUILTIN_HOST_PATTERNS } from '../../utils/hosts';
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

function hostOf(pattern: string): string {
  return /^[a-z]+:\/\/([^/]+)/.exec(pattern)?.[1]?.replace(/:\*$|:\d+$/, '') ?? '';
}

/** Chrome match-pattern hosts: "*.okta.com" covers okta.com and any subdomain. */
function hostCovered(host: string): boolean {
  const sample = host.replace(/\*/g, 'x');
  return BUILTIN_HOST_PATTERNS.some((pattern) => {
    const allowed = hostOf(pattern);
    if (allowed.startsWith('*.')) return sample === allowed.slice(2) || sample.endsWith(allowed.slice(1));
    return sample === allowed;
  });
}

describe('built-in adapter conventions', () => {
  it('checks hosts the way Chrome match patterns do', () => {
    expect(hostCovered('*-admin.okta.com')).toBe(true);
    expect(hostCovered('us-east-1.console.aws.amazon.com')).toBe(true);
    expect(hostCovered('*-admin.okta-emea.com')).toBe(false);
    expect(hostCovered('evil.example')).toBe(false);
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
      const uncovered = (adapter?.match.include ?? []).map(hostOf).filter((host) => !hostCovered(host));
      expect(uncovered).toEqual([]);
    });
  });
});
