import { describe, expect, it } from 'vitest';
import { planFill } from '../../utils/engine/plan';
import { loadBuiltinPack } from '../../utils/pack/builtin';
import { adapterSchema } from '../../utils/schema/adapter';

const demo = loadBuiltinPack().adapters.find((a) => a.id === 'acme-demo')!;

describe('planFill', () => {
  it('plans one DOM step per control, with the value formatted for it', () => {
    const plan = planFill(demo, { actor: 'li.chen@acme.example', action: 'user.login', since: '2026-03-01T00:00:00.000Z' });
    expect(plan.steps.map((s) => [s.fields, s.kind, s.value])).toEqual([
      [['actor'], 'text', 'li.chen@acme.example'],
      [['action'], 'combobox', 'user.login'],
      [['since'], 'datetime', '2026-03-01T00:00'],
    ]);
    const combo = plan.steps[1]!;
    expect(combo.option).toEqual(['[role="listbox"] [role="option"]']);
    expect(combo.filterInput?.[0]).toBe('[role="listbox"] input');
    expect(combo.label).toBe('Event type');
    expect(plan.unfillable).toEqual([]);
  });

  it('refuses a second filter aimed at the same search box, naming both and the value to type', () => {
    const plan = planFill(demo, { text: 'settings', target: 'dana@acme.example' });
    expect(plan.steps).toHaveLength(1);
    expect(plan.steps[0]!.fields).toEqual(['text']);
    expect(plan.steps[0]!.value).toBe('settings');
    expect(plan.unfillable).toHaveLength(1);
    expect(plan.unfillable[0]).toMatchObject({ field: 'target', reason: 'merged', value: 'dana@acme.example' });
    expect(plan.unfillable[0]!.message).toBe(
      `The Search box on ${demo.name} can only take one of Search / Target — set Target yourself: dana@acme.example`,
    );
  });

  it('joins values side by side only when every field sharing the box says it takes them together (combine)', () => {
    const withCombine = (combine: boolean | undefined) =>
      adapterSchema.parse({
        ...demo,
        fields: {
          ...demo.fields,
          text: { ...demo.fields.text, dom: { ...demo.fields.text!.dom!, combine: true } },
          target: { ...demo.fields.target, dom: { ...demo.fields.target!.dom!, ...(combine === undefined ? {} : { combine }) } },
        },
      });
    const joined = planFill(withCombine(true), { text: 'settings', target: 'dana@acme.example' });
    expect(joined.steps.map((s) => [s.fields, s.value])).toEqual([[['text', 'target'], 'settings dana@acme.example']]);
    expect(joined.unfillable).toEqual([]);
    // One side not saying so is still a refusal.
    for (const combine of [false, undefined]) {
      const refused = planFill(withCombine(combine), { text: 'settings', target: 'dana@acme.example' });
      expect(refused.steps.map((s) => s.fields)).toEqual([['text']]);
      expect(refused.unfillable.map((u) => u.reason)).toEqual(['merged']);
    }
  });

  it('writes datetime boxes in the clock the box uses and names that clock when asking a person', () => {
    const utcBox = planFill(demo, { since: '2026-11-29T14:00:00.000Z' });
    expect(utcBox.steps[0]).toMatchObject({ value: '2026-11-29T14:00', shown: '29 Nov 2026, 14:00 UTC' });
    const local = adapterSchema.parse({
      ...demo,
      fields: { ...demo.fields, since: { ...demo.fields.since, dom: { selectors: ['input[name="from"]'], kind: 'datetime', format: 'datetimeLocal' } } },
    });
    const plan = planFill(local, { since: '2026-11-29T14:00:00.000Z' });
    const expected = new Date('2026-11-29T14:00:00.000Z');
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(plan.steps[0]!.value).toBe(`${expected.getFullYear()}-${pad(expected.getMonth() + 1)}-${pad(expected.getDate())}T${pad(expected.getHours())}:${pad(expected.getMinutes())}`);
    expect(plan.steps[0]!.shown).toContain("(your computer's time");
    expect(plan.steps[0]!.shown).toContain(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('reports fields the adapter cannot fill instead of dropping them', () => {
    const plan = planFill(demo, { ip: '203.0.113.9', actor: 'a@b.example' });
    expect(plan.steps.map((s) => s.fields[0])).toEqual(['actor']);
    expect(plan.unfillable).toHaveLength(1);
    expect(plan.unfillable[0]).toMatchObject({ field: 'ip', reason: 'no-field', value: '203.0.113.9' });
    expect(plan.unfillable[0]!.message).toContain('203.0.113.9');
  });

  it('says when a field can only be set through the address', () => {
    const adapter = adapterSchema.parse({
      ...demo,
      fields: { ...demo.fields, ip: { label: 'IP address', url: { param: 'ip' } } },
    });
    const plan = planFill(adapter, { ip: '203.0.113.9' });
    expect(plan.unfillable[0]).toMatchObject({ field: 'ip', reason: 'url-only' });
    expect(plan.unfillable[0]!.message).toMatch(/page address/);
  });

  it('sends URL-capable fields through a deep link when one is given', () => {
    const plan = planFill(demo, { actor: 'a@b.example', action: 'user.login' }, { deepLink: 'http://127.0.0.1:1/audit?actor=a%40b.example' });
    expect(plan.navigate).toBe('http://127.0.0.1:1/audit?actor=a%40b.example');
    expect(plan.viaUrl).toEqual(['actor', 'action']);
    expect(plan.steps).toEqual([]);
    expect(plan.submit.via).toBe('none');
  });

  it('types what a built deep link could not carry', () => {
    const plan = planFill(demo, { actor: 'a@b.example', action: 'user.login' }, { deepLink: { url: 'http://127.0.0.1:1/audit?actor=a%40b.example', unused: ['action'] } });
    expect(plan.navigate).toBe('http://127.0.0.1:1/audit?actor=a%40b.example');
    expect(plan.viaUrl).toEqual(['actor']);
    expect(plan.steps.map((s) => s.fields)).toEqual([['action']]);
    expect(plan.submit.via).toBe('click');
  });

  it('takes submit and wait from the adapter, or none when asked not to submit', () => {
    const plan = planFill(demo, { actor: 'a@b.example' });
    expect(plan.submit).toEqual({ via: 'click', selectors: ['form[role="search"] button[type="submit"]'] });
    expect(plan.wait.busy).toEqual(['[aria-busy="true"]']);
    expect(plan.wait.rows).toEqual(['table.audit-table tbody tr[data-event-id]']);
    expect(plan.wait.timeoutMs).toBe(15_000);
    expect(planFill(demo, { actor: 'a@b.example' }, { submit: false }).submit.via).toBe('none');
  });

  it('refuses to put two filters into one picker', () => {
    const adapter = adapterSchema.parse({
      ...demo,
      fields: { ...demo.fields, extra: { dom: { kind: 'combobox', selectors: demo.fields.action!.dom!.selectors } } },
    });
    const plan = planFill(adapter, { action: 'user.login', extra: 'x' });
    expect(plan.steps).toHaveLength(1);
    expect(plan.unfillable[0]).toMatchObject({ field: 'extra', reason: 'conflict' });
  });
});
