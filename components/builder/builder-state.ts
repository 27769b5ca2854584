import { batch, signal } from '@preact/signals';
import { assembleAdapter } from '../../utils/builder/assemble';
import type { AdapterSaveReply, LiveTestReport, PickedElement } from '../../utils/builder/messages';
import { isCellRole, ROLE_INFO, type BuilderRole } from '../../utils/builder/roles';
import type { ExecReplies, ExecRequest } from '../../utils/engine/messages';
import { ask, errorText } from '../../utils/runtime-client';
import type { Pack } from '../../utils/schema/pack';
import { adapterId, packs, pageUrl, tabId } from '../panel/state';
import { builderOpen, openBuilder, whenBuilderOpens } from './builder-open';
import { saveProblemsFor, testFailures, withMeanings } from './teach-state';
import { resetSentence, sentenceDraft } from './sentence-state';

export { builderOpen, openBuilder };

/**
 * The adapter builder's state: what has been pointed at, the live test, saving.
 * Page work goes through the background's `exec:run` to the injected executor
 * (exec:pick, exec:test-selectors); saving through `adapter:save-local`.
 */
export interface BuilderMessage {
  kind: 'info' | 'ok' | 'error';
  text: string;
  details?: string[];
}

export const picks = signal<Partial<Record<BuilderRole, PickedElement>>>({});
/** The step waiting for a click on the page. */
export const armed = signal<BuilderRole | null>(null);
export const message = signal<BuilderMessage | null>(null);
export const testing = signal(false);
export const testReport = signal<LiveTestReport | null>(null);
export const adapterName = signal('');
export const saving = signal(false);
export const saved = signal<AdapterSaveReply | null>(null);

function exec<T extends keyof ExecReplies>(request: ExecRequest & { type: T }): Promise<ExecReplies[T]> {
  return ask<ExecReplies[T]>({ type: 'exec:run', tabId: tabId.value ?? undefined, request });
}

whenBuilderOpens(() => {
  message.value = null;
  saved.value = null;
});

export function closeBuilder(): void {
  if (armed.value) void stopPointing();
  builderOpen.value = false;
}

/** Cells are found inside rows, so they wait until a row is picked. */
export function stepBlocked(role: BuilderRole): string | null {
  return isCellRole(role) && !picks.value.row ? 'Point at a result row first.' : null;
}

let armCounter = 0;

/** Arms the picker on the page; the person's next click there picks the element. */
export async function arm(role: BuilderRole): Promise<void> {
  const blocked = stepBlocked(role);
  if (blocked) {
    message.value = { kind: 'info', text: blocked };
    return;
  }
  const ticket = ++armCounter;
  batch(() => {
    armed.value = role;
    message.value = { kind: 'info', text: `${ROLE_INFO[role].prompt} (Press Esc on the page to stop.)` };
  });
  try {
    const rowSelectors = isCellRole(role) ? picks.value.row?.selectors : undefined;
    const reply = await exec({ type: 'exec:pick', role, prompt: ROLE_INFO[role].prompt, ...(rowSelectors ? { rowSelectors } : {}) });
    if (ticket !== armCounter) return; // another step was armed meanwhile
    if (!reply.picked) {
      message.value = { kind: reply.message?.startsWith('Stopped') ? 'info' : 'error', text: reply.message ?? 'Nothing was picked.' };
      return;
    }
    const picked = reply.picked;
    batch(() => {
      const next = { ...picks.value, [role]: picked };
      // New rows make the cells picked inside the old ones meaningless.
      if (role === 'row') for (const r of Object.keys(next) as BuilderRole[]) if (isCellRole(r)) delete next[r];
      if (role === 'row') resetSentence();
      picks.value = next;
      testReport.value = null;
      saved.value = null;
      message.value = { kind: 'ok', text: describePick(picked) };
    });
  } catch (error) {
    if (ticket === armCounter) message.value = { kind: 'error', text: errorText(error) };
  } finally {
    if (ticket === armCounter) armed.value = null;
  }
}

export async function stopPointing(): Promise<void> {
  armCounter++;
  armed.value = null;
  message.value = { kind: 'info', text: 'Stopped pointing. Nothing was picked.' };
  try {
    await exec({ type: 'exec:cancel' });
  } catch {
    /* the page may have gone; nothing to stop then */
  }
}

export function describePick(picked: PickedElement): string {
  const title = ROLE_INFO[picked.role].title;
  if (picked.role === 'row') return `Got it: ${picked.rowCount ?? 0} result rows like this one are on the page.`;
  if (isCellRole(picked.role)) return `Got it: ${title.toLowerCase()} — in this row it says “${picked.sample || '(empty)'}”.`;
  return `Got it: ${title.toLowerCase()} — “${picked.label}”.`;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The adapter as it would be saved now (or what is missing). */
export function draftAdapter(name = adapterName.value || 'Draft') {
  const draft = assembleAdapter({ name, pageUrl: pageUrl.value ?? '', picks: picks.value, today: today(), sentence: sentenceDraft() });
  // What the person taught the codes mean goes into the adapter's glossary and kinds map (./teach-state.ts).
  return draft.ok ? withMeanings(draft.adapter) : draft;
}

export async function runLiveTest(): Promise<void> {
  const draft = draftAdapter();
  if (!draft.ok) {
    message.value = { kind: 'error', text: draft.problems.join(' ') };
    return;
  }
  testing.value = true;
  message.value = { kind: 'info', text: 'Testing on this page…' };
  try {
    const reply = await exec({ type: 'exec:test-selectors', adapter: draft.adapter });
    testReport.value = reply.report;
    message.value = summarizeTest(reply.report);
  } catch (error) {
    message.value = { kind: 'error', text: errorText(error) };
  } finally {
    testing.value = false;
  }
}

export function summarizeTest(report: LiveTestReport): BuilderMessage {
  const first = report.firstRow;
  const sample = first ? [first.time ?? '(no time)', first.actor, first.action, first.target].filter(Boolean).join(' · ') : '';
  const lines = [
    ...(report.fill ? [report.fill.ok ? `Typing into the ${report.fill.field} box works${report.fill.restored ? ' (and what was there is back)' : ''}.` : (report.fill.message ?? '')] : []),
    ...report.problems.filter((p) => p !== report.fill?.message),
    ...testFailures({ ...report, problems: [] }),
    ...report.warnings,
  ].filter(Boolean);
  if (report.rowCount === 0) return { kind: 'error', text: report.problems[0] ?? 'No result rows were found.', details: lines };
  const text = `Found ${report.rowCount} row${report.rowCount === 1 ? '' : 's'}; first: ${sample}`;
  return { kind: report.ok ? 'ok' : 'error', text: report.ok ? text : `${text}. Some parts need another look:`, details: lines };
}

/** `confirmed`: the person pressed "Save anyway" under the problems the live test found. */
export async function saveAdapter(confirmed = false): Promise<void> {
  const report = testReport.value;
  if (!confirmed && testFailures(report).length > 0) {
    // A failed test is saved only after the person has seen what failed (the box under Save).
    saveProblemsFor.value = report;
    message.value = { kind: 'error', text: 'The test found problems. Read them under Save, then fix them or save anyway.' };
    return;
  }
  const name = adapterName.value.trim();
  const draft = draftAdapter(name);
  if (!draft.ok) {
    message.value = { kind: 'error', text: draft.problems.join(' ') };
    return;
  }
  saving.value = true;
  try {
    const reply = await ask<AdapterSaveReply>({ type: 'adapter:save-local', adapter: draft.adapter });
    // The panel's copy of the packs is refreshed so the runbooks for this console show at once.
    const init = await ask<{ packs: Pack[] }>({ type: 'panel:init' });
    batch(() => {
      packs.value = init.packs;
      adapterId.value = reply.adapterId;
      saved.value = reply;
      message.value = {
        kind: 'ok',
        text: `Saved “${reply.name}” in your pack “${reply.packName}”. Trailguide will now recognise this page and offer its runbooks here.`,
        details: ['To share it, export “My runbooks” from Trailguide’s settings (Packs).'],
      };
    });
  } catch (error) {
    message.value = { kind: 'error', text: errorText(error) };
  } finally {
    saving.value = false;
  }
}
