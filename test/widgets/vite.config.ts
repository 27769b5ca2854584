import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The widget lab: one page of real third-party widgets, built into test/widgets/dist/
 * (gitignored) by the e2e spec's setup (test/e2e/widgets.spec.ts) or by
 * `npx vite build --config test/widgets/vite.config.ts`.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  logLevel: 'error',
  // The project's tsconfig points JSX at Preact; the lab's widgets are React's.
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 10_000,
  },
});
