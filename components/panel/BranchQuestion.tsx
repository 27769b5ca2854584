import { useEffect } from 'preact/hooks';
import type { CapturedRow } from '../../utils/db/records';
import { defaultLabel } from '../../utils/engine/plan';
import { kindsOfPacks } from '../../utils/kinds/packs';
import { kindName, mapRowToKind } from '../../utils/kinds/resolve';
import { decideFromRows, type RowContext } from '../../utils/runbook/branches';
import type { Runbook } from '../../utils/schema/runbook';
import { captures, chooseAnswer, emptyCaptures, pathAnswers, stepStates, values } from './session';
import { adapter, glossary, packs } from './state';

/** The capture step nearest before `index` on the path: the rows a branch decides from. */
function captureStepBefore(runbook: Runbook, path: readonly number[], index: number): number | null {
  const before = path.slice(0, path.indexOf(index));
  for (let i = before.length - 1; i >= 0; i--) if (runbook.steps[before[i]!]?.action?.type === 'capture') return before[i]!;
  return null;
}

/**
 * The rows that capture step left: its latest capture, or none when the page
 * showed "no results". Null while it hasn't run (or its outcome isn't known), so
 * "no rows" is never decided from a capture that simply didn't happen.
 */
function rowsOf(step: number | null): CapturedRow[] | null {
  if (step === null) return null;
  const latest = captures.value.filter((c) => c.stepIndex === step).at(-1);
  if (latest) return latest.rows;
  return emptyCaptures.value[step] ? [] : null;
}

function rowContext(): RowContext {
  const kinds = kindsOfPacks(packs.value);
  const current = adapter.value;
  const kindOf = (row: CapturedRow) => (current ? mapRowToKind(row, current) : undefined);
  return {
    values: values.value,
    kindOf,
    riskOf: (row) => {
      const code = row.action.trim().toLowerCase();
      const entry = code ? glossary.value.get(code) : undefined;
      if (entry) return entry.risk;
      const kind = kindOf(row);
      return kind ? kinds.find((k) => k.id === kind)?.risk : undefined;
    },
    columnLabel: (column) => current?.fields[column]?.label ?? defaultLabel(column),
    kindName: (id) => kindName(id, kinds),
  };
}

/**
 * A step's question. Answers whose condition the captured rows meet are taken
 * by themselves (and say why); the agent can always choose another.
 */
export function BranchQuestion({ runbook, index, path, waiting }: { runbook: Runbook; index: number; path: readonly number[]; waiting: boolean }) {
  const branch = runbook.steps[index]!.branch!;
  const chosen = pathAnswers.value.find((a) => a.step === index);
  const source = captureStepBefore(runbook, path, index);
  const rows = rowsOf(source);
  const decision = rows ? decideFromRows(branch.answers, rows, rowContext()) : null;
  const hasConditions = branch.answers.some((a) => a.if !== undefined);

  useEffect(() => {
    if (waiting && !chosen && decision) chooseAnswer(runbook, index, decision.answer, 'rows', decision.because);
  }, [waiting, chosen === undefined, decision?.answer, decision?.because]);

  const sourceNumber = source === null ? null : path.indexOf(source) + 1;
  return (
    <div class="branch" data-testid="branch" data-step-index={index} data-answered={chosen ? 'true' : 'false'} data-decided-by={chosen?.decidedBy ?? ''}>
      <p class="branch-question">{branch.question}</p>
      <div class="branch-answers" role="group" aria-label={branch.question}>
        {branch.answers.map((answer, i) => (
          <button
            key={i}
            type="button"
            class={`button ${chosen?.answer === i ? '' : 'secondary'}`}
            data-testid="branch-answer"
            data-answer-index={i}
            aria-pressed={chosen?.answer === i}
            onClick={() => chosen?.answer !== i && chooseAnswer(runbook, index, i, 'agent')}
          >
            {answer.answer}
          </button>
        ))}
      </div>
      {chosen?.decidedBy === 'rows' && (
        <p class="small branch-why" role="status" data-testid="branch-decided">
          Decided from the captured rows: {chosen.because}. If that's wrong, choose another answer.
        </p>
      )}
      {!chosen && hasConditions && rows === null && (
        <p class="small muted">
          {sourceNumber === null
            ? 'Choose the answer that fits what you found.'
            : `Trailguide answers this from the rows once step ${sourceNumber} has captured them — or choose yourself.`}
        </p>
      )}
      {!chosen && hasConditions && rows !== null && !decision && <p class="small muted">The captured rows don't settle it — choose the answer that fits.</p>}
      {chosen && stepStates.value[index] !== 'done' && <p class="small muted">Answered: {chosen.answerText}</p>}
    </div>
  );
}
