/**
 * `npm run pack -- <folder> [out.json]` / `npm run pack -- --schema` (see scripts/pack-command.ts).
 * Runs under vite-node, which resolves the TypeScript imports; nothing to build first.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPackCommand } from './pack-command';

// vite-node removes its own arguments, so process.argv holds only ours after node and vite-node.
process.exitCode = runPackCommand(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  cwd: process.cwd(),
  root: resolve(dirname(fileURLToPath(import.meta.url)), '..'),
});
