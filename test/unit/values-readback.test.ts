// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { buildDeepLink } from '../../utils/engine/deep-link';
import { filtersFromUrl, readBack } from '../../utils/engine/readback';
import { adapterSchema, type Adapter } from '../../utils/schema/adapter';

/**
 * Read-back with value maps, several/repeated parameters and resets (issue 12 §4):
 * the panel states the step's own word ("Change", not 2), and a filter the console
 * still applies — from the address, or remembered on its server and shown only in its
 * form — is named, never passed over.
 */
function makeAdapter(extra: Record<string, unknown>): Adapter {
  return adapterSchema.parse({
    id: 'lab-console',
    name: 'Lab console',
    vendor: 'Lab',
    verified: { how: 'fixture', date: '2026-12-01' },
    match: { include: ['http://127.0.0.1:8710/*'], present: [['#log']] },
    ...extra,
  });
}

/** jsdom's address for this test (same origin: history.replaceState can set it). */
function at(href: string) {
  window.history.replaceState(null, '', href);
}

const django = makeAdapter({
  deepLink: {},
  fields: {
    action: { label: 'Action', values: { Addition: '1', Change: '2', Deletion: '3' }, url: { param: 'action_flag' } },
    actor: { label: 'User', url: { param: 'user__username__exact' } },
  },
});

const console = makeAdapter({
  deepLink: {},
  fields: {
    action: {
      label: 'Event',
      url: { param: 'type', values: { 'user.suspend': { type: 'user', subtype: 'suspend' }, 'user.any': { type: 'user' }, 'settings.change': 'settings' }, reset: 'all' },
    },
    tracker: { label: 'Tracker', url: { param: 'v[tracker_id][]', repeat: true, values: { Bug: '1', Feature: '2' }, with: { 'f[]': 'tracker_id' } } },
  },
});

afterEach(() => {
  document.body.innerHTML = '';
  at('/');
});

describe('filtersFromUrl with value maps', () => {
  const words = (adapter: Adapter, href: string) => Object.fromEntries([...filtersFromUrl(adapter, href)!].map(([k, v]) => [k, v.map((x) => x.shown)]));

  it('states the step’s word for a mapped value (action_flag=2 → Change)', () => {
    expect(words(django, 'http://127.0.0.1:8710/admin/?action_flag=2&user__username__exact=alice')).toEqual({ action: ['Change'], actor: ['alice'] });
    // A value no entry lists is shown as the console wrote it.
    expect(words(django, 'http://127.0.0.1:8710/admin/?action_flag=9')).toEqual({ action: ['9'] });
  });

  it('reads several parameters back as one value, the most specific entry first', () => {
    expect(words(console, 'http://127.0.0.1:8710/log?type=user&subtype=suspend')).toEqual({ action: ['user.suspend'] });
    expect(words(console, 'http://127.0.0.1:8710/log?type=user')).toEqual({ action: ['user.any'] });
    expect(words(console, 'http://127.0.0.1:8710/log?type=settings')).toEqual({ action: ['settings.change'] });
  });

  it('reads a reset value as no filter, and each repeated value', () => {
    expect(words(console, 'http://127.0.0.1:8710/log?type=all&v[tracker_id][]=1&v[tracker_id][]=2&f[]=tracker_id')).toEqual({ tracker: ['Bug', 'Feature'] });
  });

  it('reads back every link it builds as the values it was given', () => {
    const given = { action: 'user.suspend', tracker: 'Bug, Feature' };
    const link = buildDeepLink(console, 'http://127.0.0.1:8710/log', given)!;
    expect(link.unused).toEqual([]);
    expect(words(console, link.url)).toEqual({ action: ['user.suspend'], tracker: ['Bug', 'Feature'] });
  });
});

describe('readBack states what the console applies in the step’s words', () => {
  it('applied: a mapped value in the address', () => {
    at('/admin/?action_flag=2');
    const applied = readBack(document, django, { action: 'Change' });
    expect(applied.filters).toEqual([{ name: 'action', intended: 'Change', shown: 'Change', status: 'applied' }]);
  });

  it('not applied: the address carries another value, named in the step’s words', () => {
    at('/admin/?action_flag=3');
    const [filter] = readBack(document, django, { action: 'Change' }).filters;
    expect(filter).toMatchObject({ status: 'not-applied', shown: 'Deletion' });
    expect(filter!.reason).toBe("The console's Action filter is set to Deletion, not to what the step asked for.");
  });

  it('a repeated parameter is applied only when it holds every value asked for, and nothing else', () => {
    at('/log?v[tracker_id][]=1&v[tracker_id][]=2');
    expect(readBack(document, console, { tracker: 'Bug, Feature' }).filters[0]).toMatchObject({ status: 'applied', shown: 'Bug, Feature' });
    at('/log?v[tracker_id][]=1');
    expect(readBack(document, console, { tracker: 'Bug, Feature' }).filters[0]).toMatchObject({ status: 'not-applied', shown: 'Bug' });
    at('/log?v[tracker_id][]=1&v[tracker_id][]=2');
    expect(readBack(document, console, { tracker: 'Bug' }).filters[0]).toMatchObject({ status: 'not-applied' });
  });

  it('a several-parameter value is applied only when all its parameters are there', () => {
    at('/log?type=user&subtype=suspend');
    expect(readBack(document, console, { action: 'user.suspend' }).filters[0]).toMatchObject({ status: 'applied', shown: 'user.suspend' });
    at('/log?type=user');
    expect(readBack(document, console, { action: 'user.suspend' }).filters[0]).toMatchObject({ status: 'not-applied', shown: 'user.any' });
  });

  it('a box holding the template and the mapped value reads as the step’s word', () => {
    const adapter = makeAdapter({
      fields: {
        target: { label: 'Target', dom: { selectors: ['#target'], template: 'account:{value}' } },
        action: { label: 'Event type', values: { 'Log in': 'login' }, dom: { selectors: ['#type'], kind: 'select' } },
      },
    });
    document.body.innerHTML = `<input id="target" value="account:Jane Doe"><select id="type"><option value="">All</option><option value="login" selected>Log in</option></select>`;
    expect(readBack(document, adapter, { target: 'Jane Doe', action: 'Log in' }).filters).toEqual([
      { name: 'target', intended: 'Jane Doe', shown: 'Jane Doe', status: 'applied' },
      { name: 'action', intended: 'Log in', shown: 'Log in', status: 'applied' },
    ]);
    // Without the template's prefix the box holds something else.
    (document.querySelector('#target') as HTMLInputElement).value = 'Jane Doe';
    expect(readBack(document, adapter, { target: 'Jane Doe' }).filters[0]).toMatchObject({ status: 'not-applied' });
  });
});

describe('a filter the console still applies though the step didn’t set it', () => {
  const remembering = makeAdapter({
    deepLink: {},
    fields: {
      actor: { label: 'User', url: { param: 'user' }, dom: { selectors: ['#user'] } },
      action: { label: 'Event type', values: { 'Log in': 'login' }, url: { param: 'event', reset: 'all' }, dom: { selectors: ['#event'] } },
    },
  });

  it('names a filter remembered on the server: shown in the form, not in the address', () => {
    // The link carried only the user; the console brought back the last event type from its session.
    at('/activity?user=alice');
    document.body.innerHTML = `<input id="user" value="alice"><input id="event" value="login">`;
    const applied = readBack(document, remembering, { actor: 'alice' });
    expect(applied.filters).toEqual([
      { name: 'actor', intended: 'alice', shown: 'alice', status: 'applied' },
      {
        name: 'action',
        intended: '',
        shown: 'Log in',
        status: 'applied',
        reason: "The console still filters by Event type (Log in): its box shows it though the page address doesn't ask for it — the console may remember it from an earlier search.",
      },
    ]);
  });

  it('names a remembered choice of a list in the step’s word, not the option’s text', () => {
    const listed = makeAdapter({
      deepLink: {},
      fields: {
        actor: { label: 'User', url: { param: 'user' } },
        action: { label: 'Action', values: { Refund: 'billing.invoice_refund' }, url: { param: 'action' }, dom: { selectors: ['#action'], kind: 'select' } },
      },
    });
    at('/activity?user=alice');
    document.body.innerHTML = `<select id="action"><option value="">All actions</option><option value="billing.invoice_refund" selected>Refunded an invoice</option></select>`;
    expect(readBack(document, listed, { actor: 'alice' }).filters[1]).toMatchObject({ name: 'action', intended: '', shown: 'Refund', status: 'applied' });
  });

  it('says nothing more when the link reset it and the form agrees', () => {
    at('/activity?user=alice&event=all');
    document.body.innerHTML = `<input id="user" value="alice"><input id="event" value="">`;
    expect(readBack(document, remembering, { actor: 'alice' }).filters).toEqual([{ name: 'actor', intended: 'alice', shown: 'alice', status: 'applied' }]);
  });

  it('names a filter the address still carries that the step didn’t ask for', () => {
    at('/activity?user=alice&event=login');
    const extra = readBack(document, remembering, { actor: 'alice' }).filters[1];
    expect(extra).toMatchObject({ name: 'action', intended: '', shown: 'Log in', status: 'applied' });
  });
});

describe('a filter the address carries and the console also marks (a sidebar list)', () => {
  /** Django's admin: the address carries action_flag, and its "By action flag" list marks the one applied. */
  const withMap = (codes: Record<string, string>) =>
    makeAdapter({
      deepLink: { searchBy: 'link' },
      fields: {
        action: {
          label: 'Action',
          url: { param: 'action_flag__exact', values: codes },
          dom: { kind: 'list', selectors: ['#filter-action'], selected: ['#filter-action li.selected'] },
        },
      },
    });
  const sidebar = (chosen: string) => {
    const item = (text: string, href: string) => `<li${text === chosen ? ' class="selected"' : ''}><a href="${href}">${text}</a></li>`;
    document.body.innerHTML = `<div id="log"></div><ul id="filter-action">${item('All', '?')}${item('Addition', '?action_flag__exact=1')}${item('Change', '?action_flag__exact=2')}${item('Deletion', '?action_flag__exact=3')}</ul>`;
  };

  it('is applied when the console marks the asked-for item', () => {
    at('/admin/?action_flag__exact=2');
    sidebar('Change');
    expect(readBack(document, withMap({ Addition: '1', Change: '2', Deletion: '3' }), { action: 'Change' }).filters[0]).toMatchObject({ status: 'applied', shown: 'Change' });
  });

  it('is not applied when a wrong value map sent another code: the console marks what it really applied', () => {
    // The map says Change is 1, so the link asked for action_flag__exact=1 — which the console applies as Addition.
    at('/admin/?action_flag__exact=1');
    sidebar('Addition');
    const [filter] = readBack(document, withMap({ Addition: '3', Change: '1', Deletion: '2' }), { action: 'Change' }).filters;
    expect(filter).toMatchObject({ name: 'action', status: 'not-applied', shown: 'Addition' });
    expect(filter!.reason).toContain('shows Addition chosen');
  });
});

