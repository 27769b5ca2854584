// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { executeFill } from '../../utils/engine/fill';
import { planFill } from '../../utils/engine/plan';
import { splitItems, valueForDom, valueForUrl, wordFor } from '../../utils/engine/value-map';
import { adapterSchema, type Adapter } from '../../utils/schema/adapter';

/** Value maps and templates on the page side (issue 12 §4): what is typed, what the person reads, what is refused. */
function makeAdapter(fields: Record<string, unknown>, extra: Record<string, unknown> = {}): Adapter {
  return adapterSchema.parse({
    id: 'lab-console',
    name: 'Lab console',
    vendor: 'Lab',
    verified: { how: 'fixture', date: '2026-12-01' },
    match: { include: ['http://127.0.0.1:8730/*'], present: [['#log']] },
    fields,
    submit: { via: 'none' },
    ...extra,
  });
}

describe('value-map', () => {
  const field = adapterSchema.shape.fields.parse({
    action: { values: { 'Log in': 'login', Settings: 'app_settings' }, url: { param: 'a', values: { 'Log in': { type: 'auth', subtype: 'login' } } } },
  }).action!;

  it('maps each side with its own map first, then the field’s', () => {
    expect(valueForUrl(field, 'Log in')).toEqual({ ok: true, value: { type: 'auth', subtype: 'login' } });
    // The link's own map has no "Settings": it is not listed for links (a side's map replaces the field's).
    expect(valueForUrl(field, 'Settings')).toEqual({ ok: false, unlisted: 'Settings' });
    expect(valueForDom(field, 'settings')).toEqual({ ok: true, value: 'app_settings' });
  });

  it('maps a multi-value item by item, and refuses it when one item isn’t listed', () => {
    expect(valueForDom(field, 'Log in, Settings')).toEqual({ ok: true, value: 'login, app_settings' });
    expect(valueForDom(field, 'Log in, Billing')).toEqual({ ok: false, unlisted: 'Billing' });
    expect(splitItems(' a, ,b ,')).toEqual(['a', 'b']);
  });

  it('reads a console value back as the step’s word', () => {
    expect(wordFor(field, 'dom', 'APP_SETTINGS')).toBe('Settings');
    expect(wordFor(field, 'dom', 'billing')).toBeNull();
  });

  it('passes values through when there is no map', () => {
    const plain = adapterSchema.shape.fields.parse({ actor: { dom: { selectors: ['#a'] } } }).actor!;
    expect(valueForDom(plain, 'anything')).toEqual({ ok: true, value: 'anything' });
  });
});

describe('planFill with value maps and a box template', () => {
  const adapter = makeAdapter({
    action: { label: 'Event type', values: { 'Log in': 'login', Settings: 'app_settings' }, dom: { selectors: ['#type'], kind: 'select' } },
    target: { label: 'Target', dom: { selectors: ['#target'], template: 'account:{value|quotedIfNeeded}' } },
    actor: { label: 'Actor', values: { alice: 'Alice Liddell' }, otherValues: 'asIs', dom: { selectors: ['#actor'] } },
  });

  it('types the console’s value and syntax, and keeps the step’s word for the person', () => {
    const plan = planFill(adapter, { action: 'Log in', target: 'Jane Doe', actor: 'bob' });
    const byField = Object.fromEntries(plan.steps.map((s) => [s.fields[0], s]));
    expect(byField.action).toMatchObject({ value: 'login', shown: 'Log in' });
    expect(byField.target).toMatchObject({ value: 'account:"Jane Doe"', shown: 'Jane Doe' });
    // otherValues: asIs — a name the map doesn't list is typed as it is.
    expect(byField.actor).toMatchObject({ value: 'bob' });
    expect(plan.unfillable).toEqual([]);
  });

  it('refuses a value the map doesn’t list, in plain words, instead of typing it raw', () => {
    const plan = planFill(adapter, { action: 'Billing' });
    expect(plan.steps).toEqual([]);
    expect(plan.unfillable).toEqual([
      {
        field: 'action',
        label: 'Event type',
        value: 'Billing',
        reason: 'unlisted',
        message: 'Trailguide doesn\'t know how Lab console writes "Billing" for Event type, so it didn\'t search for it — set Event type yourself if Lab console offers it.',
      },
    ]);
  });

  it('names a value the link’s map refused when the field has no box either', () => {
    const linkOnly = makeAdapter({ action: { label: 'Event type', url: { param: 'type', values: { 'Log in': 'login' } } } }, { deepLink: {} });
    const plan = planFill(linkOnly, { action: 'Billing' }, { deepLink: { url: 'http://127.0.0.1:8730/log', unused: ['action'], unlisted: ['action'] } });
    expect(plan.unfillable[0]).toMatchObject({ reason: 'unlisted' });
    expect(plan.unfillable[0]!.message).toMatch(/doesn't know how Lab console writes "Billing"/);
  });
});

describe('executeFill checks the templated, mapped value by its effect', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('keeps a select set to the mapped option and a box holding the template', async () => {
    document.body.innerHTML = `
      <select id="type"><option value="">All</option><option value="login">Log in</option><option value="app_settings">Settings</option></select>
      <input id="target">`;
    const adapter = makeAdapter({
      action: { label: 'Event type', values: { 'Sign-in': 'login' }, dom: { selectors: ['#type'], kind: 'select' } },
      target: { label: 'Target', dom: { selectors: ['#target'], template: 'account:{value}' } },
    });
    const report = await executeFill(document, planFill(adapter, { action: 'Sign-in', target: 'Jane' }));
    expect((document.querySelector('#type') as HTMLSelectElement).value).toBe('login');
    expect((document.querySelector('#target') as HTMLInputElement).value).toBe('account:Jane');
    expect(report.fields.map((f) => [f.field, f.status, f.value])).toEqual([
      ['action', 'kept', 'Sign-in'],
      ['target', 'kept', 'Jane'],
    ]);
  });
});
