import { describe, expect, it } from 'vitest';
import { headingDoubts, headingKinds } from '../../utils/builder/heading-sense';
import { judgeColumns, type RowReading } from '../../utils/builder/plausibility';

/** Rows as the demo console shows them (test/e2e/builder-demo.spec.ts): targets are e-mails too, results one word. */
const rows: RowReading[] = Array.from({ length: 12 }, (_, i) => ({
  time: new Date(Date.UTC(2026, 10, 20, 9, i)).toISOString(),
  raw: {
    time: `2026-11-20 09:${String(i).padStart(2, '0')}:00`,
    actor: `person${i % 4}@acme.example`,
    action: ['user.login', 'user.logout', 'role.granted'][i % 3]!,
    target: `someone${i % 5}@northwind.example`,
    result: 'Success',
  },
}));
const now = new Date(Date.UTC(2026, 11, 2));

function verdicts(picked: Record<string, string>, columns: Record<string, { header?: string }>) {
  const read = rows.map((row) => ({ time: row.time, raw: Object.fromEntries(Object.entries(picked).map(([name, from]) => [name, row.raw[from]!])) }));
  const checks = headingDoubts(judgeColumns({ rows: read, columns: Object.keys(picked), now }), columns);
  return Object.fromEntries(checks.map((c) => [c.column, c]));
}

describe('headingDoubts: a column read under another kind of heading', () => {
  it('doubts a person read under “Target” and an event type read under “Result”, which their values alone pass', () => {
    const picked = { time: 'time', actor: 'target', action: 'result' };
    const plain = judgeColumns({ rows: rows.map((row) => ({ time: row.time, raw: { time: row.raw.time!, actor: row.raw.target!, action: row.raw.result! } })), columns: ['time', 'actor', 'action'], now });
    expect(plain.map((c) => c.verdict)).toEqual(['works', 'works', 'works']);
    const judged = verdicts(picked, { time: { header: 'Time' }, actor: { header: 'Target' }, action: { header: 'Result' } });
    expect(judged.time!.verdict).toBe('works');
    expect(judged.actor!.verdict).toBe('doubtful');
    expect(judged.actor!.reason).toBe('It reads the column headed “Target”, which usually holds what the event was done to, not who did it. If that is not right, point at who did it again.');
    expect(judged.action!.verdict).toBe('doubtful');
    expect(judged.action!.reason).toContain('headed “Result”, which usually holds whether it worked, not the event type');
  });

  it('leaves columns under their own kind of heading alone, and columns without a heading', () => {
    const picked = { time: 'time', actor: 'actor', action: 'action', target: 'target' };
    const headed = verdicts(picked, { time: { header: 'Time' }, actor: { header: 'Email address' }, action: { header: 'Action flag' }, target: { header: 'User' } });
    expect(Object.values(headed).map((c) => c.verdict)).toEqual(['works', 'works', 'works', 'works']);
    const bare = verdicts({ time: 'time', actor: 'target' }, { time: {}, actor: {} });
    expect(bare.actor!.verdict).toBe('works');
  });

  it('names the kinds a heading speaks of', () => {
    expect(headingKinds('IP address')).toEqual(['ip']);
    expect(headingKinds('Performed by')).toEqual(['actor']);
    expect(headingKinds('Event type')).toEqual(['action']);
    expect(headingKinds('Notes')).toEqual([]);
  });

  it('does not turn a wrong verdict into a doubtful one', () => {
    const read = rows.map((row) => ({ time: row.time, raw: { actor: row.raw.time! } }));
    const [actor] = headingDoubts(judgeColumns({ rows: read, columns: ['actor'], now }), { actor: { header: 'Time' } });
    expect(actor!.verdict).toBe('wrong');
  });
});
