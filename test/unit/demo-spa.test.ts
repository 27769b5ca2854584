// @vitest-environment happy-dom
//
// The demo console's SPA in happy-dom, with fetch answered in-process by the
// same API function the server uses.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handleApiRequest } from '../../demo/api.mjs';
import { buildDataset } from '../../demo/data.mjs';

const NOW = '2025-06-10T00:00:00.000Z';
const dataset = buildDataset({ now: NOW });
const apiCalls: URL[] = [];
let hold: Promise<void> | null = null;

async function fakeFetch(input: string | URL | Request): Promise<Response> {
  const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const url = new URL(raw, 'http://demo.test');
  apiCalls.push(url);
  if (hold) await hold;
  const answer = handleApiRequest(url, dataset) ?? { status: 404, body: { error: 'not found' } };
  return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } });
}

const $ = <T extends Element = HTMLElement>(selector: string): T => {
  const el = document.querySelector<T>(selector);
  if (!el) throw new Error(`missing ${selector}`);
  return el;
};
const lastEventsCall = () => [...apiCalls].reverse().find((u) => u.pathname === '/api/events')!;
const nativeValueSetter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;

function typeLikeAUser(el: HTMLInputElement, value: string) {
  nativeValueSetter.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

async function settled() {
  await vi.waitFor(() => {
    expect(document.querySelector('#audit-results')?.getAttribute('aria-busy')).toBe('false');
  }, { timeout: 10_000 });
}

function go(path: string) {
  history.pushState(null, '', path);
  window.dispatchEvent(new Event('popstate'));
}

function submit() {
  $<HTMLButtonElement>('form[role="search"] button[type="submit"]').click();
}

beforeAll(async () => {
  vi.setConfig({ testTimeout: 30_000 });
  vi.stubGlobal('fetch', fakeFetch);
  document.body.innerHTML = '<div id="root"></div>';
  history.replaceState(null, '', '/audit');
  const app = '../../demo/public/app.js';
  await import(/* @vite-ignore */ app);
  await settled();
}, 30_000);

afterAll(() => {
  vi.unstubAllGlobals();
});

describe('demo SPA: audit log page', () => {
  it('renders the documented hooks', () => {
    const section = $('section#audit-log');
    expect(section.dataset.page).toBe('audit-log');
    expect(section.querySelector('h1')?.textContent).toBe('Audit log');
    const q = $<HTMLInputElement>('form[role="search"] input[type="search"][name="q"]');
    expect(q.getAttribute('aria-label')).toBe('Search events');
    expect(q.placeholder).toBe('Search events');
    const actor = $<HTMLInputElement>('input[name="actor"]');
    expect(actor.getAttribute('aria-label')).toBe('Actor');
    expect(actor.placeholder).toBe('user@company.com');
    const combo = $('button[role="combobox"][data-testid="event-type"]');
    expect(combo.getAttribute('aria-haspopup')).toBe('listbox');
    expect(combo.getAttribute('aria-expanded')).toBe('false');
    expect(combo.getAttribute('aria-label')).toBe('Event type');
    expect(document.querySelector('select')).toBeNull();
    expect($('input[type="datetime-local"][name="from"]').getAttribute('aria-label')).toBe('From');
    expect($('input[type="datetime-local"][name="to"]').getAttribute('aria-label')).toBe('To');
    expect($('form[role="search"] button[type="submit"]').textContent).toBe('Apply filters');
    expect($('[data-testid="clear-filters"]').textContent).toBe('Clear');

    expect($('[data-testid="result-count"]').textContent).toBe('Showing 1–50 of 5,200 events');
    const headers = [...document.querySelectorAll('table.audit-table thead th')].map((th) => th.textContent);
    expect(headers).toEqual(['Time', 'Actor', 'Event', 'Target', 'IP address', 'Result']);
    const rows = document.querySelectorAll('table.audit-table tbody tr[data-event-id]');
    expect(rows).toHaveLength(50);
    const first = dataset.events[0]!;
    const row = rows[0]!;
    expect(row.getAttribute('data-event-id')).toBe(first.id);
    expect(row.querySelector('td.col-time time')?.getAttribute('datetime')).toBe(first.time);
    expect(row.querySelector('td.col-actor')?.textContent).toBe(first.actor);
    expect(row.querySelector('td.col-action .event-label')?.textContent).toBe(dataset.actions.find((a) => a.code === first.action)?.label);
    expect(row.querySelector('td.col-action code')?.textContent).toBe(first.action);
    expect(row.querySelector('td.col-target')?.textContent).toBe(first.target);
    expect(row.querySelector('td.col-ip')?.textContent).toBe(first.ip);
    expect(row.querySelector('td.col-result .badge')?.textContent).toMatch(/Success|Failure/);
    expect($('[data-testid="page-indicator"]').textContent).toBe('Page 1 of 104');
    expect($<HTMLButtonElement>('button[aria-label="Previous page"]').disabled).toBe(true);
    expect($<HTMLButtonElement>('button[aria-label="Next page"]').disabled).toBe(false);
  });

  it('ignores a value set from a script without an input event', async () => {
    const actor = $<HTMLInputElement>('input[name="actor"]');
    actor.value = 'omar.haddad@globex.example';
    const before = apiCalls.length;
    submit();
    await settled();
    expect(apiCalls.length).toBeGreaterThan(before);
    expect(lastEventsCall().searchParams.has('actor')).toBe(false);
    expect(location.search).toBe('');
    expect(actor.value).toBe(''); // re-rendered from state
  });

  it('ignores el.value = … followed by an input event, like React does', async () => {
    const actor = $<HTMLInputElement>('input[name="actor"]');
    actor.value = 'omar.haddad@globex.example';
    actor.dispatchEvent(new Event('input', { bubbles: true }));
    submit();
    await settled();
    expect(lastEventsCall().searchParams.has('actor')).toBe(false);
    expect(location.search).toBe('');
  });

  it('applies a value set with the native setter plus an input event', async () => {
    typeLikeAUser($<HTMLInputElement>('input[name="actor"]'), 'omar.haddad@globex.example');
    typeLikeAUser($<HTMLInputElement>('input[name="from"]'), '2025-06-05T00:00');
    typeLikeAUser($<HTMLInputElement>('input[name="to"]'), '2025-06-05T23:59');
    submit();
    await settled();
    const params = new URLSearchParams(location.search);
    expect(location.pathname).toBe('/audit');
    expect(params.get('actor')).toBe('omar.haddad@globex.example');
    expect(params.get('from')).toBe('2025-06-05T00:00');
    expect(params.get('to')).toBe('2025-06-05T23:59');
    expect(params.has('page')).toBe(false);
    expect(lastEventsCall().searchParams.get('actor')).toBe('omar.haddad@globex.example');
    const actors = [...document.querySelectorAll('td.col-actor')].map((td) => td.textContent);
    expect(actors.length).toBeGreaterThanOrEqual(13);
    expect(new Set(actors)).toEqual(new Set(['omar.haddad@globex.example']));
  });

  it('applies on Enter in an input', async () => {
    const q = $<HTMLInputElement>('input[name="q"]');
    typeLikeAUser(q, '203.0.113.250');
    q.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    await settled();
    expect(new URLSearchParams(location.search).get('q')).toBe('203.0.113.250');
    expect($('[data-testid="result-count"]').textContent).toBe('Showing 1–13 of 13 events');
  });

  it('picks an event type from the custom dropdown with the keyboard and the mouse', async () => {
    go('/audit');
    await settled();
    const combo = $<HTMLButtonElement>('[data-testid="event-type"]');
    combo.click();
    expect(combo.getAttribute('aria-expanded')).toBe('true');
    const listbox = $('[role="listbox"]');
    expect(listbox.tagName).toBe('UL');
    const options = () => [...document.querySelectorAll('[role="listbox"] [role="option"]')];
    expect(options().length).toBeGreaterThanOrEqual(26);
    expect(options()[0]?.textContent).toBe('Any event type');
    expect(document.querySelector('[role="option"][data-value="user.login"]')?.textContent).toContain('Sign-in');

    // type to filter
    const filter = $<HTMLInputElement>('[aria-label="Filter event types"]');
    typeLikeAUser(filter, 'failed');
    expect(options().map((o) => o.getAttribute('data-value'))).toEqual(['user.login_failed']);
    filter.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    expect(combo.getAttribute('aria-expanded')).toBe('false');
    expect(document.querySelector('[role="listbox"]')).toBeNull();
    expect(combo.textContent).toContain('Failed sign-in');
    expect(combo.getAttribute('data-value')).toBe('user.login_failed');
    // picking is a draft until applied
    expect(location.search).toBe('');

    // arrows + Escape
    combo.click();
    const filter2 = $<HTMLInputElement>('[aria-label="Filter event types"]');
    filter2.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true }));
    filter2.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    expect(combo.getAttribute('aria-expanded')).toBe('false');
    expect(combo.getAttribute('data-value')).toBe('user.login_failed');

    // click an option
    combo.click();
    $('[role="option"][data-value="role.granted"]').click();
    expect(combo.getAttribute('data-value')).toBe('role.granted');
    submit();
    await settled();
    expect(new URLSearchParams(location.search).get('action')).toBe('role.granted');
    expect([...document.querySelectorAll('td.col-action code')].every((c) => c.textContent === 'role.granted')).toBe(true);

    // "Any event type" clears it
    combo.click();
    $('[role="option"][data-value=""]').click();
    expect(combo.getAttribute('data-value')).toBe('');
    submit();
    await settled();
    expect(location.search).toBe('');
  });

  it('applies deep links, keeps unknown parameters and passes latency to the API', async () => {
    go('/audit?q=dana.whitfield&action=account.settings_changed&latency=5');
    await settled();
    expect($<HTMLInputElement>('input[name="q"]').value).toBe('dana.whitfield');
    expect($('[data-testid="event-type"]').getAttribute('data-value')).toBe('account.settings_changed');
    expect(lastEventsCall().searchParams.get('latency')).toBe('5');
    const rows = document.querySelectorAll('tr[data-event-id]');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.querySelector('.col-actor')?.textContent).toBe('li.chen@acme.example');

    typeLikeAUser($<HTMLInputElement>('input[name="actor"]'), 'li.chen');
    submit();
    await settled();
    const params = new URLSearchParams(location.search);
    expect(params.get('latency')).toBe('5');
    expect(params.get('actor')).toBe('li.chen');
    expect(params.get('q')).toBe('dana.whitfield');
  });

  it('shows a loading state while fetching', async () => {
    let release!: () => void;
    hold = new Promise<void>((resolve) => (release = resolve));
    go('/audit?actor=sam.okafor');
    const results = $('#audit-results');
    expect(results.getAttribute('aria-busy')).toBe('true');
    expect(results.textContent).toContain('Loading events…');
    expect(document.querySelectorAll('tr[data-event-id]')).toHaveLength(0);
    hold = null;
    release();
    await settled();
    expect(document.querySelectorAll('tr[data-event-id]').length).toBeGreaterThan(0);
  });

  it('normalises ISO and date-only deep links for the datetime inputs', async () => {
    go('/audit?from=2025-06-01&to=2025-06-02T10:30:00Z');
    await settled();
    expect($<HTMLInputElement>('input[name="from"]').value).toBe('2025-06-01T00:00');
    expect($<HTMLInputElement>('input[name="to"]').value).toBe('2025-06-02T10:30');
    expect(lastEventsCall().searchParams.get('to')).toBe('2025-06-02T10:30:00Z');
  });

  it('pages with Previous/Next and the page in the URL', async () => {
    go('/audit');
    await settled();
    $<HTMLButtonElement>('button[aria-label="Next page"]').click();
    await settled();
    expect(new URLSearchParams(location.search).get('page')).toBe('2');
    expect($('[data-testid="page-indicator"]').textContent).toBe('Page 2 of 104');
    expect($('[data-testid="result-count"]').textContent).toBe('Showing 51–100 of 5,200 events');
    expect($<HTMLButtonElement>('button[aria-label="Previous page"]').disabled).toBe(false);
    go('/audit?page=104');
    await settled();
    expect($<HTMLButtonElement>('button[aria-label="Next page"]').disabled).toBe(true);
  });

  it('opens the row-detail drawer on click and Enter, and closes it with Escape', async () => {
    go('/audit');
    await settled();
    const row = $('tr[data-event-id]');
    row.click();
    const dialog = $('[role="dialog"][aria-label="Event details"]');
    const json = JSON.parse(dialog.querySelector('pre')!.textContent!);
    expect(json).toEqual(dataset.events[0]);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    expect(document.querySelector('[role="dialog"]')).toBeNull();

    row.focus();
    row.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    expect(document.querySelector('[role="dialog"][aria-label="Event details"]')).not.toBeNull();
    $<HTMLButtonElement>('[aria-label="Close details"]').click();
    expect(document.querySelector('[role="dialog"]')).toBeNull();
  });

  it('shows the empty and error states', async () => {
    go('/audit?q=nothing-matches-this');
    await settled();
    expect($('[data-testid="empty-state"]').textContent).toContain('No events match these filters');
    expect($('#audit-results').getAttribute('data-state')).toBe('empty');
    go('/audit?from=not-a-date');
    await settled();
    expect($('[data-testid="error-state"]').getAttribute('role')).toBe('alert');
    expect($('#audit-results').getAttribute('data-state')).toBe('error');
  });

  it('clears the filters with the Clear link, keeping unknown parameters', async () => {
    go('/audit?actor=omar&latency=1');
    await settled();
    $('[data-testid="clear-filters"]').click();
    await settled();
    expect(location.search).toBe('?latency=1');
    expect($<HTMLInputElement>('input[name="actor"]').value).toBe('');
  });
});

describe('demo SPA: other pages', () => {
  it('routes in-app links with pushState and handles back', async () => {
    go('/audit');
    await settled();
    const length = history.length;
    $<HTMLAnchorElement>('a.nav-link[href="/users"]').click();
    expect(location.pathname).toBe('/users');
    expect(history.length).toBe(length + 1);
    expect(document.querySelector('#audit-log')).toBeNull();
    expect($('[data-page="users"] h1').textContent).toBe('Users');
    expect(document.title).toBe('Users · Acme Admin');
    await vi.waitFor(() => expect(document.querySelectorAll('[data-page="users"] tbody tr').length).toBeGreaterThanOrEqual(40), { timeout: 10_000 });
    expect(document.querySelector('input[name="q"], [data-testid="event-type"], table.audit-table')).toBeNull();
    const search = $<HTMLInputElement>('input[aria-label="Search users"]');
    typeLikeAUser(search, 'northwind');
    expect([...document.querySelectorAll('[data-page="users"] tbody tr')].every((tr) => tr.textContent!.includes('northwind'))).toBe(true);
  });

  it('shows the settings form and the billing permission page', () => {
    $<HTMLAnchorElement>('a.nav-link[href="/settings"]').click();
    expect($('[data-page="settings"] h1').textContent).toBe('Settings');
    expect(document.querySelector('#org-name')).not.toBeNull();
    $<HTMLAnchorElement>('a.nav-link[href="/billing"]').click();
    const denied = $('[data-page="permission-denied"]');
    expect(denied.textContent).toContain('You don’t have permission to view this page');
    expect(denied.textContent).toContain('Org Owners and Billing admins');
    expect($('a.nav-link[href="/billing"]').getAttribute('aria-current')).toBe('page');
  });

  it('goes back to the audit log with its filters on popstate', async () => {
    go('/audit?actor=jordan.pike');
    await settled();
    expect($<HTMLInputElement>('input[name="actor"]').value).toBe('jordan.pike');
    go('/nowhere');
    expect($('[data-page="not-found"]')).toBeTruthy();
  });
});
