// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { list } from '../../utils/engine/strategies/list';
import { fillStep, picked } from './strategy-helpers';

/**
 * The `list` kind: a sidebar of links or a row of toggle buttons that filters the log. The
 * item is picked by data-value or text, clicked, and checked by its effect — the adapter's
 * `selected` marker, an aria state, or the address having become the item's link.
 */
beforeEach(() => {
  document.body.innerHTML = '';
  history.replaceState(null, '', '/audit');
});

/** A sidebar that marks the chosen link with a class (`is-active`), like many server-rendered consoles. */
function sidebar({ marks = true } = {}) {
  document.body.innerHTML = `<nav id="types">
    <a href="#" data-value="" class="is-active">All events</a>
    <a href="#" data-value="create">Create</a><a href="#" data-value="update">Update</a>
    <a href="#" data-value="delete">Delete</a><a href="#" data-value="login">Log in</a></nav>`;
  const nav = document.getElementById('types')!;
  nav.addEventListener('click', (event) => {
    event.preventDefault();
    const link = (event.target as Element).closest('a');
    if (!link || !marks) return;
    nav.querySelectorAll('a').forEach((a) => a.classList.toggle('is-active', a === link));
  });
  return nav;
}

/** Toggle buttons marked by aria-pressed; several may be on. */
function toggles(on: string[] = []) {
  document.body.innerHTML = `<div id="source">${['web', 'api', 'cli']
    .map((v) => `<button type="button" data-value="${v}" aria-pressed="${on.includes(v)}">${v.toUpperCase()}</button>`)
    .join('')}</div>`;
  const group = document.getElementById('source')!;
  group.addEventListener('click', (event) => {
    const button = (event.target as Element).closest('button');
    if (button) button.setAttribute('aria-pressed', String(button.getAttribute('aria-pressed') !== 'true'));
  });
  return group;
}

describe('list strategy', () => {
  it('is picked for kind list', () => {
    const nav = sidebar();
    expect(picked(nav, fillStep({ value: 'delete', kind: 'list' }))).toBe('list');
  });

  it('clicks the item whose data-value matches (the console filters on login, shows "Log in") and checks it by the selected marker', async () => {
    const nav = sidebar();
    const step = fillStep({ value: 'login', kind: 'list', gestures: { selected: ['#types a.is-active'] } });
    const written = await list.write(document, nav, step, {});
    expect(written.problem).toBeUndefined();
    expect(nav.querySelector('a.is-active')!.textContent).toBe('Log in');
    expect(list.verify(document, nav, step, written.expect)).toBe('kept');
    // Another item chosen afterwards: not kept.
    (nav.querySelector('[data-value="update"]') as HTMLElement).click();
    expect(list.verify(document, nav, step, written.expect)).toBe('not-kept');
  });

  it('matches by the text a person sees too', async () => {
    const nav = sidebar();
    const step = fillStep({ value: 'Delete', kind: 'list', gestures: { selected: ['#types a.is-active'] } });
    const written = await list.write(document, nav, step, {});
    expect(list.verify(document, nav, step, written.expect)).toBe('kept');
  });

  it('says not kept when the console ignores the click', async () => {
    const nav = sidebar({ marks: false });
    const step = fillStep({ value: 'delete', kind: 'list', gestures: { selected: ['#types a.is-active'] } });
    const written = await list.write(document, nav, step, {});
    expect(list.verify(document, nav, step, written.expect)).toBe('not-kept');
  });

  it('is "could not check" when nothing on the page says which item is chosen', async () => {
    document.body.innerHTML = '<ul id="plain"><li><button>Create</button></li><li><button>Delete</button></li></ul>';
    const container = document.getElementById('plain')!;
    const step = fillStep({ value: 'Delete', kind: 'list' });
    const written = await list.write(document, container, step, {});
    expect(list.verify(document, container, step, written.expect)).toBe('unchecked');
  });

  it('names a value the list does not offer', async () => {
    const nav = sidebar();
    const written = await list.write(document, nav, fillStep({ value: 'export', kind: 'list', label: 'Event type' }), { popupTimeoutMs: 50 });
    expect(written.problem).toBe('“export” isn\'t in the Event type list — pick it yourself.');
  });

  it('several values in a multiple list: turns on the asked ones, lets go of the others, and checks aria-pressed', async () => {
    const group = toggles(['cli']);
    const step = fillStep({ value: 'web, api', kind: 'list', gestures: { multiple: true } });
    const written = await list.write(document, group, step, {});
    const pressed = Array.from(group.querySelectorAll('[aria-pressed="true"]')).map((b) => b.getAttribute('data-value'));
    expect(pressed).toEqual(['web', 'api']);
    expect(list.verify(document, group, step, written.expect)).toBe('kept');
    // One more turned on by someone: the list no longer filters on exactly these.
    (group.querySelector('[data-value="cli"]') as HTMLElement).click();
    expect(list.verify(document, group, step, written.expect)).toBe('not-kept');
  });

  it('does not click an item that is already chosen (a toggle would let go of it)', async () => {
    const group = toggles(['api']);
    const step = fillStep({ value: 'api', kind: 'list' });
    const written = await list.write(document, group, step, {});
    expect(group.querySelector('[data-value="api"]')!.getAttribute('aria-pressed')).toBe('true');
    expect(list.verify(document, group, step, written.expect)).toBe('kept');
  });

  it('a link list checked by the address: the item whose link the page now shows', async () => {
    document.body.innerHTML = '<nav id="n"><a href="/audit?type=create">Create</a><a href="/audit?type=delete">Delete</a></nav>';
    const nav = document.getElementById('n')!;
    nav.addEventListener('click', (event) => {
      event.preventDefault();
      const link = (event.target as Element).closest('a')!;
      history.pushState(null, '', link.getAttribute('href'));
    });
    const step = fillStep({ value: 'Delete', kind: 'list' });
    const written = await list.write(document, nav, step, {});
    expect(location.search).toBe('?type=delete');
    expect(list.verify(document, nav, step, written.expect)).toBe('kept');
    history.pushState(null, '', '/audit?type=create');
    expect(list.verify(document, nav, step, written.expect)).toBe('not-kept');
  });

  it('shows what a list holds (for a fresh search) and clears it with its "All" item', async () => {
    const nav = sidebar();
    (nav.querySelector('[data-value="update"]') as HTMLElement).click();
    expect(list.shown!(nav)).toBe('Update');
    const done = await list.clear!(document, nav, { fields: ['action'], label: 'Event type', kind: 'list', selectors: ['#types'], gestures: { selected: ['#types a.is-active'] } }, {});
    expect(done).toEqual({ cleared: true });
    expect(list.shown!(nav)).toBe('');
  });

  it('cannot clear a single list without an "All" item, and says why', async () => {
    const group = toggles(['api']);
    const done = await list.clear!(document, group, { fields: ['source'], label: 'Source', kind: 'list', selectors: ['#source'] }, {});
    expect(done).toEqual({ cleared: false, why: ': its list has no “All” choice' });
  });
});
