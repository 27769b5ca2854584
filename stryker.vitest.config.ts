import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * The unit suite as mutation testing runs it (stryker.config.json). Left out:
 * security-manifest.test.ts, which builds the extension — under Stryker the build
 * carries the mutation switcher (`new Function("return this")`, so the eval scan
 * rightly fails) and takes minutes per mutant.
 * STRYKER_TESTS (comma-separated globs) narrows the suite further while working on
 * one module, e.g. STRYKER_TESTS='test/unit/hash-vectors.test.ts,test/unit/cases-*.test.ts'.
 */
const narrowed = process.env.STRYKER_TESTS?.split(',').map((glob) => glob.trim()).filter(Boolean);

const config = mergeConfig(base, defineConfig({ test: { exclude: [...configDefaults.exclude, 'test/unit/security-manifest.test.ts'] } }));
// mergeConfig would append to the base's include list; a narrowed run replaces it.
if (narrowed?.length && config.test) config.test.include = narrowed;

export default config;
