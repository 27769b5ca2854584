import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * Issue 19: the end-to-end suite must be green without retries on a busy machine, so no
 * retry may hide a test that waits on time instead of a condition, and no fixed sleep may
 * come back into test/e2e.
 */
const E2E_DIR = resolve(import.meta.dirname, '../e2e');

async function loadConfig(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value as string);
  return (await import('../../playwright.config')).default;
}

describe('playwright.config.ts', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('never retries, in CI or anywhere', async () => {
    expect((await loadConfig({ CI: 'true' })).retries).toBe(0);
    expect((await loadConfig({ CI: '' })).retries).toBe(0);
  });

  it('runs two workers unless E2E_WORKERS says otherwise', async () => {
    expect((await loadConfig({ E2E_WORKERS: '' })).workers).toBe(2);
    expect((await loadConfig({ E2E_WORKERS: '1' })).workers).toBe(1);
  });
});

describe('test/e2e', () => {
  it('has no fixed sleeps: waits are on conditions', () => {
    const offenders: string[] = [];
    for (const file of readdirSync(E2E_DIR).filter((f) => f.endsWith('.ts'))) {
      readFileSync(join(E2E_DIR, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          // test.setTimeout is a test's time limit, not a sleep.
          if (/waitForTimeout\s*\(|(?<!test\.)setTimeout\s*\(/.test(line)) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });
});
