import type { CapturedRow } from '../db/records';
import type { Adapter } from '../schema/adapter';
import type { GlossaryEntry } from '../schema/glossary';
import type { EventKind } from '../schema/kinds';
import { mapRowToKind } from '../kinds/resolve';
import { ROW_TEXT_KEY } from '../schema/row-pattern';

/**
 * Plain-language explanations of captured rows. Everything here is plain text:
 * rows come from a third-party page and meanings from a pack, so the panel shows
 * the sentence as text, never as HTML.
 *
 * An explanation uses a term's `summary` (one short clause that finishes
 * "<who> …"), or else the first clause of its meaning's first sentence —
 * never the whole meaning, which the panel shows one click away beside the row.
 */
export interface GlossaryMeaning {
  meaning: string;
  summary?: string;
  risk: 'routine' | 'notable' | 'sensitive';
}
export type GlossaryMap = ReadonlyMap<string, GlossaryMeaning>;

/**
 * Event codes → meanings for one tool: the adapter's own glossary first, then
 * pack entries for that tool, then entries for "any" tool. Codes match
 * case-insensitively.
 */
export function glossaryMapFor(adapter: Pick<Adapter, 'id' | 'glossary'> | null, packGlossary: readonly GlossaryEntry[] = []): Map<string, GlossaryMeaning> {
  const map = new Map<string, GlossaryMeaning>();
  const add = (term: string, entry: GlossaryMeaning) => {
    const key = term.trim().toLowerCase();
    if (!map.has(key)) map.set(key, { meaning: entry.meaning, risk: entry.risk, ...(entry.summary ? { summary: entry.summary } : {}) });
  };
  for (const entry of adapter?.glossary ?? []) add(entry.term, entry);
  for (const entry of packGlossary) if (adapter && entry.tool === adapter.id) add(entry.term, entry);
  for (const entry of packGlossary) if (entry.tool === 'any') add(entry.term, entry);
  return map;
}

const FAILURE = /\b(fail(ed|ure)?|denied|error|blocked|rejected)\b/i;

/** A row's shared event kind, when the glossary has no word for its code (see kindOfRowFor). */
export interface RowKind {
  name: string;
  meaning: string;
  risk: GlossaryMeaning['risk'];
}
export type KindOfRow = (row: CapturedRow) => RowKind | undefined;

/**
 * Rows → their shared event kind on this tool (the adapter's `kinds:` map read backwards,
 * conditions included), so a row the glossary doesn't name still reads as "Failed sign-in"
 * on every tool.
 */
export function kindOfRowFor(adapter: Pick<Adapter, 'kinds'> | null | undefined, kinds: readonly EventKind[]): KindOfRow {
  return (row) => {
    if (!adapter) return undefined;
    const id = mapRowToKind(row, adapter);
    const kind = id === undefined ? undefined : kinds.find((k) => k.id === id);
    return kind ? { name: kind.name, meaning: kind.meaning, risk: kind.risk } : undefined;
  };
}

/**
 * "li.chen@acme.example changed the account's settings (account.settings_changed) for dana@… from 203.0.113.9."
 * or, when the meaning is not written as something the actor did:
 * "A repository was created (repo.create) — by li.chen@acme.example, from 203.0.113.9."
 */
export function explainRow(row: CapturedRow, glossary: GlossaryMap, kindOfRow?: KindOfRow): string {
  const actor = row.actor.trim();
  const who = actor || 'Someone';
  const code = row.action.trim();
  const target = row.target.trim();
  const ip = row.ip.trim();
  const failed = FAILURE.test(row.result);
  const entry = code ? glossary.get(code.toLowerCase()) : undefined;
  const phrase = entry ? explanationPhrase(entry) : null;
  const kind = !entry && code ? kindOfRow?.(row) : undefined;
  if (kind) {
    // The kind's name, the same on every tool: "Failed sign-in (f) — by …, from …."
    const parts = [actor ? `by ${actor}` : '', target && target !== actor ? `for ${target}` : '', ip ? `from ${ip}` : ''].filter(Boolean);
    const sentence = `${kind.name} (${code})${parts.length > 0 ? ` — ${parts.join(', ')}` : ''}.`;
    return failed && !FAILURE.test(kind.name) ? `${sentence} It did not succeed.` : sentence;
  }

  if (phrase && !phrase.actorLed) {
    const parts = [actor ? `by ${actor}` : '', target && target !== actor ? `for ${target}` : '', ip ? `from ${ip}` : ''].filter(Boolean);
    const sentence = `${capitalise(phrase.text)} (${code})${parts.length > 0 ? ` — ${parts.join(', ')}` : ''}.`;
    return failed ? `${sentence} It did not succeed.` : sentence;
  }
  // A sentence row the adapter couldn't read: the page's own words, not "someone did something".
  const pageSentence = code ? '' : (row.raw[ROW_TEXT_KEY] ?? '').trim();
  if (pageSentence) return `The page says: “${pageSentence}” — Trailguide couldn't read which event this is.`;
  let sentence: string;
  if (phrase) sentence = `${who} ${phrase.text} (${code})`;
  else if (code) sentence = `${who} did "${code}" (not in the glossary yet)`;
  else sentence = `${who} did something the page didn't name`;
  if (target && target !== who) sentence += ` for ${target}`;
  if (ip) sentence += ` from ${ip}`;
  if (failed) sentence += ' — it did not succeed';
  return `${sentence}.`;
}

/**
 * The clause an explanation uses for one term, and whether it reads as what the
 * actor did ("changed the settings") — a summary always does — or stands on its
 * own ("A repository was created").
 */
export function explanationPhrase(entry: Pick<GlossaryMeaning, 'meaning' | 'summary'>): { text: string; actorLed: boolean } {
  const summary = entry.summary?.trim();
  if (summary) return { text: lowerFirst(summary.replace(/[.!]+$/, '')), actorLed: true };
  // The first clause of the first sentence: asides after a dash or a semicolon stay in the full meaning.
  const sentence = firstSentence(entry.meaning).split(/\s+[—–]\s+|;\s+/)[0]!.trim();
  return startsWithPastVerb(sentence) ? { text: lowerFirst(sentence), actorLed: true } : { text: sentence, actorLed: false };
}

/** "Changed the account's settings (the row lists which). Okta calls it …" → "changed the account's settings" */
export function asVerbPhrase(meaning: string): string {
  return lowerFirst(firstSentence(meaning));
}

/** The meaning's first sentence as plain text: no Markdown, no asides in brackets, no final full stop. */
export function firstSentence(meaning: string): string {
  const plain = stripMarkdown(meaning)
    .replace(/\s*\([^)]*\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  // A sentence ends at . ! or ? followed by a space and a capital, a digit or an opening quote —
  // but not after "e.g." and friends.
  const end = /[.!?](?=\s+["“‘]?[A-Z0-9])/g;
  for (let match = end.exec(plain); match; match = end.exec(plain)) {
    const before = plain.slice(0, match.index + 1);
    if (/\b(e\.g|i\.e|etc|vs|approx|incl|no)\.$/i.test(before)) continue;
    return before.replace(/[.!?]+$/, '').trim();
  }
  return plain.replace(/[.!]+$/, '').trim();
}

/** Past-tense verbs that don't end in "-ed", as glossary meanings start ("Gave someone a role"). */
const IRREGULAR_PAST = new Set(
  'gave took made set sent put got ran read began left lost paid held kept chose wrote saw told found reset brought bought sold shut cut hid let met spent won undid withdrew forgot overrode drove broke stole rebuilt built upheld'.split(' '),
);
const NOT_VERBS = new Set(['need', 'feed', 'seed', 'speed', 'embed', 'shed', 'red', 'bed', 'hundred', 'limited', 'based', 'related']);

function startsWithPastVerb(sentence: string): boolean {
  const first = /^[A-Za-z]+/.exec(sentence)?.[0].toLowerCase() ?? '';
  if (NOT_VERBS.has(first)) return false;
  return IRREGULAR_PAST.has(first) || /^[a-z]{2,}ed$/.test(first);
}

function lowerFirst(text: string): string {
  // Keep acronyms and names ("SSO settings …", "GitHub found …") as written.
  return /^[A-Z][a-z]/.test(text) && !/^[A-Z][a-z]+[A-Z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

function capitalise(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}

function stripMarkdown(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*`~]+/g, '')
    .replace(/(^|\s)_([^_]+)_(?=\s|$|[.,;:!?])/g, '$1$2')
    .replace(/^#+\s*/gm, '')
    .split(/\n\s*\n/)[0]!;
}
