import { Fragment } from 'preact';
import { kindsOfPacks } from '../../utils/kinds/packs';
import type { Runbook, StepAction } from '../../utils/schema/runbook';
import { kindPlan } from './kind-plan';
import { busyStep, runStep } from './session';
import { adapter, packs } from './state';

/**
 * Before a search step runs: how this tool records the kinds of event the step asks for,
 * and — in plain words — what it can't search for here and what it can do instead
 * (search for one of several codes at a time; the step's button runs the rest of the search).
 */
export function KindNotice({ runbook, index, action }: { runbook: Runbook; index: number; action: StepAction }) {
  const current = adapter.value;
  if (!current || (action.type !== 'fill' && action.type !== 'navigate')) return null;
  const plan = kindPlan(action.filters, current, kindsOfPacks(packs.value));
  const translated = plan.notes.filter((n) => !n.partial);
  const broader = plan.notes.filter((n) => n.partial);
  if (plan.refusals.length === 0 && plan.notes.length === 0) return null;
  const busy = busyStep.value !== null;
  return (
    <>
      {translated.map((n) => (
        <p key={`t-${n.field}`} class="muted small" data-testid="kind-translation" data-kind={n.kind}>
          {n.message}
        </p>
      ))}
      {(plan.refusals.length > 0 || broader.length > 0) && (
        <div class="step-message info" role="note" data-testid="kind-notice" data-kind-state={plan.refusals.length > 0 ? 'refused' : 'partial'}>
          <ul>
            {plan.refusals.map((r) => (
              <li key={`r-${r.field}`} data-testid="kind-refusal" data-kind={r.kind} data-reason={r.reason}>
                {r.message}
                {r.choices && (
                  <span class="kind-choices">
                    {' '}
                    {r.choices.map((code, i) => (
                      <Fragment key={code}>
                        {i > 0 && ' · '}
                      <button
                        class="link-button"
                        data-testid="kind-choice"
                        data-code={code}
                        disabled={busy}
                        onClick={() => void runStep(runbook, index, { choose: { [r.field]: code } })}
                      >
                        Search for {code} only
                      </button>
                      </Fragment>
                    ))}
                  </span>
                )}
              </li>
            ))}
            {broader.map((n) => (
              <li key={`b-${n.field}`} data-testid="kind-broader" data-kind={n.kind}>
                {n.message}
              </li>
            ))}
          </ul>
          {plan.refusals.length > 0 && <p class="small">The button below runs the rest of this step’s search without it, and the step won’t be marked done.</p>}
        </div>
      )}
    </>
  );
}
