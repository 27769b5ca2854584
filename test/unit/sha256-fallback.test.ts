import { createHash, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hashRows, sha256Hex } from '../../utils/cases/canonical';
import { sha256 } from '../../utils/cases/sha256';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const nodeSha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

afterEach(() => vi.unstubAllGlobals());

describe('SHA-256 without Web Crypto (Firefox panel on a plain-http console)', () => {
  it('gives the FIPS 180-4 answers', () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(hex(sha256(text('')))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(sha256(text('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(sha256(text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('agrees with Node’s SHA-256 at every length around the 64-byte block edges, and on larger inputs', () => {
    for (let length = 0; length <= 200; length++) {
      const bytes = new Uint8Array(randomBytes(length));
      expect(hex(sha256(bytes)), `length ${length}`).toBe(nodeSha(bytes));
    }
    for (const length of [1_000, 4_096, 65_537, 1_000_003]) {
      const bytes = new Uint8Array(randomBytes(length));
      expect(hex(sha256(bytes)), `length ${length}`).toBe(nodeSha(bytes));
    }
  });

  it('the evidence hash is the same with and without crypto.subtle', async () => {
    const rows = [{ time: '2026-11-28T13:37:00Z', actor: 'li.chen@acme.example', action: 'account.settings_changed', note: 'naïve — ünïcode ✓ 𝄞' }];
    const withSubtle = await hashRows(rows);
    const digest = vi.spyOn(crypto.subtle, 'digest');
    vi.stubGlobal('crypto', { getRandomValues: crypto.getRandomValues.bind(crypto) });
    expect(globalThis.crypto.subtle).toBeUndefined();
    expect(await hashRows(rows)).toBe(withSubtle);
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(digest).not.toHaveBeenCalled();
  });
});
