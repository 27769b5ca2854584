import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../utils/db/records';
import { buildEscalation } from '../../utils/escalation/build';

const NOW = Date.UTC(2026, 11, 1, 18, 0);

function theCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id: 'case-b',
    runbookId: 'who-changed-it',
    runbookTitle: 'Who changed the settings?',
    packId: 'team-pack',
    adapterId: 'acme-demo',
    tool: 'Acme Admin',
    pageUrl: 'https://acme.example/audit',
    inputs: { email: 'jane@customer.example' },
    steps: ['done', 'done', 'todo', 'todo'],
    currentStep: 2,
    notes: '',
    status: 'open',
    createdAt: NOW - 60_000,
    updatedAt: NOW,
    ...overrides,
  };
}

const runbook = {
  id: 'who-changed-it',
  title: 'Who changed the settings?',
  inputs: [],
  steps: [{ title: 'Capture the changes' }, { title: 'Who made the change?' }, { title: 'Tell the customer' }, { title: 'Escalate' }].map((s) => ({ ...s, text: '' })),
};

describe('escalation: the path of a branching runbook', () => {
  const path: NonNullable<CaseRecord['path']> = {
    answers: [
      { step: 1, stepTitle: 'Who made the change?', question: 'Who is the actor in the captured rows?', answer: 0, answerText: 'The customer themself', decidedBy: 'rows', because: 'a captured row whose Actor is jane@customer.example', at: NOW },
    ],
    steps: [0, 1, 2],
    outcome: 'The customer changed it themself',
  };

  it('writes the path and each answer (and who gave it) in every format', () => {
    const built = buildEscalation({ case: theCase({ path }), captures: [], runbook, now: NOW });
    expect(built.markdown).toContain('- **Path taken:** 1. Capture the changes → 2. Who made the change? → 3. Tell the customer → outcome: The customer changed it themself');
    expect(built.markdown).toContain('- **Answer at step 2:** Who is the actor in the captured rows? — The customer themself (decided from the captured rows: a captured row whose Actor is jane@customer.example)');
    expect(built.text).toContain('- Answer at step 2: Who is the actor in the captured rows? — The customer themself (decided from the captured rows');
    const json = JSON.parse(built.json) as Record<string, unknown>;
    expect(json.path).toEqual({
      steps: [
        { number: 1, title: 'Capture the changes' },
        { number: 2, title: 'Who made the change?' },
        { number: 3, title: 'Tell the customer' },
      ],
      answers: [{ step: 2, question: 'Who is the actor in the captured rows?', answer: 'The customer themself', decidedBy: 'rows', because: 'a captured row whose Actor is jane@customer.example' }],
      outcome: 'The customer changed it themself',
    });
    // The path sits right after the case in the JSON.
    expect(Object.keys(json).indexOf('path')).toBe(Object.keys(json).indexOf('case') + 1);
  });

  it('says when the agent chose an answer', () => {
    const chosen = { ...path, answers: [{ ...path.answers[0]!, decidedBy: 'agent' as const, because: undefined }], outcome: null };
    const built = buildEscalation({ case: theCase({ path: chosen }), captures: [], runbook, now: NOW });
    expect(built.text).toContain('- Answer at step 2: Who is the actor in the captured rows? — The customer themself (chosen by the agent)');
    expect(built.text).not.toContain('outcome:');
  });

  it('adds nothing for a runbook without branches, nor before the first answer', () => {
    for (const record of [theCase(), theCase({ path: { answers: [], steps: [0, 1], outcome: null } })]) {
      const built = buildEscalation({ case: record, captures: [], runbook, now: NOW });
      expect(built.markdown).not.toContain('Path taken');
      expect(JSON.parse(built.json)).not.toHaveProperty('path');
    }
  });
});
