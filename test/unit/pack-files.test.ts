import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPackFolder, runPackCommand } from '../../scripts/pack-command';
import { MAX_FOLDER_FILES, packFileKey, takeFolderFiles } from '../../utils/pack/files';
import { makePackFromFiles, taughtAdapterKey } from '../../utils/pack/make';
import { parseYamlSafely } from '../../utils/pack/parse';
import { adapterSchema } from '../../utils/schema/adapter';

const LAB_PACK = resolve(import.meta.dirname, '../lab/django/pack');

/** Every file under a folder, as a browser's folder picker lists them: "<folder name>/<path>". */
function listAsBrowser(folder: string): { path: string; size: number; text: string }[] {
  const out: { path: string; size: number; text: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push({ path: `pack/${relative(folder, path)}`, size: statSync(path).size, text: readFileSync(path, 'utf8') });
    }
  };
  walk(folder);
  return out;
}

describe('which files a pack takes', () => {
  it('takes top-level Markdown and YAML and adapters/*, nothing deeper or of another kind', () => {
    expect(packFileKey('pack.yaml')).toBe('pack.yaml');
    expect(packFileKey('refund.MD')).toBe('refund.MD');
    expect(packFileKey('adapters/acme.yml')).toBe('adapters/acme.yml');
    expect(packFileKey('drafts/old.md')).toBeNull();
    expect(packFileKey('adapters/more/acme.yaml')).toBeNull();
    expect(packFileKey('logo.png')).toBeNull();
    expect(packFileKey('adapters')).toBeNull();
  });

  it('a chosen folder gives the same files as npm run pack reads from disk', () => {
    const { folder, taken } = takeFolderFiles(listAsBrowser(LAB_PACK));
    expect(folder).toBe('pack');
    const files = Object.fromEntries(taken.map(({ key, entry }) => [key, entry.text]));
    expect(files).toEqual(readPackFolder(LAB_PACK));
    expect(Object.keys(files)).toContain('adapters/django-admin-logentry.yaml');
  });

  it('refuses a folder with more files than any pack, in the same words as the command', () => {
    const many = Array.from({ length: MAX_FOLDER_FILES + 1 }, (_, i) => ({ path: `home/n${i}.md`, size: 1 }));
    expect(() => takeFolderFiles(many)).toThrow(`more than ${MAX_FOLDER_FILES} files; is this the right folder?`);
  });

  it('refuses a folder whose files add up to far more than a pack may be', () => {
    expect(() => takeFolderFiles([{ path: 'big/a.md', size: 6_000_000 }, { path: 'big/b.md', size: 6_000_000 }])).toThrow(/add up to more than 10 MB/);
  });
});

describe('making a pack in the page, as npm run pack does', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'trailguide-make-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same pack file, byte for byte', () => {
    const io = { out: () => undefined, err: () => undefined, cwd: dir, root: dir };
    expect(runPackCommand([LAB_PACK, 'out.json'], io)).toBe(0);
    const made = makePackFromFiles('pack', readPackFolder(LAB_PACK));
    expect(made.ok && made.text).toBe(readFileSync(join(dir, 'out.json'), 'utf8'));
    expect(made.ok && made.fileName).toMatch(/^[a-z0-9-]+-\d+\.\d+\.\d+\.json$/);
  });

  it('a broken pack gives the command’s own sentence', () => {
    const files = { ...readPackFolder(LAB_PACK), 'pack.yaml': 'id: Not A Slug\nname: x\nversion: 1.0.0\n' };
    const err: string[] = [];
    const io = { out: () => undefined, err: (l: string) => err.push(l), cwd: dir, root: dir };
    // The same broken folder on disk, given to the command by its name.
    const folder = join(dir, 'broken');
    for (const [key, text] of Object.entries(files)) {
      const path = join(folder, key);
      mkdirSync(resolve(path, '..'), { recursive: true });
      writeFileSync(path, text);
    }
    expect(runPackCommand(['broken', 'out.json'], io)).toBe(1);
    const made = makePackFromFiles('broken', files);
    expect(made.ok).toBe(false);
    expect(!made.ok && made.problem).toBe(err[0]);
    expect(err[0]).toMatch(/^The pack was not built\. broken\/pack\.yaml, field id: /);
  });

  it('adds a taught adapter to the pack, and names it when it clashes', () => {
    const files = readPackFolder(LAB_PACK);
    const folderAdapter = adapterSchema.parse(parseYamlSafely(files['adapters/django-admin-logentry.yaml']!));
    const taught = { ...folderAdapter, id: 'taught-console', name: 'Taught console' };
    const made = makePackFromFiles('pack', files, [taught]);
    expect(made.ok && made.pack.adapters.map((a) => a.id).sort()).toEqual([folderAdapter.id, 'taught-console'].sort());
    const clash = makePackFromFiles('pack', files, [folderAdapter]);
    expect(clash.ok).toBe(false);
    expect(!clash.ok && clash.problem).toBe(
      `The pack was not built. pack/adapters/django-admin-logentry.yaml already has an adapter with the id "django-admin-logentry", and so does the page you taught as “${folderAdapter.name}”. Leave that page out of the pack, or change one of the two ids.`,
    );
    expect(taughtAdapterKey(taught)).toBe('adapters/taught-console.taught.yaml');
  });
});
