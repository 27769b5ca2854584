// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assembleAdapter } from '../../utils/builder/assemble';
import { describePick } from '../../utils/builder/pick';
import { gesturesFromRecording } from '../../utils/builder/record';
import { cancelRecording, startRecording, stopRecording } from '../../utils/builder/record-page';

/**
 * Issue 14 §3 on the page: what the picker does with controls that aren't a box (a sidebar
 * list, an icon, a calendar button, a date pattern box), and the "Show me" recorder on markup
 * shaped like test/fixtures/consoles/gestures/ with a tiny console script of its own.
 */
const PAGE = `
<header><h1>Acme Ops · Activity</h1>
  <div class="search"><button type="button" id="search-toggle" aria-label="Search activity">🔍</button><span id="search-slot"></span></div></header>
<aside><h2 id="types-title">Event type</h2>
  <nav id="event-types" aria-labelledby="types-title">
    <a href="/ops/activity" data-value="" class="is-active">All events</a>
    <a href="/ops/activity" data-value="create">Create</a>
    <a href="/ops/activity" data-value="login">Log in</a>
  </nav></aside>
<main>
  <label>From <input id="from" placeholder="DD/MM/YYYY"></label>
  <label>To <input id="to" type="date"></label>
  <button type="button" id="range" aria-haspopup="dialog">Last 7 days</button>
  <div id="filter-bar"><button type="button" id="funnel" aria-label="Filters">Filter</button><div id="chips"></div></div>
  <div id="filter-pop" hidden>
    <button type="button" id="add-filter">Add filter</button>
    <ul id="filter-fields" role="menu"><li role="menuitem">Actor</li><li role="menuitem">Target</li></ul>
    <ul id="filter-ops" role="menu"><li role="menuitem">is</li><li role="menuitem">contains</li></ul>
    <input id="filter-input" aria-label="Filter value"><button type="button" id="filter-apply">Apply</button>
  </div>
  <table id="results"><tbody><tr><td class="who">alice</td></tr><tr><td class="who">bob</td></tr></tbody></table>
  <output id="state"></output>
</main>`;

/** The console's own behaviour: the magnifier unfolds a box that searches 30 ms after the last key; the builder adds a chip. */
function consoleScript(doc: Document) {
  const $ = (id: string) => doc.getElementById(id)!;
  let timer: ReturnType<typeof setTimeout> | undefined;
  $('search-toggle').addEventListener('click', () => {
    const input = doc.createElement('input');
    input.type = 'search';
    input.setAttribute('aria-label', 'Search');
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        $('results').setAttribute('aria-busy', 'true');
        $('state').textContent = `q=${input.value}`;
        $('results').setAttribute('aria-busy', 'false');
      }, 30);
    });
    $('search-slot').append(input);
  });
  $('event-types').addEventListener('click', (event) => {
    const link = (event.target as Element).closest('a')!;
    event.preventDefault();
    for (const a of Array.from($('event-types').querySelectorAll('a'))) a.classList.toggle('is-active', a === link);
  });
  $('funnel').addEventListener('click', () => ($('filter-pop').hidden = false));
  $('filter-apply').addEventListener('click', () => {
    const chip = doc.createElement('span');
    chip.className = 'chip';
    chip.textContent = `Actor is ${($('filter-input') as HTMLInputElement).value} ×`;
    $('chips').replaceChildren(chip);
    $('filter-pop').hidden = true;
  });
}

const pick = (role: Parameters<typeof describePick>[2]['role'], selector: string) =>
  describePick(document, document.querySelector(selector)!, { role, prompt: 'Click it.', timeoutMs: 5_000 });

function type(input: HTMLInputElement, text: string) {
  for (let i = 1; i <= text.length; i++) {
    input.value = text.slice(0, i);
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
}
const click = (el: Element) => el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, button: 0 }));
const until = async (test: () => boolean) => {
  for (let i = 0; i < 200 && !test(); i++) await new Promise((r) => setTimeout(r, 5));
};

beforeEach(() => {
  document.body.innerHTML = PAGE;
});
afterEach(() => {
  cancelRecording(document);
  document.querySelectorAll('trailguide-builder-overlay').forEach((e) => e.remove());
});

describe('the picker takes what a person can use, or says what to do instead', () => {
  it('an item of a sidebar list of links, for the event type: the list, as kind list with its chosen marker', () => {
    const { picked } = pick('action', '#event-types a[data-value="login"]');
    expect(picked?.field?.kind).toBe('list');
    expect(picked?.selectors[0]).toBe('#event-types');
    expect(picked?.label).toBe('Event type');
    expect(picked?.taught).toMatchObject({ shape: 'list', checked: false, dom: { kind: 'list', selected: ['#event-types a.is-active'] } });
    expect(picked?.taught?.dom.selectors).toEqual(picked?.selectors);
    const draft = assembleAdapter({
      name: 'Acme Ops',
      pageUrl: 'http://127.0.0.1:8080/ops/activity',
      today: '2026-12-01',
      picks: { action: picked!, row: { selectors: ['#results tbody tr'] }, 'col-time': { selectors: ['.who'] }, 'col-actor': { selectors: ['.who'] }, 'col-action': { selectors: ['.who'] } },
    });
    expect(draft.ok && draft.adapter.fields.action?.dom).toMatchObject({ kind: 'list', selectors: picked!.selectors, selected: ['#event-types a.is-active'] });
  });

  it('the magnifier, for the search: a button, and how to teach it with Show me', () => {
    const reply = pick('search', '#search-toggle');
    expect(reply.picked).toBeNull();
    expect(reply.message).toMatch(/^That's a button, not a box\. If you click it to get to the box \(a magnifier, a filter menu\), press “Show me” under this step/);
  });

  it('a list item for the search: one item of a list, not a box', () => {
    expect(pick('search', '#event-types a[data-value="create"]').message).toMatch(/^That's one item of a list, not a box/);
  });

  it('a text box showing a date pattern: a date box typed in that pattern; a date input stays a date input', () => {
    expect(pick('since', '#from').picked?.field).toEqual({ kind: 'date', format: 'DD/MM/YYYY' });
    expect(pick('until', '#to').picked?.field).toEqual({ kind: 'date', format: 'date' });
  });

  it('a button that opens a calendar, for a date: plain words on what to do instead', () => {
    expect(pick('since', '#range').message).toMatch(/^That button opens a calendar, and Trailguide can't type a date into it\. If the page also has a box/);
  });

  it('plain text: where to click instead', () => {
    expect(pick('actor', 'h1').message).toMatch(/^That's text on the page, not a box\. Click inside the box where you type/);
  });
});

describe('the Show me recorder', () => {
  it('lets the page act, and records the magnifier and a search that runs as you type', async () => {
    consoleScript(document);
    startRecording(document, 'Trailguide is watching.');
    expect(document.querySelector('trailguide-builder-overlay[data-recording]')).not.toBeNull();
    click(document.getElementById('search-toggle')!);
    // The page acted on the click: the box is there.
    const input = document.querySelector<HTMLInputElement>('#search-slot input')!;
    expect(input).not.toBeNull();
    type(input, 'invoice');
    await until(() => document.getElementById('state')!.textContent === 'q=invoice');
    expect(document.getElementById('state')!.textContent).toBe('q=invoice');
    // The mutation observer's callback (a microtask) has seen the console's answer.
    await Promise.resolve();
    const { recording } = stopRecording(document);
    expect(document.querySelector('trailguide-builder-overlay[data-recording]')).toBeNull();
    const result = gesturesFromRecording(recording!, 'a search');
    expect(result.ok && result.taught.shape).toBe('open');
    expect(result.ok && result.taught.dom.open).toEqual([{ selectors: expect.arrayContaining(['#search-toggle']), label: 'the “Search activity” button' }]);
    expect(result.ok && result.taught.dom.selectors[0]).toBe('input[aria-label="Search"]');
    expect(result.ok && result.taught.value).toBe('invoice');
    expect(result.ok && result.taught.debounceMs).toBeGreaterThanOrEqual(100);
    // The console's own "searching" marker, seen while it searched.
    expect(result.ok && result.taught.busy?.[0]).toBe('#results[aria-busy="true"]');
  });

  it('records a list click with the page’s own chosen marker, read after the page marked it', () => {
    consoleScript(document);
    startRecording(document, 'watching');
    click(document.querySelector('#event-types a[data-value="login"]')!);
    const { recording } = stopRecording(document);
    const result = gesturesFromRecording(recording!, 'event type');
    expect(result.ok && result.taught.dom).toEqual({ selectors: ['#event-types'], kind: 'list', selected: ['#event-types a.is-active'] });
    expect(result.ok && result.taught.value).toBe('login');
  });

  it('records a filter builder and finds its chip for verify', async () => {
    consoleScript(document);
    startRecording(document, 'watching');
    click(document.getElementById('funnel')!);
    click(document.getElementById('add-filter')!);
    click(document.querySelector('#filter-fields li')!);
    click(document.querySelector('#filter-ops li')!);
    const input = document.getElementById('filter-input') as HTMLInputElement;
    click(input);
    type(input, 'alice');
    click(document.getElementById('filter-apply')!);
    await Promise.resolve(); // the mutation observer's callback saw the chip
    const { recording } = stopRecording(document);
    const result = gesturesFromRecording(recording!, 'person');
    if (!result.ok) throw new Error(result.problem);
    expect(result.taught.dom.steps).toEqual([
      { click: expect.arrayContaining(['#funnel']) },
      { click: expect.arrayContaining(['#add-filter']) },
      { pick: { selectors: expect.arrayContaining(['#filter-fields li[role="menuitem"]']), text: 'Actor' } },
      { pick: { selectors: expect.arrayContaining(['#filter-ops li[role="menuitem"]']), text: 'is' } },
      { type: { selectors: expect.arrayContaining(['#filter-input']), value: '{value}' } },
      { click: expect.arrayContaining(['#filter-apply']) },
    ]);
    expect(result.taught.dom.verify?.text).toBe('Actor is {value}');
    expect(result.taught.value).toBe('alice');
  });

  it('never writes down what is typed into a password box', () => {
    document.body.insertAdjacentHTML('beforeend', '<input id="secret" type="password">');
    startRecording(document, 'watching');
    type(document.getElementById('secret') as HTMLInputElement, 'hunter2');
    const { recording } = stopRecording(document);
    expect(JSON.stringify(recording)).not.toContain('hunter2');
    expect(recording?.events).toEqual([]);
  });

  it('stopping when nothing is recorded returns nothing', () => {
    expect(stopRecording(document)).toEqual({ recording: null });
  });
});
