// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, h as vh, ref, vModelCheckbox, vModelSelect, vModelText, withDirectives } from 'vue';
import { executeFill } from '../../utils/engine/fill';
import { insertStep } from '../../utils/engine/insert';
import { planFill } from '../../utils/engine/plan';
import { adapterSchema } from '../../utils/schema/adapter';
import { step, until } from '../fixtures/react-vue/helpers';

// react and react-dom ship no types here; a non-literal specifier keeps them `any` for the type checker.
const load = (name: string) => import(/* @vite-ignore */ name);

/** One adapter for both fixtures: the same markup, rendered by React or by Vue. */
const formAdapter = adapterSchema.parse({
  id: 'framework-form',
  name: 'Framework form',
  vendor: 'test',
  verified: { how: 'fixture', date: '2026-11-27' },
  match: { include: ['*'], present: [['form']] },
  fields: {
    actor: { label: 'Actor', dom: { selectors: ['input[name="actor"]'] } },
    action: { label: 'Event type', dom: { selectors: ['select[name="kind"]'], kind: 'select' } },
    failed: { label: 'Failures only', dom: { selectors: ['input[name="failed"]'], kind: 'checkbox' } },
    since: { label: 'From', dom: { selectors: ['input[name="from"]'], kind: 'datetime', format: 'datetimeLocal' } },
  },
  submit: { via: 'click', selectors: ['button[type="submit"]'] },
  waitFor: { ready: ['[data-testid="submitted"]'], timeoutMs: 2_000 },
});

const values = { actor: 'li.chen@acme.example', action: 'user.login', failed: 'yes', since: '2026-03-01T08:15:00.000Z' };
const expected = { actor: 'li.chen@acme.example', kind: 'user.login', failed: true, from: '2026-03-01T08:15' };

afterEach(() => {
  document.body.innerHTML = '';
});

interface Submitted {
  actor: string;
  kind: string;
  failed: boolean;
  from: string;
}

async function mountReact(onSubmit: (state: Submitted) => void) {
  const React = await load('react');
  const { createRoot } = await load('react-dom/client');
  const e = React.createElement;
  function Form() {
    const [actor, setActor] = React.useState('');
    const [kind, setKind] = React.useState('');
    const [failed, setFailed] = React.useState(false);
    const [from, setFrom] = React.useState('');
    const [done, setDone] = React.useState(false);
    return e(
      'form',
      {
        onSubmit: (event: Event) => {
          event.preventDefault();
          onSubmit({ actor, kind, failed, from });
          setDone(true);
        },
      },
      e('input', { name: 'actor', value: actor, onChange: (ev: { target: HTMLInputElement }) => setActor(ev.target.value) }),
      e(
        'select',
        { name: 'kind', value: kind, onChange: (ev: { target: HTMLSelectElement }) => setKind(ev.target.value) },
        e('option', { value: '' }, 'Any'),
        e('option', { value: 'user.login' }, 'Signed in'),
      ),
      e('input', { type: 'checkbox', name: 'failed', checked: failed, onChange: (ev: { target: HTMLInputElement }) => setFailed(ev.target.checked) }),
      e('input', { type: 'datetime-local', name: 'from', value: from, onChange: (ev: { target: HTMLInputElement }) => setFrom(ev.target.value) }),
      e('output', { 'data-testid': 'state' }, JSON.stringify({ actor, kind, failed, from })),
      done ? e('p', { 'data-testid': 'submitted' }, 'Results') : null,
      e('button', { type: 'submit' }, 'Search'),
    );
  }
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  root.render(e(Form));
  await until(() => expect(document.querySelector('form')).not.toBeNull());
  return { unmount: () => root.unmount() };
}

const shownState = () => JSON.parse(document.querySelector('[data-testid="state"]')!.textContent!) as Submitted;

describe('filling a real React 19 controlled form', () => {
  it('setting .value and firing input is not enough for React (the problem we solve)', async () => {
    const app = await mountReact(() => undefined);
    const input = document.querySelector<HTMLInputElement>('input[name="actor"]')!;
    input.value = 'typed@acme.example';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(shownState().actor).toBe('');
    // …while the insert layer does change React's state.
    const outcome = await insertStep(document, step({ selectors: ['input[name="actor"]'], value: 'typed@acme.example' }));
    expect(outcome.ok).toBe(true);
    await until(() => expect(shownState().actor).toBe('typed@acme.example'));
    app.unmount();
  });

  it('fills text, select, checkbox and datetime, submits, and React receives every value', async () => {
    let submitted: Submitted | null = null;
    const app = await mountReact((state) => (submitted = state));
    const report = await executeFill(document, planFill(formAdapter, values));
    expect(report.messages).toEqual([]);
    expect(report.fields.every((f) => f.ok)).toBe(true);
    expect(report.submitted).toBe(true);
    expect(report.wait?.ok).toBe(true);
    expect(report.ok).toBe(true);
    expect(submitted).toEqual(expected);
    expect(shownState()).toEqual(expected);
    app.unmount();
  });
});

function mountVue(onSubmit: (state: Submitted) => void) {
  const state = { actor: ref(''), kind: ref(''), failed: ref(false), from: ref(''), done: ref(false) };
  const app = createApp({
    setup() {
      return () =>
        vh(
          'form',
          {
            onSubmit: (event: Event) => {
              event.preventDefault();
              onSubmit({ actor: state.actor.value, kind: state.kind.value, failed: state.failed.value, from: state.from.value });
              state.done.value = true;
            },
          },
          [
            withDirectives(vh('input', { name: 'actor', 'onUpdate:modelValue': (v: string) => (state.actor.value = v) }), [[vModelText, state.actor.value]]),
            withDirectives(
              vh('select', { name: 'kind', 'onUpdate:modelValue': (v: string) => (state.kind.value = v) }, [
                vh('option', { value: '' }, 'Any'),
                vh('option', { value: 'user.login' }, 'Signed in'),
              ]),
              [[vModelSelect, state.kind.value]],
            ),
            withDirectives(vh('input', { type: 'checkbox', name: 'failed', 'onUpdate:modelValue': (v: boolean) => (state.failed.value = v) }), [
              [vModelCheckbox, state.failed.value],
            ]),
            withDirectives(vh('input', { type: 'datetime-local', name: 'from', 'onUpdate:modelValue': (v: string) => (state.from.value = v) }), [
              [vModelText, state.from.value],
            ]),
            state.done.value ? vh('p', { 'data-testid': 'submitted' }, 'Results') : null,
            vh('button', { type: 'submit' }, 'Search'),
          ],
        );
    },
  });
  const container = document.createElement('div');
  document.body.append(container);
  app.mount(container);
  return { state, unmount: () => app.unmount() };
}

describe('filling a real Vue 3 v-model form', () => {
  it('updates every v-model and submits what Vue holds', async () => {
    let submitted: Submitted | null = null;
    const app = mountVue((s) => (submitted = s));
    const report = await executeFill(document, planFill(formAdapter, values));
    expect(report.messages).toEqual([]);
    expect(report.ok).toBe(true);
    expect(app.state.actor.value).toBe(expected.actor);
    expect(app.state.kind.value).toBe(expected.kind);
    expect(app.state.failed.value).toBe(true);
    expect(app.state.from.value).toBe(expected.from);
    expect(submitted).toEqual(expected);
    app.unmount();
  });

  it('leaves Vue state alone when only .value is set (no event)', async () => {
    const app = mountVue(() => undefined);
    document.querySelector<HTMLInputElement>('input[name="actor"]')!.value = 'quiet@acme.example';
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(app.state.actor.value).toBe('');
    app.unmount();
  });
});
