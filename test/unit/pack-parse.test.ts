import { describe, expect, it } from 'vitest';
import { packFromFiles, splitFrontMatter } from '../../utils/pack/folder';
import { loadBuiltinPack } from '../../utils/pack/builtin';
import { parsePackData, parsePackText } from '../../utils/pack/parse';

const minimal = {
  format: 'trailguide-pack',
  formatVersion: 1,
  id: 'team-pack',
  name: 'Team pack',
  version: '1.0.0',
  runbooks: [
    { id: 'one-runbook', title: 'One', summary: 'Does one thing.', steps: [{ title: 'Look at the log' }] },
  ],
};

describe('parsePackText', () => {
  it('accepts a minimal valid pack and fills defaults', () => {
    const result = parsePackText(JSON.stringify(minimal));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.pack.runbooks[0]!.tools).toEqual(['any']);
      expect(result.pack.glossary).toEqual([]);
    }
  });

  it('names the missing field in plain words', () => {
    const broken = structuredClone(minimal) as Record<string, unknown> & { runbooks: Record<string, unknown>[] };
    delete broken.runbooks[0]!.title;
    const result = parsePackText(JSON.stringify(broken));
    expect(result).toMatchObject({ ok: false, problem: { field: 'runbooks[0].title' } });
    if (!result.ok) expect(result.problem.message).toMatch(/missing/);
  });

  it('refuses __proto__ keys anywhere', () => {
    const text = JSON.stringify(minimal).replace('"summary"', '"__proto__":{"polluted":true},"summary"');
    const result = parsePackText(text);
    expect(result).toMatchObject({ ok: false, problem: { field: 'runbooks[0].__proto__' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('says an HTML page is not a pack', () => {
    const result = parsePackText('<!DOCTYPE html><html><body>Sign in</body></html>');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.message).toMatch(/web page/);
  });

  it('refuses a pack from a newer format version', () => {
    const result = parsePackData({ ...minimal, formatVersion: 99 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.message).toMatch(/newer version of Trailguide/);
  });

  it('refuses two runbooks with one id', () => {
    const result = parsePackData({ ...minimal, runbooks: [minimal.runbooks[0], minimal.runbooks[0]] });
    expect(result).toMatchObject({ ok: false, problem: { field: 'runbooks[1].id' } });
  });
});

describe('pack folders', () => {
  it('reads front matter and keeps the body as the guide', () => {
    const doc = splitFrontMatter('---\nid: x\n---\n## Guide\nText');
    expect(doc.data).toEqual({ id: 'x' });
    expect(doc.body).toBe('## Guide\nText');
  });

  it('names the file when front matter is missing', () => {
    expect(() => packFromFiles({ 'pack.yaml': 'id: p\nname: P\nversion: 1.0.0', 'bad.md': '# no front matter' })).toThrow(/bad\.md/);
  });

  it('builds the built-in pack with its two seed runbooks and the demo adapter', () => {
    const pack = loadBuiltinPack();
    const ids = pack.runbooks.map((r) => r.id);
    expect(ids).toContain('settings-changed-without-permission');
    expect(ids).toContain('compliance-access-history');
    expect(pack.adapters.map((a) => a.id)).toContain('acme-demo');
    expect(pack.runbooks.every((r) => r.guide.includes('How to read this log'))).toBe(true);
  });
});
