import { createServer, request as forwardRequest, type IncomingMessage, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { chromium, type BrowserContext, type Request } from '@playwright/test';
import { CHROME_PATH, chromiumArgs } from './fixtures';

/**
 * Two independent recorders for "nothing leaves the machine" (DESIGN.md §3.7),
 * used by security-network.spec.ts:
 *
 * 1. Playwright's own request events, which say *who* asked: the page and its
 *    frames, the panel (an out-of-process extension iframe), the options page
 *    and the extension's service worker (`request.serviceWorker()`). Playwright
 *    1.65 reports a worker's requests by default and only
 *    PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK turns that off; older versions
 *    needed PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS.
 * 2. A recording proxy that Chromium is told to send *every* http(s)/ws request
 *    through, loopback included. It sees traffic no matter which process made it
 *    (a worker Playwright is not attached to, a helper page, Chromium itself), so
 *    a gap in (1) cannot hide a request. It never forwards anything beyond this
 *    machine: only loopback targets are passed on; the rest are recorded and
 *    refused.
 */

/** Which part of the browser asked for something. */
export type RequestSource = 'page' | 'page-frame' | 'panel' | 'options' | 'extension-page' | 'service-worker' | 'unknown';

export interface RecordedRequest {
  source: RequestSource;
  url: string;
}

const EXTENSION_INTERNAL = new Set(['chrome-extension:', 'data:', 'blob:']);

/**
 * The requests that would leave the machine: anything that is neither an
 * extension-internal URL (chrome-extension:, data:, blob:) nor on one of the
 * allowed origins. An unparsable URL counts as leaving, to be safe.
 */
export function requestsLeavingTheMachine(urls: readonly string[], allowedOrigins: readonly string[]): string[] {
  const allowed = new Set(allowedOrigins.map((origin) => new URL(origin).origin));
  return urls.filter((url) => {
    try {
      const parsed = new URL(url);
      return !EXTENSION_INTERNAL.has(parsed.protocol) && !allowed.has(parsed.origin);
    } catch {
      return true;
    }
  });
}

/**
 * Chromium's own background calls, which the quiet flags of scripts/chromium.mjs
 * do not silence (Chromium 156, observed through the proxy on a blank profile
 * with no page open):
 * - accounts.google.com: Chromium's Google sign-in code (it moves with --gaia-url);
 * - update.googleapis.com: the component updater asking for an on-demand
 *   component (appid ceofaddefefcbblgcgnibnonglccbfja — not our extension);
 * - content-autofill.googleapis.com: autofill's field predictions, sent when
 *   anything is typed into a form.
 * Only the proxy's list may contain these; the proxy refuses them, so they never
 * leave either. The per-source list (page, frames, panel, options, worker) gets
 * no such allowance, which is what catches the extension itself calling one.
 */
export const CHROMIUM_OWN_HOSTS: readonly string[] = ['accounts.google.com', 'update.googleapis.com', 'content-autofill.googleapis.com'];

export function isChromiumOwnTraffic(url: string): boolean {
  try {
    return CHROMIUM_OWN_HOSTS.includes(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** How many recorded requests came from each source. */
export function countBySource(requests: readonly RecordedRequest[]): Record<RequestSource, number> {
  const counts: Record<RequestSource, number> = {
    page: 0,
    'page-frame': 0,
    panel: 0,
    options: 0,
    'extension-page': 0,
    'service-worker': 0,
    unknown: 0,
  };
  for (const request of requests) counts[request.source] += 1;
  return counts;
}

function sourceOf(request: Request): RequestSource {
  if (request.serviceWorker()) return 'service-worker';
  let frame;
  try {
    frame = request.frame();
  } catch {
    return 'unknown'; // a request with neither a worker nor a frame
  }
  // A frame's navigation request is made before the frame has its new URL.
  const documentUrl = request.isNavigationRequest() ? request.url() : frame.url();
  if (documentUrl.startsWith('chrome-extension://')) {
    const path = new URL(documentUrl).pathname;
    if (path === '/panel.html') return 'panel';
    if (path === '/options.html') return 'options';
    return 'extension-page';
  }
  return frame.parentFrame() ? 'page-frame' : 'page';
}

/** Records every request Playwright reports for the context, from now on. */
export function recordRequests(context: BrowserContext): RecordedRequest[] {
  const recorded: RecordedRequest[] = [];
  context.on('request', (request) => recorded.push({ source: sourceOf(request), url: request.url() }));
  return recorded;
}

export interface RecordingProxy {
  /** e.g. http://127.0.0.1:41234 — what Chromium is told to use. */
  server: string;
  /** Every request that reached the proxy, as a URL (CONNECT tunnels as https://host:port/). */
  seen: string[];
  close: () => Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A tiny HTTP proxy that writes down where each request was going. Plain HTTP
 * to loopback is passed on (that is how the demo console still loads); CONNECT
 * (https, wss) and anything off this machine is recorded and refused.
 */
export async function startRecordingProxy(): Promise<RecordingProxy> {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    const target = req.url ?? '';
    seen.push(target);
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (url.protocol !== 'http:' || !LOOPBACK.has(url.hostname)) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end('Refused by the test proxy: not on this machine.');
      return;
    }
    const headers = { ...req.headers };
    delete headers['proxy-connection'];
    const upstream = forwardRequest(
      { host: url.hostname.replace(/^\[|\]$/g, ''), port: url.port || 80, path: `${url.pathname}${url.search}`, method: req.method, headers },
      (answer: IncomingMessage) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  server.on('connect', (req: IncomingMessage, socket: Socket) => {
    seen.push(`https://${req.url ?? ''}/`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  server.on('upgrade', (req: IncomingMessage, socket: Socket) => {
    seen.push(req.url ?? '');
    socket.destroy();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  return {
    server: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/**
 * The extension's usual launch, with every request sent through the proxy.
 * Playwright adds `<-loopback>` to Chromium's bypass list for a proxy, which
 * removes Chromium's built-in "never proxy loopback" rule, so the demo console
 * on 127.0.0.1 goes through the proxy too.
 */
export function launchThroughProxy(userDataDir: string, proxyServer: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROME_PATH,
    headless: true,
    args: chromiumArgs(),
    viewport: { width: 1280, height: 800 },
    proxy: { server: proxyServer },
  });
}
