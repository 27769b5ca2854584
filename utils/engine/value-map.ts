import type { AdapterField } from '../schema/adapter';

/**
 * Value maps (pure): what a step asks for → what the console takes, and back.
 *
 * Why: consoles filter on names people never see (`login` shown as "Log in", Django's
 * `action_flag=2` for "Change", `app_settings` for "Settings"). A field's `values` says
 * how to write each one, on both sides; `url.values` / `dom.values` override it for one
 * side, and a link entry may set several parameters at once. A value no map lists is
 * refused (the step says so) unless the field says `otherValues: asIs` — sending it
 * raw would search for something the console never records and look like "no events".
 * Read-back uses the same maps backwards so the panel states the step's own word.
 */
export type UrlEntry = string | Readonly<Record<string, string>>;

export type Mapped<T> = { ok: true; value: T } | { ok: false; unlisted: string };

/** "a, b" → ["a", "b"] (a multi-value field's values; empty items dropped). */
export function splitItems(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function mapOf(field: AdapterField, side: 'url' | 'dom'): Readonly<Record<string, UrlEntry>> | undefined {
  return (side === 'url' ? field.url?.values : field.dom?.values) ?? field.values;
}

/** The entry for `key`: exactly, else ignoring case and surrounding spaces. */
function lookup<T>(map: Readonly<Record<string, T>>, key: string): T | undefined {
  if (Object.hasOwn(map, key)) return map[key];
  const wanted = key.trim().toLowerCase();
  const found = Object.keys(map).find((k) => k.trim().toLowerCase() === wanted);
  return found === undefined ? undefined : map[found];
}

function mapOne<T extends UrlEntry>(field: AdapterField, map: Readonly<Record<string, T>> | undefined, value: string): Mapped<T | string> {
  if (!map) return { ok: true, value };
  const entry = lookup(map, value);
  if (entry !== undefined) return { ok: true, value: entry };
  return field.otherValues === 'asIs' ? { ok: true, value } : { ok: false, unlisted: value };
}

/** Whether a field has a map on this side (its own or the field's). */
export function hasValueMap(field: AdapterField, side: 'url' | 'dom'): boolean {
  return mapOf(field, side) !== undefined;
}

/** One value (or one item of a repeated parameter) as the link writes it: text, or several parameters. */
export function valueForUrl(field: AdapterField, value: string): Mapped<UrlEntry> {
  return mapOne(field, mapOf(field, 'url'), value);
}

/**
 * A value as the page's control takes it. A multi-value ("Sign-in, Settings") is mapped
 * item by item when the map has no entry for the whole text.
 */
export function valueForDom(field: AdapterField, value: string): Mapped<string> {
  const map = mapOf(field, 'dom') as Readonly<Record<string, string>> | undefined;
  if (!map) return { ok: true, value };
  const whole = lookup(map, value);
  if (whole !== undefined) return { ok: true, value: whole };
  const items = splitItems(value);
  if (items.length < 2) return mapOne(field, map, value);
  const out: string[] = [];
  for (const item of items) {
    const mapped = mapOne(field, map, item);
    if (!mapped.ok) return mapped;
    out.push(mapped.value);
  }
  return { ok: true, value: out.join(', ') };
}

/** What the console shows → the step's word for it (the first key whose entry is that text), or null. */
export function wordFor(field: AdapterField, side: 'url' | 'dom', text: string): string | null {
  const map = mapOf(field, side);
  if (!map) return null;
  const wanted = text.trim().toLowerCase();
  for (const [key, entry] of Object.entries(map)) {
    if (typeof entry === 'string' && entry.trim().toLowerCase() === wanted) return key;
  }
  return null;
}

/** A link field's entries that set several parameters, the most specific first (so `type=user&subtype=x` wins over `type=user`). */
export function paramEntries(field: AdapterField): [string, Readonly<Record<string, string>>][] {
  const map = mapOf(field, 'url') ?? {};
  return Object.entries(map)
    .filter((e): e is [string, Readonly<Record<string, string>>] => typeof e[1] === 'object')
    .sort((a, b) => Object.keys(b[1]).length - Object.keys(a[1]).length);
}

/** Plain words for a value a map doesn't list. */
export function unlistedMessage(tool: string, label: string, value: string): string {
  return `Trailguide doesn't know how ${tool} writes "${value}" for ${label}, so it didn't search for it — set ${label} yourself if ${tool} offers it.`;
}
