import type { CapturedRow } from '../db/records';
import type { Adapter } from '../schema/adapter';
import type { GlossaryEntry } from '../schema/glossary';

/**
 * Plain-language explanations of captured rows. Everything here is plain text:
 * rows come from a third-party page and meanings from a pack, so the panel shows
 * the sentence as text, never as HTML.
 */
export interface GlossaryMeaning {
  meaning: string;
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
    if (!map.has(key)) map.set(key, { meaning: entry.meaning, risk: entry.risk });
  };
  for (const entry of adapter?.glossary ?? []) add(entry.term, entry);
  for (const entry of packGlossary) if (adapter && entry.tool === adapter.id) add(entry.term, entry);
  for (const entry of packGlossary) if (entry.tool === 'any') add(entry.term, entry);
  return map;
}

const FAILURE = /\b(fail(ed|ure)?|denied|error|blocked|rejected)\b/i;

/** "li.chen@acme.example changed the account's settings (account.settings_changed) for dana@… from 203.0.113.9" */
export function explainRow(row: CapturedRow, glossary: GlossaryMap): string {
  const who = row.actor.trim() || 'Someone';
  const code = row.action.trim();
  const entry = code ? glossary.get(code.toLowerCase()) : undefined;
  let sentence: string;
  if (entry) {
    sentence = `${who} ${asVerbPhrase(entry.meaning)} (${code})`;
  } else if (code) {
    sentence = `${who} did "${code}" (not in the glossary yet)`;
  } else {
    sentence = `${who} did something the page didn't name`;
  }
  if (row.target.trim() && row.target.trim() !== who) sentence += ` for ${row.target.trim()}`;
  if (row.ip.trim()) sentence += ` from ${row.ip.trim()}`;
  if (FAILURE.test(row.result)) sentence += ' — it did not succeed';
  return `${sentence}.`;
}

/** "Changed the account's settings (the row details list which ones)." → "changed the account's settings" */
export function asVerbPhrase(meaning: string): string {
  const plain = stripMarkdown(meaning)
    .replace(/\s*\([^)]*\)/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!]+$/, '');
  // Keep acronyms ("SSO settings …") as written.
  return /^[A-Z][a-z]/.test(plain) ? plain[0]!.toLowerCase() + plain.slice(1) : plain;
}

function stripMarkdown(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*`~]+/g, '')
    .replace(/(^|\s)_([^_]+)_(?=\s|$|[.,;:!?])/g, '$1$2')
    .replace(/^#+\s*/gm, '')
    .split(/\n\s*\n/)[0]!;
}
