import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../utils/db/database';
import { withText } from '../../utils/db/pack-texts';
import { fetchPackText, packUrlProblem, type FetchLike } from '../../utils/packs/fetch-pack';
import { resetStoreForTests } from '../../utils/packs/store';
import { DAY_MS, HOUR_MS, refreshPack, refreshSubscriptions, retryDelayMs, subscribe } from '../../utils/packs/subscriptions';
import { freshDatabase, packText } from './packs-helpers';

const URL_A = 'https://packs.example.org/team.json';

/** A scripted server: each call answers with the next response and records the request headers. */
function server(...answers: (() => Response)[]) {
  const requests: Headers[] = [];
  const fetch: FetchLike = async (_url, init) => {
    requests.push(new Headers(init?.headers));
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    return next();
  };
  return { fetch, requests };
}

const ok = (body: string, headers: Record<string, string> = {}) => () => new Response(body, { status: 200, headers });

beforeEach(() => {
  resetStoreForTests();
  freshDatabase();
});

describe('pack addresses', () => {
  it('allows https and this computer only', () => {
    expect(packUrlProblem('https://example.org/p.json')).toBeNull();
    expect(packUrlProblem('http://127.0.0.1:8080/p.json')).toBeNull();
    expect(packUrlProblem('http://localhost:3000/p.yaml')).toBeNull();
    expect(packUrlProblem('http://example.org/p.json')).toMatch(/https/);
    expect(packUrlProblem('ftp://example.org/p.json')).toMatch(/https/);
    expect(packUrlProblem('not a url')).toMatch(/not a web address/);
  });
});

describe('fetchPackText', () => {
  it('stops reading past the size cap', async () => {
    const big = 'x'.repeat(2_000);
    const outcome = await fetchPackText(URL_A, {}, { fetch: async () => new Response(big), maxBytes: 1_000 });
    expect(outcome).toEqual({ kind: 'failed', message: expect.stringMatching(/larger than/) });
  });

  it('gives up after the time limit', async () => {
    const hang: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const outcome = await fetchPackText(URL_A, {}, { fetch: hang, timeoutMs: 30 });
    expect(outcome).toEqual({ kind: 'failed', message: expect.stringMatching(/took longer than/) });
  });
});

describe('subscriptions', () => {
  async function subscribed() {
    const first = server(ok(packText(), { etag: '"v1"', 'last-modified': 'Tue, 01 Apr 2026 10:00:00 GMT' }));
    const reply = await subscribe(URL_A, { fetch: first.fetch, now: 1_000 });
    expect(reply.status).toBe('installed');
    return (await withText((await db().packs.get('team-pack'))!));
  }

  it('installs a valid pack with its validators and a daily check', async () => {
    const record = await subscribed();
    expect(record).toMatchObject({ source: 'url', url: URL_A, etag: '"v1"', nextCheckAt: 1_000 + DAY_MS, failures: 0 });
    expect(record.raw).toBe(packText());
  });

  it('refuses to subscribe to garbage and stores nothing', async () => {
    const html = server(ok('<!doctype html><html><body>Sign in</body></html>', { 'content-type': 'text/html' }));
    await expect(subscribe(URL_A, { fetch: html.fetch })).rejects.toThrow(/web page.*Nothing was added/);
    const missing = server(() => new Response('nope', { status: 404 }));
    await expect(subscribe(URL_A, { fetch: missing.fetch })).rejects.toThrow(/'not found' \(404\)/);
    expect(await db().packs.where('source').equals('url').count()).toBe(0);
  });

  it('sends If-None-Match / If-Modified-Since and treats 304 as up to date', async () => {
    await subscribed();
    const later = server(() => new Response(null, { status: 304 }));
    const result = await refreshPack('team-pack', { fetch: later.fetch, now: 5_000 });
    expect(later.requests[0]!.get('if-none-match')).toBe('"v1"');
    expect(later.requests[0]!.get('if-modified-since')).toBe('Tue, 01 Apr 2026 10:00:00 GMT');
    expect(result.status).toBe('unchanged');
    expect(result.record).toMatchObject({ lastCheckedAt: 5_000, nextCheckAt: 5_000 + DAY_MS });
  });

  it('takes a newer valid version', async () => {
    await subscribed();
    const newer = packText({ version: '1.1.0' });
    const result = await refreshPack('team-pack', { fetch: server(ok(newer, { etag: '"v2"' })).fetch, now: 9_000 });
    expect(result.status).toBe('updated');
    expect((await withText((await db().packs.get('team-pack'))!))).toMatchObject({ raw: newer, etag: '"v2"', updatedAt: 9_000 });
  });

  const failures: [string, () => Response, RegExp][] = [
    ['404', () => new Response('gone', { status: 404 }), /'not found' \(404\)/],
    ['500', () => new Response('oops', { status: 500 }), /had a problem \(500\)/],
    ['an HTML page with 200', () => new Response('<html><body>Login</body></html>', { headers: { 'content-type': 'text/html; charset=utf-8' } }), /web page, not a pack/],
    ['an empty body', () => new Response(''), /empty file/],
    ['an invalid pack', () => new Response(packText({ runbooks: [{ id: 'x-y', title: 't', summary: 's', steps: [] }] as never })), /not valid any more.*"runbooks\[0\]\.steps"/],
    ['an older version', () => new Response(packText({ version: '0.9.0' })), /version 0\.9\.0, which is older than the installed 1\.0\.0/],
    ['a different pack', () => new Response(packText({ id: 'someone-else' })), /different pack/],
  ];
  for (const [what, answer, message] of failures) {
    it(`keeps the last good copy byte for byte after ${what}`, async () => {
      const before = await subscribed();
      const result = await refreshPack('team-pack', { fetch: server(answer).fetch, now: 50_000 });
      const after = (await withText((await db().packs.get('team-pack'))!));
      expect(result.status).toBe('failed');
      expect(after.raw).toBe(before.raw);
      expect(after.pack).toEqual(before.pack);
      expect(after.lastError).toMatch(message);
      expect(after.lastError).toMatch(/kept the last good copy \(version 1\.0\.0\)/);
      expect(after).toMatchObject({ failures: 1, nextCheckAt: 50_000 + HOUR_MS });
    });
  }

  it('keeps the copy after a timeout and a network failure', async () => {
    const before = await subscribed();
    const hang: FetchLike = (_u, init) => new Promise((_r, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    await refreshPack('team-pack', { fetch: hang, timeoutMs: 20, now: 2_000 });
    await refreshPack('team-pack', { fetch: async () => Promise.reject(new TypeError('Failed to fetch')), now: 3_000 });
    const after = (await withText((await db().packs.get('team-pack'))!));
    expect(after.raw).toBe(before.raw);
    expect(after.lastError).toMatch(/couldn't reach packs\.example\.org/);
    expect(after.failures).toBe(2);
  });

  it('backs off 1 h, 2 h, 4 h … up to a day, then resets after a good check', async () => {
    expect([1, 2, 3, 4, 5, 6, 7, 12].map(retryDelayMs)).toEqual([1, 2, 4, 8, 16, 24, 24, 24].map((h) => h * HOUR_MS));
    await subscribed();
    const down = () => new Response('down', { status: 503 });
    let now = 10_000;
    for (const hours of [1, 2, 4]) {
      const result = await refreshPack('team-pack', { fetch: server(down).fetch, now });
      expect(result.record.nextCheckAt).toBe(now + hours * HOUR_MS);
      now += hours * HOUR_MS;
    }
    // Only due packs are checked by the alarm.
    expect(await refreshSubscriptions({ fetch: server().fetch, now: now - 1, dueOnly: true })).toEqual([]);
    const back = await refreshSubscriptions({ fetch: server(() => new Response(null, { status: 304 })).fetch, now, dueOnly: true });
    expect(back[0]!.record).toMatchObject({ failures: 0, nextCheckAt: now + DAY_MS });
    expect(back[0]!.record.lastError).toBeUndefined();
  });
});
