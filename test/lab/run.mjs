#!/usr/bin/env node
/**
 * The lab runner (test/lab/README.md): for each console named on the command line — by
 * default every folder of test/lab that has a start.sh — start it (start.sh), run its
 * journey with Playwright (playwright.lab.config.ts, the folder test/lab/<name>), and stop it
 * (stop.sh), always, even when the start or the journey failed or the run is interrupted.
 * Prints what it does in plain words and a summary with each console's times; exits 1 if any
 * console failed to start, failed its journey or had none.
 *
 *   node test/lab/run.mjs [name…]      e.g. node test/lab/run.mjs django
 *
 * The extension must be built first (the demo build; npm run test:lab does it). The build's
 * folder is TRAILGUIDE_OUT_DIR (default .output), as for the other end-to-end tests.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const LAB = import.meta.dirname;
const ROOT = resolve(LAB, '../..');

const found = readdirSync(LAB, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(LAB, entry.name, 'start.sh')))
  .map((entry) => entry.name)
  .sort();
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !found.includes(name));
if (unknown.length > 0) {
  console.error(`[lab] No console called ${unknown.join(', ')} (each needs test/lab/<name>/start.sh). The lab has: ${found.join(', ') || 'none'}.`);
  process.exit(2);
}
const consoles = asked.length > 0 ? asked : found;
if (consoles.length === 0) {
  console.error('[lab] No lab consoles found (test/lab/<name>/start.sh).');
  process.exit(2);
}

/** Runs a command with its output on ours; resolves to its exit code (signals count as failure). */
let current = null;
function run(command, args, cwd = ROOT) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd, stdio: 'inherit', env: process.env });
    current = child;
    child.on('error', (error) => {
      console.error(`[lab] Could not run ${command}: ${error.message}`);
      done(127);
    });
    child.on('exit', (code, signal) => {
      current = null;
      done(code ?? (signal ? 128 : 1));
    });
  });
}

const seconds = (from) => ((Date.now() - from) / 1000).toFixed(1);
let stopping = null;

// Ctrl-C or a CI timeout: stop the console that is running before leaving.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (current) current.kill(signal);
    if (stopping) {
      console.error(`[lab] Interrupted; stopping ${stopping} first…`);
      run(join(LAB, stopping, 'stop.sh'), [], join(LAB, stopping)).finally(() => process.exit(130));
    } else process.exit(130);
  });
}

const results = [];
for (const name of consoles) {
  const folder = join(LAB, name);
  const result = { name, start: null, journey: null, outcome: 'passed' };
  console.log(`\n[lab] ${name}: starting the console…`);
  let began = Date.now();
  stopping = name;
  try {
    const started = await run(join(folder, 'start.sh'), [], folder);
    result.start = seconds(began);
    if (started !== 0) {
      result.outcome = `did not start (start.sh exited ${started})`;
      continue;
    }
    if (!existsSync(join(folder, 'journey.spec.ts'))) {
      result.outcome = 'has no journey.spec.ts';
      continue;
    }
    console.log(`[lab] ${name}: console up in ${result.start} s; running its journey…`);
    began = Date.now();
    const passed = await run('npx', ['playwright', 'test', '--config', 'playwright.lab.config.ts', `test/lab/${name}`]);
    result.journey = seconds(began);
    if (passed !== 0) result.outcome = 'journey failed';
  } finally {
    console.log(`[lab] ${name}: stopping the console…`);
    const stopped = await run(join(folder, 'stop.sh'), [], folder);
    stopping = null;
    if (stopped !== 0) {
      console.error(`[lab] ${name}: stop.sh exited ${stopped}; the console may still be running.`);
      if (result.outcome === 'passed') result.outcome = 'did not stop';
    }
    results.push(result);
  }
}

console.log('\n[lab] Summary:');
for (const r of results) {
  const times = [r.start && `start ${r.start} s`, r.journey && `journey ${r.journey} s`].filter(Boolean).join(', ');
  console.log(`  ${r.outcome === 'passed' ? 'PASS' : 'FAIL'}  ${r.name}: ${r.outcome}${times ? ` (${times})` : ''}`);
}
const failed = results.filter((r) => r.outcome !== 'passed');
if (failed.length > 0) {
  console.log(`[lab] ${failed.length} of ${results.length} console${results.length === 1 ? '' : 's'} failed.`);
  process.exit(1);
}
console.log(`[lab] All ${results.length} console${results.length === 1 ? '' : 's'} passed.`);
