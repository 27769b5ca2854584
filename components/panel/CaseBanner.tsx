import { countOf } from '../../utils/plural';
import type { Runbook } from '../../utils/schema/runbook';
import { identityLabel, startedAt } from './case-rules';
import { busyStep, caseId, caseRecord, captures, leftCase, startNewCase, undoNewCase, values } from './session';

/** Moves focus to the first input after a new case starts, so the agent can type the next customer straight away. */
function focusFirstInput(runbook: Runbook) {
  const first = runbook.inputs[0];
  if (!first) return;
  requestAnimationFrame(() => {
    const element = document.getElementById(`input-${first.name}`) ?? document.querySelector<HTMLElement>(`[data-testid="input-${first.name}-from"]`);
    element?.focus();
  });
}

/**
 * Says which case the panel adds to ("Adding to case for jane@customer.com,
 * started 14:02 · 2 captures"), or that a new one starts with the first step;
 * offers a new case, and Undo after leaving one.
 */
export function CaseBanner({ runbook }: { runbook: Runbook }) {
  const record = caseRecord.value;
  const id = caseId.value;
  const who = identityLabel(runbook.inputs, values.value);
  const left = leftCase.value;
  // Undo is offered until the new case holds evidence of its own.
  const canUndo = left !== null && captures.value.length === 0;
  const leftWho = left?.label ? ` for ${left.label}` : '';
  const leftEvidence = left && left.captureCount > 0 ? ` (${countOf(left.captureCount, 'capture')})` : '';

  return (
    <section class="case-banner" data-testid="case-banner" data-case-id={id ?? ''} data-state={id ? 'adding' : 'new'} aria-label="Case">
      <p class="case-line" role="status">
        {id && record ? (
          <>
            Adding to case{who ? <> for <strong>{who}</strong></> : ''}, started {startedAt(record.createdAt)} · {countOf(captures.value.length, 'capture')}
          </>
        ) : who ? (
          <>A new case for <strong>{who}</strong> starts when you run a step.</>
        ) : (
          'A new case starts when you run a step.'
        )}
      </p>
      {canUndo && (
        <p class="case-left small" data-testid="case-left" data-reason={left.reason}>
          {left.reason === 'identity'
            ? `You changed who this is about, so this is a new case. The case${leftWho}${leftEvidence} stays in History as it was.`
            : `You started a new case. The previous case${leftWho}${leftEvidence} stays in History as it was.`}{' '}
          <button
            type="button"
            class="link-button"
            data-testid="case-undo"
            disabled={busyStep.value !== null}
            onClick={() => undoNewCase(runbook)}
          >
            Undo — go back to it
          </button>
        </p>
      )}
      <button
        type="button"
        class="button secondary small"
        data-testid="new-case"
        disabled={!id || busyStep.value !== null}
        title={id ? 'Keep this case in History and start a new one for the next customer' : 'Nothing to keep yet: a new case starts when you run a step'}
        onClick={() => {
          startNewCase(runbook);
          focusFirstInput(runbook);
        }}
      >
        Start a new case
      </button>
    </section>
  );
}
