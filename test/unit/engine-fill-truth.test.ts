// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { executeFill } from '../../utils/engine/fill';
import { insertStep } from '../../utils/engine/insert';
import { planFill } from '../../utils/engine/plan';
import { adapterSchema, type Adapter } from '../../utils/schema/adapter';
import { step } from '../fixtures/react-vue/helpers';

/**
 * "Done" means checked: each field is kept (read back after the write, after blur,
 * after a re-render and after the search ran), not kept (with the value to type),
 * or unchecked (with why).
 */
beforeEach(() => {
  document.body.innerHTML = '';
});

const box = (name: string) => document.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;

describe('field status from insertStep', () => {
  it('kept: the box shows the value after blur and after the next render', async () => {
    document.body.innerHTML = '<input name="actor">';
    const outcome = await insertStep(document, step({ selectors: ['input[name="actor"]'], value: 'li@acme.example' }));
    expect(outcome).toMatchObject({ ok: true, status: 'kept', expect: ['li@acme.example'] });
  });

  it('not kept: a box that drops the value on blur, with the value to type by hand', async () => {
    document.body.innerHTML = '<input name="actor">';
    box('actor').addEventListener('blur', () => (box('actor').value = ''));
    const outcome = await insertStep(document, step({ label: 'Actor', selectors: ['input[name="actor"]'], value: 'li@acme.example' }));
    expect(outcome).toMatchObject({ ok: false, status: 'not-kept' });
    expect(outcome.message).toBe("The Actor box didn't keep what I entered — type this yourself: li@acme.example");
  });

  it('not kept: a box the console re-renders empty after every change', async () => {
    document.body.innerHTML = '<form><input name="actor"></form>';
    const form = document.querySelector('form')!;
    // Like a framework re-render: the control is thrown away and a fresh, empty one takes its place.
    form.addEventListener('change', () => setTimeout(() => form.replaceChildren(Object.assign(document.createElement('input'), { name: 'actor' })), 0));
    const outcome = await insertStep(document, step({ selectors: ['input[name="actor"]'], value: 'li@acme.example' }));
    expect(outcome.status).toBe('not-kept');
    expect(box('actor').value).toBe('');
  });

  it('not kept: a value the console puts back a moment after it looked kept', async () => {
    document.body.innerHTML = '<input name="actor" value="old@acme.example">';
    let resets = 0;
    // Reset only once the first read-back (after one settle) has passed: the second read must catch it.
    box('actor').addEventListener('blur', () => {
      const started = Date.now();
      const check = () => {
        if (Date.now() - started < 35) return void setTimeout(check, 5);
        resets++;
        box('actor').value = 'old@acme.example';
      };
      setTimeout(check, 5);
    });
    const outcome = await insertStep(document, step({ label: 'Actor', selectors: ['input[name="actor"]'], value: 'li@acme.example' }));
    expect(resets).toBeGreaterThan(0);
    expect(outcome.status).toBe('not-kept');
  });

  it('unchecked: the box vanished after typing, and a picker that shows nothing readable', async () => {
    document.body.innerHTML = '<div id="host"><input name="actor"></div>';
    box('actor').addEventListener('blur', () => setTimeout(() => document.getElementById('host')!.replaceChildren(), 0));
    const gone = await insertStep(document, step({ label: 'Actor', selectors: ['input[name="actor"]'], value: 'li@acme.example' }));
    expect(gone.status).toBe('unchecked');
    expect(gone.message).toMatch(/disappeared .* couldn't check it — make sure it shows: li@acme\.example/);

    document.body.innerHTML = '<button role="combobox" aria-label="Type"></button><ul role="listbox" hidden></ul>';
    const trigger = document.querySelector('button')!;
    const list = document.querySelector('ul')!;
    trigger.addEventListener('click', () => {
      list.hidden = false;
      list.innerHTML = '<li role="option" data-value="user.login">Sign-in</li>';
      list.querySelector('li')!.addEventListener('click', () => (list.hidden = true));
    });
    const picked = await insertStep(document, step({ kind: 'combobox', label: 'Type', selectors: ['button[role="combobox"]'], value: 'user.login', option: ['[role="option"]'] }));
    expect(picked.status).toBe('unchecked');
  });
});

describe('executeFill: Done only when every field is kept and the search ran', () => {
  const adapter: Adapter = adapterSchema.parse({
    id: 'truth-lab',
    name: 'Truth lab',
    vendor: 'Test',
    verified: { how: 'fixture', date: '2026-12-01' },
    match: { include: ['http://localhost/*'], present: [['form']] },
    fields: {
      actor: { label: 'Actor', dom: { selectors: ['input[name="actor"]'] } },
      since: { label: 'From', dom: { selectors: ['input[name="from"]'], kind: 'datetime', format: 'datetimeLocal', zone: 'utc' } },
    },
    submit: { via: 'click', selectors: ['button'] },
    waitFor: { ready: ['#results'], timeoutMs: 2_000 },
    results: { row: ['#results li'], columns: { actor: { selectors: ['span'] } } },
  });

  function mount({ clearOnSubmit }: { clearOnSubmit: boolean }) {
    document.body.innerHTML = '<form><input name="actor"><input name="from" type="datetime-local"><button type="button">Go</button></form><ul id="results"><li><span>x</span></li></ul>';
    document.querySelector('button')!.addEventListener('click', () =>
      setTimeout(() => {
        if (clearOnSubmit) box('from').value = '';
        document.getElementById('results')!.innerHTML = '<li><span>li@acme.example</span></li>';
      }, 10),
    );
  }

  it('ok when every box kept its value after the console answered', async () => {
    mount({ clearOnSubmit: false });
    const report = await executeFill(document, planFill(adapter, { actor: 'li@acme.example', since: '2026-11-29T14:00:00.000Z' }));
    expect(report.fields.map((f) => [f.field, f.status])).toEqual([
      ['actor', 'kept'],
      ['since', 'kept'],
    ]);
    expect(report.ok).toBe(true);
  });

  it('a value the console dropped when the search ran ends up not kept, and the fill is not ok', async () => {
    mount({ clearOnSubmit: true });
    const report = await executeFill(document, planFill(adapter, { actor: 'li@acme.example', since: '2026-11-29T14:00:00.000Z' }));
    expect(report.submitted).toBe(true);
    expect(report.fields.map((f) => [f.field, f.status])).toEqual([
      ['actor', 'kept'],
      ['since', 'not-kept'],
    ]);
    expect(report.fields[1]!.message).toBe('The From box lost what I entered when the search ran — type this yourself: 29 Nov 2026, 14:00 UTC');
    expect(report.ok).toBe(false);
  });

  it('a filter refused at plan time is reported not kept with the value to type', async () => {
    mount({ clearOnSubmit: false });
    const shared = adapterSchema.parse({ ...adapter, fields: { ...adapter.fields, target: { label: 'Target', dom: { selectors: ['input[name="actor"]'] } } } });
    const report = await executeFill(document, planFill(shared, { actor: 'li@acme.example', target: 'dana@acme.example' }));
    expect(report.fields.find((f) => f.field === 'target')).toMatchObject({ status: 'not-kept', value: 'dana@acme.example' });
    expect(box('actor').value).toBe('li@acme.example');
    expect(report.ok).toBe(false);
  });
});

describe('exec:fill names filters left from an earlier search', () => {
  it('reports a filter the console still applies that the step did not ask for', async () => {
    const { createExecutor } = await import('../../utils/engine/executor-core');
    const { execRequest } = await import('../../utils/engine/messages');
    const { loadBuiltinPack } = await import('../../utils/pack/builtin');
    const demo = loadBuiltinPack().adapters.find((a) => a.id === 'acme-demo')!;
    document.body.innerHTML =
      '<form role="search"><input name="q" value="old search"><input name="actor"><button type="submit">Apply</button></form><div data-testid="result-count">3 events</div>';
    document.querySelector('form')!.addEventListener('submit', (e) => e.preventDefault());
    history.replaceState(null, '', '/audit?q=old+search');
    const run = createExecutor({ doc: document, sendProgress: () => undefined });
    const reply = await run(execRequest.parse({ type: 'exec:fill', adapter: demo, values: { actor: 'li@acme.example' } }));
    expect(reply).toMatchObject({ type: 'exec:fill', report: { leftOver: [{ field: 'text', shown: 'old search' }] } });

    // Without filters in the address the boxes are read: the search box still holds the old text.
    history.replaceState(null, '', '/audit');
    const fromBox = await run(execRequest.parse({ type: 'exec:fill', adapter: demo, values: { actor: 'li@acme.example' } }));
    expect(fromBox).toMatchObject({ report: { leftOver: [{ field: 'text', shown: 'old search' }] } });

    (document.querySelector('input[name="q"]') as HTMLInputElement).value = '';
    const clean = await run(execRequest.parse({ type: 'exec:fill', adapter: demo, values: { actor: 'li@acme.example' } }));
    expect(clean).toMatchObject({ type: 'exec:fill' });
    expect((clean as { report: { leftOver?: unknown } }).report.leftOver).toBeUndefined();
  });
});
