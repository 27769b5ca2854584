import { batch, computed, signal } from '@preact/signals';
import { deriveSentence, SENTENCE_ROLE_TITLE, type SentenceResult, type SentenceRole, type Teaching } from '../../utils/builder/sentence';
import type { SelectWordsReply, SentenceRowsReply } from '../../utils/builder/sentence-page';
import type { ExecReplies, ExecRequest } from '../../utils/engine/messages';
import { ask, errorText } from '../../utils/runtime-client';
import { tabId } from '../panel/state';

/**
 * "The rows are sentences" in the builder: the rows' text read from the page, the words the
 * person selected (one row, then corrections in others), and the pattern derived from them
 * (utils/builder/sentence.ts), which the assembled adapter uses (builder-state's draftAdapter).
 */
export const sentenceOn = signal(false);
export const sentenceRows = signal<SentenceRowsReply | null>(null);
export const teachings = signal<Teaching[]>([]);
/** The teaching the next selection goes into. */
export const editing = signal(0);
export const selecting = signal<SentenceRole | null>(null);
export const sentenceNote = signal<{ kind: 'info' | 'ok' | 'error'; text: string } | null>(null);

export const sentenceResult = computed<SentenceResult | null>(() => {
  const rows = sentenceRows.value;
  const taught = teachings.value.filter((t) => t.spans.length > 0);
  if (!sentenceOn.value || !rows || taught.length === 0) return null;
  return deriveSentence({ rows: rows.rows, teachings: taught, heading: rows.heading });
});

/** What assemble.ts puts in the adapter, or nothing while the sentence isn't taught. */
export function sentenceDraft() {
  const result = sentenceResult.value;
  if (!result || !result.ok) return undefined;
  return { text: result.text, variants: result.variants, columns: result.columns };
}

function exec<T extends keyof ExecReplies>(request: ExecRequest & { type: T }): Promise<ExecReplies[T]> {
  return ask<ExecReplies[T]>({ type: 'exec:run', tabId: tabId.value ?? undefined, request });
}

/** Forgets the sentence (a new row was picked, or the builder closed). */
export function resetSentence(): void {
  batch(() => {
    sentenceOn.value = false;
    sentenceRows.value = null;
    teachings.value = [];
    editing.value = 0;
    selecting.value = null;
    sentenceNote.value = null;
  });
}

export async function startSentence(rowSelectors: string[]): Promise<void> {
  try {
    const reply = await exec({ type: 'exec:sentence-rows', rowSelectors });
    batch(() => {
      sentenceOn.value = true;
      sentenceRows.value = reply;
      teachings.value = [{ row: -1, spans: [] }];
      editing.value = 0;
      sentenceNote.value = reply.rows.length === 0
        ? { kind: 'error', text: 'No result rows are on the page right now. Pick a row again once results show.' }
        : { kind: 'info', text: `In one of the ${reply.rows.length} rows, select the words for each part below: click a part here, then select (or click) its words on the page.` };
    });
  } catch (error) {
    sentenceNote.value = { kind: 'error', text: errorText(error) };
  }
}

let ticket = 0;

export async function selectPart(role: SentenceRole, rowSelectors: string[]): Promise<void> {
  const mine = ++ticket;
  const prompt = `Select ${SENTENCE_ROLE_TITLE[role].toLowerCase()} in one row — drag over the words, or click a word or a name. (Esc to stop.)`;
  batch(() => {
    selecting.value = role;
    sentenceNote.value = { kind: 'info', text: prompt };
  });
  try {
    const reply: SelectWordsReply = await exec({ type: 'exec:select-words', role, rowSelectors, prompt });
    if (mine !== ticket) return;
    if (!reply.selected) {
      sentenceNote.value = { kind: reply.message?.startsWith('Stopped') ? 'info' : 'error', text: reply.message ?? 'Nothing was selected.' };
      return;
    }
    addSelection(role, reply.selected);
  } catch (error) {
    if (mine === ticket) sentenceNote.value = { kind: 'error', text: errorText(error) };
  } finally {
    if (mine === ticket) selecting.value = null;
  }
}

/** Puts a selection into the teaching being edited (a selection in another row starts that row afresh). */
export function addSelection(role: SentenceRole, selected: NonNullable<SelectWordsReply['selected']>): void {
  const rows = sentenceRows.value;
  batch(() => {
    // The page changed since the rows were read: keep the row's text as it is now.
    if (rows && rows.rows[selected.row] !== selected.rowText) {
      const next = [...rows.rows];
      next[selected.row] = selected.rowText;
      sentenceRows.value = { ...rows, rows: next };
    }
    const list = [...teachings.value];
    const index = Math.min(editing.value, list.length - 1);
    const current = list[index] ?? { row: -1, spans: [] };
    const sameRow = current.row === selected.row;
    const spans = (sameRow ? current.spans : []).filter((s) => s.role !== role);
    spans.push({ role, start: selected.start, end: selected.end });
    list[index] = { row: selected.row, spans };
    teachings.value = list;
    const note = sameRow || current.row < 0 ? '' : ` That is a different row from before, so the parts selected there were set aside: select the other parts in this row too.`;
    const result = sentenceResult.value;
    sentenceNote.value = result && !result.ok
      ? { kind: 'error', text: result.message }
      : { kind: 'ok', text: `Got it: ${SENTENCE_ROLE_TITLE[role].toLowerCase()} — “${selected.text}”.${note}` };
  });
}

/** "This row is read wrong": the next selections teach that row, refining the pattern or adding a variant. */
export function correctRow(row: number): void {
  batch(() => {
    const list = teachings.value.filter((t) => t.spans.length > 0 && t.row !== row);
    list.push({ row, spans: [] });
    teachings.value = list;
    editing.value = list.length - 1;
    sentenceNote.value = { kind: 'info', text: `Row ${row + 1}: select its parts again below (click a part here, then its words in that row on the page).` };
  });
}

export function stopSelecting(): void {
  ticket++;
  selecting.value = null;
  void exec({ type: 'exec:cancel' }).catch(() => undefined);
}
