import { describe, expect, it } from 'vitest';
import { columnProblems, judgeColumns, personKind, type ColumnCheck, type RowReading } from '../../utils/builder/plausibility';

const NOW = new Date('2026-04-02T12:00:00Z');
const AGENTS = ['alice.moreau@northwind.example', 'bruno.silva@northwind.example', 'chen.wei@northwind.example'];
const CODES = ['user.login', 'user.login_failed', 'ticket.viewed', 'settings.updated'];
const TARGETS = ['Ticket #40112', 'Workspace settings', 'Macro “Refund”', 'Ticket #48213', 'Ticket #41007'];

/** Twenty rows like the helpdesk console's: a time a minute apart, an e-mail, a repeating code, a target. */
function helpdeskRows(count = 20): RowReading[] {
  return Array.from({ length: count }, (_, i) => {
    const iso = new Date(Date.parse('2026-03-31T22:40:00Z') - i * 5 * 3_600_000).toISOString();
    return {
      time: iso,
      raw: { time: iso, actor: AGENTS[i % 3]!, action: CODES[i % 4]!, target: TARGETS[i % 5]!, ip: `198.51.100.${i + 1}` },
    };
  });
}

function byColumn(checks: ColumnCheck[]): Record<string, ColumnCheck> {
  return Object.fromEntries(checks.map((c) => [c.column, c]));
}

function judge(rows: RowReading[], knownCodes: string[] = []) {
  return byColumn(judgeColumns({ rows, columns: ['time', 'actor', 'action', 'target', 'ip'], knownCodes, now: NOW }));
}

/** The same rows with one column's text replaced (time: parsed as nothing unless given). */
function withColumn(rows: RowReading[], column: string, value: (i: number) => string, time?: (i: number) => string | null): RowReading[] {
  return rows.map((row, i) => ({ time: column === 'time' ? (time ? time(i) : null) : row.time, raw: { ...row.raw, [column]: value(i) } }));
}

describe('judging the columns the live test read', () => {
  it('a console read right: every column works, in the adapter order, with a sample', () => {
    const checks = judgeColumns({ rows: helpdeskRows(), columns: ['time', 'actor', 'action', 'target', 'ip'], now: NOW });
    expect(checks.map((c) => [c.column, c.verdict])).toEqual([
      ['time', 'works'],
      ['actor', 'works'],
      ['action', 'works'],
      ['target', 'works'],
      ['ip', 'works'],
    ]);
    const time = checks[0]!;
    expect(time.reason).toBe('All 20 times read, from 2026-03-27 to 2026-03-31 (UTC).');
    expect(checks[1]!.reason).toBe('They look like e-mail addresses.');
    expect(checks[2]!.reason).toContain('4 different event types in 20 rows');
    expect(checks[1]!.sample).toBe(AGENTS[0]);
    expect(columnProblems(checks, ['wrong', 'doubtful'])).toEqual([]);
  });

  describe('time', () => {
    it('wrong when no row has a time the adapter can read (the target picked by mistake)', () => {
      const rows = withColumn(helpdeskRows(), 'time', (i) => TARGETS[i % 5]!);
      const time = judge(rows).time!;
      expect(time.verdict).toBe('wrong');
      expect(time.reason).toContain('None of the 20 rows has a time Trailguide can read here.');
      // The target it copies keeps its own verdict: only the time points at the wrong place.
      expect(judge(rows).target!.verdict).toBe('works');
      expect(time.sample).toBe('Ticket #40112');
    });

    it('wrong when most times are before 2000 or in the future', () => {
      const rows = withColumn(helpdeskRows(), 'time', (i) => String(i), (i) => new Date(i * 1000).toISOString());
      expect(judge(rows).time!.verdict).toBe('wrong');
      const future = withColumn(helpdeskRows(), 'time', () => 'in 3 years', () => '2029-06-01T00:00:00.000Z');
      expect(judge(future).time!.reason).toContain('before 2000 or in the future');
    });

    it('wrong when fewer than half the rows have a readable time; doubtful when a few do not', () => {
      const half = withColumn(helpdeskRows(), 'time', (i) => (i < 12 ? 'Monday' : '2026-03-01 10:00'), (i) => (i < 12 ? null : '2026-03-01T10:00:00.000Z'));
      expect(judge(half).time!.verdict).toBe('wrong');
      const few = withColumn(helpdeskRows(), 'time', (i) => (i < 2 ? '2 hours ago' : '2026-03-01 10:00'), (i) => (i < 2 ? null : new Date(Date.parse('2026-03-01T10:00:00Z') - i * 60_000).toISOString()));
      const time = judge(few).time!;
      expect(time.verdict).toBe('doubtful');
      expect(time.sample).toBe('2 hours ago');
    });

    it('doubtful when every row reads the same instant', () => {
      const same = withColumn(helpdeskRows(), 'time', () => '1 Mar, 10:00', () => '2026-03-01T10:00:00.000Z');
      expect(judge(same).time!.verdict).toBe('doubtful');
    });
  });

  describe('event type', () => {
    it('wrong when it reads long free text (a reason instead of the event)', () => {
      const rows = withColumn(helpdeskRows(), 'action', (i) => `The agent asked for this because the customer wrote in on ticket ${i}`);
      const action = judge(rows).action!;
      expect(action.verdict).toBe('wrong');
      expect(action.reason).toContain('long free text');
    });

    it('wrong when it reads e-mail addresses, times or network addresses', () => {
      expect(judge(withColumn(helpdeskRows(), 'action', (i) => AGENTS[i % 3]!)).action!.reason).toContain('These look like e-mail addresses, not event types.');
      expect(judge(withColumn(helpdeskRows(), 'action', (i) => `31 Mar, ${10 + (i % 9)}:40`)).action!.verdict).toBe('wrong');
      expect(judge(withColumn(helpdeskRows(), 'action', (i) => `203.0.113.${i}`)).action!.verdict).toBe('wrong');
    });

    it('wrong when no value repeats over a page of rows; doubtful when few repeat', () => {
      const unique = judge(withColumn(helpdeskRows(), 'action', (i) => `Ticket #${40000 + i}`)).action!;
      expect(unique.verdict).toBe('wrong');
      expect(unique.reason).toBe('Every one of the 20 rows has a different value; event types repeat from row to row.');
      const mostly = judge(withColumn(helpdeskRows(), 'action', (i) => (i < 18 ? `code.${i}` : 'code.same'))).action!;
      expect(mostly.verdict).toBe('doubtful');
    });

    it('codes the adapter already knows work even when each appears once', () => {
      const codes = Array.from({ length: 10 }, (_, i) => `code.${i}`);
      const rows = withColumn(helpdeskRows(10), 'action', (i) => codes[i]!);
      expect(judge(rows).action!.verdict).toBe('wrong');
      const known = judge(rows, codes.map((c) => c.toUpperCase())).action!;
      expect(known.verdict).toBe('works');
      expect(known.reason).toContain('already knows');
    });

    it('with only a few rows, repetition is not held against it', () => {
      const rows = withColumn(helpdeskRows(3), 'action', (i) => `code.${i}`);
      expect(judge(rows).action!.verdict).toBe('works');
      expect(judge(rows).action!.reason).toContain("can't check");
    });
  });

  describe('person', () => {
    it('works for e-mails, user names, names and keys', () => {
      expect(personKind('li.chen@acme.example')).toBe('e-mail addresses');
      expect(personKind('usr_8Kx2')).toBe('user names or ids');
      expect(personKind('Dana Whitfield')).toBe("people's names");
      expect(personKind('José de la Cruz')).toBe("people's names");
      expect(personKind('Li Chen <li@acme.example>')).toBe('people with their e-mail addresses');
      expect(personKind('deploy key ci-7')).toBe('keys or system accounts');
    });

    it('is not a person: times, addresses, targets and sentences', () => {
      for (const value of ['31 Mar, 22:40', '198.51.100.7', 'Ticket #40112', 'Workspace settings', 'changed the billing plan for the whole workspace today']) {
        expect(personKind(value), value).toBeNull();
      }
    });

    it('wrong when most values are not people (the target picked by mistake)', () => {
      const rows = withColumn(helpdeskRows(), 'actor', (i) => TARGETS[i % 5]!);
      const actor = judge(rows).actor!;
      expect(actor.verdict).toBe('wrong');
      expect(actor.sample).toBe('Ticket #40112');
    });

    it('doubtful when a few values are not people', () => {
      const rows = withColumn(helpdeskRows(), 'actor', (i) => (i < 4 ? '31 Mar, 22:40' : AGENTS[i % 3]!));
      expect(judge(rows).actor!.verdict).toBe('doubtful');
    });
  });

  describe('every column', () => {
    it('wrong when empty in every row', () => {
      const target = judge(withColumn(helpdeskRows(), 'target', () => '')).target!;
      expect(target.verdict).toBe('wrong');
      expect(target.reason).toContain('empty in all 20 rows');
    });

    it('doubtful when person, event or time is empty in most rows', () => {
      const actor = judge(withColumn(helpdeskRows(), 'actor', (i) => (i < 6 ? AGENTS[0]! : ''))).actor!;
      expect(actor.verdict).toBe('doubtful');
      expect(actor.reason).toBe('It is empty in 14 of 20 rows.');
    });

    it('wrong, both of them, when two columns read the same text in every row', () => {
      const rows = withColumn(helpdeskRows(), 'action', (i) => AGENTS[i % 3]!.split('@')[0]!);
      const same = withColumn(rows, 'actor', (i) => AGENTS[i % 3]!.split('@')[0]!);
      const checks = judge(same);
      expect(checks.actor!.verdict).toBe('wrong');
      expect(checks.action!.verdict).toBe('wrong');
      expect(checks.actor!.reason).toContain('the same as “Event type” in every row');
      expect(checks.time!.verdict).toBe('works');
    });

    it('two columns that agree in some rows only are fine (a user event done to oneself)', () => {
      const rows = withColumn(helpdeskRows(), 'target', (i) => (i % 2 ? AGENTS[i % 3]! : 'Workspace settings'));
      expect(judge(rows).target!.verdict).toBe('works');
      expect(judge(rows).actor!.verdict).toBe('works');
    });

    it('an address column that reads something else is wrong', () => {
      expect(judge(withColumn(helpdeskRows(), 'ip', (i) => AGENTS[i % 3]!)).ip!.verdict).toBe('wrong');
    });

    it('no rows: nothing can be checked, and that is said', () => {
      const checks = judgeColumns({ rows: [], columns: ['time', 'actor'], now: NOW });
      expect(checks.map((c) => c.verdict)).toEqual(['wrong', 'wrong']);
    });

    it('columns a sentence pattern read are judged too, the page sentence is not', () => {
      const rows = helpdeskRows(6).map((row) => ({ ...row, raw: { ...row.raw, verb: 'x', 'row text': 'Alice did it' } }));
      const checks = judgeColumns({ rows, columns: ['time'], now: NOW });
      expect(checks.map((c) => c.column)).toEqual(['time', 'actor', 'action', 'target', 'ip', 'verb']);
    });
  });

  it('lists problems in plain sentences with an example', () => {
    const checks = judgeColumns({ rows: withColumn(helpdeskRows(), 'time', (i) => TARGETS[i % 5]!), columns: ['time', 'actor'], now: NOW });
    expect(columnProblems(checks)).toEqual(['Time: wrong — None of the 20 rows has a time Trailguide can read here. It also reads the same as “What it was done to” in every row. (for example “Ticket #40112”)']);
  });
});
