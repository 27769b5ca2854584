import './show-me.css';
import { batch, effect, signal } from '@preact/signals';
import { matchPatternsFor } from '../../utils/builder/assemble';
import type { PickedElement } from '../../utils/builder/messages';
import { gesturesFromRecording, replayAdapter, replayProves } from '../../utils/builder/record';
import { FIELD_FILTER, ROLE_INFO, type BuilderRole, type FieldRole } from '../../utils/builder/roles';
import { defaultLabel } from '../../utils/engine/plan';
import type { ExecReplies, ExecRequest } from '../../utils/engine/messages';
import { ask, errorText } from '../../utils/runtime-client';
import { pageUrl, tabId } from '../panel/state';
import { armed, message, picks, saved, stopPointing, testReport } from './builder-state';
import { builderOpen } from './builder-open';

/**
 * "Show me" (issue 14 §3): for a filter the picker can't take in one click (a magnifier that
 * unfolds the search, a sidebar list, a filter builder), the person does it once on the page
 * while Trailguide watches, and presses Done here. The recording becomes the adapter format's
 * gestures (utils/builder/record.ts), is replayed once through the engine's own fill and
 * verify, and is kept only if the page took it.
 */
export const FIELD_ROLES: readonly FieldRole[] = ['search', 'actor', 'action', 'since', 'until'];
/** What each filter is, in the words of the button. */
const WHAT: Record<FieldRole, string> = { search: 'a search', actor: 'person', action: 'event type', since: 'start date', until: 'end date' };

export const showing = signal<FieldRole | null>(null);
export const replaying = signal(false);
/** The last Show me whose replay failed, and why (shown on its step, never saved). */
export const notWorking = signal<{ role: FieldRole; why: string } | null>(null);

// Closing the builder, or pointing at another step, ends the watching: nothing is kept.
effect(() => {
  const closed = !builderOpen.value;
  const pointing = armed.value !== null;
  if ((closed || pointing) && showing.peek()) void cancelShowMe({ quiet: true });
});

export function isFieldRole(role: BuilderRole): role is FieldRole {
  return (FIELD_ROLES as readonly string[]).includes(role);
}

function exec<T extends keyof ExecReplies>(request: ExecRequest & { type: T }): Promise<ExecReplies[T]> {
  return ask<ExecReplies[T]>({ type: 'exec:run', tabId: tabId.value ?? undefined, request });
}

function buttonText(role: FieldRole): string {
  return role === 'search' ? 'Show me: click what you click to search' : `Show me: click what you click to filter by ${WHAT[role]}`;
}

export async function startShowMe(role: FieldRole): Promise<void> {
  if (armed.value) await stopPointing();
  if (showing.value) await cancelShowMe();
  const what = role === 'search' ? 'search' : `filter by ${WHAT[role]}`;
  try {
    await exec({ type: 'exec:record', prompt: `Trailguide is watching: ${what} as you always do, then press Done in Trailguide's panel.` });
    batch(() => {
      showing.value = role;
      notWorking.value = null;
      message.value = {
        kind: 'info',
        text: `Show me how you ${what}: on the page, click what you click (an icon, a menu, a list), type or pick a value, then press Done here.`,
        details: ['The page works as usual while Trailguide watches.'],
      };
    });
  } catch (error) {
    message.value = { kind: 'error', text: errorText(error) };
  }
}

export async function cancelShowMe({ quiet = false }: { quiet?: boolean } = {}): Promise<void> {
  showing.value = null;
  if (!quiet) message.value = { kind: 'info', text: 'Stopped watching. Nothing was kept.' };
  try {
    // Ends only the recording (its result is dropped); a pick or a capture under way goes on.
    await exec({ type: 'exec:record-stop' });
  } catch {
    /* the page may have gone; nothing to stop then */
  }
}

/** Done: the recording becomes gestures, is replayed once, and is kept only if the page took it. */
export async function finishShowMe(): Promise<void> {
  const role = showing.value;
  if (!role) return;
  showing.value = null;
  const filter = FIELD_FILTER[role];
  const label = role === 'search' ? 'Search' : defaultLabel(filter);
  const fail = (why: string) =>
    batch(() => {
      notWorking.value = { role, why };
      message.value = { kind: 'error', text: why };
    });
  try {
    const reply = await exec({ type: 'exec:record-stop' });
    if (!reply.recording) return fail('The page changed or reloaded while Trailguide watched, so nothing was recorded. Press “Show me” again.');
    const result = gesturesFromRecording(reply.recording, WHAT[role]);
    if (!result.ok) return fail(result.problem);
    const taught = result.taught;
    replaying.value = true;
    message.value = { kind: 'info', text: 'Trying it once on the page…', details: [taught.summary] };
    const adapter = replayAdapter(taught, filter, label, matchPatternsFor(pageUrl.value ?? ''));
    // The page shows the value the person just set: cleared first, or the replay proves nothing (replayProves).
    const clear = await exec({ type: 'exec:fill', adapter, values: {}, submit: false, reset: true });
    const cleared = clear.report.cleared?.find((c) => c.fields.includes(filter));
    const proves = replayProves(taught, cleared ? cleared.status : 'untouched');
    const fill = await exec({ type: 'exec:fill', adapter, values: { [filter]: taught.value }, submit: false, reset: false });
    const field = fill.report.fields.find((f) => f.field === filter);
    if (field?.status !== 'kept') {
      const why = field?.message ?? fill.report.messages[0] ?? 'the page didn’t show the value afterwards';
      return fail(`I tried what you showed me once more, but it didn’t work, so it isn’t kept: ${why.replace(/\.$/, '')}. Press “Show me” again and do it the way you normally would.`);
    }
    const picked: PickedElement = {
      role,
      selectors: taught.presence,
      kinds: [],
      label: taught.summary.slice(0, 80),
      sample: taught.value.slice(0, 80),
      facts: { tag: '', id: null, classes: [], attrs: {}, text: '', nthChild: 0, nthOfType: 0, ancestors: [] },
      taught: { ...taught, checked: proves },
    };
    batch(() => {
      picks.value = { ...picks.value, [role]: picked };
      testReport.value = null;
      saved.value = null;
      notWorking.value = null;
      message.value = proves
        ? {
            kind: 'ok',
            text: `Got it: ${ROLE_INFO[role].title.toLowerCase()} — Trailguide tried it once on the page and the page took “${taught.value}”.`,
            details: [taught.summary],
          }
        : {
            kind: 'info',
            text: `Kept, but not checked: the page already showed “${taught.value}” and Trailguide couldn’t take it away first, so trying it again proved nothing. Check it when a runbook sets this ${ROLE_INFO[role].title.toLowerCase()}.`,
            details: [taught.summary],
          };
    });
  } catch (error) {
    fail(errorText(error));
  } finally {
    replaying.value = false;
  }
}

/** The Show me button of one filter step, or its Done / Stop while recording. */
export function ShowMe({ role }: { role: BuilderRole }) {
  if (!isFieldRole(role)) return null;
  const active = showing.value === role;
  const failed = notWorking.value?.role === role ? notWorking.value.why : null;
  const taught = picks.value[role]?.taught;
  return (
    <div class={`show-me ${active ? 'is-recording' : ''}`} data-testid="builder-show-me-row" data-role={role} data-state={active ? 'recording' : failed ? 'not-working' : taught?.checked ? 'working' : taught ? 'not-checked' : 'idle'}>
      {active ? (
        <>
          <span class="show-me-live" role="status">
            <span class="show-me-dot" aria-hidden="true" /> Watching the page…
          </span>
          <button class="button" data-testid="builder-show-me-done" data-role={role} onClick={() => void finishShowMe()}>
            Done
          </button>
          <button class="link-button" data-testid="builder-show-me-cancel" data-role={role} onClick={() => void cancelShowMe()}>
            Stop
          </button>
        </>
      ) : (
        <button
          class="link-button show-me-start"
          data-testid="builder-show-me"
          data-role={role}
          disabled={replaying.value || showing.value !== null}
          aria-busy={replaying.value}
          onClick={() => void startShowMe(role)}
        >
          {buttonText(role)}
        </button>
      )}
      {failed && !active && (
        <p class="show-me-failed small" data-testid="builder-show-me-not-working">
          Not working yet — not kept.
        </p>
      )}
      {taught && !active && (
        <p class="show-me-taught small muted" data-testid="builder-show-me-taught" data-shape={taught.shape}>
          {taught.summary}
          {!taught.checked && <span data-testid="builder-show-me-not-checked"> Not checked yet: Trailguide couldn’t show on this page that it works.</span>}
        </p>
      )}
    </div>
  );
}
