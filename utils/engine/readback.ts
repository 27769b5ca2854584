import type { AppliedFilter, AppliedSearch } from '../db/records';
import type { Adapter, UrlValueFormat } from '../schema/adapter';
import type { FilterValues } from '../schema/common';
import { formatForBox, instantFromBox } from './box-zone';
import { readControlValue } from './collect';
import { filterShown } from './insert';
import { fillTemplate, formatUrlValue } from './deep-link';
import { paramEntries, splitItems, valueForDom, valueForUrl, wordFor } from './value-map';
import { readGestureField } from './gestures';
import { defaultLabel } from './plan';
import { findFirst } from './query';
import { DATE_FILTERS } from './values';

/**
 * Reads back what the console applied (runs in the page, in the executor): the
 * page address mapped back through the adapter's deep-link definition (the inverse
 * of deep-link.ts), and each DOM field's current value (the same read the fill
 * verifies with). Every filter the step asked for gets a status; a filter the
 * console shows that the step did not ask for (left from an earlier search) is
 * listed too, as applied with `intended` empty.
 */

/** One value read from the address, as the console wrote it and as an instant for dates. */
interface UrlValue {
  /** The text inside the template (unquoted), e.g. "2026-09-01T00:00". */
  text: string;
  /** Dates: the ISO instant; a value the adapter's value map lists: the step's word for it ("Change" for 2); otherwise the text. */
  shown: string;
}

type Config = NonNullable<Adapter['deepLink']>;

/** The parameters of an address where the adapter's links put them: query, hash route or matrix. */
export function urlParams(config: Pick<Config, 'location'>, href: string): [string, string][] | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (config.location === 'query') return [...url.searchParams];
  if (config.location === 'hash') {
    const hash = url.hash.replace(/^#/, '');
    const at = hash.indexOf('?');
    return at < 0 ? [] : [...new URLSearchParams(hash.slice(at + 1))];
  }
  const out: [string, string][] = [];
  for (const part of url.pathname.split(';').slice(1)) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    out.push([safeDecode(part.slice(0, eq)), safeDecode(part.slice(eq + 1))]);
  }
  return out;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const QUOTED = '"(?:[^"\\\\]|\\\\.)*"';
const PLACEHOLDER = /\{([a-z]+)(?:\|([a-zA-Z]+))?\}/g;

/** A template ("actor:{value|quotedIfNeeded}") as a pattern with one group per placeholder, in order. */
function templatePattern(template: string): { regex: RegExp; names: string[]; bare: boolean } {
  const names: string[] = [];
  let source = '';
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    source += escapeRegExp(template.slice(last, match.index));
    names.push(match[1]!);
    const filter = match[2];
    // Quoted values may hold spaces; bare ones run to the next space (or the template's next literal).
    source += filter === 'quoted' ? `(${QUOTED})` : filter === 'quotedIfNeeded' ? `(${QUOTED}|[^\\s"]+?)` : '(.+?)';
    last = (match.index ?? 0) + match[0].length;
  }
  source += escapeRegExp(template.slice(last));
  const bare = template.replace(PLACEHOLDER, '') === '';
  return { regex: new RegExp(`(?:^|\\s)${source}(?=\\s|$)`, 'g'), names, bare };
}

function unquote(text: string): string {
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) return text.slice(1, -1).replace(/\\(.)/g, '$1');
  return text;
}

/** A value as the address carries it, back to what the runbook would say (dates → ISO). */
function fromUrlText(text: string, format: UrlValueFormat, edge: 'start' | 'end' = 'start'): string | null {
  if (format === 'plain') return text;
  const t = text.trim();
  // A day as the upper bound covers the whole day (as deep-link.ts writes it).
  if (format === 'date' && edge === 'end' && /^\d{4}-\d{2}-\d{2}$/.test(t)) {
    const ms = Date.parse(`${t}T00:00:00.000Z`);
    return Number.isNaN(ms) ? null : new Date(ms + 86_399_999).toISOString();
  }
  if (format === 'epochMs' || format === 'epochS') {
    if (!/^\d+$/.test(t)) return null;
    return new Date(format === 'epochS' ? Number(t) * 1000 : Number(t)).toISOString();
  }
  // iso, isoSeconds, date, datetimeLocal: deep links write these in UTC.
  return instantFromBox(t, { kind: 'datetime', format: format === 'isoSeconds' ? 'iso' : format, zone: 'utc' });
}

/**
 * The filters an address carries, by the adapter's field names (pure). Repeated
 * parameters give several values; parameters the adapter doesn't know are ignored.
 */
export function filtersFromUrl(adapter: Adapter, href: string): Map<string, UrlValue[]> | null {
  const config = adapter.deepLink;
  if (!config) return null;
  const params = urlParams(config, href);
  if (!params) return null;
  const byParam = new Map<string, string[]>();
  for (const [key, value] of params) byParam.set(key, [...(byParam.get(key) ?? []), value]);
  const found = new Map<string, UrlValue[]>();
  const add = (field: string, value: UrlValue) => found.set(field, [...(found.get(field) ?? []), value]);

  const rangeFields = new Set(config.ranges.flatMap((r) => [r.from, r.to]));
  /** What each parameter's text has left once the fields with their own syntax took their parts. */
  const leftover = new Map<string, string[]>();
  for (const [param, values] of byParam) leftover.set(param, [...values]);
  const take = (param: string, regex: RegExp, onMatch: (groups: string[]) => void) => {
    const texts = leftover.get(param);
    if (!texts) return;
    leftover.set(
      param,
      texts.map((text) =>
        text.replace(regex, (whole, ...groups: unknown[]) => {
          onMatch(groups.filter((g): g is string => typeof g === 'string'));
          return whole.startsWith(' ') ? ' ' : '';
        }),
      ),
    );
  };

  /** Removes one occurrence of each pair if all are there (a several-parameter value, or a reset that means "all"). */
  const takePairs = (pairs: readonly (readonly [string, string])[]): boolean => {
    if (pairs.length === 0 || !pairs.every(([p, v]) => (leftover.get(p) ?? []).includes(v))) return false;
    for (const [p, v] of pairs) {
      const texts = leftover.get(p)!;
      texts.splice(texts.indexOf(v), 1);
    }
    return true;
  };
  for (const [name, spec] of Object.entries(adapter.fields)) {
    const reset = spec.url?.reset;
    // A reset written out in full ("every type shown") is no filter.
    if (reset !== undefined && typeof reset !== 'string') takePairs(Object.entries(reset));
    for (const [word, params] of paramEntries(spec)) {
      while (takePairs(Object.entries(params))) add(name, { text: word, shown: word });
    }
  }
  /** A value read for a field: its reset ("all") is no filter; a mapped one reads as the step's word. */
  const addRead = (name: string, text: string, shown: string) => {
    const spec = adapter.fields[name]!;
    if (typeof spec.url?.reset === 'string' && sameText(text, spec.url.reset)) return;
    add(name, { text, shown: DATE_FILTERS.has(name) ? shown : (wordFor(spec, 'url', text) ?? shown) });
  };

  for (const range of config.ranges) {
    const { regex } = templatePattern(range.template);
    take(range.param, regex, ([fromText, toText]) => {
      for (const [field, text] of [
        [range.from, fromText],
        [range.to, toText],
      ] as const) {
        if (text === undefined || text === range.open) continue;
        const shown = fromUrlText(unquote(text), range.format, field === range.to ? 'end' : 'start');
        if (shown !== null) add(field, { text: unquote(text), shown });
      }
    });
  }
  const entries = Object.entries(adapter.fields).filter(([name, spec]) => spec.url && !rangeFields.has(name));
  // Fields with their own syntax first ("actor:…"), then bare ones take what is left.
  const withSyntax = entries.filter(([, spec]) => !templatePattern(spec.url!.template).bare);
  const bare = entries.filter(([, spec]) => templatePattern(spec.url!.template).bare);
  for (const [name, spec] of withSyntax) {
    const { param, template, format } = spec.url!;
    take(param, templatePattern(template).regex, ([text]) => {
      if (text === undefined) return;
      const shown = fromUrlText(unquote(text), format, name === 'until' ? 'end' : 'start');
      if (shown !== null) addRead(name, unquote(text), shown);
    });
  }
  for (const [name, spec] of bare) {
    const { param, format } = spec.url!;
    const separator = config.separators[param] ?? config.separator;
    for (const text of leftover.get(param) ?? []) {
      const rest = text.split(separator).join(' ').trim();
      if (!rest) continue;
      const value = unquote(rest);
      const shown = fromUrlText(value, format, name === 'until' ? 'end' : 'start');
      if (shown !== null) addRead(name, value, shown);
    }
  }
  return found;
}

/** Whether the address is one the adapter's links describe (it carries any of its parameters). */
function addressSpeaksFilters(adapter: Adapter, href: string): boolean {
  const config = adapter.deepLink;
  if (!config) return false;
  const params = urlParams(config, href) ?? [];
  const known = new Set([
    ...Object.values(adapter.fields).flatMap((f) => (f.url ? [f.url.param, ...paramEntries(f).flatMap(([, params]) => Object.keys(params))] : [])),
    ...config.ranges.map((r) => r.param),
  ]);
  return params.some(([k, v]) => known.has(k) && v.trim() !== '');
}

const label = (adapter: Adapter, field: string) => adapter.fields[field]?.label ?? defaultLabel(field);

function sameText(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export interface ReadBackOptions {
  now?: number;
}

export function readBack(doc: Document, adapter: Adapter, intended: FilterValues, options: ReadBackOptions = {}): AppliedSearch {
  const href = doc.location?.href ?? '';
  const fromUrl = filtersFromUrl(adapter, href) ?? new Map<string, UrlValue[]>();
  const urlActive = addressSpeaksFilters(adapter, href);
  let usedUrl = false;
  let usedControls = false;
  const filters: AppliedFilter[] = [];
  const asked = Object.entries(intended).filter(([, v]) => v.trim() !== '');
  const askedNames = new Set(asked.map(([k]) => k));

  for (const [field, want] of asked) {
    const spec = adapter.fields[field];
    const name = label(adapter, field);
    const urlValues = fromUrl.get(field);
    if (spec?.url && urlValues && urlValues.length > 0) {
      usedUrl = true;
      const format = spec.url.format;
      const edge = field === 'until' ? 'end' : 'start';
      // A repeated parameter holds one value per item ("Bug, Feature"); a value map's entry is compared as the console writes it.
      const items = spec.url.repeat ? splitItems(want) : [want];
      const inLink = (item: string) => {
        const mapped = valueForUrl(spec, item);
        return mapped.ok && typeof mapped.value === 'string' ? formatUrlValue(mapped.value, format, edge) : null;
      };
      const isItem = (v: UrlValue, item: string) => {
        const wanted = inLink(item);
        return (wanted !== null && v.text === wanted) || sameText(v.text, item) || sameText(v.shown, item);
      };
      const matches = (v: UrlValue) => items.some((item) => isItem(v, item));
      const everyItem = items.every((item) => urlValues.some((v) => isItem(v, item)));
      const shown = urlValues.map((v) => v.shown).join(', ');
      // Where the console also marks what it applied (a sidebar list with the chosen item
      // marked), that mark has the last word: an address the console read differently — a
      // value map that sends the wrong code — is not applied, whatever the address says.
      const marked = urlValues.every(matches) && spec.dom ? readGestureField(doc, spec.dom, want) : null;
      if (marked?.readable && !marked.holds) {
        usedControls = true;
        filters.push({
          name: field,
          intended: want,
          shown: marked.shown || null,
          status: 'not-applied',
          reason: marked.shown
            ? `The page address asks for ${want}, but the console's own ${name} list shows ${marked.shown} chosen — the adapter may send the wrong value for ${want}.`
            : `The page address asks for ${want}, but the console's own ${name} list shows nothing chosen.`,
        });
      } else if (urlValues.every(matches) && (!spec.url.repeat || everyItem)) filters.push({ name: field, intended: want, shown, status: 'applied' });
      else
        filters.push({
          name: field,
          intended: want,
          shown,
          status: 'not-applied',
          reason: `The console's ${name} filter is set to ${shown}, not to what the step asked for.`,
        });
      continue;
    }
    const dom = spec?.dom;
    // A list or a filter builder is read by what it marks as chosen or applied (./gestures.ts).
    const gesture = dom ? readGestureField(doc, dom, want) : null;
    if (gesture?.readable) {
      usedControls = true;
      filters.push(
        gesture.holds
          ? { name: field, intended: want, shown: gesture.shown, status: 'applied' }
          : {
              name: field,
              intended: want,
              shown: gesture.shown || null,
              status: 'not-applied',
              reason: gesture.shown ? `The ${name} filter on the page shows ${gesture.shown}, not what the step asked for.` : `The ${name} filter on the page shows nothing chosen.`,
            },
      );
      continue;
    }
    const hit = dom && !gesture ? findFirst(doc, dom.selectors) : null;
    if (dom && hit) {
      usedControls = true;
      const text = readControlValue(hit.element).trim();
      const isDate = DATE_FILTERS.has(field) || dom.kind === 'date' || dom.kind === 'datetime';
      const shown = text === '' ? null : isDate ? (boxInstant(text, dom, field) ?? text) : wordInBox(spec, text);
      if (text === '') {
        filters.push({ name: field, intended: want, shown: null, status: 'not-applied', reason: `The ${name} box on the page is empty.` });
        continue;
      }
      // The box holds the console's own value and syntax (value map, template), as the fill wrote it.
      const mapped = isDate ? null : valueForDom(spec, want);
      const typed = isDate ? formatForBox(want, dom) : mapped?.ok ? mapped.value : want;
      const wantedInBox = dom.template && !isDate ? fillTemplate(dom.template, { value: typed }) : typed;
      const holds = sameBoxValue(text, wantedInBox, isDate) || (!isDate && text.toLowerCase().includes(want.trim().toLowerCase()) && dom.combine === true);
      filters.push(
        holds
          ? { name: field, intended: want, shown, status: 'applied' }
          : { name: field, intended: want, shown, status: 'not-applied', reason: `The ${name} box on the page shows ${shown ?? text}, not what the step asked for.` },
      );
      continue;
    }
    if (spec?.url && urlActive) {
      usedUrl = true;
      filters.push({ name: field, intended: want, shown: null, status: 'not-applied', reason: `The page address doesn't carry a ${name} filter, so the console isn't filtering on it.` });
      continue;
    }
    filters.push({
      name: field,
      intended: want,
      shown: null,
      status: 'unchecked',
      reason: spec ? `Trailguide couldn't read the ${name} filter back from this page.` : `${adapter.name} has no ${name} filter that Trailguide knows of, so it couldn't be checked.`,
    });
  }

  // Filters the console shows that this step didn't ask for (left from an earlier search).
  const isBare = (field: string) => {
    const url = adapter.fields[field]?.url;
    return url ? templatePattern(url.template).bare : false;
  };
  /** Two bare fields on one parameter read the same text (the demo's search box takes text or target). */
  const readsAskedText = (field: string) =>
    isBare(field) && [...askedNames].some((asked) => isBare(asked) && adapter.fields[asked]?.url?.param === adapter.fields[field]?.url?.param);
  const extraBareParams = new Set<string>();
  for (const [field, values] of fromUrl) {
    if (askedNames.has(field) || values.length === 0 || readsAskedText(field)) continue;
    if (isBare(field)) {
      // Bare fields on one parameter read the same text: it is one filter, named once.
      const param = adapter.fields[field]!.url!.param;
      if (extraBareParams.has(param)) continue;
      extraBareParams.add(param);
    }
    usedUrl = true;
    filters.push({
      name: field,
      intended: '',
      shown: values.map((v) => v.shown).join(', '),
      status: 'applied',
      reason: `The console also filters on ${label(adapter, field)} — the step didn't ask for it (left from an earlier search?).`,
    });
  }
  // The boxes too, for filters the address doesn't carry: a console that remembers the last
  // search on its server applies it (and shows it in its form) whatever the address says.
  {
    for (const [field, spec] of Object.entries(adapter.fields)) {
      if (askedNames.has(field) || fromUrl.has(field) || !spec.dom || spec.dom.kind === 'checkbox' || spec.dom.kind === 'combobox') continue;
      // An address that carries this field's own parameter decides it (its reset value: no filter).
      if (urlActive && spec.url && (urlParams(adapter.deepLink!, href) ?? []).some(([k]) => k === spec.url!.param)) continue;
      const gesture = readGestureField(doc, spec.dom);
      const hit = gesture ? null : findFirst(doc, spec.dom.selectors);
      // Read as a fresh search reads it: an empty picker's placeholder sections (MUI) are no filter.
      const text = gesture ? gesture.shown : hit ? filterShown(hit.element, spec.dom.kind) : '';
      if (!text || filters.some((f) => f.name === field)) continue;
      // A box shared with an asked-for field shows that field's value, not another filter;
      // a box shared by two fields not asked for is one filter, named once.
      const sharesBox = (other: string) => adapter.fields[other]?.dom?.selectors.some((s) => spec.dom!.selectors.includes(s)) ?? false;
      if (Object.keys(intended).some(sharesBox) || filters.some((f) => f.intended === '' && sharesBox(f.name))) continue;
      usedControls = true;
      const isDate = DATE_FILTERS.has(field) || spec.dom.kind === 'date' || spec.dom.kind === 'datetime';
      // A list shows its option's text; its value is what a value map lists ("billing.invoice_refund" → "Refund").
      const listed = hit ? wordFor(spec, 'dom', readControlValue(hit.element).trim()) : null;
      const shown = isDate ? (boxInstant(text, spec.dom, field) ?? text) : (listed ?? wordInBox(spec, text));
      filters.push({
        name: field,
        intended: '',
        shown,
        status: 'applied',
        reason: urlActive
          ? `The console still filters by ${label(adapter, field)} (${shown}): its box shows it though the page address doesn't ask for it — the console may remember it from an earlier search.`
          : `The ${label(adapter, field)} box still holds a value the step didn't ask for (left from an earlier search?).`,
      });
    }
  }

  const appliedValue = (field: string) => {
    const f = filters.find((x) => x.name === field && x.status === 'applied');
    return f?.shown ?? null;
  };
  return {
    filters: filters.slice(0, 40),
    timeRange: { from: appliedValue('since'), to: appliedValue('until') },
    readFrom: usedUrl && usedControls ? 'url+controls' : usedUrl ? 'url' : usedControls ? 'controls' : 'nothing',
    checkedAt: options.now ?? Date.now(),
  };
}

/** A box's text as the step would say it: the template's syntax taken off ("account:Jane" → "Jane"), a mapped value as its word. */
function wordInBox(spec: Adapter['fields'][string], text: string): string {
  let inner = text;
  const template = spec.dom?.template;
  const at = template ? template.search(/\{value(?:\|[a-zA-Z]+)?\}/) : -1;
  if (template && at >= 0) {
    const prefix = template.slice(0, at);
    const suffix = template.slice(template.indexOf('}', at) + 1);
    const t = text.trim();
    if (t.length >= prefix.length + suffix.length && t.startsWith(prefix) && t.endsWith(suffix)) inner = unquote(t.slice(prefix.length, t.length - suffix.length));
  }
  return wordFor(spec, 'dom', inner) ?? wordFor(spec, 'dom', text) ?? inner;
}

/** A date box's value as an instant; a day in the "until" box means the end of that day. */
function boxInstant(text: string, dom: NonNullable<Adapter['fields'][string]['dom']>, field: string): string | null {
  const iso = instantFromBox(text, dom);
  if (iso === null || field !== 'until' || !/^\d{4}-\d{2}-\d{2}$/.test(text.trim())) return iso;
  return new Date(Date.parse(iso) + 86_399_999).toISOString();
}

function sameBoxValue(actual: string, expected: string, isDate: boolean): boolean {
  if (!isDate) return sameText(actual, expected);
  const trim = (v: string) => v.trim().replace(/(:00)?(\.0+)?Z?$/, '');
  return trim(actual) === trim(expected);
}
