import { elementFacts, testSingle } from './describe';
import type { PickedElement } from './messages';
import type { Taught } from './record';
import { isItem } from './record-page';
import type { BuilderRole } from './roles';
import { confirmCandidates, proposeSelectors, type Candidate } from './selectors';
import { patternOf } from './widgets';

/**
 * "Refuse nothing a person can use" (issue 14 §3): what the picker does with a click on a
 * filter step that didn't land on a box, a list or a widget a strategy knows. An item of a list
 * of links or buttons (a sidebar's event types) is taken as a `list`; an icon or button, a
 * calendar button and plain text get plain words on what to do instead — never just "no".
 * And a text box that shows a date pattern is taken as a date box in that pattern. Runs in the
 * injected executor, next to ./pick.ts.
 */
const ITEM = 'a[href], button, [role="button"], [role="link"], [role="option"], [role="tab"], [role="menuitem"], [role="menuitemradio"], [role="radio"], li';
const BUTTON = 'button, a, [role="button"], [role="link"], input[type="button"], input[type="submit"], summary';
const LIST_ROLES: readonly BuilderRole[] = ['actor', 'action'];
const MAX_SELECTORS = 4;
const SHOW_ME = 'press “Show me” under this step, then do it on the page as you normally would';

export type Accepted = { element: Element; confirmed: Candidate[]; extra: Partial<PickedElement> } | { problem: string };

/** The items of the list `el` is one of (alike siblings, see record-page.ts isItem), or none. */
function items(el: Element): Element[] {
  if (!isItem(el)) return [];
  const role = el.getAttribute('role');
  return Array.from(el.parentElement!.children).filter((s) => s.tagName === el.tagName && s.getAttribute('role') === role);
}

function nameOf(list: Element): string {
  const labelledBy = (list.getAttribute('aria-labelledby') ?? '')
    .split(/\s+/)
    .map((id) => (id ? list.ownerDocument.getElementById(id)?.textContent?.replace(/\s+/g, ' ').trim() : ''))
    .filter(Boolean)
    .join(' ');
  return (list.getAttribute('aria-label') ?? labelledBy).slice(0, 80);
}

/** How the page marks the chosen item now: aria (nothing to store), or a class only one item has. */
function chosenSelector(doc: Document, siblings: readonly Element[], listSelector: string): string[] | undefined {
  if (siblings.some((s) => ['aria-current', 'aria-pressed', 'aria-selected', 'aria-checked'].some((a) => s.hasAttribute(a)))) return undefined;
  for (const item of siblings) {
    for (const cls of Array.from(item.classList)) {
      if (!/^[a-zA-Z_-][\w-]*$/.test(cls) || siblings.some((s) => s !== item && s.classList.contains(cls))) continue;
      const selector = `${listSelector} ${item.tagName.toLowerCase()}.${cls}`;
      try {
        const found = doc.querySelectorAll(selector);
        if (found.length === 1 && found[0] === item) return [selector];
      } catch {
        /* not a usable class */
      }
    }
  }
  return undefined;
}

function looksLikeCalendar(el: Element): boolean {
  const words = `${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('title') ?? ''} ${el.className && typeof el.className === 'string' ? el.className : ''} ${el.getAttribute('aria-haspopup') ?? ''}`;
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  return /date|calendar|dialog|grid/i.test(words) || (text.length > 0 && text.length < 40 && patternOf(text) !== null);
}

/** A click on a filter step that isn't a box: accepted as a list, or plain words on what to do instead. */
export function acceptOther(doc: Document, target: Element, role: BuilderRole, prompt: string): Accepted {
  const item = target.closest(ITEM);
  const siblings = item ? items(item) : [];
  if (item && siblings.length > 0 && LIST_ROLES.includes(role)) {
    const list = item.parentElement!;
    const confirmed = confirmCandidates(proposeSelectors(elementFacts(list)), testSingle(doc, list), 'single', MAX_SELECTORS);
    if (confirmed.length === 0) return { problem: `I couldn't find a way to point at that list again. ${SHOW_ME.replace(/^p/, 'P')}.` };
    const selectors = confirmed.map((c) => c.selector);
    const selected = chosenSelector(doc, siblings, selectors[0]!);
    const texts = siblings.map((s) => (s.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean);
    const taught: Taught = {
      shape: 'list',
      dom: { selectors, kind: 'list', ...(selected ? { selected } : {}) },
      value: '',
      applies: 'itself',
      presence: selectors,
      checked: false,
      summary: `A list: Trailguide clicks the item asked for (${texts.slice(0, 4).join(', ')}${texts.length > 4 ? ', …' : ''}).`.slice(0, 300),
    };
    return { element: list, confirmed, extra: { field: { kind: 'list', format: 'plain' }, taught, label: nameOf(list) || texts.slice(0, 3).join(', ') } };
  }
  if (item && siblings.length > 0) {
    return { problem: `That's one item of a list, not a box. If you click such a list to set this, ${SHOW_ME}. Otherwise: ${prompt}` };
  }
  const button = target.closest(BUTTON);
  if (button && (role === 'since' || role === 'until') && looksLikeCalendar(button)) {
    return {
      problem: `That button opens a calendar, and Trailguide can't type a date into it. If the page also has a box where you can type the date, click that box. Otherwise leave this step out: runbooks will tell you which dates to set yourself.`,
    };
  }
  if (button) {
    return { problem: `That's a button, not a box. If you click it to get to the box (a magnifier, a filter menu), ${SHOW_ME}.` };
  }
  return { problem: `That's text on the page, not a box. Click inside the box where you type (where the cursor goes) — or, if you have to click something first, ${SHOW_ME}.` };
}

/** A plain text box that shows a date pattern ("DD/MM/YYYY") or a date: a date box typed in that pattern. */
export function dateBoxField(el: Element, role: BuilderRole): PickedElement['field'] | undefined {
  if (role !== 'since' && role !== 'until') return undefined;
  if (el.tagName !== 'INPUT' || !/^(|text|search)$/i.test(el.getAttribute('type') ?? '')) return undefined;
  const input = el as HTMLInputElement;
  const pattern = patternOf(input.placeholder) ?? patternOf(input.value);
  if (!pattern) return undefined;
  return { kind: /[Hh]/.test(pattern) ? 'datetime' : 'date', format: pattern };
}
