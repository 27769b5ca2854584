// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseDetailView } from '../../components/history/CaseDetailView';
import type { CasePath } from '../../utils/db/records';
import { caseRecord } from './report-fixtures';

let container: HTMLElement;
const $$ = (testid: string) => [...container.querySelectorAll<HTMLElement>(`[data-testid="${testid}"]`)];

const PATH: CasePath = {
  answers: [
    {
      step: 2,
      stepTitle: 'Read the rows',
      question: 'Who is the actor in the captured rows?',
      answer: 0,
      answerText: 'The customer’s own account',
      decidedBy: 'rows',
      because: 'A row’s actor is dana.whitfield@northwind.example',
      at: Date.UTC(2026, 2, 30, 14, 45),
    },
    { step: 4, stepTitle: 'Check their sign-ins', question: 'Did they sign in from a new place?', answer: 1, answerText: 'No', decidedBy: 'agent', at: Date.UTC(2026, 2, 30, 14, 50) },
  ],
  steps: [0, 1, 2, 4],
  outcome: 'The customer changed it themselves',
};

async function show(path?: CasePath) {
  await act(() => render(<CaseDetailView detail={{ case: caseRecord(path ? { path } : {}), captures: [], escalations: [] }} />, container));
}

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

describe('History case detail: a branching runbook’s path', () => {
  it('shows each question, the answer and who gave it, the steps taken and the outcome', async () => {
    await show(PATH);
    const answers = $$('history-path-answer');
    expect(answers.map((a) => a.dataset.decidedBy)).toEqual(['rows', 'agent']);
    expect(answers[0]!.textContent).toContain(
      'Step 3 (Read the rows) asked: “Who is the actor in the captured rows?” Answer: The customer’s own account. Decided from the captured rows: A row’s actor is dana.whitfield@northwind.example.',
    );
    expect(answers[1]!.textContent).toContain('Step 5 (Check their sign-ins) asked: “Did they sign in from a new place?” Answer: No. Chosen by the agent.');
    expect($$('history-path-steps')[0]!.textContent).toBe('Steps on the path, in order: 1 → 2 → 3 (Read the rows) → 5 (Check their sign-ins).');
    expect($$('history-path-outcome')[0]!.textContent).toBe('Outcome reached: The customer changed it themselves');
  });

  it('says when the path has not reached an outcome', async () => {
    await show({ ...PATH, answers: [PATH.answers[0]!], steps: [0, 1, 2], outcome: null });
    expect($$('history-path-outcome')[0]!.textContent).toBe('No outcome was reached: the path stops at step 3.');
  });

  it('shows no path for a case without branches or before any answer', async () => {
    await show();
    expect($$('history-detail')).toHaveLength(1);
    expect($$('history-path')).toHaveLength(0);
    await show({ answers: [], steps: [0], outcome: null });
    expect($$('history-path')).toHaveLength(0);
  });
});
