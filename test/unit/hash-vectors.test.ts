import { afterEach, describe, expect, it, vi } from 'vitest';
import { CANONICALIZATION, HASH_ALGORITHM, canonicalJson, hashRows } from '../../utils/cases/canonical';

/**
 * Known-answer vectors for the evidence hash (issue 19). Exports tell auditors they
 * can recompute a capture's hash themselves, so the expected values here were NOT
 * produced by our code: each canonical string below was written out by hand from the
 * definition in utils/cases/canonical.ts, and its SHA-256 computed independently with
 *   node -e "console.log(require('crypto').createHash('sha256').update(Buffer.from(S,'utf8')).digest('hex'))"
 * If one of these fails, the hash of every stored capture changed: that is a breaking
 * change for every exported report, not a test to update.
 */
const ROW = {
  time: '2026-03-01T09:15:00.000Z',
  actor: 'ana@acme.example',
  action: 'user.login',
  target: 'acme',
  ip: '203.0.113.7',
  result: 'success',
  raw: { time: 'Mar 1, 09:15', actor: 'ana@acme.example', action: 'Signed in user.login' },
};

interface Vector {
  name: string;
  rows: unknown[];
  canonical: string;
  sha256: string;
}

const VECTORS: Vector[] = [
  { name: 'no rows', rows: [], canonical: '[]', sha256: '4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945' },
  { name: 'one empty row', rows: [{}], canonical: '[{}]', sha256: 'e10808d43975dc400731053386849f864f297e6c4f7519c380f3dbaf7067a840' },
  {
    name: 'a full row, its raw columns included and every key sorted',
    rows: [ROW],
    canonical:
      '[{"action":"user.login","actor":"ana@acme.example","ip":"203.0.113.7","raw":{"action":"Signed in user.login","actor":"ana@acme.example","time":"Mar 1, 09:15"},"result":"success","target":"acme","time":"2026-03-01T09:15:00.000Z"}]',
    sha256: 'ba242715e9e7e02cc5ee47dcfb0a06cfc05825f62f2db132efaf8727c3c8cd54',
  },
  {
    name: 'the same row with one raw cell one minute later',
    rows: [{ ...ROW, raw: { ...ROW.raw, time: 'Mar 1, 09:16' } }],
    canonical:
      '[{"action":"user.login","actor":"ana@acme.example","ip":"203.0.113.7","raw":{"action":"Signed in user.login","actor":"ana@acme.example","time":"Mar 1, 09:16"},"result":"success","target":"acme","time":"2026-03-01T09:15:00.000Z"}]',
    sha256: '283f4058f3c123177ea30722e601d75eab505fe8469d4eca0c68fcbf8da868c2',
  },
  {
    // UTF-16 code-unit order, not code-point order: "𝒜" (U+1D49C, first unit 0xD835) sorts before "ﬀ" (U+FB00).
    name: 'Unicode keys in UTF-16 order, escaping as JSON.stringify does',
    rows: [{ time: null, actor: 'zoë@acme.example', target: '🔒 vault "prod"\n\\ \u0001', raw: { 'ﬀ': '6', '𝒜': '5', 'Ω': '4', 'é': '3', zeit: '2', Zeit: '1' } }],
    canonical: '[{"actor":"zoë@acme.example","raw":{"Zeit":"1","zeit":"2","é":"3","Ω":"4","𝒜":"5","ﬀ":"6"},"target":"🔒 vault \\"prod\\"\\n\\\\ \\u0001","time":null}]',
    sha256: '146407c456558a2b3f1ac24c04093c7469b6d7a38ea81d9b64d702ff0a5d7d68',
  },
  {
    // Index-like keys ("10", "9") take the slower writer; it must give the same definition.
    name: 'index-like keys sorted as text, booleans, numbers, arrays with holes, undefined left out',
    rows: [{ time: null, raw: { n: 1.5, time: 't', list: [1, undefined, 'x'], flag: true, gone: undefined, 9: 'a', 10: 'b' } }],
    canonical: '[{"raw":{"10":"b","9":"a","flag":true,"list":[1,null,"x"],"n":1.5,"time":"t"},"time":null}]',
    sha256: 'b0cb609969ce9936cfc0e231aef69623a28b31449c05ec0725a92afcbf2ff7c7',
  },
];

describe('evidence hash: known-answer vectors', () => {
  for (const vector of VECTORS) {
    it(`${vector.name}: canonical JSON and SHA-256 as written out by hand`, async () => {
      expect(canonicalJson(vector.rows)).toBe(vector.canonical);
      expect(await hashRows(vector.rows)).toBe(vector.sha256);
    });
  }

  it('every vector has its own hash (a hash of the row count, or of rows without raw, would collide)', () => {
    expect(new Set(VECTORS.map((v) => v.sha256)).size).toBe(VECTORS.length);
  });

  it('names the algorithm and the canonical form exports print for auditors', () => {
    expect(HASH_ALGORITHM).toBe('SHA-256');
    expect(CANONICALIZATION).toMatch(/SHA-256/);
    expect(CANONICALIZATION).toMatch(/UTF-16 code units/);
    expect(CANONICALIZATION).toMatch(/no whitespace/);
  });
});

describe('evidence hash: properties', () => {
  /** A small seeded generator, so a failure can be replayed. */
  function random(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
      state = (state * 1664525 + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
  }
  const ALPHABET = ['a', 'B', ' ', 'é', '"', '\\', '\n', '🔒', '0', '9', ':', ','];
  function text(next: () => number): string {
    let out = '';
    const length = Math.floor(next() * 6);
    for (let i = 0; i < length; i++) out += ALPHABET[Math.floor(next() * ALPHABET.length)];
    return out;
  }
  function row(next: () => number): Record<string, unknown> {
    return {
      time: next() < 0.3 ? null : text(next),
      actor: text(next),
      action: text(next),
      target: text(next),
      ip: text(next),
      result: text(next),
      raw: { time: text(next), actor: text(next), action: text(next), note: text(next) },
    };
  }

  it('different rows give different hashes; the same rows in another key order give the same hash (300 seeded cases)', async () => {
    const next = random(19);
    const hashes = new Map<string, string>();
    for (let i = 0; i < 300; i++) {
      const rows = [row(next), row(next)];
      const canonical = canonicalJson(rows);
      const hash = await hashRows(rows);
      const earlier = hashes.get(hash);
      if (earlier !== undefined) expect(earlier).toBe(canonical);
      hashes.set(hash, canonical);
      // Same content, keys inserted in reverse: same hash.
      const reversed = rows.map((r) => Object.fromEntries(Object.entries(r).reverse()));
      expect(await hashRows(reversed)).toBe(hash);
      // Any one raw cell changed: a different hash.
      const changed = structuredClone(rows);
      (changed[1]!.raw as Record<string, string>).note += 'x';
      expect(await hashRows(changed)).not.toBe(hash);
      // Row order matters.
      if (canonicalJson([rows[1]]) !== canonicalJson([rows[0]])) expect(await hashRows([rows[1], rows[0]])).not.toBe(hash);
    }
    expect(hashes.size).toBeGreaterThan(290);
  });

  it('a row count alone never decides the hash', async () => {
    const a = await hashRows([{ ...ROW, actor: 'a@acme.example' }]);
    const b = await hashRows([{ ...ROW, actor: 'b@acme.example' }]);
    expect(a).not.toBe(b);
  });
});

describe('canonical JSON: one native JSON.stringify for ordinary rows (the 10,000-row storage budget rests on it)', () => {
  afterEach(() => vi.restoreAllMocks());

  function stringifyCalls(value: unknown): number {
    const spy = vi.spyOn(JSON, 'stringify');
    canonicalJson(value);
    const calls = spy.mock.calls.length;
    spy.mockRestore();
    return calls;
  }

  it('ordinary rows, arrays and one-letter or digit-led keys take the fast path', () => {
    expect(stringifyCalls([ROW, { x: 'a', '1a': 'b', list: ['p', 'q'] }])).toBe(1);
  });

  it('index-like keys ("0", "10", "100") take the careful writer', () => {
    for (const key of ['0', '7', '10', '100', '1234567890']) expect(stringifyCalls([{ [key]: 'v', a: 'w' }])).toBeGreaterThan(1);
  });

  it('keys longer than an array index stay on the fast path and keep text order', () => {
    expect(stringifyCalls([{ '12345678901': 'v' }])).toBe(1);
    expect(canonicalJson({ '12345678901': 'v', '2': 'w' })).toBe('{"12345678901":"v","2":"w"}');
  });

  it('refuses what JSON cannot write faithfully, on both paths', () => {
    expect(() => canonicalJson([{ a: Number.POSITIVE_INFINITY }])).toThrow(/not finite/);
    expect(() => canonicalJson([{ 9: Number.NaN }])).toThrow(/not finite/);
    expect(() => canonicalJson([{ 9: () => 1 }])).toThrow(/A function cannot be hashed/);
    expect(() => canonicalJson([{ a: 1n }])).toThrow(/A bigint cannot be hashed/);
  });
});
