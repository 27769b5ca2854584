// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { CasePath } from '../../utils/db/records';
import { buildReport, type ReportCase } from '../../utils/report/render';
import { escalation, NOW, RUNBOOK, sampleReportCase } from './report-fixtures';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const all = (doc: Document, testid: string) => [...doc.querySelectorAll(`[data-testid="${testid}"]`)];

const BRANCHING = {
  ...RUNBOOK,
  outcomes: [
    { id: 'own-change', when: 'The customer changed it themselves', meaning: 'Nothing was changed by anyone else.', escalate: false },
    { id: 'staff-change', when: 'One of our staff changed it', meaning: 'Engineering must check why.', escalate: true },
  ],
} as unknown as NonNullable<ReportCase['runbook']>;

const PATH: CasePath = {
  answers: [
    {
      step: 2,
      stepTitle: 'Read the rows',
      question: 'Who is the actor in the captured rows?',
      answer: 1,
      answerText: 'One of our staff',
      decidedBy: 'rows',
      because: 'A row’s actor is admin@acme.example <staff>',
      at: Date.UTC(2026, 2, 30, 14, 45),
    },
    {
      step: 3,
      stepTitle: 'Escalate',
      question: 'Was the change requested?',
      answer: 0,
      answerText: 'No ticket asked for it',
      decidedBy: 'agent',
      at: Date.UTC(2026, 2, 30, 14, 50),
    },
  ],
  steps: [0, 1, 2, 3],
  outcome: 'One of our staff changed it',
};

async function report(path: CasePath | undefined, runbook: ReportCase['runbook'] = BRANCHING, escalations?: ReturnType<typeof escalation>[]) {
  const item = await sampleReportCase({ case: path ? { path } : {}, ...(escalations ? { escalations } : {}) });
  const built = await buildReport({ cases: [{ ...item, runbook }], now: NOW, timeZone: 'UTC' });
  return { html: built.html, doc: parse(built.html) };
}

describe('audit report: a branching runbook’s path', () => {
  it('records each question, its answer and who gave it, the steps taken and the outcome in the runbook’s words', async () => {
    const { doc } = await report(PATH);
    const section = doc.querySelector('[data-testid="report-path"]')!;
    expect(section).not.toBeNull();
    // Under the method: after the steps list, before the evidence.
    expect(section.previousElementSibling?.matches('ol.steps')).toBe(true);

    const answers = all(doc, 'report-path-answer');
    expect(answers.map((a) => a.getAttribute('data-decided-by'))).toEqual(['rows', 'agent']);
    expect(answers[0]!.textContent).toContain('Step 3, “Read the rows” asked: “Who is the actor in the captured rows?” Answer: One of our staff.');
    expect(answers[0]!.textContent).toContain('Decided from the captured rows: A row’s actor is admin@acme.example <staff>.');
    expect(answers[0]!.textContent).toContain('2026-03-30 14:45:00 UTC');
    expect(answers[1]!.textContent).toContain('“Was the change requested?” Answer: No ticket asked for it. Chosen by the agent.');

    expect(all(doc, 'report-path-steps')[0]!.textContent).toBe(
      'Steps on the path, in order: Step 1, “Open the audit log” → Step 2, “Capture what the log shows” → Step 3, “Read the rows” → Step 4, “Escalate”.',
    );
    expect(all(doc, 'report-path-outcome')[0]!.textContent).toBe(
      'Outcome reached: One of our staff changed it. Engineering must check why. The runbook says to escalate this outcome.',
    );
  });

  it('escapes what the path holds, like everything else in the report', async () => {
    const { html, doc } = await report(PATH);
    expect(html).toContain('admin@acme.example &lt;staff&gt;');
    expect(html).not.toContain('<staff>');
    expect(doc.querySelector('staff')).toBeNull();
  });

  it('hides in the path what the agent hid in the escalation', async () => {
    const hidden = escalation('case-0001-aaaa', { redaction: { emails: true, ips: false, columns: [] } });
    const { doc } = await report(PATH, BRANCHING, [hidden]);
    const text = doc.querySelector('[data-testid="report-path"]')!.textContent ?? '';
    expect(text).toContain('Decided from the captured rows');
    expect(text).not.toContain('admin@acme.example');
  });

  it('says when no outcome was reached, and names the step questions from the path when the runbook is gone', async () => {
    const { doc } = await report({ ...PATH, answers: [PATH.answers[0]!], steps: [0, 1, 2], outcome: null }, null);
    expect(all(doc, 'report-path-answer')[0]!.textContent).toContain('Step 3, “Read the rows” asked');
    expect(all(doc, 'report-path-outcome')[0]!.textContent).toBe('No outcome was reached: the path stops at step 3.');
  });

  it('has no path section for a case without branches or before any question was answered', async () => {
    expect((await report(undefined)).doc.querySelector('[data-testid="report-path"]')).toBeNull();
    expect((await report({ answers: [], steps: [0, 1], outcome: null })).doc.querySelector('[data-testid="report-path"]')).toBeNull();
  });
});
