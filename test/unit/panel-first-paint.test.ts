import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { readPanelMessage } from '../../components/panel/message-schemas';
import { PACKS_CHANGED } from '../../utils/packs/messages';

/** Every module the panel page loads before its first paint: the static imports from its entry, not the `import()`ed ones. */
async function firstPaintModules(): Promise<string[]> {
  const result = await build({
    entryPoints: ['entrypoints/panel/main.tsx'],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    splitting: true,
    outdir: 'out',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    loader: { '.css': 'empty' },
    logLevel: 'silent',
  });
  const inputs: Metafile['inputs'] = result.metafile.inputs;
  const seen = new Set(['entrypoints/panel/main.tsx']);
  const queue = [...seen];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const dep of inputs[file]?.imports ?? []) {
      if (dep.kind !== 'import-statement' || seen.has(dep.path)) continue;
      seen.add(dep.path);
      queue.push(dep.path);
    }
  }
  return [...seen];
}

describe("the panel's first paint", () => {
  it('loads no validation, Markdown, storage or YAML library (they come after the list is on screen)', async () => {
    const modules = await firstPaintModules();
    expect(modules).toContain('components/panel/RunbookList.tsx'); // the graph was walked
    const heavy = modules.filter((m) => /node_modules\/(zod|marked|dompurify|dexie|yaml)\/|utils\/schema\//.test(m));
    expect(heavy).toEqual([]);
  }, 30_000);
});

describe('readPanelMessage', () => {
  it('reads a page change and a packs notice, and nothing else', () => {
    expect(readPanelMessage({ type: 'page:changed', url: 'https://x.example/audit', adapterId: 'acme-demo' })).toEqual({
      type: 'page:changed',
      url: 'https://x.example/audit',
      adapterId: 'acme-demo',
    });
    expect(readPanelMessage({ type: 'page:changed', url: 'https://x.example/', adapterId: null })?.type).toBe('page:changed');
    expect(readPanelMessage({ type: 'page:changed', url: 42, adapterId: null })).toBeNull();
    expect(readPanelMessage({ type: PACKS_CHANGED })).toEqual({ type: 'packs:changed' });
    expect(readPanelMessage({ type: 'something-else' })).toBeNull();
    expect(readPanelMessage('page:changed')).toBeNull();
  });
});
