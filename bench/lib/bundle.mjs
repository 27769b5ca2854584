// Bundles a few lines of entry code that import the product's TypeScript, with
// the esbuild that Vite already installs. Product code is measured as written:
// no copies, no stubs.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/**
 * @param {{ root: string, outDir: string, name: string, contents: string, platform: 'node' | 'browser' }} options
 * For the browser the bundle is an IIFE (the entry code sets `globalThis.__tgBench`); for Node, an ES module.
 * Returns the output file's path (and, for the browser, its text).
 */
export async function bundleEntry({ root, outDir, name, contents, platform }) {
  await mkdir(outDir, { recursive: true });
  const outfile = join(outDir, `${name}.${platform === 'node' ? 'mjs' : 'js'}`);
  await build({
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: `bench-${name}.ts` },
    bundle: true,
    platform,
    format: platform === 'node' ? 'esm' : 'iife',
    // Node resolves installed packages itself (some, like yaml, are CommonJS).
    ...(platform === 'browser' ? {} : { packages: 'external' }),
    target: 'es2022',
    // Same as the extension's production build, so timings include minified code paths.
    minify: true,
    outfile,
    logLevel: 'silent',
    jsx: 'automatic',
    jsxImportSource: 'preact',
  });
  return { file: outfile, text: platform === 'browser' ? await readFile(outfile, 'utf8') : undefined };
}

/** Imports a Node bundle; `fresh` gives a new module instance (empty module-level caches). */
export async function importBundle(file, fresh = 0) {
  return import(`${pathToFileURL(file).href}${fresh ? `?fresh=${fresh}` : ''}`);
}
