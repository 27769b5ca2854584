import { z } from 'zod';
import type { PackSource } from '../db/database';
import type { PackProblem } from '../pack/errors';
import { slug } from '../schema/common';
import type { Adapter } from '../schema/adapter';
import type { Runbook } from '../schema/runbook';
import type { ShadowedItem } from './resolve';
import { lazySchema } from '../schema/lazy';

/**
 * Messages between the options page and the background about packs. Every one is
 * accepted only from extension pages (DESIGN.md §3.5) and validated here first;
 * the pack text itself is validated again, strictly, before anything is stored.
 */
const packId = slug;
/** Generous: the real 5 MB limit is checked in bytes by parsePackText, with a plain message. */
const packText = lazySchema(() => z.string().max(12 * 1024 * 1024));

export const packsListRequest = lazySchema(() => z.strictObject({ type: z.literal('packs:list') }));
export const packsImportRequest = lazySchema(() => z.strictObject({
  type: z.literal('packs:import'),
  text: packText,
  source: z.enum(['file', 'paste']),
  /** Set after the user agreed to replace a pack with the same id from elsewhere. */
  replace: z.boolean().default(false),
}));
export const packsSubscribeRequest = lazySchema(() => z.strictObject({
  type: z.literal('packs:subscribe'),
  url: z.string().trim().min(1).max(2_000),
  replace: z.boolean().default(false),
}));
export const packsRefreshRequest = lazySchema(() => z.strictObject({ type: z.literal('packs:refresh'), id: packId.optional() }));
export const packsSetEnabledRequest = lazySchema(() => z.strictObject({ type: z.literal('packs:set-enabled'), id: packId, enabled: z.boolean() }));
export const packsDeleteRequest = lazySchema(() => z.strictObject({ type: z.literal('packs:delete'), id: packId }));
export const packsRestoreRequest = lazySchema(() => z.strictObject({ type: z.literal('packs:restore'), id: packId }));
export const packsExportRequest = lazySchema(() => z.strictObject({ type: z.literal('packs:export'), id: packId }));
export const runbookSourceRequest = lazySchema(() => z.strictObject({ type: z.literal('runbook:source'), packId, runbookId: slug }));
export const runbookSaveLocalRequest = lazySchema(() => z.strictObject({
  type: z.literal('runbook:save-local'),
  /** Checked against runbookSchema by the handler, so the reply can name the field. */
  runbook: z.record(z.string(), z.unknown()),
}));
export const runbookValidateRequest = lazySchema(() => z.strictObject({ type: z.literal('runbook:validate'), source: z.string().max(200_000) }));

/** Sent by the background to every extension page (panels, options) after any pack change. */
export const PACKS_CHANGED = 'packs:changed';
export const packsChangedNotice = lazySchema(() => z.strictObject({ type: z.literal(PACKS_CHANGED) }));

export type PackRunbookSummary = Pick<Runbook, 'id' | 'title' | 'owner' | 'reviewed' | 'reviewEvery'> & { shadowed: boolean };
/** An adapter on the pack manager: enough to say whether it is due for review and to find its failure counts. */
export type PackAdapterSummary = Pick<Adapter, 'id' | 'name' | 'owner' | 'reviewed' | 'reviewEvery'>;

/** One row of the pack manager. */
export interface PackSummary {
  id: string;
  name: string;
  version: string;
  description: string;
  author: string | null;
  source: PackSource;
  enabled: boolean;
  locked: boolean;
  /** Built-in and managed packs cannot be deleted. */
  deletable: boolean;
  runbookCount: number;
  adapterCount: number;
  /** Sites its adapters name outside the built-in consoles (utils/sites.ts adapterSites). */
  sites: string[];
  glossaryCount: number;
  runbooks: PackRunbookSummary[];
  adapters: PackAdapterSummary[];
  installedAt: number;
  updatedAt: number;
  url: string | null;
  lastCheckedAt: number | null;
  nextCheckAt: number | null;
  lastError: string | null;
}

export interface PolicyStatus {
  state: 'none' | 'applied' | 'rejected';
  /** One plain sentence for the options page. */
  message: string;
  /** Per-pack problems that did not stop the policy (a server that is down). */
  problems: string[];
  checkedAt: number;
}

export interface PacksListReply {
  packs: PackSummary[];
  shadowed: ShadowedItem[];
  policy: PolicyStatus | null;
}

export type ImportReply =
  | { status: 'installed' | 'replaced'; pack: PackSummary; message: string }
  | { status: 'confirm'; message: string };

export interface DeleteReply {
  pack: PackSummary;
  undoUntil: number;
}

export interface ExportReply {
  fileName: string;
  mimeType: string;
  text: string;
}

export interface SaveLocalReply {
  packId: string;
  packName: string;
  version: string;
  runbookId: string;
  title: string;
  replaced: boolean;
}

/** `warnings`: steps no branch leads to (reported, not refused). */
export type ValidateReply = { ok: true; runbook: Runbook; warnings?: PackProblem[] } | { ok: false; problem: PackProblem };

export interface RunbookSourceReply {
  source: string;
}
