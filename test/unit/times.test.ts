import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { adapterSchema } from '../../utils/schema/adapter';
import { readRowTime, readTimeText, wallClockToInstant } from '../../utils/engine/times';
import { CORPUS_NOW, CORPUS_PAGE_ZONE, TIME_CORPUS, type CorpusEntry } from './time-corpus';

const now = new Date(CORPUS_NOW);

function read(entry: CorpusEntry, pageZone: string | undefined = CORPUS_PAGE_ZONE) {
  return readRowTime(
    { text: entry.text, datetime: entry.attrs?.datetime ?? null, title: entry.attrs?.title ?? null },
    { now, ...(pageZone ? { pageZone } : {}), ...(entry.zone ? { zone: entry.zone } : {}), ...(entry.format ? { formats: entry.format } : {}) },
  );
}

/**
 * Worker threads can't change their machine zone, so each zone gets a child Node process that
 * reads the whole corpus (bundled once with esbuild) and prints what it read.
 */
function readCorpusIn(machineZone: string): { readings: { iso: string | null; reason?: string }[]; offset: number; defaultZoneReading: string | null } {
  const dir = mkdtempSync(join(tmpdir(), 'tg-times-'));
  const entry = join(dir, 'entry.ts');
  writeFileSync(
    entry,
    `import { readRowTime, readTimeText } from ${JSON.stringify(resolve(__dirname, '../../utils/engine/times'))};
import { CORPUS_NOW, CORPUS_PAGE_ZONE, TIME_CORPUS } from ${JSON.stringify(resolve(__dirname, 'time-corpus'))};
const now = new Date(CORPUS_NOW);
const readings = TIME_CORPUS.map((e) => readRowTime({ text: e.text, datetime: e.attrs?.datetime ?? null, title: e.attrs?.title ?? null },
  { now, pageZone: CORPUS_PAGE_ZONE, ...(e.zone ? { zone: e.zone } : {}), ...(e.format ? { formats: e.format } : {}) }));
const offset = new Date('2026-11-29T12:00:00Z').getTimezoneOffset();
const defaultZoneReading = readTimeText('Nov 29, 2026, 7:18 PM', { now }).iso;
console.log(JSON.stringify({ readings, offset, defaultZoneReading }));
`,
  );
  const out = join(dir, 'corpus.mjs');
  buildSync({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', outfile: out, logLevel: 'silent' });
  const run = spawnSync(process.execPath, [out], { env: { ...process.env, TZ: machineZone }, encoding: 'utf8' });
  rmSync(dir, { recursive: true, force: true });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

describe('the time corpus', () => {
  it('has at least 40 renderings, with refusals among them', () => {
    expect(TIME_CORPUS.length).toBeGreaterThanOrEqual(40);
    expect(TIME_CORPUS.filter((e) => e.expected === null).length).toBeGreaterThanOrEqual(4);
    expect(new Set(TIME_CORPUS.map((e) => `${e.text}|${e.zone ?? ''}|${e.format?.join() ?? ''}|${e.attrs?.datetime ?? ''}`)).size).toBe(TIME_CORPUS.length);
  });

  it.each(TIME_CORPUS.map((entry) => [entry.source, entry] as const))('%s', (_source, entry) => {
    const reading = read(entry);
    expect(reading.iso, `${JSON.stringify(entry.text)} (${entry.zone ?? 'page'})`).toBe(entry.expected);
    if (entry.expected === null && entry.reason && reading.iso === null) expect(reading.reason).toBe(entry.reason);
  });

  for (const machineZone of ['America/Los_Angeles', 'Asia/Kolkata']) {
    it(`reads every entry the same on a machine in ${machineZone}, where "page" is that zone`, () => {
      const result = readCorpusIn(machineZone);
      expect(result.offset).toBe(machineZone === 'Asia/Kolkata' ? -330 : 480);
      expect(result.readings.map((r) => r.iso)).toEqual(TIME_CORPUS.map((e) => e.expected));
      // 7:18 PM on 29 Nov in the machine's own zone.
      expect(result.defaultZoneReading).toBe(machineZone === 'Asia/Kolkata' ? '2026-11-29T13:48:00.000Z' : '2026-11-30T03:18:00.000Z');
    });
  }
});

describe('readRowTime', () => {
  it('prefers the datetime attribute over the text, and the text over the tooltip', () => {
    const context = { now, pageZone: 'UTC' };
    expect(readRowTime({ text: 'Nov 29, 2026, 7:18 PM', datetime: '2026-11-29T01:00:00Z', title: '2026-11-28 10:00' }, context)).toEqual({ iso: '2026-11-29T01:00:00.000Z', from: 'datetime' });
    expect(readRowTime({ text: 'Nov 29, 2026, 7:18 PM', title: '2026-11-28 10:00' }, context)).toEqual({ iso: '2026-11-29T19:18:00.000Z', from: 'text' });
    expect(readRowTime({ text: '5 minutes ago', title: '2026-11-28 10:00' }, context)).toEqual({ iso: '2026-11-28T10:00:00.000Z', from: 'title' });
  });

  it('falls back to the text when the datetime attribute is not a time', () => {
    expect(readRowTime({ text: '2026-11-29 10:00', datetime: 'soon' }, { now, zone: 'utc' })).toEqual({ iso: '2026-11-29T10:00:00.000Z', from: 'text' });
  });

  it('reports why the text was refused when nothing on the element helps', () => {
    expect(readRowTime({ text: '3 minutes ago', title: 'Edited' }, { now })).toEqual({ iso: null, reason: 'vague' });
    expect(readRowTime({ text: '' }, { now })).toEqual({ iso: null, reason: 'unreadable' });
  });
});

describe('zones', () => {
  it('turns a wall clock into the instant on both sides of a summer-time change', () => {
    const wall = { year: 2026, month: 3, day: 29, hour: 1, minute: 30, second: 0, millisecond: 0 };
    expect(new Date(wallClockToInstant(wall, 'Europe/Berlin')).toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(new Date(wallClockToInstant({ ...wall, hour: 3, minute: 30 }, 'Europe/Berlin')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('a declared format reads the wall clock in the declared zone', () => {
    const context = { now, formats: ['HH:mm, D MMMM YYYY'], zone: 'America/Los_Angeles' };
    expect(readTimeText('02:13, 29 November 2026', context).iso).toBe('2026-11-29T10:13:00.000Z');
  });

  it('a date without a year is the latest such date not after now (a log holds the past)', () => {
    const early = new Date('2026-01-05T10:00:00Z');
    expect(readTimeText('Dec 25 10:00:00', { now: early, zone: 'utc' }).iso).toBe('2025-12-25T10:00:00.000Z');
    expect(readTimeText('Jun 20 10:00:00', { now: early, zone: 'utc' }).iso).toBe('2025-06-20T10:00:00.000Z');
    expect(readTimeText('Jan 5 18:00:00', { now: early, zone: 'utc' }).iso).toBe('2026-01-05T18:00:00.000Z');
    expect(readTimeText('Jan 3 10:00:00 GMT+1', { now: early }).iso).toBe('2026-01-03T09:00:00.000Z');
  });

  it('strict formats refuse impossible dates instead of rolling them over', () => {
    expect(readTimeText('31/02/2026 10:00', { now, formats: ['DD/MM/YYYY HH:mm'], zone: 'utc' }).iso).toBeNull();
  });
});

describe('adapter time columns: format and zone', () => {
  const base = {
    id: 'times-test',
    name: 'Times test',
    vendor: 'Test',
    verified: { how: 'fixture', date: '2026-11-30' },
    match: { include: ['https://example.test/audit*'], present: [['table']] },
  };
  const withTime = (time: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    adapterSchema.safeParse({ ...base, results: { row: ['tr'], columns: { time: { selectors: ['td'], ...time }, ...extra } } });

  it('accepts one format or a list, and utc / page / an IANA zone', () => {
    expect(withTime({ format: 'HH:mm, D MMMM YYYY', zone: 'Europe/Berlin' }).success).toBe(true);
    expect(withTime({ format: ['DD/MM/YYYY HH:mm', 'DD.MM.YYYY HH:mm'], zone: 'utc' }).success).toBe(true);
    expect(withTime({ zone: 'page' }).success).toBe(true);
  });

  it('refuses a zone the browser does not know, naming the field', () => {
    const result = withTime({ zone: 'Mars/Olympus_Mons' });
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.path).toEqual(['results', 'columns', 'time', 'zone']);
    expect(issue?.message).toMatch(/Europe\/Berlin/);
    expect(withTime({ zone: 'CET; drop' }).success).toBe(false);
  });

  it('refuses empty, overlong or too many formats', () => {
    expect(withTime({ format: '' }).success).toBe(false);
    expect(withTime({ format: 'Y'.repeat(81) }).success).toBe(false);
    expect(withTime({ format: ['A', 'B', 'C', 'D', 'E', 'F'].map((x) => `${x}${x}`) }).success).toBe(false);
    expect(withTime({ format: [] }).success).toBe(false);
  });

  it('allows format and zone on the time column only', () => {
    expect(withTime({}, { actor: { selectors: ['td'], zone: 'utc' } }).success).toBe(false);
    expect(withTime({}, { actor: { selectors: ['td'], format: 'YYYY' } }).success).toBe(false);
  });
});
