// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashRows } from '../../utils/cases/canonical';
import { createCase } from '../../utils/cases/cases';
import { saveEscalation } from '../../utils/cases/escalations';
import { setDatabaseForTests, type TrailguideDatabase } from '../../utils/db/database';
import { REDACTED } from '../../utils/escalation/redact';
import { reportRedaction } from '../../utils/report/redaction';
import { buildReport } from '../../utils/report/render';
import { verifyReport } from '../../utils/report/verify';
import { sampleCase } from './cases-fixtures';
import { dataBlock, escalation, NOW, sampleReportCase } from './report-fixtures';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('redaction carries over from the escalation to the report', () => {
  it('hides what the escalation hid (e-mails masked, a column replaced) everywhere, says so, and fingerprints the rows as shown', async () => {
    const item = await sampleReportCase({
      escalations: [escalation('case-0001-aaaa', { redaction: { emails: true, ips: false, columns: ['ip'] } })],
    });
    const report = await buildReport({ cases: [item], now: NOW });
    // Not one full e-mail address anywhere in the file: rows, inputs, page address, notes, escalation titles, data block.
    expect(report.html).not.toMatch(/dana\.whitfield@|agent\d@acme/);
    expect(report.html).toContain('d***@northwind.example');
    const doc = parse(report.html);
    expect([...doc.querySelectorAll('[data-f="ip"]')].every((td) => td.textContent === REDACTED)).toBe(true);
    expect(doc.querySelector('[data-testid="report-hidden-summary"]')!.textContent).toContain('the same as what the agent hid in this case’s escalation');
    expect(doc.querySelector('[data-testid="report-hidden-summary"]')!.textContent).toContain('the column “ip”');
    expect(doc.querySelectorAll('[data-testid="report-hidden"]')).toHaveLength(2);

    const block = dataBlock(report.html);
    for (const [i, capture] of block.captures.entries()) {
      expect(capture.redacted).toBe(true);
      expect(capture.hash).toBe(await hashRows(capture.rows));
      expect(capture.hash).not.toBe(item.detail.captures[i]!.hash);
      expect(capture.capturedHash).toBe(item.detail.captures[i]!.hash);
      expect(capture.rows.every((row) => row.ip === REDACTED && !row.actor.includes('dana.whitfield@'))).toBe(true);
    }
    // …and the file is still verifiable from what it holds.
    const verdict = await verifyReport(report.html);
    expect(verdict.ok && verdict.allMatch).toBe(true);
  });

  it('with no escalation, hides what Settings hides by default; an old escalation without a recorded choice adds the defaults', async () => {
    const defaults = { emails: false, ips: true, columns: [] };
    expect(reportRedaction([], defaults)).toEqual({ options: defaults, source: 'settings' });
    expect(reportRedaction([{ redaction: { emails: true, ips: false, columns: ['actor'] } }, {}], defaults)).toEqual({
      options: { emails: true, ips: true, columns: ['actor'] },
      source: 'escalations+settings',
    });
    expect(reportRedaction([{ redaction: { emails: false, ips: false, columns: [] } }], defaults).options.ips).toBe(false);

    const item = await sampleReportCase({ escalations: [] });
    const report = await buildReport({ cases: [item], now: NOW, defaultRedaction: defaults });
    expect(report.html).not.toContain('203.0.113.');
    expect(report.html).toContain('203.0.*.*');
    expect(parse(report.html).querySelector('[data-testid="report-hidden-summary"]')!.textContent).toContain('what Trailguide’s settings hide by default');
  });

  it('hides nothing when nothing was hidden, and then prints the capture-time fingerprints', async () => {
    const item = await sampleReportCase({ escalations: [escalation('case-0001-aaaa', { redaction: { emails: false, ips: false, columns: [] } })] });
    const report = await buildReport({ cases: [item], now: NOW, defaultRedaction: { emails: true, ips: true, columns: ['actor'] } });
    expect(parse(report.html).querySelector('[data-testid="report-hidden-summary"]')).toBeNull();
    expect(dataBlock(report.html).captures.map((c) => c.hash)).toEqual(item.detail.captures.map((c) => c.hash));
  });
});

describe('the escalation keeps what was hidden', () => {
  let database: TrailguideDatabase;
  beforeEach(async () => {
    const { useFreshDatabase } = await import('./cases-fixtures');
    database = useFreshDatabase();
  });
  afterEach(() => {
    database.close();
    setDatabaseForTests(undefined);
  });

  it('stores the choice, and a later save without one keeps it', async () => {
    const record = await createCase(sampleCase());
    const choice = { emails: true, ips: false, columns: ['target'] };
    await saveEscalation({ id: 'e1', caseId: record.id, title: 't', body: 'b', status: 'copied', redaction: choice });
    const again = await saveEscalation({ id: 'e1', caseId: record.id, title: 't', body: 'b2', status: 'draft' });
    expect(again.redaction).toEqual(choice);
    expect((await database.escalations.get('e1'))?.redaction).toEqual(choice);
  });
});
