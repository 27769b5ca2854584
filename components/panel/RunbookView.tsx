import { useEffect } from 'preact/hooks';
import { validateInputs } from '../../utils/inputs';
import { runbookHasBranches, walkPath } from '../../utils/runbook/branches';
import type { Runbook, RunbookStep, StepAction } from '../../utils/schema/runbook';
import { Markdown } from '../common/Markdown';
import { BranchQuestion } from './BranchQuestion';
import { CapturedRows } from './CapturedRows';
import { CaseBanner } from './CaseBanner';
import { datesInBoxesOf, describeAction, fieldNamesOf } from './describe-action';
import { EscalationPanel } from './EscalationPanel';
import { InputsForm } from './InputsForm';
import { KindNotice } from './KindNotice';
import { ReviewNotice } from './ReviewNotice';
import {
  busyStep,
  cancelCapture,
  captureProgress,
  captures,
  closeRunbookSession,
  escalating,
  openSession,
  pagedProgress,
  pathAnswers,
  runStep,
  sessionError,
  setValue,
  showProblems,
  startEscalation,
  stepMessages,
  stepStates,
  toggleStep,
  values,
} from './session';
import { adapter, glossary, openRunbookId, packs } from './state';
import { kindsOfPacks } from '../../utils/kinds/packs';
import { kindName } from '../../utils/kinds/resolve';
import { inputsForTool, personHint } from '../../utils/kinds/people';

const ACTION_LABELS: Record<StepAction['type'], string> = {
  navigate: 'Open the log',
  fill: 'Search the log',
  capture: 'Capture results',
  highlight: 'Show me where',
  escalate: 'Escalate',
};

function Terms({ terms }: { terms: string[] }) {
  const entries = terms.map((t) => ({ term: t, entry: glossary.value.get(t.toLowerCase()) })).filter((t) => t.entry);
  if (entries.length === 0) return null;
  return (
    <section class="card" aria-labelledby="terms-heading">
      <h2 id="terms-heading">Key terms</h2>
      <dl class="terms">
        {entries.map(({ term, entry }) => (
          <div key={term} class="term" data-testid="glossary-term">
            <dt><code>{term}</code></dt>
            <dd>
              <Markdown source={entry!.meaning} inline />
              {entry!.example && <span class="muted"> — e.g. <code>{entry!.example}</code></span>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function StepItem({ runbook, step, index, path, waiting = false }: { runbook: Runbook; step: RunbookStep; index: number; path?: readonly number[]; waiting?: boolean }) {
  const state = stepStates.value[index] ?? 'todo';
  const message = stepMessages.value[index];
  const busy = busyStep.value === index;
  const action = step.action;
  const needsAdapter = action && action.type !== 'escalate' && !adapter.value;
  return (
    // The runbook's own number, also on a path that skips steps: the escalation and the editor use the same numbers.
    <li class={`step is-${state}`} data-testid="step" data-step-index={index} data-state={state} style={{ counterSet: `step ${index + 1}` }}>
      <label class="step-check">
        <input type="checkbox" checked={state === 'done'} onChange={() => toggleStep(runbook, index)} aria-label={`Mark step ${index + 1} as done`} />
      </label>
      <div class="step-content">
        <h3 class="step-title">{step.title}</h3>
        {step.text && <Markdown source={step.text} />}
        {step.branch && <BranchQuestion runbook={runbook} index={index} path={path ?? []} waiting={waiting} />}
        {action && <p class="step-action-note">{describeAction(action, values.value, (id) => kindName(id, kindsOfPacks(packs.value)), datesInBoxesOf(adapter.value), fieldNamesOf(adapter.value))}</p>}
        {action && <KindNotice runbook={runbook} index={index} action={action} />}
        {action && (
          <div class="step-run">
            <button
              class="button"
              data-testid="step-action"
              data-action={action.type}
              disabled={busyStep.value !== null || needsAdapter}
              aria-busy={busy}
              onClick={() => void runStep(runbook, index)}
            >
              {busy ? 'Working…' : (action.label ?? ACTION_LABELS[action.type])}
            </button>
            {busy && action.type === 'capture' && (
              <>
                <span role="status" class="muted small" data-testid="capture-progress">
                  {pagedProgress.value ?? `Capturing${captureProgress.value ? ` — up to ${captureProgress.value.limit.toLocaleString('en')} rows` : ''}…`}
                </span>
                <button class="link-button" data-testid="capture-cancel" onClick={() => void cancelCapture()}>Cancel</button>
              </>
            )}
            {needsAdapter && <span class="muted small">Do this step by hand on this page.</span>}
          </div>
        )}
        {message && (
          <div class={`step-message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
            {message.text}
            {message.fields && message.fields.length > 0 && (
              <ul class="fill-fields" data-testid="fill-fields">
                {message.fields.map((f) => (
                  <li key={f.field} data-testid="fill-field" data-field={f.field} data-status={f.status} class={`fill-field is-${f.status}`}>
                    {f.text}
                  </li>
                ))}
              </ul>
            )}
            {message.details && message.details.length > 0 && (
              <ul>
                {message.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </li>
  );
}

export function RunbookView({ runbook }: { runbook: Runbook }) {
  useEffect(() => {
    void openSession(runbook);
  }, [runbook.id]);
  // A runbook with branches shows only the path the answers take (the rest stays out of the way).
  const branching = runbookHasBranches(runbook);
  const walked = branching ? walkPath(runbook, pathAnswers.value) : null;
  const shown = walked ? walked.steps : runbook.steps.map((_, i) => i);
  const done = shown.filter((i) => stepStates.value[i] === 'done').length;
  const reachedOutcome = walked?.outcome != null ? runbook.outcomes[walked.outcome] : undefined;
  // Person inputs as this tool identifies people (an e-mail box takes a GitHub username).
  const toolInputs = inputsForTool(runbook.inputs, adapter.value);
  const problems = validateInputs(toolInputs, values.value);
  const personHints = Object.fromEntries(
    runbook.inputs.flatMap((input) => {
      const hint = personHint(input, adapter.value);
      return hint ? [[input.name, hint]] : [];
    }),
  );

  return (
    <article class="runbook">
      <button
        class="back"
        onClick={() => {
          void closeRunbookSession();
          openRunbookId.value = null;
        }}
      >
        ← All runbooks
      </button>
      <h1 class="runbook-title" data-testid="runbook-title">{runbook.title}</h1>
      <p class="lede">{runbook.summary}</p>
      <ReviewNotice item={runbook} />
      {runbook.audience.length > 0 && <p class="muted small">For: {runbook.audience.join(', ')}</p>}

      {sessionError.value && <p class="error" role="alert">{sessionError.value}</p>}
      <CaseBanner runbook={runbook} />
      <InputsForm
        inputs={toolInputs}
        hints={personHints}
        values={values.value}
        problems={problems}
        showProblems={showProblems.value}
        onChange={(name, value) => setValue(runbook, name, value)}
      />

      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading">
          Steps{' '}
          <span class="muted small">
            {done} of {shown.length} done{walked && !walked.ended ? ' so far — the answers decide what comes next' : ''}
          </span>
        </h2>
        <ol class="steps">
          {shown.map((i) => (
            <StepItem key={i} runbook={runbook} step={runbook.steps[i]!} index={i} path={shown} waiting={walked?.waitingAt === i} />
          ))}
        </ol>
        {reachedOutcome && (
          <div class={`card path-outcome ${reachedOutcome.escalate ? 'is-escalate' : ''}`} data-testid="path-outcome">
            <h3>Where this led: {reachedOutcome.when}</h3>
            <Markdown source={reachedOutcome.meaning} />
            {reachedOutcome.next && <Markdown source={`**Next:** ${reachedOutcome.next}`} />}
          </div>
        )}
      </section>

      <CapturedRows captures={captures.value} />

      <div class="session-bar">
        <button class="button secondary" data-testid="escalate" onClick={() => void startEscalation(runbook)}>
          Escalate…
        </button>
        <span class="muted small">Builds a ready-to-send request from this case.</span>
      </div>
      {escalating.value && <EscalationPanel runbook={runbook} />}

      {runbook.outcomes.length > 0 && (
        <section class="card" aria-labelledby="outcomes-heading">
          <h2 id="outcomes-heading">What it means</h2>
          <dl class="outcomes">
            {runbook.outcomes.map((o) => (
              <div key={o.when} class={`outcome ${o.escalate ? 'is-escalate' : ''}`}>
                <dt>{o.when}</dt>
                <dd>
                  <Markdown source={o.meaning} />
                  {o.next && <Markdown source={`**Next:** ${o.next}`} />}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}

      {runbook.guide && (
        <details class="card guide" open>
          <summary>How to read this log</summary>
          <Markdown source={runbook.guide.replace(/^##\s+How to read this log\s*\n/i, '')} />
        </details>
      )}

      <Terms terms={runbook.terms} />

      {runbook.permissions.length > 0 && (
        <section class="card" aria-labelledby="perm-heading">
          <h2 id="perm-heading">Who can see what</h2>
          <dl class="permissions">
            {runbook.permissions.map((p) => (
              <div key={p.role}>
                <dt>{p.role}</dt>
                <dd><Markdown source={p.sees} /></dd>
              </div>
            ))}
          </dl>
        </section>
      )}

      {runbook.escalation && (
        <section class="card escalation" aria-labelledby="esc-heading">
          <h2 id="esc-heading">When to escalate</h2>
          <Markdown source={runbook.escalation.when} />
          {runbook.escalation.to && <p class="small">Send it to: <strong>{runbook.escalation.to}</strong></p>}
        </section>
      )}
    </article>
  );
}
