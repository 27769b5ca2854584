import type { Adapter } from '../schema/adapter';
import type { FilterValues } from '../schema/common';
import type { EventKind, KindMapping } from '../schema/kinds';
import { kindOfValue } from './kind-prefix';

/**
 * Event kinds → one tool's own search (pure). A runbook asks for "kind:sign-in-failed";
 * each adapter says how its tool records that (`kinds:`), or that it doesn't (`unsupported:`).
 * A `kind:` value is never passed on as text: it becomes the tool's code(s), or it is
 * refused with a reason a support agent can read. See docs/adapters.md "Event kinds".
 */

/** Something the agent should know about a translated kind. `partial`: the search is broader or narrower than the kind. */
export interface KindNote {
  field: string;
  kind: string;
  name: string;
  message: string;
  partial: boolean;
  /** A condition the tool can't filter on: the value the kind needs (Okta's outcome FAILURE). */
  value?: string;
}

/**
 * A kind this tool can't be searched for as asked. Its filter is left out of the search.
 * `choices`: the tool records the kind as several codes it can't search at once — one
 * search per code is what the tool can do (pass `choose`).
 */
export interface KindRefusal {
  field: string;
  kind: string;
  name: string;
  reason: 'unsupported' | 'unknown' | 'several-codes';
  message: string;
  choices?: string[];
}

export interface KindResolution {
  filters: FilterValues;
  notes: KindNote[];
  refusals: KindRefusal[];
}

export interface ResolveOptions {
  /** field → one of a refusal's `choices`: search for that code alone (the tool can't search them all at once). */
  choose?: Readonly<Record<string, string>>;
}

type ToolKinds = Pick<Adapter, 'name' | 'kinds' | 'unsupported' | 'fields'>;

export function codesOf(mapping: KindMapping): { codes: string[]; where: Record<string, string> } {
  return typeof mapping === 'string' ? { codes: [mapping], where: {} } : { codes: [...mapping.codes], where: { ...(mapping.where ?? {}) } };
}

export function kindName(id: string, kinds: readonly EventKind[]): string {
  return kinds.find((k) => k.id === id)?.name ?? id;
}

/** "Failed sign-in" reads inside a sentence as "failed sign-in" (names like "MFA" keep their capitals). */
function inSentence(name: string): string {
  return /^[A-Z][a-z]/.test(name) ? name[0]!.toLowerCase() + name.slice(1) : name;
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function searchable(adapter: ToolKinds, field: string): boolean {
  const spec = adapter.fields[field];
  return !!(spec?.url || spec?.dom);
}

export function resolveKinds(filters: FilterValues, adapter: ToolKinds, kinds: readonly EventKind[], options: ResolveOptions = {}): KindResolution {
  const out: FilterValues = {};
  const notes: KindNote[] = [];
  const refusals: KindRefusal[] = [];
  const conditions: [string, string, { field: string; kind: string; name: string; codes: string[] }][] = [];

  for (const [field, value] of Object.entries(filters)) {
    const id = kindOfValue(value);
    if (id === undefined) {
      out[field] = value;
      continue;
    }
    const name = kindName(id, kinds);
    const words = inSentence(name);
    const reason = adapter.unsupported[id];
    if (reason !== undefined) {
      refusals.push({ field, kind: id, name, reason: 'unsupported', message: `${adapter.name} can't search for ${words} here: ${reason}` });
      continue;
    }
    const mapping = adapter.kinds[id];
    if (mapping === undefined) {
      refusals.push({ field, kind: id, name, reason: 'unknown', message: `Trailguide doesn't know how ${adapter.name} records ${words} yet, so this search leaves it out.` });
      continue;
    }
    const { codes, where } = codesOf(mapping);
    let code = codes[0]!;
    if (codes.length > 1) {
      const chosen = options.choose?.[field];
      if (chosen === undefined || !codes.includes(chosen)) {
        refusals.push({
          field,
          kind: id,
          name,
          reason: 'several-codes',
          message: `${adapter.name} records ${words} as ${codes.length} kinds of event (${list(codes)}) and can't search for them all at once. Search for one at a time.`,
          choices: codes,
        });
        continue;
      }
      code = chosen;
      const others = codes.filter((c) => c !== chosen);
      notes.push({
        field,
        kind: id,
        name,
        partial: true,
        message: `This search shows only ${chosen}. ${adapter.name} also records ${words} as ${list(others)}, which this search leaves out.`,
      });
    }
    out[field] = code;
    for (const [key, wanted] of Object.entries(where)) conditions.push([key, wanted, { field, kind: id, name, codes: [code] }]);
    if (codes.length === 1) {
      const how = Object.entries(where).map(([key, wanted]) => `${key} ${wanted}`);
      notes.push({ field, kind: id, name, partial: false, message: `${adapter.name} records ${words} as ${code}${how.length ? ` with ${list(how)}` : ''}.` });
    }
  }

  // Conditions (Okta's outcome FAILURE) become filters where the tool can search them.
  for (const [key, wanted, from] of conditions) {
    const words = inSentence(from.name);
    if (searchable(adapter, key)) {
      const asked = out[key];
      if (asked !== undefined && asked.trim() !== '' && asked.trim().toLowerCase() !== wanted.toLowerCase()) {
        notes.push({
          field: key,
          kind: from.kind,
          name: from.name,
          partial: true,
          message: `${words[0]!.toUpperCase()}${words.slice(1)} needs ${key} ${wanted}, but this step also asks for ${key} ${asked}; the search uses ${wanted}.`,
        });
      }
      out[key] = wanted;
    } else {
      notes.push({
        field: key,
        kind: from.kind,
        name: from.name,
        partial: true,
        value: wanted,
        message: `${adapter.name} can't filter on ${key} here, so this search also shows ${list(from.codes)} events whose ${key} isn't ${wanted}. Check each row's ${key}: only ${wanted} is ${words}.`,
      });
    }
  }
  return { filters: out, notes, refusals };
}

/** The kind ids a set of filters asks for. */
export function kindsIn(filters: FilterValues): string[] {
  return Object.values(filters)
    .map(kindOfValue)
    .filter((id): id is string => id !== undefined);
}

interface RowLike {
  action: string;
  raw: Readonly<Record<string, string>>;
  [column: string]: unknown;
}

function cellOf(row: RowLike, column: string): string | undefined {
  const raw = row.raw[column];
  if (typeof raw === 'string') return raw;
  const direct = row[column];
  return typeof direct === 'string' ? direct : undefined;
}

/**
 * A captured row's kind, for capture and escalations: its event code is one of the kind's
 * codes and every condition the row can show holds. A row that can't show a condition
 * (no such column), or that fits two kinds equally, gets no kind rather than a guess.
 */
export function mapRowToKind(row: RowLike, adapter: Pick<Adapter, 'kinds'>): string | undefined {
  const code = row.action.trim().toLowerCase();
  if (!code) return undefined;
  let best: { id: string; score: number } | undefined;
  let tie = false;
  for (const [id, mapping] of Object.entries(adapter.kinds)) {
    const { codes, where } = codesOf(mapping);
    if (!codes.some((c) => c.trim().toLowerCase() === code)) continue;
    let fits = true;
    for (const [column, wanted] of Object.entries(where)) {
      const cell = cellOf(row, column);
      if (cell === undefined || cell.trim().toLowerCase() !== wanted.trim().toLowerCase()) fits = false;
    }
    if (!fits) continue;
    const score = Object.keys(where).length;
    if (!best || score > best.score) {
      best = { id, score };
      tie = false;
    } else if (score === best.score) tie = true;
  }
  return best && !tie ? best.id : undefined;
}
