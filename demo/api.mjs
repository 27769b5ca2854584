// The demo console's JSON API as a pure function of (URL, dataset), so the
// HTTP server and in-process tests share one implementation.

import { filterEvents } from './data.mjs';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 10000;
export const MAX_LATENCY_MS = 10000;

function intParam(params, name, { fallback, min, max }) {
  const raw = params.get(name);
  if (raw === null || raw.trim() === '') return fallback;
  const n = Number.parseInt(raw, 10);
  if (!Number.isFinite(n)) return fallback;
  return Math.min(max, Math.max(min, n));
}

/** Milliseconds the response for this URL should be delayed (0–10,000). */
export function requestedLatency(url) {
  return intParam(url.searchParams, 'latency', { fallback: 0, min: 0, max: MAX_LATENCY_MS });
}

/**
 * Answers one API request. `url` is a URL object; returns { status, body }
 * or null when the path is not an API route.
 */
export function handleApiRequest(url, dataset) {
  const { pathname, searchParams: params } = url;
  if (!pathname.startsWith('/api/') && pathname !== '/api') return null;

  if (pathname === '/api/events') {
    let matched;
    try {
      matched = filterEvents(dataset.events, {
        q: params.get('q') ?? '',
        actor: params.get('actor') ?? '',
        action: params.get('action') ?? '',
        from: params.get('from') ?? '',
        to: params.get('to') ?? '',
      });
    } catch (error) {
      return { status: 400, body: { error: `Invalid filter: ${error instanceof Error ? error.message : String(error)}` } };
    }
    const pageSize = intParam(params, 'pageSize', { fallback: DEFAULT_PAGE_SIZE, min: 1, max: MAX_PAGE_SIZE });
    const page = intParam(params, 'page', { fallback: 1, min: 1, max: Number.MAX_SAFE_INTEGER });
    const total = matched.length;
    const pages = Math.max(1, Math.ceil(total / pageSize));
    const start = (page - 1) * pageSize;
    return { status: 200, body: { total, page, pageSize, pages, events: matched.slice(start, start + pageSize) } };
  }

  const single = /^\/api\/events\/([A-Za-z0-9_-]+)$/.exec(pathname);
  if (single) {
    const event = dataset.events.find((e) => e.id === single[1]);
    return event ? { status: 200, body: event } : { status: 404, body: { error: 'Event not found' } };
  }

  if (pathname === '/api/users') {
    const q = (params.get('q') ?? '').trim().toLowerCase();
    const users = q ? dataset.users.filter((u) => `${u.name}\n${u.email}\n${u.org}`.toLowerCase().includes(q)) : dataset.users;
    return { status: 200, body: { total: users.length, now: dataset.now, users } };
  }

  if (pathname === '/api/actions') {
    return { status: 200, body: { actions: dataset.actions } };
  }

  if (pathname === '/api/meta') {
    return {
      status: 200,
      body: {
        name: 'Acme Admin demo console',
        now: dataset.now,
        events: dataset.events.length,
        users: dataset.users.length,
        stories: dataset.stories,
      },
    };
  }

  return { status: 404, body: { error: `No API route ${pathname}` } };
}
