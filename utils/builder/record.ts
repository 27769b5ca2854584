import type { z } from 'zod';
import { domFieldStrategy, GESTURE_KEYS, MAX_GESTURE_STEPS, type GestureStep, type OpenTarget } from '../schema/adapter';

/**
 * "Show me" (issue 14 §3): the person clicks on the page what they would click to set a filter
 * — a magnifier, a sidebar list's item, a filter builder's funnel, menus and value — and
 * presses Done in the panel. The page side (./record-page.ts) writes down each click, what was
 * typed and each key, with selectors already checked against the page; this file (pure) turns
 * that recording into the adapter format's gestures (docs/adapters.md "Controls that take more
 * than one gesture"): `open` for a control that has to be unfolded first, `kind: list` for a
 * list of links or buttons, `steps` with a `verify` for a filter builder, and
 * `waitFor.debounceMs` for a search that runs as you type.
 */

/** One element the person acted on, as the page described it. */
export interface RecordedTarget {
  /** Checked on the page: each finds exactly this element (most robust first). */
  selectors: string[];
  /** How to name it to the person (its label, or its text). */
  label: string;
  tag: string;
  /** Text controls and lists: how the engines write into it (describe.ts fieldKind / widgets.ts). */
  field?: { kind: DomKind; format: string; confirm?: 'enter' | 'blur' | 'ok' | 'none'; family?: string };
  /**
   * An item among alike siblings (a link in a sidebar list, a menu's entry): the list it sits
   * in, selectors that find every item of it, its value (data-value, else its text), its text,
   * and — read when the recording ended — how the page marks the chosen item.
   */
  item?: {
    list: string[];
    items: string[];
    value: string;
    text: string;
    /** The console's own marker of the chosen item, when it marks it by a class only. */
    selected?: string[];
    /** The page shows which item is chosen (aria-current/-pressed/-selected, or `selected`). */
    marked: boolean;
  };
}

export type GestureKey = (typeof GESTURE_KEYS)[number];

export type RecordedEvent =
  | { type: 'click'; target: RecordedTarget }
  /** Typed or chosen into a control; `changedAfterMs`: the page changed that long after the last key, with no Enter and no click. */
  | { type: 'type'; target: RecordedTarget; value: string; changedAfterMs?: number }
  | { type: 'press'; key: GestureKey };

/** Something on the page that reads the value once the recording ended (a filter chip), for `verify`. */
export interface RecordedEffect {
  selectors: string[];
  text: string;
}

export interface Recording {
  events: RecordedEvent[];
  effects: RecordedEffect[];
  /** The console's own "searching…" marker seen while recording (`#results[aria-busy="true"]`), for waitFor.busy. */
  busy?: string[];
}

type DomKind = z.input<typeof domFieldStrategy>['kind'] & string;
/** A field's `dom`, as a taught adapter stores it. */
export type TaughtDom = z.input<typeof domFieldStrategy>;

export interface Taught {
  /** What the recording became. */
  shape: 'box' | 'open' | 'list' | 'steps';
  dom: TaughtDom;
  /** The value the person set while showing (typed, or the item picked): what the replay sets again. */
  value: string;
  /** A search that runs as you type: how long the console waits after the last key. */
  debounceMs?: number;
  /** The search runs by itself (a click on a list, Apply in a builder, as you type), or by Enter. */
  applies: 'itself' | 'enter';
  /** Always on the page, even before any gesture (the magnifier, the list, the funnel): to recognise the page by. */
  presence: string[];
  /** What Trailguide will do, in plain words. */
  summary: string;
  /**
   * Replayed once on the page through the engine's fill and verify, from a state where the
   * value was not shown (cleared first: see replayProves), and the page took it.
   */
  checked: boolean;
  /** The console's busy marker, seen while it searched (waitFor.busy). */
  busy?: string[];
}

export type RecordResult = { ok: true; taught: Taught } | { ok: false; problem: string };

const MAX_OPEN = 5;
const MAX_SELECTORS = 10;
const DEBOUNCE_MAX_MS = 5_000;

/** Controls a click only puts the cursor in: what is typed there is what counts. */
function isTextTarget(target: RecordedTarget): boolean {
  const kind = target.field?.kind;
  return kind !== undefined && kind !== 'checkbox' && kind !== 'list';
}

const quoted = (text: string) => `“${text.replace(/\s+/g, ' ').trim().slice(0, 60)}”`;

/** "the “Search activity” button" — how a failed open names its target. */
function openLabel(target: RecordedTarget): string {
  const name = target.label.trim();
  const kind = target.tag === 'a' ? 'link' : 'button';
  return (name ? `the ${quoted(name)} ${kind}` : `the ${kind} that opens it`).slice(0, 200);
}

/** Milliseconds the console took to search after the last key, rounded up with some room, at most 5 s. */
export function debounceFrom(changedAfterMs: number): number {
  const padded = Math.max(0, changedAfterMs) * 1.25 + 100;
  return Math.min(DEBOUNCE_MAX_MS, Math.ceil(padded / 100) * 100);
}

/**
 * Clicks that only put the cursor in a box the person then typed into, and consecutive typing
 * into the same box, are one thing: typing.
 */
export function tidy(events: readonly RecordedEvent[]): RecordedEvent[] {
  const out: RecordedEvent[] = [];
  for (const event of events) {
    if (event.type === 'click' && isTextTarget(event.target)) continue;
    const last = out[out.length - 1];
    if (event.type === 'type' && last?.type === 'type' && last.target.selectors[0] === event.target.selectors[0]) {
      out[out.length - 1] = event;
      continue;
    }
    out.push(event);
  }
  return out;
}

/** The word-ish parts of a text, lower case (for matching a chip against the picks that made it). */
function words(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}@._-]+/u).filter((w) => w.length > 0);
}

/**
 * `verify` from what the page showed at the end: an element that reads the value, best one
 * that also reads the other choices made on the way ("Actor is alice" after picking "Actor"
 * and "is"), shortest first. Its text up to the value, with `{value}` in the value's place.
 */
export function verifyFrom(effects: readonly RecordedEffect[], value: string, context: readonly string[]): { selectors: string[]; text: string } | null {
  const want = value.trim().toLowerCase();
  if (!want) return null;
  const contextWords = new Set(context.flatMap(words));
  let best: { effect: RecordedEffect; score: number; at: number } | null = null;
  for (const effect of effects) {
    if (effect.selectors.length === 0) continue;
    const text = effect.text.replace(/\s+/g, ' ').trim();
    const at = text.toLowerCase().indexOf(want);
    if (at < 0) continue;
    const own = new Set(words(text));
    const score = [...contextWords].filter((w) => own.has(w)).length * 1_000 - text.length;
    if (!best || score > best.score) best = { effect: { ...effect, text }, score, at };
  }
  if (!best) return null;
  const before = best.effect.text.slice(0, best.at).trimStart();
  const text = `${before}{value}`.slice(-200);
  return { selectors: best.effect.selectors.slice(0, MAX_SELECTORS), text };
}

const nothing = (filter: string): RecordResult => ({
  ok: false,
  problem: `Nothing was recorded. Press “Show me” again, then on the page click what you click to filter by ${filter}, type or pick a value, and press Done here.`,
});

function lostTarget(target: RecordedTarget): RecordResult {
  return { ok: false, problem: `I couldn't find a way to point at ${quoted(target.label || target.tag)} again. Press “Show me” again and click right on it.` };
}

/**
 * Turns a recording into the gestures of one filter. `filter` names it in words ("event
 * type"). Shapes, in order:
 * - clicks (none or a few), then typing, then nothing or Enter: a box, opened by the clicks first (`open`);
 *   when the page changed after the last key with no Enter, a search as you type (`debounceMs`);
 * - clicks on several items of one list (toggles): `kind: list` with `multiple`;
 * - clicks, the last on an item of a list of links or buttons: `kind: list` (opened by the others);
 * - anything else: a recorded sequence (`steps`), its value step the typing (else the last
 *   item picked), checked by what the page showed at the end (`verify`).
 */
export function gesturesFromRecording(recording: Recording, filter: string): RecordResult {
  const result = gesturesOf(recording, filter);
  if (!result.ok || !recording.busy || recording.busy.length === 0) return result;
  return { ok: true, taught: { ...result.taught, busy: recording.busy.slice(0, MAX_SELECTORS) } };
}

function gesturesOf(recording: Recording, filter: string): RecordResult {
  const events = tidy(recording.events);
  if (events.length === 0) return nothing(filter);
  for (const event of events) if (event.type !== 'press' && event.target.selectors.length === 0) return lostTarget(event.target);

  const typed = events.map((e, i) => ({ e, i })).filter((x): x is { e: Extract<RecordedEvent, { type: 'type' }>; i: number } => x.e.type === 'type');
  const plainClick = (e: RecordedEvent): e is Extract<RecordedEvent, { type: 'click' }> => e.type === 'click' && !e.target.item;

  // A box, perhaps behind clicks that open it.
  if (typed.length === 1) {
    const { e: type, i } = typed[0]!;
    const before = events.slice(0, i);
    const after = events.slice(i + 1);
    const endsWithEnter = after.length === 1 && after[0]!.type === 'press' && after[0]!.key === 'Enter';
    if (before.every(plainClick) && before.length <= MAX_OPEN && (after.length === 0 || endsWithEnter)) {
      const open: OpenTarget[] = before.map((c) => ({ selectors: c.target.selectors.slice(0, MAX_SELECTORS), label: openLabel(c.target) }));
      const field = type.target.field ?? { kind: 'text' as const, format: 'plain' };
      const dom: TaughtDom = {
        selectors: type.target.selectors.slice(0, MAX_SELECTORS),
        kind: field.kind,
        format: field.format,
        ...(field.confirm ? { confirm: field.confirm } : {}),
        ...(open.length > 0 ? { open } : {}),
      };
      const asYouType = !endsWithEnter && type.changedAfterMs !== undefined;
      const debounceMs = asYouType ? debounceFrom(type.changedAfterMs!) : undefined;
      const opening = before.map((c) => `clicks ${quoted(c.target.label || c.target.tag)}`).join(', then ');
      const writes = `types into ${quoted(type.target.label || 'the box')}`;
      const runs = endsWithEnter ? ', then presses Enter' : asYouType ? ` — the page searches as you type (Trailguide waits ${debounceMs} ms)` : '';
      return {
        ok: true,
        taught: {
          checked: false,
          shape: open.length > 0 ? 'open' : 'box',
          dom,
          value: type.value,
          ...(debounceMs !== undefined ? { debounceMs } : {}),
          applies: endsWithEnter ? 'enter' : 'itself',
          presence: (open.length > 0 ? before[0]!.target.selectors : type.target.selectors).slice(0, MAX_SELECTORS),
          summary: capitalise(`${opening ? `${opening}, then ` : ''}${writes}${runs}.`),
        },
      };
    }
  }

  // Several items of one list (toggles "Web", "API"): a list that takes several at once.
  const itemClicks = events.filter((e): e is Extract<RecordedEvent, { type: 'click' }> => e.type === 'click' && e.target.item !== undefined);
  if (itemClicks.length >= 2 && itemClicks.length === events.length && itemClicks.every((c) => c.target.item!.list[0] === itemClicks[0]!.target.item!.list[0])) {
    const chosen = [...new Map(itemClicks.map((c) => [c.target.item!.value || c.target.item!.text, c.target.item!])).values()];
    const first = itemClicks[0]!.target.item!;
    const marked = itemClicks[itemClicks.length - 1]!.target.item!.marked;
    return {
      ok: true,
      taught: {
        checked: false,
        shape: 'list',
        dom: { selectors: first.list.slice(0, MAX_SELECTORS), kind: 'list', multiple: true },
        value: chosen.map((item) => item.value || item.text).join(', '),
        applies: 'itself',
        presence: first.list.slice(0, MAX_SELECTORS),
        summary: capitalise(`clicks each wanted item in the list, several at once (you chose ${chosen.map((item) => quoted(item.text)).join(', ')})${marked ? '' : ' — but the page doesn’t show which items are chosen, so Trailguide can’t check it'}.`),
      },
    };
  }

  // A list of links or buttons, perhaps behind clicks that open it.
  const last = events[events.length - 1]!;
  if (typed.length === 0 && last.type === 'click' && last.target.item && events.slice(0, -1).every(plainClick) && events.length - 1 <= MAX_OPEN) {
    const item = last.target.item;
    const before = events.slice(0, -1) as Extract<RecordedEvent, { type: 'click' }>[];
    const open: OpenTarget[] = before.map((c) => ({ selectors: c.target.selectors.slice(0, MAX_SELECTORS), label: openLabel(c.target) }));
    const dom: TaughtDom = {
      selectors: item.list.slice(0, MAX_SELECTORS),
      kind: 'list',
      ...(item.selected && item.selected.length > 0 ? { selected: item.selected.slice(0, MAX_SELECTORS) } : {}),
      ...(open.length > 0 ? { open } : {}),
    };
    const opening = before.map((c) => `clicks ${quoted(c.target.label || c.target.tag)}, then `).join('');
    return {
      ok: true,
      taught: {
        checked: false,
        shape: 'list',
        dom,
        value: item.value || item.text,
        applies: 'itself',
        presence: (before[0]?.target.selectors ?? item.list).slice(0, MAX_SELECTORS),
        summary: capitalise(`${opening}clicks the wanted item in the list (you chose ${quoted(item.text)})${item.marked ? '' : ' — but the page doesn’t show which item is chosen, so Trailguide can’t check it'}.`),
      },
    };
  }

  // A recorded sequence.
  if (events.length > MAX_GESTURE_STEPS) {
    return { ok: false, problem: `That was ${events.length} steps; Trailguide can replay at most ${MAX_GESTURE_STEPS}. Press “Show me” again and click only what sets the filter.` };
  }
  const valueIndex = typed.length > 0 ? typed[typed.length - 1]!.i : lastIndex(events, (e) => e.type === 'click' && e.target.item !== undefined);
  if (valueIndex < 0) {
    return { ok: false, problem: `I saw clicks, but no value: nothing was typed or picked from a list. Press “Show me” again, and this time type or pick the ${filter} you filter by.` };
  }
  const valueEvent = events[valueIndex] as Extract<RecordedEvent, { type: 'click' | 'type' }>;
  const value = valueEvent.type === 'type' ? valueEvent.value : valueEvent.target.item!.value || valueEvent.target.item!.text;
  const context: string[] = [];
  const steps: GestureStep[] = events.map((event, index): GestureStep => {
    if (event.type === 'press') return { press: event.key };
    const selectors = event.target.selectors.slice(0, MAX_SELECTORS);
    if (event.type === 'type') return { type: { selectors, value: index === valueIndex ? '{value}' : event.value } };
    const item = event.target.item;
    if (!item) return { click: selectors };
    if (index !== valueIndex) context.push(item.text);
    return { pick: { selectors: (item.items.length > 0 ? item.items : selectors).slice(0, MAX_SELECTORS), text: index === valueIndex ? '{value}' : item.text.slice(0, 200) } };
  });
  const verify = verifyFrom(recording.effects, value, context);
  const start = events.find((e): e is Extract<RecordedEvent, { type: 'click' | 'type' }> => e.type !== 'press')!;
  const dom: TaughtDom = { selectors: start.target.selectors.slice(0, MAX_SELECTORS), steps, ...(verify ? { verify } : {}) };
  const lastEvent = events[events.length - 1]!;
  const asYouType = lastEvent.type === 'type' && lastEvent.changedAfterMs !== undefined;
  const debounceMs = asYouType ? debounceFrom((lastEvent as { changedAfterMs: number }).changedAfterMs) : undefined;
  const said = events.map((event, index) => {
    if (event.type === 'press') return `presses ${event.key}`;
    if (index === valueIndex) return event.type === 'type' ? 'types the value' : 'picks the value';
    if (event.type === 'type') return `types ${quoted(event.value)}`;
    return event.target.item ? `chooses ${quoted(event.target.item.text)}` : `clicks ${quoted(event.target.label || event.target.tag)}`;
  });
  const check = verify
    ? `; then checks that the page shows ${quoted(verify.text.replace(/\{value\}/g, value))} (with the value asked for)`
    : ' — but nothing on the page showed the value afterwards, so Trailguide can’t check it';
  return {
    ok: true,
    taught: {
      checked: false,
      shape: 'steps',
      dom,
      value,
      ...(debounceMs !== undefined ? { debounceMs } : {}),
      applies: lastEvent.type === 'press' && lastEvent.key === 'Enter' ? 'enter' : 'itself',
      presence: start.target.selectors.slice(0, MAX_SELECTORS),
      summary: capitalise(`${steps.length} steps: ${said.join(', ')}${check}.`),
    },
  };
}

function lastIndex<T>(list: readonly T[], test: (item: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i]!)) return i;
  return -1;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Whether replaying a recording proves it works. The page already shows the value the person
 * just set, so the replay is preceded by the engine's clear (a reset fill): `start` is what
 * that clear did to the field — emptied it (`cleared`), couldn't (`not-cleared`), or found
 * nothing to empty (`untouched`: the box was empty, or folded away behind its opener). A box
 * that starts empty proves typing works; a list, a checkbox or a recorded sequence the clear
 * left alone may still show the value, and replaying it would prove nothing.
 */
export function replayProves(taught: Pick<Taught, 'shape' | 'dom'>, start: 'cleared' | 'not-cleared' | 'untouched'): boolean {
  if (start === 'cleared') return true;
  if (start === 'not-cleared') return false;
  const kind = taught.dom.kind;
  return (taught.shape === 'box' || taught.shape === 'open') && kind !== undefined && kind !== 'list' && kind !== 'checkbox';
}

/**
 * A throwaway adapter holding only the taught field, for replaying the recording through the
 * engine's own fill and verify before anything is saved (the panel sends it as `exec:fill`
 * without submitting: the field is written and checked by the console's own state — the box's
 * value, the list's chosen item, the builder's chip — not by waiting for results).
 */
export function replayAdapter(taught: Taught, filter: string, label: string, include: string[]) {
  return {
    id: 'show-me-replay',
    name: 'Show me (replay)',
    vendor: 'Trailguide builder',
    verified: { how: 'taught' as const, date: '2026-01-01' },
    match: { include, present: [taught.presence] },
    fields: { [filter]: { label, dom: taught.dom } },
    submit: { via: 'none' as const },
  };
}
