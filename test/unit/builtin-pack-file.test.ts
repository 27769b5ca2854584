import { afterEach, describe, expect, it } from 'vitest';
import { loadBuiltinPack } from '../../utils/pack/builtin';
import { builtinPack, forgetBuiltinPack, readBuiltinPackFile } from '../../utils/pack/builtin-file';

/**
 * In a build the service worker reads the built-in pack from its own file, only when it needs it
 * (issue 17 §4: the ≈ 200 KB pack is no longer part of the worker's script). The read is lazy:
 * the first call reads, the next ones give the very same pack without reading again.
 */
describe('the built-in pack read from its file', () => {
  afterEach(forgetBuiltinPack);

  const json = JSON.stringify(loadBuiltinPack());

  it('gives the same pack on the first and on the second call, reading the file once', async () => {
    const reads: string[] = [];
    const readText = (path: string) => {
      reads.push(path);
      return Promise.resolve(json);
    };
    const first = await readBuiltinPackFile('builtin-pack.json', readText);
    const second = await readBuiltinPackFile('builtin-pack.json', readText);
    expect(first).toEqual(loadBuiltinPack());
    expect(second).toBe(first);
    expect(reads).toEqual(['builtin-pack.json']);
  });

  it('shares one read between callers that ask at the same time', async () => {
    let reads = 0;
    let release: (text: string) => void = () => undefined;
    const readText = () => {
      reads += 1;
      return new Promise<string>((resolve) => (release = resolve));
    };
    const both = Promise.all([readBuiltinPackFile('builtin-pack.json', readText), readBuiltinPackFile('builtin-pack.json', readText)]);
    release(json);
    const [a, b] = await both;
    expect(a).toBe(b);
    expect(reads).toBe(1);
  });

  it('does not keep a failed read: the next call reads again', async () => {
    let reads = 0;
    const failing = () => {
      reads += 1;
      return Promise.reject(new Error('The built-in pack could not be read (404).'));
    };
    await expect(readBuiltinPackFile('builtin-pack.json', failing)).rejects.toThrow(/could not be read/);
    const pack = await readBuiltinPackFile('builtin-pack.json', () => {
      reads += 1;
      return Promise.resolve(json);
    });
    expect(pack.id).toBe(loadBuiltinPack().id);
    expect(reads).toBe(2);
  });

  it('outside a build (no file), is the pack parsed from runbooks/', async () => {
    expect(await builtinPack()).toBe(loadBuiltinPack());
  });
});
