import { z } from 'zod';
import { lazySchema } from '../schema/lazy';
import { adapterSchema, type Adapter } from '../schema/adapter';
import { KIND_RISKS, kindId } from '../schema/kinds';

/**
 * Teaching what a console's event codes mean (pure). After a live test the builder
 * lists the codes it read; for each the person may write a short meaning and a risk,
 * or say which shared event kind (runbooks/kinds.yaml) it is. These go into the
 * adapter's own `glossary` and `kinds` map — the same keys a hand-written adapter
 * uses — so captured rows explain the code in the person's words.
 */
export const taughtMeaning = lazySchema(() => z.strictObject({
  /** The code as the console shows it ("user.login"). */
  code: z.string().trim().min(1).max(120),
  /** What it means, in the person's words; empty: not taught. */
  meaning: z.string().trim().max(1_000).default(''),
  risk: z.enum(KIND_RISKS).default('routine'),
  /** The shared event kind this code is, if the person said so. */
  kind: kindId.optional(),
}));
export type TaughtMeaning = z.infer<typeof taughtMeaning>;

export interface SeenCode {
  code: string;
  count: number;
}

/** The event codes some rows show, most frequent first (ties: first seen), without blanks. */
export function codesSeen(rows: readonly { action: string }[], limit = 40): SeenCode[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const code = row.action.replace(/\s+/g, ' ').trim();
    if (code && code.length <= 120) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count)
    .slice(0, limit);
}

/** Codes the adapter already explains: its glossary's terms and every code its kinds map names. */
export function knownCodesOf(adapter: Pick<Adapter, 'glossary' | 'kinds'>): string[] {
  const codes = adapter.glossary.map((entry) => entry.term);
  for (const mapping of Object.values(adapter.kinds)) codes.push(...(typeof mapping === 'string' ? [mapping] : mapping.codes));
  return codes;
}

/** Only what the person actually taught: a meaning written, or a kind chosen. */
export function isTaught(meaning: Pick<TaughtMeaning, 'meaning' | 'kind'>): boolean {
  return meaning.meaning.trim() !== '' || meaning.kind !== undefined;
}

export type ApplyMeaningsResult = { ok: true; adapter: Adapter; taught: number } | { ok: false; problems: string[] };

/**
 * The adapter with the taught meanings in its glossary (an entry per code, replacing one for
 * the same code) and the chosen kinds in its `kinds` map (a kind already recorded by another
 * code gets this one too; a kind said to be missing from this tool no longer is). Checked
 * against the adapter schema, so a meaning too long or a kind id that isn't one is refused
 * with the code it belongs to.
 */
export function applyMeanings(adapter: Adapter, meanings: readonly TaughtMeaning[]): ApplyMeaningsResult {
  const problems: string[] = [];
  const glossary = [...adapter.glossary];
  const kinds = { ...adapter.kinds };
  const unsupported = { ...adapter.unsupported };
  let taught = 0;
  for (const input of meanings) {
    const parsed = taughtMeaning.safeParse(input);
    if (!parsed.success) {
      problems.push(`What you taught for “${String(input.code).slice(0, 60)}” can't be kept: ${parsed.error.issues[0]?.message ?? 'it is not valid'}.`);
      continue;
    }
    const m = parsed.data;
    if (!isTaught(m)) continue;
    taught++;
    if (m.meaning) {
      const at = glossary.findIndex((entry) => entry.term.trim().toLowerCase() === m.code.toLowerCase());
      const entry = { ...(at >= 0 ? glossary[at] : {}), term: m.code, meaning: m.meaning, risk: m.risk };
      if (at >= 0) glossary[at] = entry;
      else glossary.push(entry);
    }
    if (m.kind) {
      const before = kinds[m.kind];
      if (before === undefined) kinds[m.kind] = m.code;
      else if (typeof before === 'string') kinds[m.kind] = before.toLowerCase() === m.code.toLowerCase() ? before : { codes: [before, m.code] };
      else if (before.where) problems.push(`This console already records that kind as ${before.codes.join(', ')} with conditions; “${m.code}” was not added to it — edit the adapter file to combine them.`);
      else if (!before.codes.some((c) => c.toLowerCase() === m.code.toLowerCase())) kinds[m.kind] = { codes: [...before.codes, m.code] };
      delete unsupported[m.kind];
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const checked = adapterSchema.safeParse({ ...adapter, glossary, kinds, unsupported });
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue?.path ?? [];
    const code = where[0] === 'glossary' && typeof where[1] === 'number' ? glossary[where[1]]?.term : undefined;
    return { ok: false, problems: [`${code ? `The meaning of “${code}”` : 'What you taught'} can't be saved: ${issue?.message ?? 'it is not valid'}.`] };
  }
  return { ok: true, adapter: checked.data, taught };
}

// ── teaching from the panel, after a capture (issue 14 §5) ──────────────────────

/** One change to what the person wrote for a code (./teach-state.ts and the panel share it). */
export function withMeaningChange(
  values: Readonly<Record<string, TaughtMeaning>>,
  code: string,
  change: Partial<Omit<TaughtMeaning, 'code'>>,
): Record<string, TaughtMeaning> {
  const before = values[code] ?? { code, meaning: '', risk: 'routine' as const };
  const next: TaughtMeaning = { ...before, ...change, code };
  if (change.kind === undefined && 'kind' in change) delete next.kind;
  return { ...values, [code]: next };
}

/**
 * The codes among `seen` that nothing on this page explains: no glossary entry (the adapter's,
 * its pack's or a pack-wide one) and no shared event kind the adapter maps it to. `explained`
 * answers for one code; the panel passes the glossary and kinds it shows rows with.
 */
export function codesWithoutMeaning(seen: readonly SeenCode[], explained: (code: string) => boolean): SeenCode[] {
  return seen.filter(({ code }) => !explained(code));
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** What the adapter says now about one code, as the form shows it: its own glossary entry and the unconditioned kind naming it. */
export function meaningTaughtFor(adapter: Pick<Adapter, 'glossary' | 'kinds'>, code: string): TaughtMeaning | undefined {
  const entry = adapter.glossary.find((e) => same(e.term, code));
  const kind = Object.entries(adapter.kinds).find(([, mapping]) =>
    typeof mapping === 'string' ? same(mapping, code) : !mapping.where && mapping.codes.some((c) => same(c, code)),
  )?.[0];
  if (!entry && !kind) return undefined;
  return { code, meaning: entry?.meaning ?? '', risk: entry?.risk ?? 'routine', ...(kind ? { kind } : {}) };
}

/** The adapter with nothing taught for `code`: its glossary entry gone, and the code out of every kind that names it without conditions. */
function forgetCode(adapter: Adapter, code: string): Adapter {
  const kinds: Adapter['kinds'] = {};
  for (const [id, mapping] of Object.entries(adapter.kinds)) {
    if (typeof mapping === 'string') {
      if (!same(mapping, code)) kinds[id] = mapping;
    } else if (mapping.where) kinds[id] = mapping;
    else {
      const codes = mapping.codes.filter((c) => !same(c, code));
      if (codes.length > 1) kinds[id] = { codes };
      else if (codes.length === 1) kinds[id] = codes[0]!;
    }
  }
  return { ...adapter, glossary: adapter.glossary.filter((e) => !same(e.term, code)), kinds };
}

/**
 * What the panel's form saves: for each code it lists, what the person left there replaces
 * what was taught before — a meaning edited, a kind changed, or everything cleared (undo).
 * Every other code, and every other part of the adapter, is kept as it was.
 */
export function editMeanings(adapter: Adapter, meanings: readonly TaughtMeaning[]): ApplyMeaningsResult {
  let base = adapter;
  for (const m of meanings) base = forgetCode(base, String(m.code ?? ''));
  return applyMeanings(base, meanings);
}

/** Panel → background: where this console's meanings come from (can the person teach them here?). */
export const adapterMeaningsWhereRequest = lazySchema(() => z.strictObject({
  type: z.literal('adapter:meanings-where'),
  adapterId: z.string().min(1).max(120),
}));
/** Panel → background: save what the person taught for these codes into their own (taught) adapter. */
export const adapterTeachMeaningsRequest = lazySchema(() => z.strictObject({
  type: z.literal('adapter:teach-meanings'),
  adapterId: z.string().min(1).max(120),
  /** Checked by editMeanings, so a problem names its code. */
  meanings: z.array(z.record(z.string(), z.unknown())).min(1).max(200),
}));

export type MeaningsWhere =
  | { editable: true; packName: string }
  | { editable: false; packName: string; owner?: string; builtin: boolean }
  | { editable: false; packName: null };

export interface TeachMeaningsReply {
  /** How many codes now have a meaning or a kind from what was saved. */
  taught: number;
  /** How many codes had what was taught for them taken away. */
  cleared: number;
  /** The adapter's glossary and kinds as stored, so the panel can check what it shows. */
  glossary: Adapter['glossary'];
  kinds: Adapter['kinds'];
}

/** Said where meanings can't be taught because the console's adapter is someone else's (a pack's). */
export function whoCanTeach(where: MeaningsWhere): string {
  if (where.editable) return '';
  if (where.packName === null) return 'Trailguide no longer knows this console’s adapter, so meanings can’t be added to it here. Reload the page and try again.';
  if (where.builtin) {
    return `Meanings for this console come with Trailguide itself (the pack “${where.packName}”) and can’t be changed here. A team lead can add meanings for it in a pack of your team’s own.`;
  }
  return `Meanings for this console come from the pack “${where.packName}” — ask ${where.owner ? `its owner, ${where.owner},` : 'whoever looks after that pack'} to add them.`;
}
