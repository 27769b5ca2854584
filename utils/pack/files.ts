import { PACK_LIMITS } from '../schema/pack';
import { describeBuildProblem } from './build';

/**
 * Which files of a pack folder (or a .zip of one) a pack takes, with the limits.
 * `npm run pack` (scripts/pack-command.ts) and the options page ("Make a pack from a
 * folder") both choose files here, so what one builds the other builds too.
 *
 * Taken: Markdown and YAML files at the top of the folder, and YAML/Markdown files
 * directly inside `adapters/`. Everything else (drafts/, images, deeper folders) is
 * left out. packFromFiles then decides what each taken file is.
 */
const PACK_FILE = /\.(md|ya?ml)$/i;
/** A folder far bigger than any pack is a wrong path (a home folder), not a pack. */
export const MAX_FOLDER_FILES = 5_000;
/**
 * The source files together may be at most twice the built pack's limit: comments and
 * YAML layout fall away when the pack is built, but a folder this big is not a pack.
 */
export const MAX_SOURCE_BYTES = 2 * PACK_LIMITS.bytes;

export class PackFilesError extends Error {
  override name = 'PackFilesError';
}

/**
 * The key packFromFiles knows a file by ("refund.md", "adapters/acme.yaml"), from its
 * path inside the pack folder; null when the pack doesn't take that file.
 */
export function packFileKey(pathInFolder: string): string | null {
  const parts = pathInFolder.split('/').filter((p) => p !== '');
  const name = parts[parts.length - 1];
  if (!name || !PACK_FILE.test(name)) return null;
  if (parts.length === 1) return name;
  if (parts.length === 2 && parts[0] === 'adapters') return `adapters/${name}`;
  return null;
}

/** Counts taken files and their bytes as they are added; throws the same sentence for the CLI and the page. */
export class PackFileBudget {
  private files = 0;
  private bytes = 0;
  add(size: number): void {
    this.files += 1;
    this.bytes += size;
    if (this.files > MAX_FOLDER_FILES) throw new PackFilesError(`more than ${MAX_FOLDER_FILES} files; is this the right folder?`);
    if (this.bytes > MAX_SOURCE_BYTES) {
      throw new PackFilesError(`its runbooks and YAML files add up to more than ${MAX_SOURCE_BYTES / 1024 / 1024} MB; a pack may be at most ${PACK_LIMITS.bytes / 1024 / 1024} MB. Is this the right folder?`);
    }
  }
}

/**
 * Bytes → text the same way everywhere: UTF-8, a byte-order mark kept (packFromFiles
 * strips it where it matters), broken bytes replaced rather than refused — as Node's
 * readFileSync(…, 'utf8') reads it.
 */
export function decodePackText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

/** The first sentence `npm run pack` prints when a pack isn't built; `file` already says where the folder is. */
export function packNotBuiltSentence(problem: { file: string; field?: string; message: string }): string {
  return `The pack was not built. ${describeBuildProblem(problem)}`;
}

/** `npm run pack`'s line for a warning (the pack is still built). */
export function packNoteSentence(problem: { file: string; field?: string; message: string }): string {
  return `Note: ${describeBuildProblem(problem)}`;
}

/** "folder" + "adapters/x.yaml" → "folder/adapters/x.yaml", as a person would read it. */
export function joinShownPath(folder: string, file: string): string {
  const base = folder.replace(/[\\/]+$/, '');
  return base ? `${base}/${file}` : file;
}

/**
 * A folder chosen in the browser (`<input webkitdirectory>`) lists each file as
 * "chosen-folder/sub/name". Returns the chosen folder's name and, per taken file,
 * its key — the same choice readPackFolder makes on disk.
 */
export function takeFolderFiles<T extends { path: string; size: number }>(entries: readonly T[]): { folder: string; taken: { key: string; entry: T }[] } {
  const budget = new PackFileBudget();
  let folder = '';
  const taken: { key: string; entry: T }[] = [];
  for (const entry of entries) {
    const parts = entry.path.replace(/\\/g, '/').split('/');
    if (!folder && parts.length > 1) folder = parts[0] ?? '';
    const key = packFileKey(parts.slice(1).join('/'));
    if (!key) continue;
    budget.add(entry.size);
    taken.push({ key, entry });
  }
  taken.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { folder, taken };
}
