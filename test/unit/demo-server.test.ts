import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { requestedLatency } from '../../demo/api.mjs';
import { resolveStories, type DemoAction, type DemoEvent, type DemoUser } from '../../demo/data.mjs';
import { startDemoServer, type DemoServer } from '../../demo/server.mjs';

const NOW = '2025-06-10T00:00:00.000Z';
const stories = resolveStories(NOW);
let server: DemoServer;

interface EventsPage {
  total: number;
  page: number;
  pageSize: number;
  pages: number;
  events: DemoEvent[];
}

async function getJson<T>(path: string): Promise<{ status: number; body: T }> {
  const res = await fetch(server.url + path);
  return { status: res.status, body: (await res.json()) as T };
}

async function events(query: string): Promise<EventsPage> {
  const { status, body } = await getJson<EventsPage>(`/api/events?${query}`);
  expect(status).toBe(200);
  return body;
}

beforeAll(async () => {
  vi.setConfig({ testTimeout: 30_000 });
  server = await startDemoServer({ port: 0, now: NOW });
}, 30_000);

afterAll(async () => {
  await server?.close();
});

describe('demo server: startDemoServer', () => {
  it('listens on a random 127.0.0.1 port and returns its origin', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
    expect(server.url.endsWith(`:${server.port}`)).toBe(true);
  });
});

describe('demo server: /api/events', () => {
  it('pages all events by default (50 per page, newest first)', async () => {
    const body = await events('');
    expect(body.total).toBe(5200);
    expect(body.page).toBe(1);
    expect(body.pageSize).toBe(50);
    expect(body.pages).toBe(104);
    expect(body.events).toHaveLength(50);
    const times = body.events.map((e) => e.time);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('filters by actor, action and time range', async () => {
    const b = stories.failedSignInBurst;
    const q = new URLSearchParams({ actor: b.actor, action: 'user.login_failed', from: '2025-06-05T00:00', to: '2025-06-05T23:59' });
    const body = await events(q.toString());
    expect(body.total).toBe(12);
    expect(body.events.every((e) => e.actor === b.actor && e.ip === b.ip)).toBe(true);
  });

  it('filters by free text over targets (story a)', async () => {
    const body = await events('q=dana.whitfield&action=account.settings_changed');
    expect(body.total).toBe(1);
    expect(body.events[0]).toMatchObject({ actor: 'li.chen@acme.example', target: 'dana.whitfield@northwind.example', time: stories.settingsChangedByAdmin.time });
  });

  it('pages consistently', async () => {
    const [p1, p2, both] = await Promise.all([events('pageSize=30&page=1'), events('pageSize=30&page=2'), events('pageSize=60')]);
    expect([...p1.events, ...p2.events].map((e) => e.id)).toEqual(both.events.map((e) => e.id));
    expect(p2.page).toBe(2);
    const beyond = await events('page=999');
    expect(beyond.events).toHaveLength(0);
    expect(beyond.total).toBe(5200);
  });

  it('caps pageSize at 10,000 and floors it at 1', async () => {
    const big = await events('pageSize=50000');
    expect(big.pageSize).toBe(10000);
    expect(big.events).toHaveLength(5200);
    expect(big.pages).toBe(1);
    const tiny = await events('pageSize=0');
    expect(tiny.pageSize).toBe(1);
    expect(tiny.events).toHaveLength(1);
  });

  it('can serve 10,000 rows when started with more events', async () => {
    const large = await startDemoServer({ now: NOW, eventCount: 12000 });
    try {
      const res = await fetch(`${large.url}/api/events?pageSize=10000`);
      const body = (await res.json()) as EventsPage;
      expect(body.total).toBe(12000);
      expect(body.events).toHaveLength(10000);
    } finally {
      await large.close();
    }
  });

  it('honours latency (roughly) and caps it at 10 s', async () => {
    const started = performance.now();
    const body = await events('latency=300&pageSize=1');
    expect(body.events).toHaveLength(1);
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    expect(requestedLatency(new URL('http://x/api/events?latency=999999'))).toBe(10000);
    expect(requestedLatency(new URL('http://x/api/events?latency=-5'))).toBe(0);
    expect(requestedLatency(new URL('http://x/api/events'))).toBe(0);
  });

  it('holds an answer until the test releases its token, only when started with test hooks', async () => {
    const held = await startDemoServer({ now: NOW, testHooks: true });
    try {
      const json = (path: string) => fetch(held.url + path).then((r) => r.json() as Promise<Record<string, unknown>>);
      let answered = false;
      const pending = fetch(`${held.url}/api/events?pageSize=1&hold=t1`).then(async (r) => {
        answered = true;
        return (await r.json()) as EventsPage;
      });
      await vi.waitFor(async () => expect(await json('/__test/held?token=t1')).toMatchObject({ waiting: 1, answered: 0 }));
      // Another token's release does not let it through.
      expect(await json('/__test/release?token=other')).toMatchObject({ waiting: 0 });
      expect(await json('/__test/held?token=t1')).toMatchObject({ waiting: 1 });
      expect(answered).toBe(false);
      await json('/__test/release?token=t1');
      expect((await pending).events).toHaveLength(1);
      expect(await json('/__test/held?token=t1')).toEqual({ waiting: 0, answered: 1, open: false });
      // After a plain release, the next request waits again; after open=1, none does.
      const next = fetch(`${held.url}/api/events?pageSize=1&hold=t1`);
      await vi.waitFor(async () => expect(await json('/__test/held?token=t1')).toMatchObject({ waiting: 1 }));
      expect(await json('/__test/release?token=t1&open=1')).toMatchObject({ waiting: 0, open: true });
      expect((await next).status).toBe(200);
      expect((await fetch(`${held.url}/api/events?pageSize=1&hold=t1`)).status).toBe(200);
    } finally {
      await held.close();
    }
    // The ordinary server (npm run demo, npm start) has no gates: hold is ignored.
    expect((await events('pageSize=1&hold=t2')).events).toHaveLength(1);
    const hook = await fetch(`${server.url}/__test/held?token=t2`);
    expect(hook.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('answers 400 for unreadable dates', async () => {
    const { status, body } = await getJson<{ error: string }>('/api/events?from=someday');
    expect(status).toBe(400);
    expect(body.error).toMatch(/someday/);
  });

  it('returns one event by id', async () => {
    const first = (await events('pageSize=1')).events[0]!;
    const { status, body } = await getJson<DemoEvent>(`/api/events/${first.id}`);
    expect(status).toBe(200);
    expect(body).toEqual(first);
    expect((await getJson('/api/events/evt_nope')).status).toBe(404);
  });
});

describe('demo server: other API routes', () => {
  it('lists users with their last sign-in', async () => {
    const { body } = await getJson<{ total: number; users: DemoUser[] }>('/api/users');
    expect(body.users.length).toBeGreaterThanOrEqual(40);
    const dana = body.users.find((u) => u.email === 'dana.whitfield@northwind.example');
    expect(dana?.lastSignIn).toBe(stories.settingsChangedByAdmin.customerSignInTimes.at(-1));
  });

  it('lists action codes with labels', async () => {
    const { body } = await getJson<{ actions: DemoAction[] }>('/api/actions');
    expect(body.actions.length).toBeGreaterThanOrEqual(25);
    expect(body.actions).toContainEqual(expect.objectContaining({ code: 'user.login', label: 'Sign-in' }));
  });

  it('describes itself at /api/meta', async () => {
    const { body } = await getJson<{ now: string; events: number }>('/api/meta');
    expect(body.now).toBe(NOW);
    expect(body.events).toBe(5200);
  });

  it('answers JSON 404 for unknown API routes', async () => {
    const res = await fetch(`${server.url}/api/nope`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
  });
});

describe('demo server: static files and SPA fallback', () => {
  it('redirects / to /audit, keeping the query', async () => {
    const res = await fetch(`${server.url}/?q=x`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/audit?q=x');
  });

  it.each(['/audit', '/audit?actor=omar&page=2', '/users', '/settings', '/billing', '/audit/', '/some/deep/route'])('serves index.html for %s', async (path) => {
    const res = await fetch(server.url + path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toContain('<div id="root">');
    expect(html).toContain('src="/app.js"');
  });

  it.each([
    ['/app.js', 'text/javascript; charset=utf-8'],
    ['/pages/audit.js', 'text/javascript; charset=utf-8'],
    ['/styles.css', 'text/css; charset=utf-8'],
    ['/favicon.svg', 'image/svg+xml'],
  ])('serves %s as %s', async (path, type) => {
    const res = await fetch(server.url + path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
  });

  it('gives 404 for missing files and never leaves public/', async () => {
    expect((await fetch(`${server.url}/missing.js`)).status).toBe(404);
    expect((await fetch(`${server.url}/..%2fdata.mjs`)).status).toBe(404);
    expect((await fetch(`${server.url}/%2e%2e/server.mjs`)).status).toBe(404);
  });

  it('rejects writes', async () => {
    expect((await fetch(`${server.url}/api/events`, { method: 'POST' })).status).toBe(405);
  });

  it('does not reference external URLs from the SPA', async () => {
    for (const path of ['/', '/app.js', '/styles.css', '/pages/audit.js']) {
      const text = await (await fetch(server.url + (path === '/' ? '/audit' : path))).text();
      expect(text, path).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    }
  });
});

describe('demo server: run as a script', () => {
  it('prints its URL and serves on DEMO_PORT', async () => {
    const script = fileURLToPath(new URL('../../demo/server.mjs', import.meta.url));
    const child = spawn(process.execPath, [script], { env: { ...process.env, DEMO_PORT: '0', DEMO_NOW: NOW }, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('\n')) resolve(out.split('\n')[0]!);
        });
        child.on('exit', (code) => reject(new Error(`exited with ${code}`)));
        setTimeout(() => reject(new Error(`no output: ${out}`)), 15000);
      });
      expect(line).toMatch(/^Acme Admin demo console: http:\/\/127\.0\.0\.1:\d+\/audit$/);
      const url = line.replace('Acme Admin demo console: ', '');
      const res = await fetch(url);
      expect(res.status).toBe(200);
      const meta = (await (await fetch(new URL('/api/meta', url))).json()) as { now: string };
      expect(meta.now).toBe(NOW);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
