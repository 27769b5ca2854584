import { describe, expect, it } from 'vitest';
import { columnsEmptyInEveryRow, partlyCapturedText } from '../../components/panel/capture-verdict';
import type { CapturedRow } from '../../utils/db/records';

const row = (over: Partial<CapturedRow>): CapturedRow => ({ time: '2026-11-28T10:00:00.000Z', actor: 'dana@northwind.example', action: 'user.login', target: 'acct-1', ip: '', result: '', raw: {}, ...over });
const columns = [
  { name: 'time', label: 'Time' },
  { name: 'actor', label: 'Who' },
  { name: 'action', label: 'Event' },
  { name: 'target', label: 'Target' },
];

describe('a capture whose core column came out empty in every row', () => {
  it('names the core columns empty everywhere, and only those the adapter reads', () => {
    const rows = [row({ actor: '' }), row({ actor: '  ' }), row({ actor: '', target: '' })];
    expect(columnsEmptyInEveryRow(rows, columns)).toEqual(['Who']);
    expect(columnsEmptyInEveryRow(rows, columns.filter((c) => c.name !== 'actor'))).toEqual([]);
    expect(columnsEmptyInEveryRow([row({ time: null, action: '' }), row({ time: null, action: '' })], columns)).toEqual(['Time', 'Event']);
  });

  it('is not triggered by a column empty in some rows, by an empty target, or by a single row', () => {
    expect(columnsEmptyInEveryRow([row({ actor: '' }), row({})], columns)).toEqual([]);
    expect(columnsEmptyInEveryRow([row({ target: '' }), row({ target: '' })], columns)).toEqual([]);
    expect(columnsEmptyInEveryRow([row({ actor: '' })], columns)).toEqual([]);
  });

  it('says Partly done, how many rows were kept and which columns are empty', () => {
    expect(partlyCapturedText(12, ['Who'])).toBe('Partly done — captured 12 rows, but the “Who” column is empty in every one. The rows are kept; read the notes below before relying on them.');
    expect(partlyCapturedText(2, ['Time', 'Who', 'Event'])).toContain('the “Time”, “Who” and “Event” columns are empty in every one');
  });
});
