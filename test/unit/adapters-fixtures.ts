import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadBuiltinPack } from '../../utils/pack/builtin';
import type { Adapter } from '../../utils/schema/adapter';

/** Shared by the adapter tests: the built-in adapters and their fixture pages. */
// Tests run from the repository root (vitest's root); import.meta.url is not a file: URL under jsdom.
export const FIXTURE_DIR = join(process.cwd(), 'test/fixtures/adapters/');

export function builtinAdapters(): Adapter[] {
  return loadBuiltinPack().adapters;
}

export function adapterById(id: string): Adapter {
  const found = builtinAdapters().find((a) => a.id === id);
  if (!found) throw new Error(`There is no built-in adapter "${id}".`);
  return found;
}

export function fixturePath(id: string, kind: 'page' | 'lookalike' = 'page'): string {
  return `${FIXTURE_DIR}${id}${kind === 'lookalike' ? '.lookalike' : ''}.html`;
}

export function hasFixture(id: string, kind: 'page' | 'lookalike' = 'page'): boolean {
  return existsSync(fixturePath(id, kind));
}

/** Parses a fixture into its own Document (needs a DOM environment: jsdom). */
export function loadFixture(id: string, kind: 'page' | 'lookalike' = 'page'): Document {
  return new DOMParser().parseFromString(readFileSync(fixturePath(id, kind), 'utf8'), 'text/html');
}
