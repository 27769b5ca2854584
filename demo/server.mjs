// Acme Admin demo console: a zero-dependency Node http server.
//
//   node demo/server.mjs            # listens on DEMO_PORT (default 4173)
//   import { startDemoServer } from './demo/server.mjs'   # in-process, port 0 = random
//
// Serves demo/public/ (an SPA with history routing) and a small JSON API.

import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { handleApiRequest, requestedLatency } from './api.mjs';
import { buildDataset, defaultNow } from './data.mjs';

const HOST = '127.0.0.1';
const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

function sendJson(res, status, body, method) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(method === 'HEAD' ? undefined : text);
}

function sendText(res, status, text, headers = {}) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(text);
}

async function sendFile(res, filePath, method) {
  const info = await stat(filePath);
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise((resolve, reject) => {
    const stream = createReadStream(filePath);
    stream.on('error', reject);
    stream.on('end', resolve);
    stream.pipe(res);
  });
}

/** Resolves a URL path to a file inside public/, or null (missing, a directory, or outside). */
async function publicFile(pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const candidate = path.resolve(PUBLIC_DIR, `.${path.posix.normalize(decoded)}`);
  if (!candidate.startsWith(PUBLIC_DIR)) return null;
  try {
    const info = await stat(candidate);
    return info.isFile() ? candidate : null;
  } catch {
    return null;
  }
}

function delay(ms, res) {
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(true), ms);
    res.on('close', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
}

/**
 * Test-only "hold" gates: `/api/events?…&hold=<token>` waits until the test releases
 * that token, so a test can keep a search "in flight" for exactly as long as it needs
 * instead of guessing a latency. Only servers started with `testHooks: true` have them
 * (the end-to-end fixture); `npm run demo` and `npm start` never do.
 *
 *   GET /__test/held?token=T            → { waiting, answered, open }
 *   GET /__test/release?token=T         → answers the requests waiting now (later ones wait again)
 *   GET /__test/release?token=T&open=1  → answers them and lets every later one through
 */
function createHoldGates() {
  const gates = new Map();
  const gate = (token) => {
    let g = gates.get(token);
    if (!g) gates.set(token, (g = { waiting: new Set(), answered: 0, open: false }));
    return g;
  };
  return {
    /** Resolves true when released, false if the browser gave up on the request first. */
    wait(token, res) {
      const g = gate(token);
      if (g.open) return Promise.resolve(true);
      return new Promise((resolve) => {
        const go = () => resolve(g.waiting.delete(go));
        g.waiting.add(go);
        res.on('close', () => {
          if (g.waiting.delete(go)) resolve(false);
        });
      });
    },
    answered(token) {
      gate(token).answered++;
    },
    status(token) {
      const g = gate(token);
      return { waiting: g.waiting.size, answered: g.answered, open: g.open };
    },
    release(token, open) {
      const g = gate(token);
      if (open) g.open = true;
      for (const go of [...g.waiting]) go();
      return this.status(token);
    },
  };
}

/** The request handler for a dataset; exported for embedding in other servers. */
export function createDemoHandler({ now, eventCount, testHooks = false } = {}) {
  const dataset = buildDataset({ now: now ?? defaultNow(), count: eventCount ?? eventCountFromEnv() });
  const holds = testHooks ? createHoldGates() : null;
  const handler = async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? HOST}`);
      const method = req.method ?? 'GET';
      if (method !== 'GET' && method !== 'HEAD') {
        sendText(res, 405, 'Method not allowed', { allow: 'GET, HEAD' });
        return;
      }

      if (holds && (url.pathname === '/__test/held' || url.pathname === '/__test/release')) {
        const token = url.searchParams.get('token') ?? '';
        if (!token) return sendJson(res, 400, { error: 'token is required' }, method);
        const open = url.searchParams.get('open') === '1';
        sendJson(res, 200, url.pathname === '/__test/held' ? holds.status(token) : holds.release(token, open), method);
        return;
      }

      if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
        const answer = handleApiRequest(url, dataset);
        if (answer && answer.status === 200 && url.pathname === '/api/events') {
          const stillOpen = await delay(requestedLatency(url), res);
          if (!stillOpen) return;
          const token = holds ? url.searchParams.get('hold') : null;
          if (token) {
            if (!(await holds.wait(token, res))) return;
            holds.answered(token);
          }
        }
        sendJson(res, answer?.status ?? 404, answer?.body ?? { error: 'Not found' }, method);
        return;
      }

      if (url.pathname === '/') {
        res.writeHead(302, { location: `/audit${url.search}`, 'cache-control': 'no-store' });
        res.end();
        return;
      }

      const file = await publicFile(url.pathname);
      if (file) {
        await sendFile(res, file, method);
        return;
      }

      // Paths that look like files but don't exist are real 404s; everything else is a route of the SPA.
      if (path.posix.extname(url.pathname)) {
        sendText(res, 404, 'Not found');
        return;
      }
      await sendFile(res, path.join(PUBLIC_DIR, 'index.html'), method);
    } catch (error) {
      if (!res.headersSent) sendText(res, 500, 'Internal error');
      else res.destroy();
      console.error('[demo] request failed:', error);
    }
  };
  return { handler, dataset };
}

function eventCountFromEnv() {
  const raw = process.env.DEMO_EVENTS;
  if (!raw) return undefined;
  const n = Number.parseInt(raw, 10);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 200000) : undefined;
}

/**
 * Starts the demo console on 127.0.0.1. `port` 0 picks a free port.
 * `now` (Date, ISO string or ms) fixes the data; default DEMO_NOW or the start of today (UTC).
 * `eventCount` (default DEMO_EVENTS or 5,200) sizes the log, e.g. 12,000 for a 10,000-row benchmark.
 * `testHooks` turns on the test-only hold gates (see createHoldGates); off by default.
 */
export async function startDemoServer({ port = 0, now, eventCount, testHooks = false } = {}) {
  const { handler } = createDemoHandler({ now, eventCount, testHooks });
  const server = http.createServer((req, res) => {
    void handler(req, res);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  let closed = false;
  return {
    url: `http://${HOST}:${actualPort}`,
    port: actualPort,
    close() {
      if (closed) return Promise.resolve();
      closed = true;
      return new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      });
    },
  };
}

async function isMainModule() {
  if (!process.argv[1]) return false;
  try {
    const [self, invoked] = await Promise.all([realpath(fileURLToPath(import.meta.url)), realpath(process.argv[1])]);
    return pathToFileURL(self).href === pathToFileURL(invoked).href;
  } catch {
    return false;
  }
}

if (await isMainModule()) {
  const port = Number.parseInt(process.env.DEMO_PORT ?? '4173', 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`DEMO_PORT must be a port number, got "${process.env.DEMO_PORT}"`);
    process.exit(1);
  }
  const demo = await startDemoServer({ port }).catch((error) => {
    console.error(`Could not start the demo console on port ${port}: ${error.message}`);
    process.exit(1);
  });
  console.log(`Acme Admin demo console: ${demo.url}/audit`);
  const stop = () => {
    void demo.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
