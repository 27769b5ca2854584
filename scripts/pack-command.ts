/**
 * The pack command's logic, kept apart from scripts/pack.ts (which only runs it) so
 * tests can call it directly.
 *
 * `npm run pack -- <folder> [out.json]` builds the single shareable pack file from a
 * folder of runbooks (see docs/packs.md). `npm run pack -- --schema` rewrites
 * docs/pack.schema.json from the zod schema.
 *
 * Exit code 0 when the file was written, 1 when the pack has a problem (printed as one
 * plain sentence naming the file and field), 2 when the command was used wrongly.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { buildPackFromFiles } from '../utils/pack/build';
import { PACK_SCHEMA_DOC_PATH, packJsonSchemaText } from '../utils/pack/json-schema';
import { decodePackText, PackFileBudget, packFileKey, packNoteSentence, packNotBuiltSentence } from '../utils/pack/files';

export const USAGE = `Usage:
  npm run pack -- <folder> [out.json]   build a pack file from a folder (pack.yaml, *.md, glossary.yaml, adapters/*.yaml)
  npm run pack -- <folder> -            print the pack to the terminal instead
  npm run pack -- --schema              regenerate ${PACK_SCHEMA_DOC_PATH}`;

/** Reads the files packFromFiles looks at: the choice (and its limits) is utils/pack/files.ts', shared with the options page. */
export function readPackFolder(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  const budget = new PackFileBudget();
  const add = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const key = packFileKey(relative(folder, path).split('\\').join('/'));
      if (!key || !statSync(path).isFile()) continue;
      budget.add(statSync(path).size);
      files[key] = decodePackText(readFileSync(path));
    }
  };
  add(folder);
  const adapters = join(folder, 'adapters');
  if (existsSync(adapters) && statSync(adapters).isDirectory()) add(adapters);
  return files;
}

/** A path as the person typed it would read it: relative inside the current folder, absolute outside. */
function shownPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}

export interface CommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
  /** Where docs/pack.schema.json lives (the repository root). */
  root: string;
}

export function runPackCommand(args: readonly string[], io: CommandIo): number {
  const rest = args.filter((a) => a !== '--');
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  if (rest[0] === '--schema') {
    const target = join(io.root, PACK_SCHEMA_DOC_PATH);
    writeFileSync(target, packJsonSchemaText());
    io.out(`Wrote ${shownPath(io.cwd, target)}.`);
    return 0;
  }
  const [folderArg, outArg] = rest;
  if (!folderArg || rest.length > 2) {
    io.err(USAGE);
    return 2;
  }
  const folder = resolve(io.cwd, folderArg);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    io.err(`I couldn't find the folder "${folderArg}". Give the folder that holds pack.yaml.`);
    return 1;
  }
  let files: Record<string, string>;
  try {
    files = readPackFolder(folder);
  } catch (error) {
    io.err(`I couldn't read the folder "${folderArg}": ${(error as Error).message}`);
    return 1;
  }
  const result = buildPackFromFiles(files);
  if (!result.ok) {
    io.err(packNotBuiltSentence({ ...result, file: join(folderArg, result.file) }));
    return 1;
  }
  for (const warning of result.warnings ?? []) io.err(packNoteSentence({ ...warning, file: join(folderArg, warning.file) }));
  if (outArg === '-') {
    io.out(result.text.trimEnd());
    return 0;
  }
  const outPath = resolve(io.cwd, outArg ?? `${result.pack.id}-${result.pack.version}.json`);
  writeFileSync(outPath, result.text);
  const { runbooks, glossary, adapters, escalationTemplates } = result.pack;
  io.out(
    `Wrote ${shownPath(io.cwd, outPath)}: "${result.pack.name}" ${result.pack.version} with ` +
      `${runbooks.length} runbooks, ${glossary.length} glossary terms, ${adapters.length} adapters, ${escalationTemplates.length} escalation templates.`,
  );
  return 0;
}
