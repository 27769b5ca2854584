import { z } from 'zod';
import type { AppliedSearch } from '../db/records';
import { adapterSchema } from '../schema/adapter';
import { filterValues } from '../schema/common';
import { execPickRequest, execRecordRequest, execRecordStopRequest, execTestSelectorsRequest, type PickReply, type RecordReply, type RecordStopReply, type TestSelectorsReply } from '../builder/messages';
import { execSelectWordsRequest, execSentenceRowsRequest, type SelectWordsReply, type SentenceRowsReply } from '../builder/sentence-page';
import { execRecheckRequest, type RecheckReply } from '../builder/recheck-page';
import type { CaptureResult } from './capture';
import type { ProbeReport } from './collect';
import type { FillReport } from './fill';
import type { HighlightResult } from './highlight';
import { lazySchema } from '../schema/lazy';

/**
 * Messages between the extension and the executor injected into a page
 * (entrypoints/executor.ts), validated on arrival (DESIGN.md §3.5). Requests are
 * sent by the background (utils/background/executor-bridge.ts); the panel reaches
 * them through the background message `exec:run`.
 */
const captureId = lazySchema(() => z.string().trim().min(1).max(80));

export const execFillRequest = lazySchema(() => z.strictObject({
  type: z.literal('exec:fill'),
  adapter: adapterSchema,
  /** Concrete values (see resolveFilters in ./values.ts); formatted per field by the plan. */
  values: filterValues,
  submit: z.boolean().default(true),
  /** Empty the adapter's other filter boxes first (a fresh search; see planFill's `reset`). */
  reset: z.boolean().default(false),
}));

export const execCaptureRequest = lazySchema(() => z.strictObject({
  type: z.literal('exec:capture'),
  adapter: adapterSchema,
  limit: z.number().int().min(1).max(10_000).default(200),
  /** Names this capture in exec:progress and exec:cancel. */
  captureId: captureId.default('capture'),
}));

export const execCancelRequest = lazySchema(() => z.strictObject({
  type: z.literal('exec:cancel'),
  /** Omit to cancel whatever is running on the page. */
  captureId: captureId.optional(),
}));

export const execHighlightRequest = lazySchema(() => z.strictObject({
  type: z.literal('exec:highlight'),
  adapter: adapterSchema,
  /** A name from adapter.elements (or a field name), or a list of selectors. */
  target: z.union([z.string().trim().min(1).max(80), z.array(z.string().min(1).max(500)).min(1).max(10)]),
  message: z.string().max(500).optional(),
  waitMs: z.number().int().min(0).max(60_000).optional(),
}));

export const execProbeRequest = lazySchema(() => z.strictObject({ type: z.literal('exec:probe'), adapter: adapterSchema }));

/** What the console applied, read back from its address and controls (./readback.ts). */
export const execReadbackRequest = lazySchema(() => z.strictObject({
  type: z.literal('exec:readback'),
  adapter: adapterSchema,
  /** The filters the step asked for (resolved values). */
  intended: filterValues,
}));

/** results.nextLoadsPage: is there a next page, where its link leads; with `click`, follow it (capture.ts nextPageControl). */
export const execNextPageRequest = lazySchema(() => z.strictObject({
  type: z.literal('exec:next-page'),
  adapter: adapterSchema,
  click: z.boolean().default(false),
}));

/** Is the executor already in the page? (used by the bridge before injecting) */
export const execPingRequest = lazySchema(() => z.strictObject({ type: z.literal('exec:ping') }));

export const execRequest = lazySchema(() => z.discriminatedUnion('type', [
  execFillRequest,
  execCaptureRequest,
  execCancelRequest,
  execHighlightRequest,
  execProbeRequest,
  execReadbackRequest,
  execNextPageRequest,
  execPingRequest,
  // The adapter builder (utils/builder): point at an element, test a draft adapter live.
  execPickRequest,
  execTestSelectorsRequest,
  // "Show me": record what the person does to set a filter (utils/builder/record-page.ts).
  execRecordRequest,
  execRecordStopRequest,
  // Rows that are sentences: their text, and the words a person selects in one (utils/builder/sentence-page.ts).
  execSentenceRowsRequest,
  execSelectWordsRequest,
  // "Check on a fresh page": every taught element found again after a reload (utils/builder/recheck-page.ts).
  execRecheckRequest,
]));
/** What callers send (defaults may be left out). */
export type ExecRequest = z.input<typeof execRequest>;
export type ExecRequestType = ExecRequest['type'];
export type ParsedExecRequest = z.output<typeof execRequest>;

export interface ExecReplies {
  'exec:fill': { type: 'exec:fill'; report: FillReport };
  'exec:capture': { type: 'exec:capture'; result: CaptureResult };
  'exec:cancel': { type: 'exec:cancel'; cancelled: boolean };
  'exec:highlight': { type: 'exec:highlight'; result: HighlightResult };
  'exec:probe': { type: 'exec:probe'; report: ProbeReport };
  'exec:readback': { type: 'exec:readback'; applied: AppliedSearch };
  'exec:next-page': { type: 'exec:next-page'; found: boolean; href: string | null; clicked: boolean };
  'exec:ping': { type: 'exec:ping'; ready: true };
  'exec:pick': PickReply;
  'exec:test-selectors': TestSelectorsReply;
  'exec:record': RecordReply;
  'exec:record-stop': RecordStopReply;
  'exec:sentence-rows': SentenceRowsReply;
  'exec:select-words': SelectWordsReply;
  'exec:recheck': RecheckReply;
}
export interface ExecError {
  /** Plain words for the person, never a stack trace. */
  error: string;
}
export type ExecReply = ExecReplies[ExecRequestType] | ExecError;
export type ExecReplyFor<R extends { type: ExecRequestType }> = ExecReplies[R['type']] | ExecError;

/** Sent by the executor with runtime.sendMessage while a capture runs (the panel listens). */
export const execProgress = lazySchema(() => z.strictObject({
  type: z.literal('exec:progress'),
  captureId,
  captured: z.number().int().min(0),
  pages: z.number().int().min(0),
  limit: z.number().int().min(1),
}));
export type ExecProgress = z.infer<typeof execProgress>;

/** Background message from extension pages: run a request in a tab's page. */
export const execRunRequest = lazySchema(() => z.strictObject({
  type: z.literal('exec:run'),
  /** Defaults to the tab the sending panel lives in. */
  tabId: z.number().int().min(0).optional(),
  request: execRequest,
}));
export type ExecRunRequest = z.input<typeof execRunRequest>;

export function isExecError(reply: unknown): reply is ExecError {
  return typeof (reply as ExecError | null)?.error === 'string';
}
