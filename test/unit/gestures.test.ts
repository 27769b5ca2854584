// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { executeFill } from '../../utils/engine/fill';
import { describeTarget, openControl, runSequence } from '../../utils/engine/gestures';
import { planFill } from '../../utils/engine/plan';
import { readBack } from '../../utils/engine/readback';
import { adapterSchema, type Adapter } from '../../utils/schema/adapter';

/**
 * Controls that take more than one gesture (issue 12 §4): `open` gestures before a control,
 * recorded sequences for filter builders checked by their effect, and waits for a console
 * that searches as you type. Each console below is a few lines of the behaviour that matters.
 */
beforeEach(() => {
  document.body.innerHTML = '';
  history.replaceState(null, '', '/audit');
});

const base = {
  id: 'gesture-lab',
  name: 'Gesture lab',
  vendor: 'Test',
  verified: { how: 'fixture', date: '2026-12-01' },
  match: { include: ['http://localhost/*'], present: [['body']] },
};
const adapter = (extra: Record<string, unknown>): Adapter => adapterSchema.parse({ ...base, ...extra });

/** A search box that exists only once the magnifier is clicked (as GitHub's and Ghost's). */
function collapsedSearch() {
  document.body.innerHTML = '<header><button type="button" aria-label="Open search" id="magnifier">🔍</button><span id="slot"></span></header><ul id="rows"><li>old</li></ul>';
  let clicks = 0;
  document.getElementById('magnifier')!.addEventListener('click', () => {
    clicks++;
    const slot = document.getElementById('slot')!;
    // A second click folds it away again: opening must not click while the box shows.
    slot.innerHTML = slot.innerHTML ? '' : '<input id="q" placeholder="Search">';
  });
  return { clicks: () => clicks };
}

const searchField = (open: unknown) => ({ text: { label: 'Search', dom: { selectors: ['#q'], open } } });

describe('schema', () => {
  it('takes open gestures, recorded steps with verify, a list with selected/multiple, and a debounce', () => {
    const parsed = adapter({
      fields: {
        text: { dom: { selectors: ['#q'], open: [['#magnifier'], { selectors: ['#menu .search'], label: 'the search menu item' }] } },
        actor: {
          dom: {
            selectors: ['#builder'],
            steps: [{ click: ['#funnel'] }, { pick: { selectors: ['[role=menuitem]'], text: 'Actor' } }, { type: { selectors: ['#value'] } }, { press: 'Enter' }],
            verify: { selectors: ['.chip'], text: 'Actor is {value}' },
          },
        },
        action: { dom: { selectors: ['#types'], kind: 'list', selected: ['#types .active'], multiple: true } },
      },
      submit: { via: 'click', selectors: ['#go'], open: [['#more']] },
      waitFor: { debounceMs: 400 },
    });
    const step = parsed.fields.actor!.dom!.steps![2]!;
    expect(step).toEqual({ type: { selectors: ['#value'], value: '{value}' } });
    expect(parsed.waitFor!.debounceMs).toBe(400);
  });

  it.each([
    ['a 13-step sequence', { actor: { dom: { selectors: ['#b'], steps: Array.from({ length: 13 }, () => ({ press: 'Enter' })) } } }, 'steps'],
    ['an unknown key', { actor: { dom: { selectors: ['#b'], steps: [{ press: 'F5' }] } } }, 'steps'],
    ['a placeholder other than {value}', { actor: { dom: { selectors: ['#b'], steps: [{ type: { selectors: ['#v'], value: '{actor}' } }] } } }, 'steps'],
    ['verify without steps', { actor: { dom: { selectors: ['#b'], verify: { selectors: ['.chip'] } } } }, 'verify'],
    ['selected on a text box', { actor: { dom: { selectors: ['#b'], selected: ['.on'] } } }, 'selected'],
    ['an empty open list', { actor: { dom: { selectors: ['#b'], open: [] } } }, 'open'],
  ])('refuses %s, naming the key', (_what, fields, key) => {
    const result = adapterSchema.safeParse({ ...base, fields });
    expect(result.success).toBe(false);
    expect(result.error!.issues.some((i) => i.path.includes(key))).toBe(true);
  });

  it('refuses a debounce over 5 seconds', () => {
    expect(adapterSchema.safeParse({ ...base, waitFor: { debounceMs: 60_000 } }).success).toBe(false);
  });
});

describe('open gestures', () => {
  it('clicks the magnifier, waits for the box, then fills it — and checks it', async () => {
    const page = collapsedSearch();
    const plan = planFill(adapter({ fields: searchField([['button[aria-label="Open search"]']]) }), { text: 'invoice' }, { submit: false });
    const report = await executeFill(document, plan, { findTimeoutMs: 300 });
    expect(page.clicks()).toBe(1);
    expect((document.getElementById('q') as HTMLInputElement).value).toBe('invoice');
    expect(report.fields[0]).toMatchObject({ field: 'text', status: 'kept' });
  });

  it('does not click again when the box already shows', async () => {
    const page = collapsedSearch();
    document.getElementById('magnifier')!.click();
    const result = await openControl(document, [['#magnifier']], ['#q'], { findTimeoutMs: 100 });
    expect(result).toEqual({ ok: true, opened: false });
    expect(page.clicks()).toBe(1);
    expect(document.getElementById('q')).not.toBeNull();
  });

  it('reports the field not filled, in plain words, when the open target is missing', async () => {
    collapsedSearch();
    const plan = planFill(adapter({ fields: searchField([{ selectors: ['#no-such-button'], label: 'the magnifier button' }]) }), { text: 'invoice' }, { submit: false });
    const report = await executeFill(document, plan, { findTimeoutMs: 100 });
    expect(report.ok).toBe(false);
    expect(report.fields[0]).toMatchObject({
      status: 'not-kept',
      message: "Couldn't open the Search box: the magnifier button isn't on this page — open it yourself and set: invoice",
    });
  });

  it('says so when the target was clicked but the control never appeared', async () => {
    document.body.innerHTML = '<button id="m" aria-label="Open search"></button>';
    const plan = planFill(adapter({ fields: searchField([['#m', 'button[aria-label="Open search"]']]) }), { text: 'x' }, { submit: false });
    const report = await executeFill(document, plan, { findTimeoutMs: 100 });
    expect(report.fields[0]!.message).toBe('I clicked the “Open search” button, but the Search box didn\'t appear — open it yourself and set: x');
  });

  it('names a target from its selector when no label is given', () => {
    expect(describeTarget(['button[aria-label="Open search"]'])).toBe('the “Open search” button');
    expect(describeTarget(['.icon-magnifier'])).toBe('the button that opens it');
    expect(describeTarget({ selectors: ['.x'], label: 'the funnel' })).toBe('the funnel');
  });

  it('a control in a popover that closes when the search runs is opened again to check it, then closed', async () => {
    document.body.innerHTML = '<button id="filters">Filters</button><div id="pop"></div><button id="go">Search</button><ul id="rows"><li>old</li></ul>';
    const state = { failed: false, opens: 0 };
    const pop = document.getElementById('pop')!;
    document.getElementById('filters')!.addEventListener('click', () => {
      if (pop.innerHTML) return void (pop.innerHTML = '');
      state.opens++;
      pop.innerHTML = `<label><input type="checkbox" id="failed" ${state.failed ? 'checked' : ''}> Failed only</label>`;
      document.getElementById('failed')!.addEventListener('change', (e) => (state.failed = (e.target as HTMLInputElement).checked));
    });
    document.getElementById('go')!.addEventListener('click', () => {
      pop.innerHTML = '';
      document.getElementById('rows')!.innerHTML = `<li>${state.failed ? 'failed only' : 'all'}</li>`;
    });
    const lab = adapter({
      fields: { failed: { label: 'Failed only', dom: { kind: 'checkbox', selectors: ['#failed'], open: [['#filters']] } } },
      submit: { via: 'click', selectors: ['#go'] },
      waitFor: { timeoutMs: 2_000 },
      results: { row: ['#rows li'], columns: { text: { selectors: [':scope'] } } },
    });
    const report = await executeFill(document, planFill(lab, { failed: 'true' }), { findTimeoutMs: 300 });
    expect(state).toEqual({ failed: true, opens: 2 });
    expect(report.fields[0]).toMatchObject({ status: 'kept' });
    expect(report.ok).toBe(true);
    expect(pop.innerHTML).toBe('');
  });

  it('opens a menu before clicking a search button that sits in it', async () => {
    document.body.innerHTML = '<input id="q"><button id="more">More</button><div id="menu" hidden><button id="go">Search</button></div><ul id="rows"><li>old</li></ul>';
    document.getElementById('more')!.addEventListener('click', () => (document.getElementById('menu')!.hidden = false));
    document.getElementById('go')!.addEventListener('click', () => (document.getElementById('rows')!.innerHTML = '<li>new</li>'));
    const plan = planFill(
      adapter({ fields: { text: { dom: { selectors: ['#q'] } } }, submit: { via: 'click', selectors: ['#go'], open: [['#more']] }, waitFor: { timeoutMs: 2_000 }, results: { row: ['#rows li'], columns: { text: { selectors: [':scope'] } } } }),
      { text: 'x' },
    );
    const report = await executeFill(document, plan, { findTimeoutMs: 300 });
    expect(report.submitted).toBe(true);
    expect(report.wait?.how).toBe('rows-changed');
    expect(report.ok).toBe(true);
  });
});

/** A filter builder: funnel → Add filter → field → operator → value → Apply, leaving a chip. */
function filterBuilder({ applies = true } = {}) {
  document.body.innerHTML = `<div id="builder"><button id="funnel" aria-label="Filter">⏷</button><div id="chips"></div></div>
    <div id="pop" hidden><button id="add">Add filter</button>
      <ul id="fields" hidden><li role="menuitem">Actor</li><li role="menuitem">Target</li></ul>
      <ul id="ops" hidden><li role="menuitem">is</li><li role="menuitem">is not</li></ul>
      <input id="value" hidden><button id="apply" hidden>Apply</button></div>`;
  const $ = (id: string) => document.getElementById(id)!;
  let field = '';
  let op = '';
  $('funnel').addEventListener('click', () => ($('pop').hidden = false));
  $('add').addEventListener('click', () => ($('fields').hidden = false));
  $('fields').addEventListener('click', (e) => {
    field = (e.target as Element).textContent ?? '';
    $('fields').hidden = true;
    $('ops').hidden = false;
  });
  $('ops').addEventListener('click', (e) => {
    op = (e.target as Element).textContent ?? '';
    $('ops').hidden = true;
    $('value').hidden = false;
    $('apply').hidden = false;
  });
  $('apply').addEventListener('click', () => {
    $('pop').hidden = true;
    if (applies) $('chips').innerHTML += `<span class="chip">${field} ${op} ${($('value') as HTMLInputElement).value}<button aria-label="Remove">×</button></span>`;
  });
}

const builderField = (verify?: unknown, steps?: unknown) => ({
  actor: {
    label: 'Actor',
    dom: {
      selectors: ['#builder'],
      steps: steps ?? [
        { click: ['#funnel'] },
        { click: ['#add'] },
        { pick: { selectors: ['#fields [role=menuitem]'], text: 'Actor' } },
        { pick: { selectors: ['#ops [role=menuitem]'], text: 'is' } },
        { type: { selectors: ['#value'], value: '{value}' } },
        { click: ['#apply'] },
      ],
      ...(verify ? { verify } : {}),
    },
  },
});

describe('recorded sequences', () => {
  it('runs every step in order and checks the result by the chip that reads the value', async () => {
    filterBuilder();
    const plan = planFill(adapter({ fields: builderField({ selectors: ['#chips .chip'], text: 'Actor is {value}' }) }), { actor: 'alice' }, { submit: false });
    const report = await executeFill(document, plan, { findTimeoutMs: 300 });
    expect(document.querySelector('.chip')!.textContent).toContain('Actor is alice');
    expect(report.fields[0]).toMatchObject({ field: 'actor', status: 'kept' });
  });

  it('is not kept when the builder never shows the chip', async () => {
    filterBuilder({ applies: false });
    const plan = planFill(adapter({ fields: builderField({ selectors: ['#chips .chip'], text: 'Actor is {value}' }) }), { actor: 'alice' }, { submit: false });
    const report = await executeFill(document, plan, { findTimeoutMs: 200 });
    expect(report.fields[0]).toMatchObject({ status: 'not-kept', message: "I went through the Actor filter's steps, but the page doesn't show it applied — set it yourself: alice" });
    expect(report.ok).toBe(false);
  });

  it('is "could not check", never done, without verify', async () => {
    filterBuilder();
    const plan = planFill(adapter({ fields: builderField() }), { actor: 'alice' }, { submit: false });
    const report = await executeFill(document, plan, { findTimeoutMs: 300 });
    expect(report.fields[0]!.status).toBe('unchecked');
    expect(report.ok).toBe(false);
  });

  it('stops at the step whose element never appears and says which', async () => {
    filterBuilder();
    const steps = [{ click: ['#funnel'] }, { click: ['#add'] }, { pick: { selectors: ['#fields [role=menuitem]'], text: 'Owner' } }];
    const plan = planFill(adapter({ fields: builderField({ selectors: ['.chip'] }, steps) }), { actor: 'alice' }, { submit: false });
    const report = await executeFill(document, plan, { findTimeoutMs: 100 });
    expect(report.fields[0]).toMatchObject({
      status: 'not-kept',
      message: "I couldn't set Actor: at step 3 of 3 (choosing “Owner”) the page didn't show what to act on — set it yourself: alice",
    });
  });

  it('presses keys in the focused element', async () => {
    document.body.innerHTML = '<input id="v">';
    const keys: string[] = [];
    document.getElementById('v')!.addEventListener('keydown', (e) => keys.push(e.key));
    const result = await runSequence(document, [{ type: { selectors: ['#v'], value: 'x {value}' } }, { press: 'ArrowDown' }, { press: 'Enter' }], 'y', { findTimeoutMs: 100 });
    expect(result).toEqual({ ok: true });
    expect((document.getElementById('v') as HTMLInputElement).value).toBe('x y');
    expect(keys).toEqual(['ArrowDown', 'Enter']);
  });

  it('a fresh search names a builder filter left from before (it cannot remove it), and the read-back states it', async () => {
    filterBuilder();
    document.getElementById('chips')!.innerHTML = '<span class="chip">Actor is mallory</span>';
    document.body.insertAdjacentHTML('beforeend', '<input id="q">');
    const lab = adapter({ fields: { ...builderField({ selectors: ['#chips .chip'], text: 'Actor is {value}' }), text: { dom: { selectors: ['#q'] } } } });
    const report = await executeFill(document, planFill(lab, { text: 'x' }, { submit: false, reset: true }), { findTimeoutMs: 100 });
    expect(report.cleared).toEqual([
      expect.objectContaining({ fields: ['actor'], status: 'not-cleared', was: 'Actor is mallory', message: expect.stringContaining("Trailguide can't remove a filter builder's filters") }),
    ]);
    const applied = readBack(document, lab, { actor: 'alice' });
    expect(applied.filters.find((f) => f.name === 'actor')).toMatchObject({ status: 'not-applied', shown: 'Actor is mallory' });
    expect(readBack(document, lab, { actor: 'mallory' }).filters.find((f) => f.name === 'actor')).toMatchObject({ status: 'applied' });
  });
});

describe('lists in a fresh search', () => {
  it('a list the step does not set is put back to its "All" item, checked by the console’s own marker', async () => {
    document.body.innerHTML = `<input id="q"><nav id="t"><a href="#" data-value="">All events</a><a href="#" data-value="delete" class="on">Delete</a></nav>`;
    const nav = document.getElementById('t')!;
    nav.addEventListener('click', (e) => {
      e.preventDefault();
      const link = (e.target as Element).closest('a')!;
      nav.querySelectorAll('a').forEach((a) => a.classList.toggle('on', a === link));
    });
    const lab = adapter({ fields: { text: { dom: { selectors: ['#q'] } }, action: { label: 'Event type', dom: { selectors: ['#t'], kind: 'list', selected: ['#t a.on'] } } } });
    const report = await executeFill(document, planFill(lab, { text: 'x' }, { submit: false, reset: true }), { findTimeoutMs: 100 });
    expect(nav.querySelector('a.on')!.textContent).toBe('All events');
    expect(report.cleared).toEqual([expect.objectContaining({ fields: ['action'], status: 'cleared', was: 'Delete' })]);
  });
});

describe('a search button behind a menu', () => {
  it('names the menu when it is missing and does not claim the search ran', async () => {
    document.body.innerHTML = '<input id="q"><div hidden><button id="go">Search</button></div>';
    const lab = adapter({ fields: { text: { dom: { selectors: ['#q'] } } }, submit: { via: 'click', selectors: ['#go'], open: [{ selectors: ['#more'], label: 'the “More” menu' }] } });
    const report = await executeFill(document, planFill(lab, { text: 'x' }), { findTimeoutMs: 100 });
    expect(report.submitted).toBe(false);
    expect(report.ok).toBe(false);
    expect(report.messages).toContain("Couldn't open the search button: the “More” menu isn't on this page — click the search button yourself to apply the filters.");
  });
});

describe('lists in the read-back', () => {
  it('reads a list by its chosen item, not by all of its text', () => {
    document.body.innerHTML = '<nav id="t"><a href="#" data-value="">All</a><a href="#" data-value="login" aria-current="page">Log in</a><a href="#" data-value="delete">Delete</a></nav>';
    const lab = adapter({ fields: { action: { label: 'Event type', dom: { selectors: ['#t'], kind: 'list' } } } });
    expect(readBack(document, lab, { action: 'login' }).filters[0]).toMatchObject({ status: 'applied', shown: 'Log in' });
    expect(readBack(document, lab, { action: 'delete' }).filters[0]).toMatchObject({ status: 'not-applied', shown: 'Log in' });
    // Not asked for: named as a filter left from an earlier search.
    expect(readBack(document, lab, {}).filters[0]).toMatchObject({ name: 'action', intended: '', shown: 'Log in', status: 'applied' });
  });
});

/**
 * A console that searches as you type: 60 ms after the last input it marks the results busy,
 * and 40 ms later shows the new rows.
 */
function typeAhead() {
  document.body.innerHTML = '<input id="q"><ul id="rows" aria-busy="false"><li>old row</li></ul>';
  const rows = document.getElementById('rows')!;
  let timer: ReturnType<typeof setTimeout> | undefined;
  document.getElementById('q')!.addEventListener('input', (e) => {
    clearTimeout(timer);
    const value = (e.target as HTMLInputElement).value;
    timer = setTimeout(() => {
      rows.setAttribute('aria-busy', 'true');
      setTimeout(() => {
        rows.innerHTML = `<li>rows for ${value}</li>`;
        rows.setAttribute('aria-busy', 'false');
      }, 40);
    }, 60);
  });
}

const typeAheadAdapter = (waitFor: Record<string, unknown>) =>
  adapter({
    fields: { text: { label: 'Search', dom: { selectors: ['#q'] } } },
    submit: { via: 'none' },
    waitFor: { busy: ['#rows[aria-busy="true"]'], timeoutMs: 3_000, ...waitFor },
    results: { row: ['#rows li'], columns: { text: { selectors: [':scope'] } } },
  });

describe('search as you type', () => {
  it('waits for the debounce, then for busy and ready, so the rows are the new search’s', async () => {
    typeAhead();
    const report = await executeFill(document, planFill(typeAheadAdapter({ debounceMs: 80 }), { text: 'invoice' }), { findTimeoutMs: 300 });
    expect(document.querySelector('#rows li')!.textContent).toBe('rows for invoice');
    expect(report.submitted).toBe(true);
    expect(report.wait?.ok).toBe(true);
    expect(report.ok).toBe(true);
  });

  it('without a debounce the fill reports at once, while the old rows still show (why the key exists)', async () => {
    typeAhead();
    const report = await executeFill(document, planFill(typeAheadAdapter({}), { text: 'invoice' }), { findTimeoutMs: 300 });
    expect(document.querySelector('#rows li')!.textContent).toBe('old row');
    expect(report.submitted).toBe(false);
    expect(report.wait).toBeNull();
  });

  it('is not done when the console never answers', async () => {
    document.body.innerHTML = '<input id="q"><ul id="rows" aria-busy="true"><li>old row</li></ul>';
    const report = await executeFill(document, planFill(typeAheadAdapter({ debounceMs: 10, timeoutMs: 300 }), { text: 'invoice' }), { findTimeoutMs: 300 });
    expect(report.ok).toBe(false);
    expect(report.wait?.how).toBe('timeout');
  });
});
