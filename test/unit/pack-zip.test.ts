import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPackFolder } from '../../scripts/pack-command';
import { MAX_FOLDER_FILES } from '../../utils/pack/files';
import { readPackZip } from '../../utils/pack/zip';
import { makeZip, type ZipEntrySpec } from './zip-writer';

const LAB_PACK = resolve(import.meta.dirname, '../lab/django/pack');
const PACK_YAML = 'id: team-pack\nname: Team pack\nversion: 1.0.0\n';

function labEntries(prefix: string): ZipEntrySpec[] {
  return Object.keys(readPackFolder(LAB_PACK)).map((key) => ({ path: `${prefix}${key}`, data: readFileSync(resolve(LAB_PACK, key)) }));
}

describe('reading a pack zip', () => {
  it('reads a zipped folder as npm run pack reads the folder (deflated and stored entries)', async () => {
    const entries = labEntries('pack/').map((e, i) => ({ ...e, method: i % 2 === 0 ? 8 : 0 }));
    const zip = makeZip([{ path: 'pack/', data: '', method: 0 }, ...entries, { path: 'pack/drafts/old.md', data: 'x' }, { path: 'pack/logo.png', data: 'png' }]);
    const { folder, files } = await readPackZip(zip);
    expect(folder).toBe('pack');
    expect(files).toEqual(readPackFolder(LAB_PACK));
  });

  it('reads a zip made from inside the folder (files at the top), and skips macOS extras', async () => {
    const zip = makeZip([...labEntries(''), { path: '__MACOSX/._pack.yaml', data: 'junk' }]);
    const { folder, files } = await readPackZip(zip);
    expect(folder).toBe('');
    expect(files).toEqual(readPackFolder(LAB_PACK));
  });

  it.each([
    ['a path that climbs out', '../pack.yaml', /path leads outside the folder \("\.\.\/pack\.yaml"\)/],
    ['a path in the middle that climbs out', 'pack/adapters/../../../etc/x.yaml', /path leads outside the folder/],
    ['an absolute path', '/etc/passwd.yaml', /path leads outside the folder/],
    ['a Windows drive path', 'C:\\pack\\pack.yaml', /path leads outside the folder/],
  ])('refuses %s, and reads nothing', async (_name, path, message) => {
    await expect(readPackZip(makeZip([{ path: 'pack/pack.yaml', data: PACK_YAML }, { path, data: 'x' }]))).rejects.toThrow(message);
  });

  it('refuses a locked (encrypted) file in plain words', async () => {
    await expect(readPackZip(makeZip([{ path: 'pack.yaml', data: PACK_YAML, encrypted: true }]))).rejects.toThrow('"pack.yaml" is locked with a password. Make the zip again without a password.');
  });

  it('stops unpacking a file that grows past what it claims (a zip bomb)', async () => {
    const bomb = new Uint8Array(50 * 1024 * 1024); // 50 MB of zeros deflate to about 50 KB
    await expect(readPackZip(makeZip([{ path: 'pack.yaml', data: PACK_YAML }, { path: 'big.md', data: bomb, claimSize: 1000 }]))).rejects.toThrow(
      '"big.md" unpacks to more than the zip says it holds',
    );
  });

  it('refuses files that claim more than a pack may hold, before unpacking any', async () => {
    const zip = makeZip([
      { path: 'pack.yaml', data: PACK_YAML },
      { path: 'a.md', data: 'x', claimSize: 8_000_000 },
      { path: 'b.md', data: 'x', claimSize: 8_000_000 },
    ]);
    await expect(readPackZip(zip)).rejects.toThrow(/add up to more than 10 MB/);
  });

  it('refuses more files than a pack folder may have', async () => {
    const entries = Array.from({ length: MAX_FOLDER_FILES + 1 }, (_, i) => ({ path: `r${i}.md`, data: '', method: 0 }));
    await expect(readPackZip(makeZip(entries))).rejects.toThrow(`more than ${MAX_FOLDER_FILES} files; is this the right folder?`);
  });

  it('refuses a damaged file (its check sum is wrong), an unknown packing, a file that is not a zip', async () => {
    await expect(readPackZip(makeZip([{ path: 'pack.yaml', data: PACK_YAML, claimCrc: 1234 }]))).rejects.toThrow(/"pack\.yaml" is damaged inside the zip/);
    await expect(readPackZip(makeZip([{ path: 'pack.yaml', data: PACK_YAML, method: 12 }]))).rejects.toThrow(/can't unpack \(method 12\)/);
    await expect(readPackZip(new TextEncoder().encode(PACK_YAML))).rejects.toThrow(/isn't a \.zip Trailguide can read/);
    const cut = makeZip([{ path: 'pack.yaml', data: PACK_YAML }]);
    await expect(readPackZip(cut.subarray(10))).rejects.toThrow(/damaged|cut short/);
  });

  it('refuses two pack folders side by side, and the same file twice', async () => {
    await expect(readPackZip(makeZip([{ path: 'a/pack.yaml', data: PACK_YAML }, { path: 'b/pack.yaml', data: PACK_YAML }]))).rejects.toThrow(
      'it holds more than one pack folder ("a", "b"). Zip one pack folder at a time.',
    );
    await expect(readPackZip(makeZip([{ path: 'pack.yaml', data: PACK_YAML }, { path: 'pack.yaml', data: PACK_YAML }]))).rejects.toThrow('it holds "pack.yaml" twice');
  });
});
