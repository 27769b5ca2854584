import type { Pack } from '../schema/pack';
import { PACK_LIMITS } from '../schema/pack';
import { PackFolderError, packFromFiles } from './folder';
import { byteLength, parsePackData } from './parse';

/**
 * Folder → the single shareable pack file, for `npm run pack` (and any page that
 * builds a pack from files). Problems name the file a team lead has to open, not
 * just a path inside the assembled pack.
 */
export type PackBuildResult =
  | { ok: true; pack: Pack; text: string; warnings?: { file: string; field?: string; message: string }[] }
  | { ok: false; file: string; field?: string; message: string };

/** Which source file an assembled-pack field came from; mirrors packFromFiles' choice and order. */
export function sourceFileOfField(files: Record<string, string>, field: string | undefined): string {
  const paths = Object.keys(files).sort();
  const metaFile = paths.find((p) => p === 'pack.yaml' || p === 'pack.yml') ?? 'pack.yaml';
  if (!field) return metaFile;
  const indexed = /^(runbooks|adapters)\[(\d+)\]/.exec(field);
  if (indexed) {
    const list =
      indexed[1] === 'runbooks'
        ? paths.filter((p) => p.endsWith('.md') && !p.includes('/') && p.toLowerCase() !== 'readme.md')
        : paths.filter((p) => /^adapters\/[^/]+\.ya?ml$/.test(p));
    return list[Number(indexed[2])] ?? metaFile;
  }
  if (/^kinds(\[|$)/.test(field)) return paths.find((p) => p === 'kinds.yaml' || p === 'kinds.yml') ?? 'kinds.yaml';
  if (field.startsWith('glossary')) return paths.find((p) => p === 'glossary.yaml' || p === 'glossary.yml') ?? 'glossary.yaml';
  return metaFile;
}

/** The field as the author sees it inside that file: "steps[0].title" rather than "runbooks[3].steps[0].title". */
function fieldInsideFile(field: string | undefined): string | undefined {
  if (!field) return undefined;
  const inner = field.replace(/^(runbooks|adapters)\[\d+\]\.?/, '');
  return inner || undefined;
}

export function buildPackFromFiles(files: Record<string, string>): PackBuildResult {
  let data: Record<string, unknown>;
  try {
    data = packFromFiles(files);
  } catch (error) {
    if (error instanceof PackFolderError) {
      return { ok: false, file: error.file, message: error.message.slice(error.file.length + 2) };
    }
    throw error;
  }
  const result = parsePackData(data);
  if (!result.ok) {
    const { field, message } = result.problem;
    const file = sourceFileOfField(files, field);
    const inner = fieldInsideFile(field);
    return { ok: false, file, ...(inner ? { field: inner } : {}), message };
  }
  const text = `${JSON.stringify(result.pack, null, 2)}\n`;
  const size = byteLength(text);
  if (size > PACK_LIMITS.bytes) {
    return {
      ok: false,
      file: sourceFileOfField(files, undefined),
      message: `The built pack is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is ${PACK_LIMITS.bytes / 1024 / 1024} MB. Split it into two packs.`,
    };
  }
  const warnings = (result.warnings ?? []).map((w) => {
    const inner = fieldInsideFile(w.field);
    return { file: sourceFileOfField(files, w.field), ...(inner ? { field: inner } : {}), message: w.message };
  });
  return warnings.length > 0 ? { ok: true, pack: result.pack, text, warnings } : { ok: true, pack: result.pack, text };
}

/** One line a person can act on: "refund.md, field steps[2].title: … is missing". */
export function describeBuildProblem(problem: { file: string; field?: string; message: string }): string {
  return `${problem.file}${problem.field ? `, field ${problem.field}` : ''}: ${problem.message}`;
}
