import { batch, computed, effect, signal } from '@preact/signals';
import { z } from 'zod';
import type { PickedElement } from '../../utils/builder/messages';
import { keepWhatHeld, lostMessage, recheckElement, recheckSnapshot, recheckSummary, taughtElements, type RecheckOutcome } from '../../utils/builder/recheck';
import type { BuilderRole } from '../../utils/builder/roles';
import type { ExecReplies, ExecRequest } from '../../utils/engine/messages';
import type { BuilderReloadReply } from '../../utils/background/builder-reload';
import { ask, errorText } from '../../utils/runtime-client';
import { tabId } from '../panel/state';
import { adapterName, message, picks, saved, testReport } from './builder-state';
import { pendingRecheck, resumeRecheck, storeRecheck, type StoredRecheck } from './recheck-resume';
import { meanings } from './teach-state';
import { sentenceOn, sentenceRows, teachings } from './sentence-state';

/**
 * "Check on a fresh page" (issue 14 §1): the builder notes what each taught element's ways
 * find now, keeps its draft in session storage, reloads the tab, and — in the panel that
 * comes back with the page — finds each element again and compares (utils/builder/recheck.ts).
 * Ways that now find something else are dropped from the picks; an element nothing finds
 * again is named, and Save waits until it is pointed at again or the person has read it.
 */
export const rechecking = signal(false);
export interface RecheckResult {
  outcomes: RecheckOutcome[];
  /** The pick of each element nothing found again, as it was: pointing at it again replaces it. */
  lost: Partial<Record<BuilderRole, PickedElement>>;
}
export const recheckResult = signal<RecheckResult | null>(null);
/** The person read what was lost and chose to save anyway. */
export const recheckRead = signal(false);

/** Elements lost in the check and not pointed at again since. */
export const stillLost = computed<BuilderRole[]>(() => {
  const result = recheckResult.value;
  if (!result) return [];
  return (Object.keys(result.lost) as BuilderRole[]).filter((role) => picks.value[role] !== undefined && picks.value[role] === result.lost[role]);
});
export const recheckHoldsSave = computed(() => stillLost.value.length > 0 && !recheckRead.value);

function exec<T extends keyof ExecReplies>(request: ExecRequest & { type: T }): Promise<ExecReplies[T]> {
  return ask<ExecReplies[T]>({ type: 'exec:run', tabId: tabId.value ?? undefined, request });
}

export async function startRecheck(): Promise<void> {
  const tab = tabId.value;
  if (tab === null) {
    message.value = { kind: 'error', text: 'Trailguide doesn’t know which tab this is, so it can’t reload it. Close the panel and open it again.' };
    return;
  }
  const elements = taughtElements(picks.value);
  rechecking.value = true;
  message.value = { kind: 'info', text: 'Noting how each part is found now, then reloading the page…' };
  try {
    const reply = await exec({ type: 'exec:recheck', elements });
    const stored: StoredRecheck = {
      draft: {
        picks: picks.value,
        adapterName: adapterName.value,
        meanings: meanings.value,
        ...(sentenceOn.value && sentenceRows.value ? { sentence: { rows: sentenceRows.value, teachings: teachings.value } } : {}),
      },
      before: reply.snapshot,
      elements,
      at: Date.now(),
    };
    if (!(await storeRecheck(tab, stored))) {
      message.value = { kind: 'error', text: 'Trailguide couldn’t keep what you taught while the page reloads, so it didn’t reload it. Nothing was lost.' };
      rechecking.value = false;
      return;
    }
    // Docked in the page, this panel goes with it and the one the worker brings back finishes
    // the check (utils/background/builder-reload.ts); in the browser's side panel it stays, and
    // finishes it once the page has loaded.
    const reload = await ask<BuilderReloadReply>({ type: 'builder:reload-to-check', tabId: tab });
    if (!reload.reloaded) {
      message.value = { kind: 'error', text: 'The page didn’t finish loading, so nothing was checked. Press “Check on a fresh page” again.' };
      rechecking.value = false;
      return;
    }
    await resumeRecheck(tab);
  } catch (error) {
    message.value = { kind: 'error', text: errorText(error) };
    rechecking.value = false;
  }
}

const storedDraft = z.object({
  picks: z.record(z.string(), z.object({ role: z.string(), selectors: z.array(z.string()) }).passthrough()),
  adapterName: z.string(),
  meanings: z.record(z.string(), z.unknown()),
  sentence: z.object({ rows: z.object({ rows: z.array(z.unknown()) }).passthrough(), teachings: z.array(z.object({ row: z.number(), spans: z.array(z.unknown()) }).passthrough()) }).optional(),
});

/** The panel that came back with the page: the draft back, each element found again and compared. */
export async function finishRecheck(stored: StoredRecheck): Promise<void> {
  const draft = storedDraft.safeParse(stored.draft);
  const before = recheckSnapshot.safeParse(stored.before);
  const elements = z.array(recheckElement).max(12).safeParse(stored.elements);
  if (!draft.success || !before.success || !elements.success) {
    message.value = { kind: 'error', text: 'What you taught couldn’t be read back after the reload. Point at the parts again.' };
    return;
  }
  batch(() => {
    picks.value = draft.data.picks as unknown as Partial<Record<BuilderRole, PickedElement>>;
    adapterName.value = draft.data.adapterName;
    meanings.value = draft.data.meanings as typeof meanings.value;
    if (draft.data.sentence) {
      sentenceRows.value = draft.data.sentence.rows as unknown as typeof sentenceRows.value;
      teachings.value = draft.data.sentence.teachings as unknown as typeof teachings.value;
      sentenceOn.value = true;
    }
    testReport.value = null;
    saved.value = null;
    recheckResult.value = null;
    recheckRead.value = false;
    rechecking.value = true;
    message.value = { kind: 'info', text: 'The page reloaded. Finding each part you pointed at again…' };
  });
  try {
    const reply = await exec({ type: 'exec:recheck', elements: elements.data, before: before.data, waitMs: 10_000 });
    const outcomes = reply.outcomes ?? [];
    const next = { ...picks.value };
    const lost: RecheckResult['lost'] = {};
    for (const outcome of outcomes) {
      const pick = next[outcome.role];
      if (!pick) continue;
      next[outcome.role] = keepWhatHeld(pick, outcome);
      if (outcome.lost) lost[outcome.role] = next[outcome.role];
    }
    const lostLines = outcomes.filter((o) => o.lost).map((o) => lostMessage(o.role));
    batch(() => {
      picks.value = next;
      recheckResult.value = { outcomes, lost };
      message.value = { kind: lostLines.length > 0 ? 'error' : 'ok', text: recheckSummary(outcomes), ...(lostLines.length > 0 ? { details: lostLines } : {}) };
    });
  } catch (error) {
    message.value = { kind: 'error', text: `The page reloaded, but Trailguide couldn’t look at it again: ${errorText(error)}` };
  } finally {
    rechecking.value = false;
  }
}

// A check the panel's start found under way (./recheck-resume.ts) is finished once the builder's code is here.
effect(() => {
  const stored = pendingRecheck.value;
  if (!stored) return;
  pendingRecheck.value = null;
  void finishRecheck(stored);
});
