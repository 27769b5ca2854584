import { describe, expect, it } from 'vitest';
import { debounceFrom, gesturesFromRecording, replayAdapter, tidy, verifyFrom, type RecordedEvent, type RecordedTarget, type Recording } from '../../utils/builder/record';
import { assembleAdapter } from '../../utils/builder/assemble';
import { adapterSchema, domFieldStrategy } from '../../utils/schema/adapter';

/**
 * "Show me" (issue 14 §3): recordings as the page side writes them down (the gestures fixture's
 * controls: test/fixtures/consoles/gestures/) turned into the adapter format's gestures.
 */
const magnifier: RecordedTarget = { selectors: ['button[aria-label="Search activity"]', '#search-toggle'], label: 'Search activity', tag: 'button' };
const searchBox: RecordedTarget = { selectors: ['input[aria-label="Search"]', '#search-slot input'], label: 'Search', tag: 'input', field: { kind: 'text', format: 'plain' } };
const click = (target: RecordedTarget): RecordedEvent => ({ type: 'click', target });
const item = (text: string, value: string, list: string[], items: string[], extra: Partial<NonNullable<RecordedTarget['item']>> = {}): RecordedTarget => ({
  selectors: [`${list[0]} [data-value="${value}"]`],
  label: text,
  tag: 'a',
  item: { list, items, value, text, marked: false, ...extra },
});

function taught(recording: Recording, filter = 'search') {
  const result = gesturesFromRecording(recording, filter);
  if (!result.ok) throw new Error(`expected gestures, got: ${result.problem}`);
  // Whatever the recording became is a valid field of the adapter format.
  expect(domFieldStrategy.safeParse(result.taught.dom).success).toBe(true);
  return result.taught;
}

describe('a recording becomes gestures', () => {
  it('an icon that opens a search that runs as you type: open + debounceMs, recognised by the icon', () => {
    const t = taught({
      events: [click(magnifier), click(searchBox), { type: 'type', target: searchBox, value: 'invoice', changedAfterMs: 412 }],
      effects: [],
    });
    expect(t.shape).toBe('open');
    expect(t.dom).toEqual({
      selectors: searchBox.selectors,
      kind: 'text',
      format: 'plain',
      open: [{ selectors: magnifier.selectors, label: 'the “Search activity” button' }],
    });
    expect(t.value).toBe('invoice');
    expect(t.debounceMs).toBe(700);
    expect(t.applies).toBe('itself');
    // The box isn't on the page until the icon is clicked: the page is recognised by the icon.
    expect(t.presence).toEqual(magnifier.selectors);
    expect(t.summary).toMatch(/^Clicks “Search activity”, then types into “Search” — the page searches as you type/);
  });

  it('a box typed into and sent with Enter: no debounce, the search applies by Enter', () => {
    const t = taught({ events: [{ type: 'type', target: searchBox, value: 'x', changedAfterMs: 30 }, { type: 'press', key: 'Enter' }], effects: [] });
    expect(t.shape).toBe('box');
    expect(t.dom.open).toBeUndefined();
    expect(t.debounceMs).toBeUndefined();
    expect(t.applies).toBe('enter');
  });

  it('an item of a sidebar list of links: kind list, its chosen marker, the item’s value', () => {
    const login = item('Log in', 'login', ['#event-types'], ['#event-types a[data-value]'], { selected: ['#event-types a.is-active'], marked: true });
    const t = taught({ events: [click(login)], effects: [] }, 'event type');
    expect(t.shape).toBe('list');
    expect(t.dom).toEqual({ selectors: ['#event-types'], kind: 'list', selected: ['#event-types a.is-active'] });
    expect(t.value).toBe('login');
    expect(t.presence).toEqual(['#event-types']);
    expect(t.summary).not.toMatch(/can’t check/);
  });

  it('toggles of one list clicked in turn: a list that takes several at once', () => {
    const web = item('Web', 'web', ['#sources'], ['#sources button'], { marked: true });
    const api = item('API', 'api', ['#sources'], ['#sources button'], { marked: true });
    const t = taught({ events: [click(web), click(api)], effects: [] }, 'source');
    expect(t.dom).toEqual({ selectors: ['#sources'], kind: 'list', multiple: true });
    expect(t.value).toBe('web, api');
    expect(t.summary).toBe('Clicks each wanted item in the list, several at once (you chose “Web”, “API”).');
  });

  it('a list behind a button that unfolds it: the list, opened first', () => {
    const more: RecordedTarget = { selectors: ['button[aria-label="Show filters"]'], label: 'Show filters', tag: 'button' };
    const t = taught({ events: [click(more), click(item('Delete', 'delete', ['#event-types'], ['#event-types a'], { marked: true }))], effects: [] });
    expect(t.dom).toEqual({ selectors: ['#event-types'], kind: 'list', open: [{ selectors: more.selectors, label: 'the “Show filters” button' }] });
    expect(t.presence).toEqual(more.selectors);
  });

  it('a list whose page doesn’t show the chosen item says so', () => {
    const t = taught({ events: [click(item('Web', 'web', ['#sources'], []))], effects: [] });
    expect(t.summary).toMatch(/doesn’t show which item is chosen/);
  });

  it('a filter builder of four clicks, a typed value and Apply: steps with the value step, checked by its chip', () => {
    const funnel: RecordedTarget = { selectors: ['button[aria-label="Filters"]'], label: 'Filters', tag: 'button' };
    const add: RecordedTarget = { selectors: ['#add-filter'], label: 'Add filter', tag: 'button' };
    const actor = item('Actor', '', ['#filter-fields'], ['#filter-fields li[role="menuitem"]']);
    const is = item('is', '', ['#filter-ops'], ['#filter-ops li[role="menuitem"]']);
    const input: RecordedTarget = { selectors: ['#filter-input'], label: 'Filter value', tag: 'input', field: { kind: 'text', format: 'plain' } };
    const apply: RecordedTarget = { selectors: ['#filter-apply'], label: 'Apply', tag: 'button' };
    const t = taught(
      {
        events: [click(funnel), click(add), click(actor), click(is), click(input), { type: 'type', target: input, value: 'alice' }, click(apply)],
        effects: [
          // The console's own state readout also reads the value, and mentions "actor": the chip reads more of what was picked.
          { selectors: ['#state'], text: '{"type":"","actor":"alice"}' },
          { selectors: ['#chips span.chip'], text: 'Actor is alice ×' },
        ],
      },
      'person',
    );
    expect(t.shape).toBe('steps');
    expect(t.dom.selectors).toEqual(funnel.selectors);
    expect(t.dom.steps).toEqual([
      { click: ['button[aria-label="Filters"]'] },
      { click: ['#add-filter'] },
      { pick: { selectors: ['#filter-fields li[role="menuitem"]'], text: 'Actor' } },
      { pick: { selectors: ['#filter-ops li[role="menuitem"]'], text: 'is' } },
      { type: { selectors: ['#filter-input'], value: '{value}' } },
      { click: ['#filter-apply'] },
    ]);
    expect(t.dom.verify).toEqual({ selectors: ['#chips span.chip'], text: 'Actor is {value}' });
    expect(t.value).toBe('alice');
    expect(t.applies).toBe('itself');
    expect(t.summary).toBe('6 steps: clicks “Filters”, clicks “Add filter”, chooses “Actor”, chooses “is”, types the value, clicks “Apply”; then checks that the page shows “Actor is alice” (with the value asked for).');
  });

  it('a builder whose value is picked from a menu: the last pick is the value step', () => {
    const funnel: RecordedTarget = { selectors: ['#funnel'], label: 'Filters', tag: 'button' };
    const t = taught({
      events: [click(funnel), click(item('Event', '', ['#fields'], ['#fields li'])), click(item('Delete', 'delete', ['#values'], ['#values li']))],
      effects: [{ selectors: ['.chip'], text: 'Event: Delete' }],
    });
    expect(t.shape).toBe('steps');
    expect(t.dom.steps?.[2]).toEqual({ pick: { selectors: ['#values li'], text: '{value}' } });
    expect(t.value).toBe('delete');
    // Case doesn't matter: the chip reads "Delete" for the value "delete".
    expect(t.dom.verify).toEqual({ selectors: ['.chip'], text: 'Event: {value}' });
  });

  it('a builder with nothing on the page reading the value afterwards: no verify, and the summary says it can’t be checked', () => {
    const t = taught({
      events: [click({ selectors: ['#funnel'], label: 'Filters', tag: 'button' }), { type: 'type', target: searchBox, value: 'bob' }, click({ selectors: ['#go'], label: 'Go', tag: 'button' })],
      effects: [],
    });
    expect(t.dom.verify).toBeUndefined();
    expect(t.summary).toMatch(/can’t check it/);
  });

  it('a replay adapter is a valid adapter holding only the taught field', () => {
    const t = taught({ events: [click(magnifier), { type: 'type', target: searchBox, value: 'invoice', changedAfterMs: 400 }], effects: [] });
    const adapter = adapterSchema.parse(replayAdapter(t, 'text', 'Search', ['http://127.0.0.1:*/ops/activity*']));
    expect(Object.keys(adapter.fields)).toEqual(['text']);
    expect(adapter.submit?.via).toBe('none');
    expect(adapter.waitFor).toBeUndefined();
  });
});

describe('an adapter assembled from shown filters', () => {
  it('keeps the gestures, searches with no button or Enter, and waits for the console’s pause and its busy marker', () => {
    const busy = ['table#results[aria-busy="true"]'];
    const search = taught({ events: [click(magnifier), { type: 'type', target: searchBox, value: 'invoice', changedAfterMs: 400 }], effects: [], busy });
    const list = taught({ events: [click(item('Log in', 'login', ['#event-types'], ['#event-types a'], { marked: true, selected: ['#event-types a.is-active'] }))], effects: [] });
    expect(search.busy).toEqual(busy);
    const shown = (t: typeof search) => ({ selectors: t.presence, taught: { ...t, checked: true } });
    const draft = assembleAdapter({
      name: 'Acme Ops',
      pageUrl: 'http://127.0.0.1:4100/ops/activity',
      today: '2026-12-01',
      picks: { search: shown(search), action: shown(list), row: { selectors: ['#results tbody tr'] }, 'col-time': { selectors: ['time'] }, 'col-actor': { selectors: ['.who'] }, 'col-action': { selectors: ['.what'] } },
    });
    if (!draft.ok) throw new Error(draft.problems.join(' '));
    expect(draft.adapter.fields.text?.dom?.open).toEqual(search.dom.open);
    expect(draft.adapter.fields.action?.dom).toMatchObject({ kind: 'list', selected: ['#event-types a.is-active'] });
    expect(draft.adapter.submit?.via).toBe('none');
    expect(draft.adapter.waitFor).toMatchObject({ busy, debounceMs: 600 });
    // Recognised by the magnifier, which is on the page before anything is clicked.
    expect(draft.adapter.match.present[0]).toEqual(magnifier.selectors);
  });

  it('a box sent with Enter keeps Enter as the way to search', () => {
    const box = taught({ events: [{ type: 'type', target: searchBox, value: 'x' }, { type: 'press', key: 'Enter' }], effects: [] });
    const draft = assembleAdapter({
      name: 'Acme Ops',
      pageUrl: 'http://127.0.0.1:4100/ops/activity',
      today: '2026-12-01',
      picks: { search: { selectors: box.presence, taught: box }, row: { selectors: ['tr'] }, 'col-time': { selectors: ['time'] }, 'col-actor': { selectors: ['.who'] }, 'col-action': { selectors: ['.what'] } },
    });
    expect(draft.ok && draft.adapter.submit?.via).toBe('enter');
    expect(draft.ok && draft.adapter.waitFor).toBeUndefined();
  });
});

describe('recordings that can’t become gestures say what to do', () => {
  it('nothing recorded', () => {
    const result = gesturesFromRecording({ events: [], effects: [] }, 'event type');
    expect(result).toEqual({ ok: false, problem: expect.stringMatching(/^Nothing was recorded\. Press “Show me” again, then on the page click what you click to filter by event type/) });
  });

  it('clicks with no value', () => {
    const result = gesturesFromRecording({ events: [click(magnifier), click({ selectors: ['#x'], label: 'More', tag: 'button' })], effects: [] }, 'person');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toMatch(/no value/);
  });

  it('an element the page gave no way to find again', () => {
    const result = gesturesFromRecording({ events: [click({ selectors: [], label: 'Odd', tag: 'div' })], effects: [] }, 'person');
    expect(!result.ok && result.problem).toMatch(/couldn't find a way to point at “Odd” again/);
  });

  it('more steps than a sequence may have', () => {
    const events = Array.from({ length: 13 }, (_, i) => click({ selectors: [`#b${i}`], label: `B${i}`, tag: 'button' }));
    events.push({ type: 'type', target: searchBox, value: 'v' });
    const result = gesturesFromRecording({ events, effects: [] }, 'person');
    expect(!result.ok && result.problem).toMatch(/at most 12/);
  });
});

describe('pieces', () => {
  it('tidy drops clicks into a box and merges typing into one box', () => {
    const events = tidy([click(searchBox), { type: 'type', target: searchBox, value: 'in' }, { type: 'type', target: searchBox, value: 'invoice' }]);
    expect(events).toEqual([{ type: 'type', target: searchBox, value: 'invoice' }]);
  });

  it('debounceFrom pads the measured wait and caps it at 5 s', () => {
    expect(debounceFrom(400)).toBe(600);
    expect(debounceFrom(0)).toBe(100);
    expect(debounceFrom(60_000)).toBe(5_000);
  });

  it('verifyFrom prefers what also reads the choices made on the way, and cuts at the value', () => {
    expect(verifyFrom([{ selectors: ['#a'], text: 'alice' }, { selectors: ['#b'], text: 'Actor is alice ×' }], 'alice', ['Actor', 'is'])).toEqual({ selectors: ['#b'], text: 'Actor is {value}' });
    expect(verifyFrom([{ selectors: ['#a'], text: 'bob' }], 'alice', [])).toBeNull();
  });
});
