import { describe, expect, it } from 'vitest';
import { buildReport } from '../../utils/report/render';
import { verifyReport } from '../../utils/report/verify';
import { NOW, sampleReportCase } from './report-fixtures';

async function twoCaptureReport(): Promise<string> {
  return (await buildReport({ cases: [await sampleReportCase({ escalations: [] })], now: NOW })).html;
}

/** Edits the data block's line only (what someone tampering with the evidence would do). */
function editDataLine(html: string, edit: (line: string) => string): string {
  const lines = html.split('\n');
  const at = lines.findIndex((l) => l.startsWith('<script type="application/json"')) + 1;
  lines[at] = edit(lines[at]!);
  return lines.join('\n');
}

describe('Verify a report', () => {
  it('says every capture matches in an untouched report', async () => {
    const result = await verifyReport(await twoCaptureReport());
    expect(result).toMatchObject({ ok: true, allMatch: true });
    if (!result.ok) return;
    expect(result.captures.map((c) => c.status)).toEqual(['matches', 'matches']);
    expect(result.captures[0]!.message).toBe('Capture 1 (A customer says their account settings were changed without their permission, 3 rows): matches.');
    expect(result.summary).toBe('All 2 captures match: the rows are the ones Trailguide fingerprinted.');
  });

  it('names the one capture whose row was edited in the data block, and says the file was changed', async () => {
    const html = await twoCaptureReport();
    // The second capture's first row: seed 50 → IP 203.0.113.50.
    const edited = editDataLine(html, (line) => line.replace('"ip":"203.0.113.50"', '"ip":"198.51.100.7"'));
    expect(edited).not.toBe(html);
    const result = await verifyReport(edited);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.allMatch).toBe(false);
    expect(result.captures.map((c) => c.status)).toEqual(['matches', 'rows-changed']);
    expect(result.captures[1]!.message).toContain('Capture 2');
    expect(result.captures[1]!.message).toContain('this file was changed after Trailguide made it');
    expect(result.summary).toBe('1 of 2 captures do not match: this file was changed after Trailguide made it. Do not rely on that capture.');
  });

  it('catches an edited row whose stored hash was recomputed to fit, because the printed fingerprint no longer agrees', async () => {
    const html = await twoCaptureReport();
    const { hashRows } = await import('../../utils/cases/canonical');
    const edited = await (async () => {
      const lines = html.split('\n');
      const at = lines.findIndex((l) => l.startsWith('<script type="application/json"')) + 1;
      const data = JSON.parse(lines[at]!);
      data.captures[0].rows[0].actor = 'someone.else@acme.example';
      data.captures[0].hash = await hashRows(data.captures[0].rows);
      lines[at] = JSON.stringify(data).replace(/</g, '\\u003c');
      return lines.join('\n');
    })();
    const result = await verifyReport(edited);
    expect(result.ok && result.captures.map((c) => c.status)).toEqual(['fingerprint-changed', 'matches']);
  });

  it('catches a row edited only in the readable table', async () => {
    const html = await twoCaptureReport();
    const edited = html.replace('<td data-f="ip">203.0.113.1</td>', '<td data-f="ip">10.0.0.1</td>');
    expect(edited).not.toBe(html);
    const result = await verifyReport(edited);
    expect(result.ok && result.captures.map((c) => c.status)).toEqual(['table-changed', 'matches']);
    expect(result.ok && result.captures[0]!.message).toContain('row 2 of the table shows a different IP');
  });

  it('says plainly when the file is not a report or its data is damaged', async () => {
    expect(await verifyReport('<html><body>hello</body></html>')).toMatchObject({ ok: false });
    const damaged = editDataLine(await twoCaptureReport(), (line) => line.slice(0, 50));
    const result = await verifyReport(damaged);
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.message).toContain('not a Trailguide audit report');
  });
});
