import { defineConfig } from 'vitest/config';

/**
 * The Firefox lane (`npm run test:firefox`, issue 17 §2): the built Firefox add-on in
 * Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi (test/firefox/).
 * One file at a time — each starts its own Firefox, and the machine has two cores.
 */
export default defineConfig({
  test: {
    include: ['test/firefox/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    // Starting Firefox with a new profile takes ~10 s on a quiet machine; a ceiling, not a speed test.
    testTimeout: 180_000,
    hookTimeout: 60_000,
    retry: 0,
    // A poll (expect.poll) keeps its own timeout; this is the default for those that don't say.
    expect: { poll: { timeout: 20_000 } },
  },
});
