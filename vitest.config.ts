import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'node',
    pool: 'threads',
    restoreMocks: true,
    // jsdom suites on a busy 2-core CI machine: a generous ceiling, never a speed assertion.
    testTimeout: 20_000,
  },
});
