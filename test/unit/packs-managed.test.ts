import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../utils/db/database';
import { withText } from '../../utils/db/pack-texts';
import { loadBuiltinPack } from '../../utils/pack/builtin';
import { applyManagedPolicy, policyStatus, validatePolicy } from '../../utils/packs/managed';
import { importPackText, resetStoreForTests, setPackEnabled, deletePack } from '../../utils/packs/store';
import { freshDatabase, packText } from './packs-helpers';

const read = (policy: unknown) => async () => policy;
const noNetwork = async (): Promise<Response> => {
  throw new Error('offline');
};

beforeEach(() => {
  resetStoreForTests();
  freshDatabase();
});

async function managedIds(): Promise<string[]> {
  return (await db().packs.where('source').equals('managed').toArray()).map((r) => r.id).sort();
}

describe('validatePolicy', () => {
  it('accepts an empty policy and valid entries', () => {
    expect(validatePolicy({})).toEqual({ ok: true, urls: [], inline: [] });
    const check = validatePolicy({ packUrls: ['https://it.example.com/p.json'], packs: [packText()] });
    expect(check.ok && check.inline[0]!.pack.id).toBe('team-pack');
  });

  it('rejects wrong shapes, insecure addresses, invalid or clashing packs with a plain message', () => {
    const cases: [unknown, RegExp][] = [
      [{ packUrls: 'https://it.example.com/p.json' }, /"packUrls" should be a list of pack addresses/],
      [{ packUrls: ['http://it.example.com/p.json'] }, /"packUrls\[0\]".*https/],
      [{ packs: ['{ not json'] }, /"packs\[0\]" is not valid: The file is not valid JSON/],
      [{ packs: [packText({ runbooks: [{ id: 'a-b', title: 't', steps: [{ title: 's' }] }] as never })] }, /"runbooks\[0\]\.summary"/],
      [{ packs: [packText(), packText()] }, /share the id "team-pack"/],
      [{ packs: [packText({ id: loadBuiltinPack().id })] }, /built-in pack/],
    ];
    for (const [policy, message] of cases) {
      const check = validatePolicy(policy);
      expect(check.ok).toBe(false);
      if (!check.ok) {
        expect(check.message).toMatch(message);
        expect(check.message).toMatch(/nothing was changed/);
      }
    }
  });
});

describe('applyManagedPolicy', () => {
  it('installs inline and address packs locked, and removes them when IT does', async () => {
    const fromUrl = packText({ id: 'it-url-pack', name: 'IT URL pack' });
    const status = await applyManagedPolicy({
      read: read({ packs: [packText({ id: 'it-inline-pack' })], packUrls: ['https://it.example.com/p.json'] }),
      fetch: async () => new Response(fromUrl, { headers: { etag: '"1"' } }),
      now: 1_000,
    });
    expect(status).toMatchObject({ state: 'applied', problems: [] });
    expect(await managedIds()).toEqual(['it-inline-pack', 'it-url-pack']);
    const urlRecord = await withText((await db().packs.get('it-url-pack'))!);
    expect(urlRecord).toMatchObject({ locked: true, enabled: true, url: 'https://it.example.com/p.json', raw: fromUrl, etag: '"1"' });
    await expect(setPackEnabled('it-inline-pack', false)).rejects.toThrow(/organisation/);
    await expect(deletePack('it-inline-pack')).rejects.toThrow(/organisation/);

    await applyManagedPolicy({ read: read({ packs: [packText({ id: 'it-inline-pack' })] }), fetch: noNetwork });
    expect(await managedIds()).toEqual(['it-inline-pack']);
    // A pack IT removed leaves no text behind.
    expect(await db().packTexts.get('it-url-pack')).toBeUndefined();
  });

  it('changes nothing when the policy is invalid, and says why', async () => {
    await applyManagedPolicy({ read: read({ packs: [packText({ id: 'it-inline-pack' })] }), fetch: noNetwork });
    const before = await db().packs.toArray();
    const status = await applyManagedPolicy({
      read: read({ packs: [packText({ id: 'another-pack' }), '{"format":"trailguide-pack"}'] }),
      fetch: noNetwork,
    });
    expect(status.state).toBe('rejected');
    expect(status.message).toMatch(/"packs\[1\]"/);
    expect(await db().packs.toArray()).toEqual(before);
    expect((await policyStatus())!.state).toBe('rejected');
  });

  it('records an unreachable address as a problem and keeps the rest of the policy', async () => {
    await importPackText(packText({ id: 'it-inline-pack', name: 'My own copy' }));
    const status = await applyManagedPolicy({
      read: read({ packs: [packText({ id: 'it-inline-pack' })], packUrls: ['https://it.example.com/down.json'] }),
      fetch: async () => new Response('down', { status: 500 }),
    });
    expect(status.state).toBe('applied');
    expect(status.problems).toEqual([
      expect.stringMatching(/Couldn't get the pack at https:\/\/it\.example\.com\/down\.json yet: The server had a problem \(500\)/),
      expect.stringMatching(/replaced the copy you had \(imported from a file\)/),
    ]);
    expect((await db().packs.get('it-inline-pack'))!.source).toBe('managed');
  });
});
