import { z } from 'zod';
import { lazySchema } from '../schema/lazy';
import { adapterSchema, selectorList, type ValueFormat } from '../schema/adapter';
import type { DomKind } from '../engine/collect';
import { builderRole, type BuilderRole } from './roles';
import type { CandidateKind, ElementFacts } from './selectors';
import type { SeenCode } from './meanings';
import type { ColumnCheck } from './plausibility';
import type { Recording, Taught } from './record';

/**
 * Builder messages. `exec:pick` and `exec:test-selectors` run in the page through
 * the executor (they are part of utils/engine/messages.ts's execRequest union);
 * `adapter:save-local` goes to the background, from extension pages only.
 */
export const execPickRequest = lazySchema(() => z.strictObject({
  type: z.literal('exec:pick'),
  role: builderRole,
  /** Shown on the page while waiting for the click ("Click the search box."). */
  prompt: z.string().trim().min(1).max(200),
  /** Cells only: the rows already picked, so the cell's selectors are relative to a row. */
  rowSelectors: selectorList.optional(),
  /** How long to wait for the click before giving up. */
  timeoutMs: z.number().int().min(1_000).max(300_000).default(120_000),
}));

/** "Show me" (./record.ts): start writing down what the person does on the page, letting it through. */
export const execRecordRequest = lazySchema(() => z.strictObject({
  type: z.literal('exec:record'),
  /** Shown on the page while recording. */
  prompt: z.string().trim().min(1).max(200),
}));
/** Ends the recording and returns it (./record-page.ts stopRecording). */
export const execRecordStopRequest = lazySchema(() => z.strictObject({ type: z.literal('exec:record-stop') }));

export interface RecordReply {
  type: 'exec:record';
  started: boolean;
}
export interface RecordStopReply {
  type: 'exec:record-stop';
  /** Null when nothing was being recorded (the page was reloaded meanwhile). */
  recording: Recording | null;
}

export const execTestSelectorsRequest = lazySchema(() => z.strictObject({
  type: z.literal('exec:test-selectors'),
  /** The draft adapter assembled from the picks (utils/builder/assemble.ts). */
  adapter: adapterSchema,
  /** Typed into the search box and then taken out again. */
  sample: z.string().trim().min(1).max(100).default('trailguide test'),
}));

/** What the page says about the element a person clicked (serialisable, no element references). */
export interface PickedElement {
  role: BuilderRole;
  /** Confirmed on the page, most robust first. */
  selectors: string[];
  /** Why each selector was chosen ("id", "name", "position"…), same order. */
  kinds: CandidateKind[];
  /** How to name it to the person: its label, placeholder or text. */
  label: string;
  /** What it shows now (capped). */
  sample: string;
  facts: ElementFacts;
  /**
   * Filters: how to write into it. For a widget a library strategy recognises (./widgets.ts):
   * its display pattern as the format, how it takes a value (confirm), and which family it is.
   */
  field?: { kind: DomKind; format: ValueFormat | string; confirm?: 'enter' | 'blur' | 'ok' | 'none'; family?: string };
  /** Time cells: the attribute with a machine-readable time. */
  attr?: string;
  /** Rows: how many rows the first selector finds, and selectors for their container. */
  rowCount?: number;
  container?: string[];
  /** Cells: 1-based position of the cell within its row. */
  cellIndex?: number;
  /** Cells in rows under a header row: the column's header text, and selectors inside its cell (./by-header.ts). */
  header?: string;
  inner?: string[];
  /** Filters taught by "Show me" (./record.ts): the gestures that set it, replayed before they were kept. */
  taught?: Taught;
  /** Time cells showing only a time of day: selectors for the day heading above the rows (./next-sibling.ts, sentence-page.ts). */
  heading?: string[];
  /** Time cells under a day heading: the formats for "<day> <time of day>" when the headings show the order of day and month (./time-heading.ts). */
  format?: string[];
  /** Cells read from an attribute: the part of its value to keep (a regex whose first group is kept). */
  pattern?: string;
  /** Event cells whose words don't repeat while the row's first class does: the reading offered instead (./class-values.ts). */
  classOffer?: { attr: 'class'; pattern: string; values: string[]; kinds: string[]; here?: string };
}

export interface PickReply {
  type: 'exec:pick';
  picked: PickedElement | null;
  /** Why nothing was picked, in plain words (cancelled, timed out, not a row…). */
  message?: string;
}

export interface LiveTestReport {
  /** Rows found and read, and nothing essential missing. */
  ok: boolean;
  rowCount: number;
  firstRow?: { time: string | null; actor: string; action: string; target: string };
  fields: { field: string; found: boolean; selectorUsed?: string }[];
  /** The sample typed into the search box and taken out again. */
  fill?: { field: string; ok: boolean; restored: boolean; message?: string };
  /** Each column's verdict over the rows read (./plausibility.ts). */
  columns: ColumnCheck[];
  /** The event codes the rows show, most frequent first (./meanings.ts); empty when the event column is wrong. */
  codes: SeenCode[];
  /** Plain-language problems, one per line. */
  problems: string[];
  warnings: string[];
}

export interface TestSelectorsReply {
  type: 'exec:test-selectors';
  report: LiveTestReport;
}

export const adapterSaveLocalRequest = lazySchema(() => z.strictObject({
  type: z.literal('adapter:save-local'),
  /** Checked against adapterSchema by the handler, so the reply can say what is wrong. */
  adapter: z.record(z.string(), z.unknown()),
}));

export interface AdapterSaveReply {
  packId: string;
  packName: string;
  version: string;
  adapterId: string;
  name: string;
  replaced: boolean;
}
