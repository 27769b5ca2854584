import { urlPatternToRegExp } from '../detect';
import type { Adapter, UrlValueFormat } from '../schema/adapter';
import { kindOfValue } from '../kinds/kind-prefix';
import { splitItems, valueForUrl } from './value-map';

/**
 * Builds a log tool's own deep link from common-vocabulary values (pure).
 *
 * Why a link before typing: a link is what the tool itself produces when someone
 * shares a search, so it survives framework-controlled inputs, and the agent can
 * paste it into an escalation. Values the link cannot carry come back in `unused`
 * so the fill engine types those into the page instead.
 *
 * Order inside a shared parameter: fields in the adapter's order, then ranges.
 */
export interface DeepLink {
  url: string;
  /** Value names (non-empty) the link could not carry, in the order given. */
  unused: string[];
  /** Of `unused`: fields whose value the adapter's value map doesn't list (so it was left out, not sent raw). */
  unlisted?: string[];
}

type Config = NonNullable<Adapter['deepLink']>;
type UrlSpec = NonNullable<Adapter['fields'][string]['url']>;

/** One parameter written by a field: joined with others on the same parameter, or its own occurrence (`f[]=a&f[]=b`). */
interface Written {
  param: string;
  text: string;
  separate: boolean;
}

/** What one field puts in the link, or why it can't: null = a value the map doesn't list, undefined = unreadable. */
function writeField(field: Adapter['fields'][string], spec: UrlSpec, name: string, value: string): Written[] | null | undefined {
  const out: Written[] = [];
  const items = spec.repeat ? splitItems(value) : [value];
  let first: string | undefined;
  for (const item of items) {
    const mapped = valueForUrl(field, item);
    if (!mapped.ok) return null;
    if (typeof mapped.value !== 'string') {
      // One value into several parameters (type=user&subtype=suspend): each its own occurrence, as written.
      for (const [param, text] of Object.entries(mapped.value)) out.push({ param, text, separate: true });
      continue;
    }
    const formatted = formatUrlValue(mapped.value, spec.format, name === 'until' ? 'end' : 'start');
    if (formatted === null) return undefined;
    first ??= formatted;
    out.push({ param: spec.param, text: fillTemplate(spec.template, { value: formatted }), separate: spec.repeat === true });
  }
  if (out.length === 0) return undefined;
  for (const [param, template] of Object.entries(spec.with ?? {})) out.push({ param, text: fillTemplate(template, { value: first ?? value }), separate: true });
  return out;
}

export function buildDeepLink(adapter: Adapter, currentUrl: string, values: Record<string, string>): DeepLink | null {
  const config = adapter.deepLink;
  if (!config) return null;
  let current: URL;
  try {
    current = new URL(currentUrl);
  } catch {
    return null;
  }
  if (config.onlyOn.length > 0 && !config.onlyOn.some((p) => urlPatternToRegExp(p).test(currentUrl))) return null;
  const base = resolveBase(config.base, current);
  if (!base) return null;

  const given = Object.entries(values).filter(([, v]) => typeof v === 'string' && v.trim() !== '');
  // An untranslated event kind never goes into a link (utils/kinds/resolve.ts translates it first); it is reported unused.
  const present = new Map(given.filter(([, v]) => kindOfValue(v) === undefined).map(([k, v]) => [k, v.trim()]));
  const carried = new Set<string>();
  const unlisted: string[] = [];
  /** param → parts, in the order they were added. */
  const parts = new Map<string, string[]>();
  /** Every parameter in the order written: a joined one once (at its first part); one that repeats or comes from a several-parameter entry, each time. */
  const slots: ({ param: string; joined: true } | { param: string; joined: false; text: string })[] = [];
  const add = (param: string, text: string) => {
    const list = parts.get(param) ?? [];
    if (list.length === 0) slots.push({ param, joined: true });
    list.push(text);
    parts.set(param, list);
  };
  let exclusiveTaken: string | null = null;

  const rangeFields = new Set(config.ranges.flatMap((r) => [r.from, r.to]));
  for (const [name, field] of Object.entries(adapter.fields)) {
    const value = present.get(name);
    const spec = field.url;
    if (value === undefined || !spec || rangeFields.has(name)) continue;
    if (config.exclusive.includes(spec.param) && exclusiveTaken !== null && exclusiveTaken !== spec.param) continue;
    const written = writeField(field, spec, name, value);
    if (written === null) unlisted.push(name);
    if (!written) continue;
    if (config.exclusive.includes(spec.param)) exclusiveTaken = spec.param;
    for (const w of written) {
      if (w.separate) slots.push({ param: w.param, joined: false, text: w.text });
      else add(w.param, w.text);
    }
    carried.add(name);
  }

  for (const range of config.ranges) {
    const from = present.get(range.from);
    const to = present.get(range.to);
    if (from === undefined && to === undefined) continue;
    const fromText = from === undefined ? null : formatUrlValue(from, range.format, 'start');
    const toText = to === undefined ? null : formatUrlValue(to, range.format, 'end');
    if (fromText === null && toText === null) continue;
    add(range.param, fillTemplate(range.template, { from: fromText ?? range.open, to: toText ?? range.open }, new Set([range.open])));
    if (fromText !== null) carried.add(range.from);
    if (toText !== null) carried.add(range.to);
  }

  const params: [string, string][] = slots.map((slot) =>
    slot.joined ? [slot.param, parts.get(slot.param)!.join(config.separators[slot.param] ?? config.separator)] : [slot.param, slot.text],
  );
  const isSet = (param: string) => params.some(([p]) => p === param);
  // A link is a fresh search: a field the step doesn't set says "all", so a filter the console
  // remembers from an earlier search (on its server, per user) doesn't come back.
  const resets: [string, string][] = [];
  for (const [name, field] of Object.entries(adapter.fields)) {
    const reset = field.url?.reset;
    if (reset === undefined || present.has(name)) continue;
    const pairs = typeof reset === 'string' ? [[field.url!.param, reset] as [string, string]] : Object.entries(reset);
    for (const [param, value] of pairs) if (!isSet(param) && !resets.some(([p]) => p === param)) resets.push([param, value]);
  }
  params.push(...resets);
  for (const [param, value] of Object.entries(config.fixed)) {
    if (!isSet(param)) params.push([param, value]);
  }

  const url = assemble(config, current, base, params);
  const unused = given.map(([k]) => k).filter((k) => !carried.has(k));
  return { url, unused, ...(unlisted.length > 0 ? { unlisted } : {}) };
}

/**
 * The link a fill step searches with when the adapter prefers it (`deepLink.searchBy: link`)
 * and it carries every filter the step sets; otherwise null and the step types into the page.
 */
export function linkForSearch(adapter: Adapter, currentUrl: string, values: Record<string, string>): DeepLink | null {
  if (adapter.deepLink?.searchBy !== 'link') return null;
  if (!Object.values(values).some((v) => typeof v === 'string' && v.trim() !== '')) return null;
  const link = buildDeepLink(adapter, currentUrl, values);
  return link && link.unused.length === 0 ? link : null;
}

/** "current" → the page's origin and path; a template → {origin} and {pathN} filled, or null if a part is missing. */
function resolveBase(base: string, current: URL): { origin: string; path: string } | null {
  if (base === 'current') return { origin: current.origin, path: current.pathname.split(';')[0] ?? '' };
  const segments = current.pathname.split(';')[0]!.split('/').filter(Boolean).map(safeDecode);
  let missing = false;
  const filled = base.replace(/\{(origin|path(\d+))\}/g, (_m, name: string, index?: string) => {
    if (name === 'origin') return current.origin;
    const segment = segments[Number(index) - 1];
    if (segment === undefined) {
      missing = true;
      return '';
    }
    return encodeURIComponent(segment);
  });
  if (missing) return null;
  const path = filled.slice(current.origin.length) || '/';
  return { origin: current.origin, path };
}

function assemble(config: Config, current: URL, base: { origin: string; path: string }, params: [string, string][]): string {
  const encode = (text: string) => encodeComponent(text, config.encoding);
  const pairs = (list: [string, string][]) => list.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
  const kept: [string, string][] = [];
  for (const [k, v] of current.searchParams) if (config.keep.includes(k)) kept.push([k, v]);

  if (config.location === 'query') {
    const all = [...kept.filter(([k]) => !params.some(([p]) => p === k)), ...params];
    return `${base.origin}${base.path}${all.length ? `?${pairs(all)}` : ''}`;
  }
  const search = kept.length ? `?${pairs(kept)}` : '';
  if (config.location === 'hash') {
    const currentRoute = current.hash.replace(/^#/, '').split('?')[0] ?? '';
    const route = config.hashPath ?? currentRoute;
    return `${base.origin}${base.path}${search}#${route}${params.length ? `?${pairs(params)}` : ''}`;
  }
  // matrix: ";key=value" segments on the path, as Google Cloud's console writes them.
  const matrix = params.map(([k, v]) => `;${encodeMatrix(k)}=${encodeMatrix(v)}`).join('');
  return `${base.origin}${base.path}${matrix}${search}`;
}

function encodeComponent(text: string, encoding: 'percent' | 'form'): string {
  const encoded = encodeURIComponent(text);
  return encoding === 'form' ? encoded.replace(/%20/g, '+') : encoded;
}

/** Matrix values also must not carry the characters that delimit path parameters. */
function encodeMatrix(text: string): string {
  return encodeURIComponent(text).replace(/[()'*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const PLACEHOLDER = /\{([a-z]+)(?:\|([a-zA-Z]+))?\}/g;
/** Characters that make a bare value ambiguous in GitHub/Datadog/Lucene-style query syntaxes. */
const NEEDS_QUOTES = /[\s"\\:/()[\]{}<>!=&|^~*?,;'+]|^-/;

/** Fills `{value}` (or `{from}`/`{to}`) placeholders, each written through its filter (`|quoted`…). */
export function fillTemplate(template: string, slots: Record<string, string>, literal: ReadonlySet<string> = new Set()): string {
  return template.replace(PLACEHOLDER, (match, name: string, filter?: string) => {
    const value = slots[name];
    if (value === undefined) return match;
    // An open range end ("*") is syntax, not a value: never quote it.
    if (literal.has(value)) return value;
    return applyFilter(value, filter);
  });
}

function escapeQuotes(value: string): string {
  return value.replace(/[\\"]/g, (c) => `\\${c}`);
}

function applyFilter(value: string, filter: string | undefined): string {
  switch (filter) {
    case 'quoted':
      return `"${escapeQuotes(value)}"`;
    case 'quotedIfNeeded':
      return value === '' || NEEDS_QUOTES.test(value) ? `"${escapeQuotes(value)}"` : value;
    case 'escaped':
      return escapeQuotes(value);
    default:
      return value;
  }
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Dates arrive as ISO 8601; without a zone they are read as UTC. A bare date is
 * the start of that day, or its end for the upper bound of a range. Returns null
 * for a date format given something that is not a date.
 */
export function formatUrlValue(value: string, format: UrlValueFormat, edge: 'start' | 'end' = 'start'): string | null {
  if (format === 'plain') return value;
  const ms = parseDate(value, edge);
  if (ms === null) return null;
  const iso = new Date(ms).toISOString();
  switch (format) {
    case 'iso':
      return iso;
    case 'isoSeconds':
      return `${iso.slice(0, 19)}Z`;
    case 'date':
      return iso.slice(0, 10);
    case 'datetimeLocal':
      return iso.slice(0, 16);
    case 'epochMs':
      return String(ms);
    case 'epochS':
      return String(Math.floor(ms / 1000));
  }
}

function parseDate(value: string, edge: 'start' | 'end'): number | null {
  const text = value.trim().replace(' ', 'T');
  if (DATE_ONLY.test(text)) {
    const start = Date.parse(`${text}T00:00:00.000Z`);
    if (Number.isNaN(start)) return null;
    return edge === 'start' ? start : start + 86_399_999;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return null;
  const ms = Date.parse(HAS_ZONE.test(text) ? text : `${text}Z`);
  return Number.isNaN(ms) ? null : ms;
}
