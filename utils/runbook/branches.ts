import type { CapturedRow } from '../db/records';
import { resolveFilters } from '../engine/values';
import type { BranchAnswer, BranchCondition, Runbook, RunbookStep } from '../schema/runbook';

/**
 * Branching steps: a step may ask a question whose answers lead to different
 * steps or outcomes, and an answer may be decided from the captured rows.
 * Pure functions over a validated runbook: the flow check (loops, answers that
 * lead nowhere, steps nothing leads to), walking the path an agent's answers
 * take, and deciding an answer from rows.
 *
 * Without `branch`, `next` or `outcome` anywhere, a runbook reads top to bottom
 * exactly as before: each step leads to the one after it, the last one ends.
 */

type FlowRunbook = Pick<Runbook, 'steps' | 'outcomes'>;

/** Where one step can lead. */
export type FlowTarget =
  | { type: 'step'; index: number; answer?: number }
  | { type: 'outcome'; index: number; answer?: number }
  | { type: 'end'; answer?: number };

export interface FlowProblem {
  /** Inside the runbook: "steps[2].branch.answers[1].next". */
  field: string;
  message: string;
}

export interface FlowCheck {
  /** Refused: the pack isn't imported while any is left. */
  problems: FlowProblem[];
  /** Reported, not refused: steps no path reaches. */
  unreachable: FlowProblem[];
}

export function stepName(step: Pick<RunbookStep, 'title'>, index: number): string {
  return `Step ${index + 1} ("${step.title}")`;
}

export function runbookHasBranches(runbook: FlowRunbook): boolean {
  return runbook.steps.some((s) => s.branch !== undefined || s.next !== undefined || s.outcome !== undefined);
}

function indexes(runbook: FlowRunbook) {
  const steps = new Map<string, number>();
  const outcomes = new Map<string, number>();
  runbook.steps.forEach((s, i) => s.id !== undefined && !steps.has(s.id) && steps.set(s.id, i));
  runbook.outcomes.forEach((o, i) => o.id !== undefined && !outcomes.has(o.id) && outcomes.set(o.id, i));
  return { steps, outcomes };
}

/** Every place a step can lead (unknown ids are left out here; checkFlow names them). */
export function targetsOf(runbook: FlowRunbook, index: number): FlowTarget[] {
  const step = runbook.steps[index];
  if (!step) return [];
  const ids = indexes(runbook);
  const resolve = (link: { next?: string; outcome?: string }, answer?: number): FlowTarget | null => {
    const extra = answer === undefined ? {} : { answer };
    if (link.next !== undefined) {
      const to = ids.steps.get(link.next);
      return to === undefined ? null : { type: 'step', index: to, ...extra };
    }
    if (link.outcome !== undefined) {
      const to = ids.outcomes.get(link.outcome);
      return to === undefined ? null : { type: 'outcome', index: to, ...extra };
    }
    return null;
  };
  if (step.branch) return step.branch.answers.flatMap((a, i) => resolve(a, i) ?? []);
  if (step.next !== undefined || step.outcome !== undefined) return [resolve(step)].flatMap((t) => t ?? []);
  return [index + 1 < runbook.steps.length ? { type: 'step', index: index + 1 } : { type: 'end' }];
}

/**
 * Checks a runbook's flow. Refused, naming the step: two steps (or outcomes)
 * with one id, a step with both a question and its own `next`/`outcome`, an
 * answer or `next` that leads to an id nothing has, a condition on an event kind
 * not in `knownKinds` (when given), and any loop. Reported:
 * steps that no path from the first step reaches.
 */
export function checkFlow(runbook: FlowRunbook, knownKinds?: ReadonlySet<string>): FlowCheck {
  const problems: FlowProblem[] = [];
  const seenSteps = new Map<string, number>();
  runbook.steps.forEach((step, i) => {
    if (step.id === undefined) return;
    const first = seenSteps.get(step.id);
    if (first !== undefined) problems.push({ field: `steps[${i}].id`, message: `${stepName(step, i)} has the id "${step.id}", which step ${first + 1} already has. Give each step its own id.` });
    else seenSteps.set(step.id, i);
  });
  const seenOutcomes = new Set<string>();
  runbook.outcomes.forEach((outcome, i) => {
    if (outcome.id === undefined) return;
    if (seenOutcomes.has(outcome.id)) problems.push({ field: `outcomes[${i}].id`, message: `Two outcomes share the id "${outcome.id}". Give each outcome its own id.` });
    seenOutcomes.add(outcome.id);
  });
  const ids = indexes(runbook);
  const checkLink = (link: { next?: string; outcome?: string }, field: string, who: string) => {
    if (link.next !== undefined && !ids.steps.has(link.next)) {
      problems.push({ field: `${field}.next`, message: `${who} leads to "${link.next}", but no step has that id, so it leads nowhere.` });
    }
    if (link.outcome !== undefined && !ids.outcomes.has(link.outcome)) {
      problems.push({ field: `${field}.outcome`, message: `${who} ends with the outcome "${link.outcome}", but no outcome has that id, so it leads nowhere.` });
    }
  };
  runbook.steps.forEach((step, i) => {
    const name = stepName(step, i);
    if (step.branch) {
      if (step.next !== undefined || step.outcome !== undefined) {
        problems.push({ field: `steps[${i}].${step.next !== undefined ? 'next' : 'outcome'}`, message: `${name} asks a question and also says where to go next. Let its answers say where each leads, and remove "${step.next !== undefined ? 'next' : 'outcome'}".` });
      }
      step.branch.answers.forEach((answer, a) => {
        checkLink(answer, `steps[${i}].branch.answers[${a}]`, `${name}: the answer "${answer.answer}"`);
        const kind = answer.if && 'kind' in answer.if ? answer.if.kind : undefined;
        if (kind !== undefined && knownKinds && !knownKinds.has(kind)) {
          problems.push({
            field: `steps[${i}].branch.answers[${a}].if.kind`,
            message: `${name}: the answer "${answer.answer}" decides on the event kind "${kind}", which Trailguide doesn't know. Check the spelling against the shared list (docs/packs.md, "Event kinds").`,
          });
        }
      });
      return;
    }
    if (step.next !== undefined && step.outcome !== undefined) {
      problems.push({ field: `steps[${i}].outcome`, message: `${name} has both "next" and "outcome". A step leads to one place: keep one of them.` });
    }
    checkLink(step, `steps[${i}]`, name);
  });
  if (problems.length > 0) return { problems, unreachable: [] };

  const loop = findLoop(runbook);
  if (loop) {
    const [from, to] = loop;
    const a = runbook.steps[from]!;
    const b = runbook.steps[to]!;
    problems.push({
      field: `steps[${from}]`,
      message: `${stepName(a, from)} leads back to ${from === to ? 'itself' : stepName(b, to).replace(/^Step/, 'step')}, so the runbook would go round in circles. A branch may only lead to a step that hasn't been reached on the way.`,
    });
    return { problems, unreachable: [] };
  }

  const reached = new Set<number>([0]);
  const queue = [0];
  while (queue.length > 0) {
    const at = queue.shift()!;
    for (const target of targetsOf(runbook, at)) {
      if (target.type === 'step' && !reached.has(target.index)) {
        reached.add(target.index);
        queue.push(target.index);
      }
    }
  }
  const unreachable = runbook.steps.flatMap((step, i) =>
    reached.has(i) ? [] : [{ field: `steps[${i}]`, message: `${stepName(step, i)} can't be reached: no step or answer leads to it, so no agent will see it.` }],
  );
  return { problems, unreachable };
}

/** The first edge (from → to) that closes a loop, found by a depth-first walk from every step. */
function findLoop(runbook: FlowRunbook): [number, number] | null {
  const state = new Map<number, 'open' | 'closed'>();
  const visit = (at: number): [number, number] | null => {
    state.set(at, 'open');
    for (const target of targetsOf(runbook, at)) {
      if (target.type !== 'step') continue;
      const seen = state.get(target.index);
      if (seen === 'open') return [at, target.index];
      if (seen === undefined) {
        const found = visit(target.index);
        if (found) return found;
      }
    }
    state.set(at, 'closed');
    return null;
  };
  for (let i = 0; i < runbook.steps.length; i++) {
    if (state.has(i)) continue;
    const found = visit(i);
    if (found) return found;
  }
  return null;
}

/** One answer on the way: which step asked, which answer was taken (index into its answers). */
export interface ChosenAnswer {
  step: number;
  answer: number;
}

export interface WalkedPath {
  /** Step indexes on the path, in order. */
  steps: number[];
  /** A step on the path whose question has no answer yet: the path stops there. */
  waitingAt: number | null;
  /** The outcome the path ended with (index into outcomes), if it ended with one. */
  outcome: number | null;
  /** The path ended (an outcome, or past the last step). */
  ended: boolean;
}

/** The steps an agent's answers lead through, from the first step. Answers to steps not on the path are ignored. */
export function walkPath(runbook: FlowRunbook, chosen: readonly ChosenAnswer[]): WalkedPath {
  const answers = new Map(chosen.map((c) => [c.step, c.answer]));
  const path: WalkedPath = { steps: [], waitingAt: null, outcome: null, ended: false };
  let at: number | null = runbook.steps.length > 0 ? 0 : null;
  while (at !== null && !path.steps.includes(at)) {
    path.steps.push(at);
    const step: RunbookStep = runbook.steps[at]!;
    const targets = targetsOf(runbook, at);
    let target: FlowTarget | undefined;
    if (step.branch) {
      const answer = answers.get(at);
      target = answer === undefined ? undefined : targets.find((t) => t.answer === answer);
      if (target === undefined) {
        path.waitingAt = at;
        return path;
      }
    } else target = targets[0];
    if (!target || target.type === 'end') break;
    if (target.type === 'outcome') {
      path.outcome = target.index;
      break;
    }
    at = target.index;
  }
  path.ended = true;
  return path;
}

/** What deciding from rows needs to know besides the rows. */
export interface RowContext {
  /** The agent's inputs, for placeholders in `equals`. */
  values: Readonly<Record<string, string | undefined>>;
  /** A row's risk, as the panel explains it (the glossary's, or its kind's). */
  riskOf: (row: CapturedRow) => 'routine' | 'notable' | 'sensitive' | undefined;
  /** A row's event kind id, when the adapter maps its code to one. */
  kindOf?: (row: CapturedRow) => string | undefined;
  /** How the page names a column ("Actor"). */
  columnLabel?: (column: string) => string;
  /** How a kind is named ("Failed sign-in"). */
  kindName?: (kind: string) => string;
}

const ROW_FIELDS = ['time', 'actor', 'action', 'target', 'ip', 'result'] as const;

function cellOf(row: CapturedRow, column: string): string {
  const known = (ROW_FIELDS as readonly string[]).includes(column) ? row[column as (typeof ROW_FIELDS)[number]] : undefined;
  return (known ?? row.raw[column] ?? '').trim();
}

function wanted(condition: { equals: string }, values: RowContext['values']): string {
  return (resolveFilters({ value: condition.equals }, values).values.value ?? '').trim();
}

/** Whether the rows meet a condition. `equals` compares whole cells, ignoring case and surrounding spaces. */
export function conditionHolds(condition: BranchCondition, rows: readonly CapturedRow[], context: RowContext): boolean {
  if ('rows' in condition) return condition.rows === 'none' ? rows.length === 0 : rows.length > 0;
  if ('column' in condition) {
    const value = wanted(condition, context.values).toLowerCase();
    return value !== '' && rows.some((row) => cellOf(row, condition.column).toLowerCase() === value);
  }
  if ('risk' in condition) {
    const levels = condition.risk === 'sensitive' ? ['sensitive'] : ['notable', 'sensitive'];
    return rows.some((row) => levels.includes(context.riskOf(row) ?? 'routine'));
  }
  return context.kindOf ? rows.some((row) => context.kindOf!(row) === condition.kind) : false;
}

/** The condition in words: "a captured row whose Actor is jane@example.com". */
export function describeCondition(condition: BranchCondition, context: Pick<RowContext, 'values' | 'columnLabel' | 'kindName'>): string {
  if ('rows' in condition) return condition.rows === 'none' ? 'no rows were captured' : 'some rows were captured';
  if ('column' in condition) {
    const label = context.columnLabel?.(condition.column) ?? condition.column;
    const value = wanted(condition, context.values);
    return `a captured row whose ${label} is ${value || `"${condition.equals}" (not filled in yet)`}`;
  }
  if ('risk' in condition) return condition.risk === 'sensitive' ? 'a captured row with a sensitive event' : 'a captured row with a notable or sensitive event';
  return `a captured row of the kind "${context.kindName?.(condition.kind) ?? condition.kind}"`;
}

export interface RowDecision {
  answer: number;
  /** Why, in words: the condition that held. */
  because: string;
}

/**
 * The first answer (in the order written) whose condition the rows meet, or
 * null when none does or no answer has a condition: then the agent chooses.
 */
export function decideFromRows(answers: readonly BranchAnswer[], rows: readonly CapturedRow[], context: RowContext): RowDecision | null {
  for (const [index, answer] of answers.entries()) {
    if (answer.if && conditionHolds(answer.if, rows, context)) return { answer: index, because: describeCondition(answer.if, context) };
  }
  return null;
}
