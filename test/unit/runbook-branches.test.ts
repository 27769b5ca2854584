import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBuiltinPack } from '../../utils/pack/builtin';
import { splitFrontMatter } from '../../utils/pack/folder';
import { parsePackData } from '../../utils/pack/parse';
import { parseRunbookSource } from '../../utils/packs/runbook-source';
import type { CapturedRow } from '../../utils/db/records';
import { checkFlow, decideFromRows, describeCondition, walkPath, type RowContext } from '../../utils/runbook/branches';
import { runbookSchema, type Runbook } from '../../utils/schema/runbook';

/** A runbook as a team lead would write it: capture, then a question, two arms that end in outcomes. */
const SOURCE = `---
id: who-changed-it
title: Who changed the settings?
summary: Finds who changed them and what to tell the customer.
inputs:
  - name: email
    label: Customer's email
    type: email
steps:
  - id: capture
    title: Capture the changes
    action: { type: capture }
  - id: who
    title: Who made the change?
    branch:
      question: Who is the actor in the captured rows?
      answers:
        - answer: The customer themself
          if: { column: actor, equals: "{{email}}" }
          next: customer
        - answer: Nothing was captured
          if: { rows: none }
          outcome: nothing-found
        - answer: One of our staff
          next: staff
  - id: customer
    title: Tell the customer they made the change
    outcome: expected
  - id: staff
    title: Find out why staff changed it
    next: escalate
  - id: escalate
    title: Escalate
    action: { type: escalate }
outcomes:
  - id: expected
    when: The customer changed it themself
    meaning: Nothing to investigate.
  - id: nothing-found
    when: No change in the log
    meaning: Widen the dates.
---
Guide.
`;

function runbookFrom(source: string): Runbook {
  const { data, body } = splitFrontMatter(source, 'test.md');
  return runbookSchema.parse({ ...data, guide: body });
}

function packWith(runbook: unknown) {
  return { format: 'trailguide-pack', formatVersion: 1, id: 'team-pack', name: 'Team pack', version: '1.0.0', runbooks: [runbook] };
}

function row(actor: string, action = 'settings.changed'): CapturedRow {
  return { time: '2026-11-29T10:00:00.000Z', actor, action, target: 'acct', ip: '', result: '', raw: { actor, action } };
}

const context: RowContext = {
  values: { email: 'Jane@Customer.example' },
  riskOf: (r) => (r.action === 'mfa.removed' ? 'sensitive' : r.action === 'role.granted' ? 'notable' : 'routine'),
  kindOf: (r) => (r.action === 'mfa.removed' ? 'mfa-removed' : undefined),
  columnLabel: (c) => (c === 'actor' ? 'Actor' : c),
};

describe('branch format', () => {
  it('accepts valid branches and reports nothing', () => {
    const runbook = runbookFrom(SOURCE);
    expect(checkFlow(runbook)).toEqual({ problems: [], unreachable: [] });
    const parsed = parsePackData(packWith(runbook));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.warnings).toBeUndefined();
  });

  it('keeps a runbook without branches reading top to bottom', () => {
    const runbook = runbookSchema.parse({ id: 'plain', title: 'Plain', summary: 'S.', steps: [{ title: 'A' }, { title: 'B' }] });
    expect(checkFlow(runbook)).toEqual({ problems: [], unreachable: [] });
    expect(walkPath(runbook, [])).toEqual({ steps: [0, 1], waitingAt: null, outcome: null, ended: true });
  });

  it('refuses a loop, naming the step that leads back', () => {
    const looping = SOURCE.replace('    next: escalate\n', '    next: who\n');
    const result = parsePackData(packWith(runbookFrom(looping)));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem.field).toBe('runbooks[0].steps[3]');
      expect(result.problem.message).toBe(
        'Runbook "who-changed-it": Step 4 ("Find out why staff changed it") leads back to step 2 ("Who made the change?"), so the runbook would go round in circles. A branch may only lead to a step that hasn\'t been reached on the way.',
      );
    }
  });

  it('refuses a step that leads to itself', () => {
    const runbook = runbookFrom(SOURCE.replace('    next: escalate\n', '    next: staff\n'));
    expect(checkFlow(runbook).problems[0]?.message).toMatch(/^Step 4 \("Find out why staff changed it"\) leads back to itself/);
  });

  it('refuses an answer that leads nowhere, naming the step and the answer', () => {
    const result = parsePackData(packWith(runbookFrom(SOURCE.replace('next: customer\n', 'next: custmer\n'))));
    expect(result).toMatchObject({ ok: false, problem: { field: 'runbooks[0].steps[1].branch.answers[0].next' } });
    if (!result.ok) expect(result.problem.message).toContain('Step 2 ("Who made the change?"): the answer "The customer themself" leads to "custmer", but no step has that id, so it leads nowhere.');
  });

  it('refuses an outcome id nothing has, and a step with both a question and a next', () => {
    const unknownOutcome = checkFlow(runbookFrom(SOURCE.replace('outcome: nothing-found\n', 'outcome: nothing\n')));
    expect(unknownOutcome.problems[0]).toMatchObject({ field: 'steps[1].branch.answers[1].outcome' });
    expect(unknownOutcome.problems[0]!.message).toContain('ends with the outcome "nothing", but no outcome has that id');
    const both = checkFlow(runbookFrom(SOURCE.replace('    title: Who made the change?\n', '    title: Who made the change?\n    next: staff\n')));
    expect(both.problems[0]?.message).toMatch(/^Step 2 \("Who made the change\?"\) asks a question and also says where to go next/);
  });

  it('refuses an answer with neither a step nor an outcome (schema)', () => {
    const { data, body } = splitFrontMatter(SOURCE.replace('        - answer: One of our staff\n          next: staff\n', '        - answer: One of our staff\n'), 'test.md');
    const result = parsePackData(packWith({ ...data, guide: body }));
    expect(result).toMatchObject({ ok: false, problem: { field: 'runbooks[0].steps[1].branch.answers[2]' } });
  });

  it('refuses a condition on an event kind Trailguide does not know', () => {
    const source = SOURCE.replace('if: { rows: none }', 'if: { kind: mfa-remvoed }');
    const result = parsePackData(packWith(runbookFrom(source)));
    expect(result).toMatchObject({ ok: false, problem: { field: 'runbooks[0].steps[1].branch.answers[1].if.kind' } });
    if (!result.ok) expect(result.problem.message).toContain('decides on the event kind "mfa-remvoed", which Trailguide doesn\'t know');
    expect(parsePackData(packWith(runbookFrom(SOURCE.replace('if: { rows: none }', 'if: { kind: mfa-removed }')))).ok).toBe(true);
  });

  it('refuses two steps with one id', () => {
    const result = checkFlow(runbookFrom(SOURCE.replace('  - id: staff\n', '  - id: customer\n')));
    expect(result.problems[0]?.message).toBe('Step 4 ("Find out why staff changed it") has the id "customer", which step 3 already has. Give each step its own id.');
  });

  it('reports (does not refuse) a step nothing leads to', () => {
    // The staff answer now ends with an outcome, so "Find out why…" and "Escalate" (reached only from it) are never reached.
    const source = SOURCE.replace('          next: staff\n', '          outcome: expected\n');
    const result = parsePackData(packWith(runbookFrom(source)));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.warnings?.map((w) => w.field)).toEqual(['runbooks[0].steps[3]', 'runbooks[0].steps[4]']);
      expect(result.warnings?.[0]?.message).toBe('Runbook "who-changed-it": Step 4 ("Find out why staff changed it") can\'t be reached: no step or answer leads to it, so no agent will see it.');
    }
  });

  it('refuses the same in the editor', () => {
    const looping = parseRunbookSource(SOURCE.replace('    next: escalate\n', '    next: who\n'));
    expect(looping.ok).toBe(false);
    if (!looping.ok) expect(looping.problem.message).toMatch(/go round in circles/);
    const unreachable = parseRunbookSource(SOURCE.replace('          next: staff\n', '          outcome: expected\n'));
    expect(unreachable.ok && unreachable.warnings?.length).toBe(2);
  });
});

describe('the built-in runbooks', () => {
  it('branch without loops, dead ends or steps no path reaches', () => {
    for (const runbook of loadBuiltinPack().runbooks) expect(checkFlow(runbook), runbook.id).toEqual({ problems: [], unreachable: [] });
  });
});

describe('the example in docs/packs.md', () => {
  it('is a valid branching runbook with every step reachable', () => {
    const docs = readFileSync(resolve(import.meta.dirname, '../../docs/packs.md'), 'utf8');
    const section = docs.slice(docs.indexOf('### Branching steps'));
    const example = /```markdown\n([\s\S]*?)```/.exec(section)?.[1];
    expect(example).toBeDefined();
    const result = parseRunbookSource(example!);
    expect(result).toMatchObject({ ok: true });
    if (result.ok) {
      expect(result.warnings).toBeUndefined();
      expect(result.runbook.steps.some((s) => s.branch)).toBe(true);
      expect(walkPath(result.runbook, [{ step: 2, answer: 2 }]).steps).toEqual([0, 1, 2, 4, 5]);
    }
  });
});

describe('walkPath', () => {
  const runbook = runbookFrom(SOURCE);
  it('stops at an unanswered question', () => {
    expect(walkPath(runbook, [])).toEqual({ steps: [0, 1], waitingAt: 1, outcome: null, ended: false });
  });
  it('follows an answer to a step and on to its outcome', () => {
    expect(walkPath(runbook, [{ step: 1, answer: 0 }])).toEqual({ steps: [0, 1, 2], waitingAt: null, outcome: 0, ended: true });
  });
  it('follows an answer through next to the end', () => {
    expect(walkPath(runbook, [{ step: 1, answer: 2 }])).toEqual({ steps: [0, 1, 3, 4], waitingAt: null, outcome: null, ended: true });
  });
  it('ends at an outcome an answer names', () => {
    expect(walkPath(runbook, [{ step: 1, answer: 1 }])).toEqual({ steps: [0, 1], waitingAt: null, outcome: 1, ended: true });
  });
});

describe('deciding from captured rows', () => {
  const answers = runbookFrom(SOURCE).steps[1]!.branch!.answers;
  it('takes the first answer whose condition holds (any row whose column equals the input, case aside)', () => {
    expect(decideFromRows(answers, [row('li@acme.example'), row('jane@customer.example')], context)).toEqual({
      answer: 0,
      because: 'a captured row whose Actor is Jane@Customer.example',
    });
  });
  it('decides "no rows" from an empty capture', () => {
    expect(decideFromRows(answers, [], context)).toEqual({ answer: 1, because: 'no rows were captured' });
  });
  it('leaves the choice to the agent when nothing holds', () => {
    expect(decideFromRows(answers, [row('li@acme.example')], context)).toBeNull();
  });
  it('never matches an empty input', () => {
    expect(decideFromRows(answers, [row('')], { ...context, values: {} })).toBeNull();
  });
  it('decides on risk and kind', () => {
    const byRisk = [
      { answer: 'Sensitive', if: { risk: 'sensitive' as const }, next: 'a' },
      { answer: 'Notable', if: { risk: 'notable' as const }, next: 'b' },
      { answer: 'Kind', if: { kind: 'mfa-removed' }, next: 'c' },
    ];
    expect(decideFromRows(byRisk, [row('x', 'role.granted')], context)?.answer).toBe(1);
    expect(decideFromRows(byRisk, [row('x', 'role.granted'), row('y', 'mfa.removed')], context)?.answer).toBe(0);
    expect(decideFromRows(byRisk.slice(2), [row('y', 'mfa.removed')], context)).toEqual({ answer: 0, because: 'a captured row of the kind "mfa-removed"' });
    expect(decideFromRows(byRisk.slice(2), [row('y', 'mfa.removed')], { ...context, kindOf: undefined })).toBeNull();
  });
  it('says a condition whose input is empty is not filled in yet', () => {
    expect(describeCondition({ column: 'actor', equals: '{{email}}' }, { values: {} })).toBe('a captured row whose actor is "{{email}}" (not filled in yet)');
  });
});
