import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs module of the bench, without type declarations
import { profileMemory, profileProcesses } from '../../bench/lib/processes.mjs';

/**
 * The bench's memory budgets sum PSS over a browser's process tree (bench/lib/processes.mjs).
 * A stand-in "browser": a Node process started with --user-data-dir, whose child calls itself
 * a renderer — as Chromium's children do, which also rewrite their command line into one
 * space-separated title.
 */
type Tree = { pid: number; type: string; extension: boolean }[];

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

async function waitFor<T>(read: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('gave up waiting');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe.skipIf(!existsSync('/proc/self/smaps_rollup'))('the bench reads a browser’s processes from /proc', () => {
  it('finds the process that owns the profile and every process below it, with their types, and sums their PSS', async () => {
    const dir = `/tmp/trailguide-bench-proc-${process.pid}`;
    const script = `
      const { spawn } = require('node:child_process');
      // The child renames itself the way Chromium's renderers do: one title, spaces between arguments.
      spawn(process.execPath, ['-e', "process.title = process.execPath + ' --type=renderer --extension-process'; setInterval(() => {}, 1000)"], { stdio: 'ignore' });
      setInterval(() => {}, 1000);`;
    const browser = spawn(process.execPath, ['-e', script, '--', `--user-data-dir=${dir}`], { stdio: 'ignore' });
    children.push(browser);
    const tree = await waitFor<Tree>(() => {
      try {
        const found = profileProcesses(dir) as Tree;
        return found.length >= 2 && found.some((p) => p.type === 'renderer') ? found : undefined;
      } catch {
        return undefined;
      }
    });
    expect(tree[0]).toEqual({ pid: browser.pid, type: 'browser', extension: false });
    const renderer = tree.find((p) => p.type === 'renderer');
    expect(renderer?.extension).toBe(true);
    for (const p of tree.slice(1)) process.kill(p.pid, 0); // each is a live process
    const memory = profileMemory(dir) as { totalBytes: number; byType: Record<string, number>; processes: number };
    expect(memory.processes).toBe(tree.length);
    expect(memory.byType.browser).toBeGreaterThan(1024 * 1024);
    expect(memory.byType.extension).toBeGreaterThan(1024 * 1024);
    expect(memory.totalBytes).toBe(Object.values(memory.byType).reduce((a, b) => a + b, 0));
    for (const p of tree.slice(1)) process.kill(p.pid, 'SIGKILL');
  });

  it('says so when no process runs the profile', () => {
    expect(() => profileProcesses('/tmp/no-such-trailguide-profile')).toThrow(/no Chromium process runs the profile/);
  });
});
