import { decodePackText, MAX_FOLDER_FILES, MAX_SOURCE_BYTES, PackFileBudget, PackFilesError, packFileKey } from './files';

/**
 * Reads the pack files out of a .zip in the browser, with no library: the zip's
 * central directory (its table of contents at the end) says where each file is, and
 * the browser's own DecompressionStream('deflate-raw') unpacks it.
 *
 * Hostile zips are refused with one plain sentence: a file whose path leads out of
 * the folder ("../", "/etc"), a locked (encrypted) file, a file that unpacks to more
 * than it claims or more than the limits (a zip bomb), a zip too big to be a pack.
 * Only the files a pack takes (utils/pack/files.ts) are ever unpacked.
 */

/** A zip several times a pack's limit holds more than a pack (images, a whole drive). */
export const MAX_ZIP_BYTES = 4 * MAX_SOURCE_BYTES;
/** Entries listed in the table of contents; more is a wrong zip, not a pack. */
const MAX_ZIP_ENTRIES = 4 * MAX_FOLDER_FILES;

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

export class ZipError extends PackFilesError {
  override name = 'ZipError';
}

interface ZipEntry {
  path: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  size: number;
  crc: number;
  localOffset: number;
}

function findEndOfDirectory(view: DataView): number {
  // The end record is 22 bytes plus a comment of at most 65,535 bytes.
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  throw new ZipError("this file isn't a .zip Trailguide can read. Make the zip again (right-click the folder → Compress), or choose the folder itself.");
}

function entryPath(raw: Uint8Array, utf8: boolean): string {
  // Without the UTF-8 flag names are in the old DOS code page; plain ASCII names read the same either way.
  const name = utf8 ? new TextDecoder('utf-8').decode(raw) : String.fromCharCode(...raw);
  const path = name.replace(/\\/g, '/');
  if (path.startsWith('/') || /^[a-z]:/i.test(path) || path.split('/').some((part) => part === '..')) {
    throw new ZipError(`it holds a file whose path leads outside the folder ("${name.slice(0, 80)}"). Trailguide doesn't open such zips; make the zip again from the pack folder.`);
  }
  return path;
}

function readDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) {
    throw new ZipError('it is a very large (ZIP64) zip; a pack folder is small. Make the zip again from the pack folder only.');
  }
  if (count > MAX_ZIP_ENTRIES) throw new ZipError(`it holds more than ${MAX_ZIP_ENTRIES} files; is this the right zip?`);
  if (directoryOffset + directorySize > end) throw new ZipError('its table of contents is damaged. Make the zip again.');
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL_SIGNATURE) throw new ZipError('its table of contents is damaged. Make the zip again.');
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > end) throw new ZipError('its table of contents is damaged. Make the zip again.');
    entries.push({
      path: entryPath(bytes.subarray(at + 46, at + 46 + nameLength), (flags & 0x800) !== 0),
      method: view.getUint16(at + 10, true),
      encrypted: (flags & 0x1) !== 0,
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * The folder inside the zip that is the pack: the shallowest one holding pack.yaml
 * (zipping a folder usually puts everything under its name). None: the zip's top.
 */
function packRoot(paths: readonly string[]): string {
  const roots = paths.filter((p) => /(^|\/)pack\.ya?ml$/i.test(p) && !p.split('/').some((part) => part.startsWith('__MACOSX'))).map((p) => p.slice(0, p.lastIndexOf('/') + 1));
  if (roots.length === 0) return '';
  const depth = (p: string) => p.split('/').length;
  const shallowest = Math.min(...roots.map(depth));
  const candidates = [...new Set(roots.filter((r) => depth(r) === shallowest))];
  if (candidates.length > 1) {
    throw new ZipError(`it holds more than one pack folder (${candidates.map((c) => `"${c.slice(0, -1)}"`).join(', ')}). Zip one pack folder at a time.`);
  }
  return candidates[0] ?? '';
}

let crcTable: Uint32Array | null = null;
function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Unpacks deflated bytes, stopping as soon as they run past `limit` (what the entry claimed). */
async function inflateBounded(data: Uint8Array, limit: number, path: string): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        void reader.cancel().catch(() => undefined);
        throw new ZipError(`"${path}" unpacks to more than the zip says it holds. Trailguide stopped reading it; make the zip again from the pack folder.`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof ZipError) throw error;
    throw new ZipError(`"${path}" is damaged inside the zip and couldn't be unpacked. Make the zip again.`);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

async function entryBytes(bytes: Uint8Array, entry: ZipEntry): Promise<Uint8Array> {
  if (entry.encrypted) throw new ZipError(`"${entry.path}" is locked with a password. Make the zip again without a password.`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== LOCAL_SIGNATURE) throw new ZipError(`"${entry.path}" is damaged inside the zip. Make the zip again.`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.byteLength) throw new ZipError(`"${entry.path}" is cut short inside the zip. Make the zip again.`);
  const data = bytes.subarray(start, start + entry.compressedSize);
  let out: Uint8Array;
  if (entry.method === STORED) out = data;
  else if (entry.method === DEFLATED) out = await inflateBounded(data, entry.size, entry.path);
  else throw new ZipError(`"${entry.path}" is packed in a way Trailguide can't unpack (method ${entry.method}). Make the zip with your computer's own "Compress" command.`);
  if (out.byteLength !== entry.size || crc32(out) !== entry.crc) throw new ZipError(`"${entry.path}" is damaged inside the zip (its check sum doesn't match). Make the zip again.`);
  return out;
}

/**
 * The pack files of a zip, keyed as packFromFiles wants them, and the name of the
 * folder that was zipped (for the messages). Throws ZipError / PackFilesError with the
 * sentence's second half: "I couldn't read <name>: <message>".
 */
export async function readPackZip(bytes: Uint8Array): Promise<{ folder: string; files: Record<string, string> }> {
  if (bytes.byteLength > MAX_ZIP_BYTES) throw new ZipError(`it is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; a zip of a pack folder is at most ${MAX_ZIP_BYTES / 1024 / 1024} MB.`);
  const entries = readDirectory(bytes).filter((e) => !e.path.endsWith('/'));
  const root = packRoot(entries.map((e) => e.path));
  const budget = new PackFileBudget();
  const taken: { key: string; entry: ZipEntry }[] = [];
  for (const entry of entries) {
    if (!entry.path.startsWith(root)) continue;
    const key = packFileKey(entry.path.slice(root.length));
    if (!key) continue;
    // The claimed size counts before anything is unpacked; unpacking then holds each file to its claim.
    budget.add(entry.size);
    if (taken.some((t) => t.key === key)) throw new ZipError(`it holds "${entry.path}" twice. Make the zip again from the pack folder.`);
    taken.push({ key, entry });
  }
  const files: Record<string, string> = {};
  for (const { key, entry } of taken) files[key] = decodePackText(await entryBytes(bytes, entry));
  return { folder: root.replace(/\/$/, '').split('/').pop() ?? '', files };
}
