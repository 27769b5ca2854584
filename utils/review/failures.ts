import { browser } from 'wxt/browser';
import type { CapturedRow } from '../db/records';
import type { FillReport } from '../engine/fill';
import type { Adapter } from '../schema/adapter';
import { patternShape } from '../schema/row-pattern';
import { ADAPTER_HEALTH_KEY } from '../storage-keys';

/**
 * How often each part of an adapter (a filter box, the search button, the result
 * rows, a column) worked on the last few tries, counted on this computer only —
 * never sent anywhere — so a team lead sees on the pack's row which part to fix
 * when a console changed its page ("the Event type box wasn't found on 4 of the
 * last 5 tries").
 *
 * Stored in browser.storage.local (extension origin) under ADAPTER_HEALTH_KEY:
 * `{ [adapterId]: { [part]: { label, noun, tries: ("ok" | failure words)[] } } }`,
 * at most TRIES_KEPT tries per part and PARTS_KEPT parts per adapter.
 */
export const TRIES_KEPT = 5;
const PARTS_KEPT = 60;
const ADAPTERS_KEPT = 200;
/** A part is flagged once it failed this often among its last tries. */
export const FLAG_AT = 2;

/** One try of one part: `failed` says how, in words that finish "the Event type box …" ("wasn't found"). */
export interface PartTry {
  part: string;
  /** How the page names it ("Event type"). */
  label: string;
  /** What it is: box, button, column, rows. */
  noun: 'box' | 'button' | 'column' | 'rows';
  failed: string | null;
}

interface PartHealth {
  label: string;
  noun: PartTry['noun'];
  tries: string[];
}
export type AdapterHealth = Record<string, Record<string, PartHealth>>;

/** Adds tries to the record (pure): the newest last, the oldest dropped past TRIES_KEPT. */
export function addTries(health: AdapterHealth, adapterId: string, tries: readonly PartTry[]): AdapterHealth {
  if (tries.length === 0) return health;
  const parts: Record<string, PartHealth> = { ...(health[adapterId] ?? {}) };
  for (const t of tries) {
    const before = parts[t.part]?.tries ?? [];
    delete parts[t.part]; // re-inserted last: the most recently tried parts are the ones kept
    parts[t.part] = { label: t.label, noun: t.noun, tries: [...before, t.failed ?? 'ok'].slice(-TRIES_KEPT) };
  }
  const kept = Object.entries(parts).slice(-PARTS_KEPT);
  const others = Object.entries(health).filter(([id]) => id !== adapterId).slice(-(ADAPTERS_KEPT - 1));
  return Object.fromEntries([...others, [adapterId, Object.fromEntries(kept)]]);
}

export interface FailingPart {
  part: string;
  failures: number;
  tries: number;
  /** "the Event type box wasn't found on 4 of the last 5 tries" */
  sentence: string;
}

/** Parts of one adapter that failed at least FLAG_AT times in their last tries, worst first. */
export function failingParts(health: AdapterHealth, adapterId: string): FailingPart[] {
  const parts = health[adapterId] ?? {};
  return Object.entries(parts)
    .flatMap(([part, h]) => {
      const failures = h.tries.filter((t) => t !== 'ok');
      if (failures.length < FLAG_AT) return [];
      // The commonest way it failed names it.
      const counts = new Map<string, number>();
      for (const f of failures) counts.set(f, (counts.get(f) ?? 0) + 1);
      const how = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
      const what = h.noun === 'rows' ? 'the result rows' : `the ${h.label} ${h.noun}`;
      return [{ part, failures: failures.length, tries: h.tries.length, sentence: `${what} ${how} on ${failures.length} of the last ${h.tries.length} tries` }];
    })
    .sort((a, b) => b.failures - a.failures);
}

/** Each field a fill step wrote (or couldn't), and the search button. Unchecked fields say nothing either way. */
export function triesFromFill(report: Pick<FillReport, 'fields' | 'messages' | 'submitted'>): PartTry[] {
  const tries: PartTry[] = [];
  for (const f of report.fields) {
    if (f.status === 'unchecked') continue;
    const failed = f.status === 'kept' ? null : /couldn't find/i.test(f.message ?? '') ? "wasn't found" : "didn't keep the value";
    tries.push({ part: `box:${f.field}`, label: f.label, noun: 'box', failed });
  }
  if (report.messages.some((m) => /couldn't find the search button/i.test(m))) tries.push({ part: 'submit', label: 'search', noun: 'button', failed: "wasn't found" });
  else if (report.submitted) tries.push({ part: 'submit', label: 'search', noun: 'button', failed: null });
  return tries;
}

/**
 * The columns whose health a capture records: those declared and those a sentence
 * pattern's named groups fill, except `optional` ones (empty by design, so an empty
 * column there says nothing about the adapter).
 */
export function columnsToCheck(results: Adapter['results']): string[] {
  if (!results) return [];
  const names = new Set(Object.keys(results.columns));
  for (const text of [results.text, ...(results.variants ?? []).map((v) => v.text)]) {
    if (text) for (const group of patternShape(text.pattern).groups) names.add(group);
  }
  return [...names].filter((name) => results.columns[name]?.optional !== true);
}

/**
 * A capture: the result rows (not found at all is a failure; "no results" on the
 * page is not), and each column the adapter reads — a column empty in every row
 * counts as not read.
 */
export function triesFromCapture(
  rows: readonly CapturedRow[],
  stoppedBecause: string,
  columns: readonly { name: string; label: string }[],
): PartTry[] {
  if (stoppedBecause === 'empty') return [];
  if (rows.length === 0) return stoppedBecause === 'no-rows' ? [{ part: 'rows', label: 'result', noun: 'rows', failed: "weren't found" }] : [];
  return [
    { part: 'rows', label: 'result', noun: 'rows', failed: null },
    ...columns.map((c) => ({
      part: `column:${c.name}`,
      label: c.label,
      noun: 'column' as const,
      failed: rows.every((r) => (r.raw[c.name] ?? '').trim() === '') ? "couldn't be read" : null,
    })),
  ];
}

export async function readAdapterHealth(): Promise<AdapterHealth> {
  const stored = (await browser.storage.local.get(ADAPTER_HEALTH_KEY))[ADAPTER_HEALTH_KEY];
  return stored && typeof stored === 'object' && !Array.isArray(stored) ? (stored as AdapterHealth) : {};
}

let writing: Promise<void> = Promise.resolve();

/** Records tries (one write at a time from this page, so two steps finishing together don't lose one). */
export function recordTries(adapterId: string, tries: readonly PartTry[]): Promise<void> {
  if (tries.length === 0) return writing;
  writing = writing
    .then(async () => {
      const health = await readAdapterHealth();
      await browser.storage.local.set({ [ADAPTER_HEALTH_KEY]: addTries(health, adapterId, tries) });
    })
    .catch(() => undefined); // counting is a help for team leads; a failed write must never break a step
  return writing;
}
