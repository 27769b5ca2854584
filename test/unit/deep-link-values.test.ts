import { describe, expect, it } from 'vitest';
import { buildDeepLink, linkForSearch } from '../../utils/engine/deep-link';
import { adapterSchema, type Adapter } from '../../utils/schema/adapter';

/**
 * Value maps, several and repeated parameters, and resets in deep links (issue 12 §4).
 * The consoles below are modelled on real ones: Django's admin LogEntry list
 * (`?action_flag=2`), a console whose event code becomes two parameters
 * (`type=user&subtype=suspend`), Redmine's query filters (`f[]=…&v[…][]=…`) and a
 * console that remembers the last search per user on its server.
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

const page = 'http://127.0.0.1:8710/admin/admin/logentry/?o=-1&p=3';

describe('value maps in links', () => {
  const django = makeAdapter({
    deepLink: { base: 'current', keep: ['o'] },
    fields: {
      action: { label: 'Action', values: { Addition: '1', Change: '2', Deletion: '3' }, url: { param: 'action_flag' } },
      actor: { url: { param: 'user__username__exact' } },
    },
  });

  it('writes the console’s own value for the step’s word (Django’s action_flag=2 for "Change")', () => {
    expect(buildDeepLink(django, page, { action: 'Change', actor: 'alice' })).toEqual({
      url: 'http://127.0.0.1:8710/admin/admin/logentry/?o=-1&action_flag=2&user__username__exact=alice',
      unused: [],
    });
  });

  it('matches an entry without regard to case or surrounding spaces', () => {
    expect(buildDeepLink(django, page, { action: ' change ' })?.url).toContain('action_flag=2');
  });

  it('leaves a value the map doesn’t list out of the link and names it, never sending it raw', () => {
    const link = buildDeepLink(django, page, { action: 'Renamed', actor: 'alice' });
    expect(link?.url).not.toContain('action_flag');
    expect(link?.unused).toEqual(['action']);
    expect(link?.unlisted).toEqual(['action']);
  });

  it('sends an unlisted value as it is when the field says other values are fine', () => {
    const loose = makeAdapter({
      deepLink: {},
      fields: { action: { values: { 'Log in': 'login' }, otherValues: 'asIs', url: { param: 'event' } } },
    });
    expect(buildDeepLink(loose, page, { action: 'Log in' })?.url).toMatch(/event=login$/);
    expect(buildDeepLink(loose, page, { action: 'custom.thing' })).toMatchObject({ unused: [] });
    expect(buildDeepLink(loose, page, { action: 'custom.thing' })?.url).toMatch(/event=custom\.thing$/);
  });

  it('prefers the link’s own map over the field’s, and applies the template to the mapped value', () => {
    const both = makeAdapter({
      deepLink: {},
      fields: {
        action: {
          values: { Settings: 'Settings page' },
          url: { param: 'q', template: 'type:{value|quotedIfNeeded}', values: { Settings: 'app_settings' } },
        },
      },
    });
    expect(buildDeepLink(both, page, { action: 'Settings' })?.url).toMatch(/\?q=type%3Aapp_settings$/);
  });
});

describe('one value into several parameters, repeated parameters', () => {
  const console = makeAdapter({
    deepLink: {},
    fields: {
      action: {
        url: {
          param: 'type',
          values: {
            'user.suspend': { type: 'user', subtype: 'suspend' },
            'user.create': { type: 'user', subtype: 'create' },
            'settings.change': 'settings',
          },
        },
      },
      actor: { url: { param: 'who' } },
    },
  });

  it('writes an entry of several parameters (type=user&subtype=suspend)', () => {
    expect(buildDeepLink(console, page, { action: 'user.suspend', actor: 'mallory' })).toEqual({
      url: 'http://127.0.0.1:8710/admin/admin/logentry/?type=user&subtype=suspend&who=mallory',
      unused: [],
    });
    expect(buildDeepLink(console, page, { action: 'settings.change' })?.url).toMatch(/\?type=settings$/);
  });

  const redmine = makeAdapter({
    deepLink: { fixed: { set_filter: '1' } },
    fields: {
      action: { url: { param: 'v[tracker_id][]', repeat: true, values: { Bug: '1', Feature: '2', Support: '3' }, with: { 'f[]': 'tracker_id', 'op[tracker_id]': '=' } } },
      actor: { url: { param: 'v[author_id][]', with: { 'f[]': 'author_id', 'op[author_id]': '=' } } },
    },
  });

  it('repeats a parameter once per value and keeps every occurrence of a shared one (Redmine’s f[])', () => {
    const link = buildDeepLink(redmine, 'http://127.0.0.1:8720/issues', { action: 'Bug, Feature', actor: '5' });
    const params = [...new URL(link!.url).searchParams];
    expect(params).toEqual([
      ['v[tracker_id][]', '1'],
      ['v[tracker_id][]', '2'],
      ['f[]', 'tracker_id'],
      ['op[tracker_id]', '='],
      ['v[author_id][]', '5'],
      ['f[]', 'author_id'],
      ['op[author_id]', '='],
      ['set_filter', '1'],
    ]);
    expect(link!.unused).toEqual([]);
  });

  it('refuses the whole field when one of several values isn’t listed', () => {
    const link = buildDeepLink(redmine, 'http://127.0.0.1:8720/issues', { action: 'Bug, Epic' });
    expect(link?.url).not.toContain('tracker_id');
    expect(link?.unlisted).toEqual(['action']);
  });
});

describe('reset: filters a step does not set', () => {
  const remembering = makeAdapter({
    deepLink: {},
    fields: {
      actor: { url: { param: 'user' } },
      action: { url: { param: 'event', reset: 'all' } },
      target: { url: { param: 'object', reset: '' } },
      kind: { url: { param: 'show_issues', values: { Issues: { show_issues: '1' }, News: { show_news: '1' } }, reset: { show_issues: '1', show_news: '1' } } },
    },
  });

  it('writes the "all" value of every field the step leaves out, so a remembered filter can’t come back', () => {
    const link = buildDeepLink(remembering, 'http://127.0.0.1:8730/activity?event=login&user=bob', { actor: 'alice' });
    expect([...new URL(link!.url).searchParams]).toEqual([
      ['user', 'alice'],
      ['event', 'all'],
      ['object', ''],
      ['show_issues', '1'],
      ['show_news', '1'],
    ]);
  });

  it('doesn’t reset a field the step sets, nor a parameter the step already wrote', () => {
    const link = buildDeepLink(remembering, 'http://127.0.0.1:8730/activity', { action: 'login', kind: 'News' });
    expect([...new URL(link!.url).searchParams]).toEqual([
      ['event', 'login'],
      ['show_news', '1'],
      ['object', ''],
    ]);
  });
});

describe('linkForSearch: fill by deep link first', () => {
  const base = {
    fields: {
      actor: { url: { param: 'actor' }, dom: { selectors: ['#actor'] } },
      ip: { dom: { selectors: ['#ip'] } },
    },
  };

  it('gives the link when the adapter prefers it and the link carries every filter of the step', () => {
    const adapter = makeAdapter({ ...base, deepLink: { searchBy: 'link' } });
    expect(linkForSearch(adapter, page, { actor: 'alice', ip: '' })?.url).toBe('http://127.0.0.1:8710/admin/admin/logentry/?actor=alice');
  });

  it('types instead when one filter can’t go in the link, when the adapter types by default, or nothing is set', () => {
    const adapter = makeAdapter({ ...base, deepLink: { searchBy: 'link' } });
    expect(linkForSearch(adapter, page, { actor: 'alice', ip: '203.0.113.9' })).toBeNull();
    expect(linkForSearch(adapter, page, {})).toBeNull();
    expect(linkForSearch(makeAdapter({ ...base, deepLink: {} }), page, { actor: 'alice' })).toBeNull();
  });

  it('types instead on a page where the link doesn’t work (onlyOn)', () => {
    const adapter = makeAdapter({ ...base, deepLink: { searchBy: 'link', onlyOn: ['http://127.0.0.1:8710/audit*'] } });
    expect(linkForSearch(adapter, page, { actor: 'alice' })).toBeNull();
    expect(linkForSearch(adapter, 'http://127.0.0.1:8710/audit/', { actor: 'alice' })?.url).toBe('http://127.0.0.1:8710/audit/?actor=alice');
  });
});

describe('schema', () => {
  it('refuses an entry of no parameters, a bad template and an unknown otherValues', () => {
    expect(() => makeAdapter({ fields: { action: { url: { param: 'type', values: { x: {} } } } } })).toThrow(/between 1 and 10/);
    expect(() => makeAdapter({ fields: { action: { dom: { selectors: ['#a'], template: 'account:{name}' } } } })).toThrow(/placeholders/);
    expect(() => makeAdapter({ fields: { action: { otherValues: 'raw' } } })).toThrow();
    expect(() => makeAdapter({ deepLink: { searchBy: 'always' } })).toThrow();
  });
});
