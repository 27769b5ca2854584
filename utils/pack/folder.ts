import { KINDS_FORMAT_VERSION } from '../schema/kinds';
import { PACK_FORMAT, PACK_FORMAT_VERSION } from '../schema/pack';
import { parseYamlSafely } from './parse';

/**
 * The authoring format: a folder a team lead edits by hand.
 *   pack.yaml            id, name, version, author, description, escalationTemplates
 *   *.md                 one runbook each: YAML front matter + the Markdown guide
 *   glossary.yaml        a list of { term, tool, meaning }
 *   adapters/*.yaml      one site adapter each
 *   kinds.yaml           optional: `version: 1` and `kinds:`, event kinds the pack adds (the built-in pack's is the shared list)
 * This turns it into the single shareable pack object (validated later by parsePackData).
 */
export interface FrontMatterDocument {
  data: Record<string, unknown>;
  body: string;
}

export class PackFolderError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'PackFolderError';
  }
}

export function splitFrontMatter(text: string, file = 'runbook'): FrontMatterDocument {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = /^---\n([\s\S]*?)\n---(?:\n|$)([\s\S]*)$/.exec(normalised);
  if (!match) throw new PackFolderError('A runbook must start with front matter between two "---" lines.', file);
  let data: unknown;
  try {
    data = parseYamlSafely(match[1] ?? '');
  } catch (error) {
    throw new PackFolderError(`The front matter is not valid YAML (${(error as Error).message.split('\n')[0]}).`, file);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new PackFolderError('The front matter must be a group of fields (id, title, steps, …).', file);
  }
  return { data: data as Record<string, unknown>, body: (match[2] ?? '').trim() };
}

function readYaml(text: string, file: string): unknown {
  try {
    return parseYamlSafely(text);
  } catch (error) {
    throw new PackFolderError(`not valid YAML (${(error as Error).message.split('\n')[0]}).`, file);
  }
}

/** files: path relative to the folder → text. Throws PackFolderError naming the file. */
export function packFromFiles(files: Record<string, string>): Record<string, unknown> {
  const paths = Object.keys(files).sort();
  const metaPath = paths.find((p) => p === 'pack.yaml' || p === 'pack.yml');
  if (!metaPath) throw new PackFolderError('missing: every pack folder needs a pack.yaml with its id, name and version.', 'pack.yaml');
  const meta = readYaml(files[metaPath]!, metaPath);
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) {
    throw new PackFolderError('must be a group of fields (id, name, version, …).', metaPath);
  }
  const runbooks = paths
    .filter((p) => p.endsWith('.md') && !p.includes('/') && p.toLowerCase() !== 'readme.md')
    .map((p) => {
      const { data, body } = splitFrontMatter(files[p]!, p);
      return { ...data, guide: body };
    });
  const adapters = paths.filter((p) => /^adapters\/[^/]+\.ya?ml$/.test(p)).map((p) => readYaml(files[p]!, p));
  const glossaryPath = paths.find((p) => p === 'glossary.yaml' || p === 'glossary.yml');
  const glossary = glossaryPath ? readYaml(files[glossaryPath]!, glossaryPath) : [];
  const kindsPath = paths.find((p) => p === 'kinds.yaml' || p === 'kinds.yml');
  const kinds = kindsPath ? kindsOfFile(readYaml(files[kindsPath]!, kindsPath), kindsPath) : undefined;
  return {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    ...(meta as Record<string, unknown>),
    runbooks,
    adapters,
    glossary: glossary ?? [],
    ...(kinds ? { kinds } : {}),
  };
}

/** kinds.yaml's list; its version is checked here, each kind later by the pack schema. */
function kindsOfFile(data: unknown, file: string): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new PackFolderError('must be a group of fields: "version: 1" and "kinds:" with the list.', file);
  }
  const { version, kinds, ...rest } = data as Record<string, unknown>;
  if (version !== KINDS_FORMAT_VERSION) throw new PackFolderError(`must say "version: ${KINDS_FORMAT_VERSION}" (this Trailguide reads kinds lists of version ${KINDS_FORMAT_VERSION}).`, file);
  const unknownKey = Object.keys(rest)[0];
  if (unknownKey !== undefined) throw new PackFolderError(`has a field "${unknownKey}" Trailguide doesn't know; a kinds list has only "version" and "kinds".`, file);
  return kinds ?? [];
}
