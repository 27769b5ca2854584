import { clickLikeAPerson } from '../events';
import type { ClearStep, FillStep } from '../plan';
import { findAll, sleep, waitForElement } from '../query';
import { matchOption, normalise, optionLabel } from './dom';
import type { ClearDone, WidgetStrategy, Written } from './types';

/**
 * A `list` kind: a list of links or buttons that filters the log (a sidebar "All / Create /
 * Update / Delete / Log in", toggle buttons "Web / API"). The adapter's selectors find the
 * list; `option` its items (default: the links and buttons in it). The item whose data-value
 * or text matches the value is clicked, and checked by its effect: the console's `selected`
 * marker, else aria-current / aria-pressed / aria-selected / aria-checked, else the address
 * having become the item's link. With `multiple`, each comma-separated value is chosen and
 * every other chosen item let go.
 */
const ITEMS = 'a[href], button, [role="option"], [role="tab"], [role="menuitem"], [role="menuitemradio"], [role="menuitemcheckbox"], [role="radio"], [role="link"], [role="button"]';
/** An item meaning "no filter". */
const ALL_CHOICE = /^(all|any|every(thing|one)?)\b/i;
/** Class names consoles use for the chosen item, for reading a list whose adapter says nothing (a fresh search). */
const CHOSEN_CLASS = /(^|[\s_-])(active|selected|current|checked|is-active|is-selected|is-current)($|[\s_-])/i;

type ListStep = Pick<FillStep, 'option' | 'gestures'>;

export function listItems(doc: Document, list: Element, step: ListStep): Element[] {
  if (step.option) {
    const found = findAll(doc, step.option).elements;
    const inside = found.filter((item) => list.contains(item));
    return inside.length > 0 ? inside : found;
  }
  const items = Array.from(list.querySelectorAll(ITEMS));
  return items.length > 0 ? items : Array.from(list.querySelectorAll('li'));
}

/** The item, its list entry and its inner control: where a console may put the chosen marker. */
function family(item: Element): Element[] {
  const out = [item];
  const entry = item.closest('li, [role="listitem"]');
  if (entry && entry !== item) out.push(entry);
  const inner = item.querySelector(ITEMS);
  if (inner) out.push(inner);
  return out;
}

function ariaChosen(element: Element): boolean {
  const current = element.getAttribute('aria-current');
  if (current !== null && current !== 'false') return true;
  return ['aria-pressed', 'aria-selected', 'aria-checked'].some((name) => element.getAttribute(name) === 'true');
}

function sameAddress(doc: Document, item: Element): boolean {
  const href = item.closest('a[href]')?.getAttribute('href') ?? item.querySelector('a[href]')?.getAttribute('href');
  if (!href || href === '#') return false;
  try {
    return new URL(href, doc.baseURI).href === doc.location.href;
  } catch {
    return false;
  }
}

/**
 * How the list says which items are chosen, and which those are. `signal` null: nothing on the
 * page says (no `selected` match, no aria marker, no item whose link is the address).
 */
export function chosenItems(doc: Document, items: readonly Element[], step: ListStep): { signal: 'selected' | 'aria' | 'address' | null; chosen: Element[] } {
  const selected = step.gestures?.selected;
  if (selected) {
    const marks = findAll(doc, selected).elements;
    const chosen = items.filter((item) => marks.some((m) => m === item || item.contains(m) || m.contains(item)));
    // The marker is the adapter's word: nothing marked means nothing chosen.
    return { signal: 'selected', chosen };
  }
  const byAria = items.filter((item) => family(item).some(ariaChosen));
  if (byAria.length > 0 || items.some((item) => family(item).some((e) => ['aria-pressed', 'aria-selected', 'aria-checked', 'aria-current'].some((a) => e.hasAttribute(a))))) {
    return { signal: 'aria', chosen: byAria };
  }
  const byAddress = items.filter((item) => sameAddress(doc, item));
  if (byAddress.length > 0) return { signal: 'address', chosen: byAddress };
  return { signal: null, chosen: [] };
}

const label = (item: Element) => optionLabel(item) || normalise(item.textContent);
export const isAllItem = (item: Element) => item.getAttribute('data-value') === '' || ALL_CHOICE.test(label(item));

/**
 * A multiple list whose every item is chosen (Redmine's event types, all ticked) filters on
 * nothing: the console shows everything. Only for `multiple` lists of two or more items (an
 * "All" item aside); a single list, or a lone toggle, chosen is a filter.
 */
export function everyItemChosen(items: readonly Element[], chosen: readonly Element[], step: Pick<ListStep, 'gestures'>): boolean {
  if (!step.gestures?.multiple) return false;
  const real = items.filter((item) => !isAllItem(item));
  return real.length >= 2 && real.every((item) => chosen.includes(item));
}

/** The values a step asks for: comma-separated for a multiple list, else the value whole. */
export function wantedValues(step: Pick<FillStep, 'value' | 'gestures'>): string[] {
  const values = step.gestures?.multiple ? step.value.split(',') : [step.value];
  return values.map((v) => v.trim()).filter(Boolean);
}

export const list: WidgetStrategy = {
  id: 'list',
  recognises: (_element, step) => step.kind === 'list',
  async write(doc, container, step, options): Promise<Written> {
    const wanted = wantedValues(step);
    const timeout = options.popupTimeoutMs ?? 1_500;
    const labels: string[] = [];
    const picked: Element[] = [];
    for (const value of wanted) {
      const item = await waitForElement(doc, () => matchOption(listItems(doc, container, step), value.toLowerCase()), timeout, options.signal);
      if (!item) return { expect: [], problem: `“${value}” isn't in the ${step.label} list — pick it yourself.` };
      labels.push(label(item));
      const { chosen } = chosenItems(doc, listItems(doc, container, step), step);
      // Clicking a chosen toggle again would let go of it.
      if (!chosen.includes(item)) {
        clickLikeAPerson(item);
        await sleep(30, options.signal);
      }
      picked.push(item);
    }
    if (step.gestures?.multiple) {
      // A multiple list filters on every chosen item: let go of the ones the step didn't ask for.
      const items = listItems(doc, container, step);
      const wantedItems = wanted.map((v) => matchOption(items, v.toLowerCase()));
      for (const item of chosenItems(doc, items, step).chosen) {
        if (wantedItems.includes(item) || isAllItem(item)) continue;
        clickLikeAPerson(item);
        await sleep(30, options.signal);
      }
    }
    return { expect: wanted.map((v, i) => `${v}\u0001${labels[i] ?? ''}`) };
  },
  verify(doc, container, step, expect) {
    if (expect.length === 0) return 'not-kept';
    const items = listItems(doc, container, step);
    const { signal, chosen } = chosenItems(doc, items, step);
    if (signal === null) return 'unchecked';
    const wantedItems: Element[] = [];
    for (const entry of expect) {
      const [value = '', shownLabel = ''] = entry.split('\u0001');
      const item = matchOption(items, value.toLowerCase()) ?? (shownLabel ? matchOption(items, shownLabel.toLowerCase()) : null);
      if (!item || !chosen.includes(item)) return 'not-kept';
      wantedItems.push(item);
    }
    // A single list shows one choice; a multiple one exactly the asked ones.
    return chosen.every((item) => wantedItems.includes(item)) ? 'kept' : 'not-kept';
  },
  shown(container) {
    const doc = container.ownerDocument;
    const items = listItems(doc, container, {});
    let { chosen } = chosenItems(doc, items, {});
    if (chosen.length === 0) chosen = items.filter((item) => family(item).some((e) => CHOSEN_CLASS.test(e.getAttribute('class') ?? '')));
    return chosen
      .filter((item) => !isAllItem(item))
      .map(label)
      .join(', ');
  },
  async clear(doc, container, step: ClearStep): Promise<ClearDone> {
    const items = listItems(doc, container, step);
    const all = items.find(isAllItem);
    if (all) {
      clickLikeAPerson(all);
    } else if (step.gestures?.multiple) {
      for (const item of chosenItems(doc, items, step).chosen) clickLikeAPerson(item);
    } else {
      return { cleared: false, why: ': its list has no “All” choice' };
    }
    await sleep(30);
    const now = chosenItems(doc, listItems(doc, container, step), step);
    const stillChosen = now.chosen.filter((item) => !isAllItem(item));
    if (now.signal !== null && stillChosen.length === 0) return { cleared: true };
    return { cleared: false, why: now.signal === null ? ': the page doesn’t show which item is chosen' : '' };
  },
};

