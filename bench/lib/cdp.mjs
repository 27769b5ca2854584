// Chromium driven over raw CDP (one WebSocket to the browser, flat sessions): what Playwright
// does not give — a session on an extension's service worker (bench/tools/worker-*.mjs).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { CHROME_PATH, chromiumArgs } from '../../scripts/chromium.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export class Cdp {
  constructor(ws) {
    this.ws = ws;
    this.id = 0;
    this.pending = new Map();
    this.listeners = [];
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data));
      if (msg.id && this.pending.has(msg.id)) {
        const { resolve: ok, reject } = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.error) reject(new Error(`${msg.error.message}`));
        else ok(msg.result);
      } else if (msg.method) for (const l of [...this.listeners]) l(msg);
    });
  }
  send(method, params = {}, sessionId) {
    const id = ++this.id;
    this.ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    return new Promise((ok, reject) => this.pending.set(id, { resolve: ok, reject }));
  }
  waitFor(predicate, timeoutMs = 20_000, what = 'a CDP event') {
    return new Promise((ok, reject) => {
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== listener);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      const listener = (msg) => {
        if (!predicate(msg)) return;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== listener);
        ok(msg);
      };
      this.listeners.push(listener);
    });
  }
}

export async function launch(extDir) {
  const userDataDir = await mkdtemp(join(tmpdir(), 'trailguide-wp-profile-'));
  const child = spawn(CHROME_PATH, [...chromiumArgs(extDir), '--headless=new', '--remote-debugging-port=0', `--user-data-dir=${userDataDir}`, 'about:blank'], {
    stdio: 'ignore',
  });
  const portFile = join(userDataDir, 'DevToolsActivePort');
  for (let i = 0; i < 200 && !existsSync(portFile); i += 1) await sleep(50);
  const [port, path] = (await readFile(portFile, 'utf8')).split('\n');
  const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`, { perMessageDeflate: false, maxPayload: 512 * 1024 * 1024 });
  await new Promise((ok, reject) => ws.once('open', ok).once('error', reject));
  return {
    cdp: new Cdp(ws),
    userDataDir,
    async close() {
      ws.close();
      child.kill();
      await new Promise((ok) => child.once('exit', ok));
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The extension's service worker target: listening for its creation before asking for the
 * targets, so a worker that starts between the two is not missed.
 */
export async function extensionWorker(cdp, timeoutMs = 20_000) {
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  const isWorker = (t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://');
  const created = cdp.waitFor((m) => m.method === 'Target.targetCreated' && isWorker(m.params.targetInfo), timeoutMs, 'the worker at start');
  const existing = (await cdp.send('Target.getTargets')).targetInfos.find(isWorker);
  if (existing) {
    created.catch(() => undefined);
    return existing;
  }
  return (await created).params.targetInfo;
}
