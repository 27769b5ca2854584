// Bundles a few lines of entry code that import the product's TypeScript, with
// the esbuild that Vite already installs. Product code is measured as written:
// no copies, no stubs.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** Files under `dir` (recursively), as absolute paths. */
function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/** A glob pattern (say ../../runbooks/ + "**" + /*.md) as a regular expression over paths relative to the importing file's folder. */
function globToRegExp(pattern) {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*\*\//g, '\u0000')
    .replace(/\*/g, '[^/]*')
    .replace(/\u0000/g, '(?:.*/)?');
  return new RegExp(`^${source}$`);
}

/**
 * Vite's `import.meta.glob(patterns, { query: '?raw', import: 'default', eager: true })` — the only form the
 * product uses (the built-in pack and the event kinds are bundled as text) — for esbuild: the call becomes an
 * object of file contents keyed as Vite keys them.
 */
const viteGlob = {
  name: 'vite-import-meta-glob',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.glob')) return undefined;
      const here = dirname(args.path);
      const replaced = text.replace(/import\.meta\.glob(?:<[^>]*>)?\(\s*(\[[^\]]*\]|'[^']*')\s*,\s*\{[^}]*\}\s*\)/g, (_call, patternsText) => {
        const patterns = [...patternsText.matchAll(/'([^']*)'/g)].map((m) => m[1]);
        const files = {};
        for (const pattern of patterns) {
          const base = resolve(here, pattern.slice(0, pattern.search(/\*|$/)).replace(/[^/]*$/, ''));
          const matcher = globToRegExp(pattern);
          for (const file of walk(base)) {
            let key = relative(here, file).split('\\').join('/');
            if (!key.startsWith('.')) key = `./${key}`;
            if (matcher.test(key)) files[key] = readFileSync(file, 'utf8');
          }
        }
        return `(${JSON.stringify(Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))))})`;
      });
      return { contents: replaced, loader: 'ts' };
    });
  },
};

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
    plugins: [viteGlob],
  });
  return { file: outfile, text: platform === 'browser' ? await readFile(outfile, 'utf8') : undefined };
}

/** Imports a Node bundle; `fresh` gives a new module instance (empty module-level caches). */
export async function importBundle(file, fresh = 0) {
  return import(`${pathToFileURL(file).href}${fresh ? `?fresh=${fresh}` : ''}`);
}
