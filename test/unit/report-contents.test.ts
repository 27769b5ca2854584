// @vitest-environment jsdom
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashRows } from '../../utils/cases/canonical';
import { captureStatements } from '../../utils/escalation/applied';
import { buildReport } from '../../utils/report/render';
import { jqCommand, jqDisagreement, nodeCommand } from '../../utils/report/recompute';
import { canonicalJson } from '../../utils/cases/canonical';
import { escalationTemplate } from '../../utils/schema/pack';
import { sampleRows } from './cases-fixtures';
import { caseRecord, dataBlock, NOW, sampleReportCase } from './report-fixtures';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const text = (doc: Document, testid: string) => [...doc.querySelectorAll(`[data-testid="${testid}"]`)].map((e) => e.textContent ?? '');
const hasJq = (() => {
  try {
    execFileSync('jq', ['--version']);
    return true;
  } catch {
    return false;
  }
})();

// A tiny real PNG (1×1), as a team template would carry it.
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('audit report contents', () => {
  it('says, for one case, the scope, method, each capture with its applied filters, rows, notes, outcome, escalations and who prepared it', async () => {
    const item = await sampleReportCase();
    const report = await buildReport({ cases: [item], now: NOW, timeZone: 'Europe/Berlin', preparedBy: 'Li Chen, Support' });
    const doc = parse(report.html);
    const body = doc.body.textContent ?? '';

    expect(doc.title).toBe('Audit report: A customer says their account settings were changed without their permission');
    expect(body).toContain('Customer’s e-mail');
    expect(body).toContain('dana.whitfield@northwind.example');
    expect(body).toContain('Step reached: 2 of 4, “Capture what the log shows”');
    expect([...doc.querySelectorAll('ol.steps li')].map((li) => li.getAttribute('data-state'))).toEqual(['done', 'done', 'todo', 'todo']);
    // The filter statements are applied.ts's own words, not re-worded.
    for (const statement of captureStatements(item.detail.captures[0]!)) expect(body).toContain(`${statement.label}${statement.value}`);
    expect(body).toContain('Not applied');
    expect(text(doc, 'report-capture')).toHaveLength(2);
    expect(text(doc, 'report-row')).toHaveLength(5);
    // Times in the reviewer's zone and in UTC: 2026-03-01 00:00 UTC is 01:00 in Berlin.
    const firstRow = doc.querySelector('[data-testid="report-row"]')!;
    const cells = [...firstRow.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells.slice(0, 2)).toEqual(['2026-03-01 01:00:00 GMT+1', '2026-03-01 00:00:00 UTC']);
    expect(doc.querySelector('thead')!.textContent).toContain('Time (Europe/Berlin)');
    // The event with its plain meaning from the glossary; an unknown code says so.
    expect(firstRow.textContent).toContain('account.settings_changed');
    expect(firstRow.textContent).toContain('Changed the account’s settings');
    expect(doc.querySelectorAll('[data-testid="report-row"]')[1]!.textContent).toContain('not in the team’s glossary');
    expect(text(doc, 'report-notes')).toEqual(['Customer called twice.']);
    expect(text(doc, 'report-outcome')).toEqual(['Escalated to engineering']);
    expect(text(doc, 'report-escalation')[0]).toContain('copied to be sent');
    expect(body).toContain('Prepared by Li Chen, Support on 2026-04-02 11:30:00 GMT+2 (2026-04-02 09:30:00 UTC)');
    expect(doc.querySelector('[data-testid="report-toc"]')).toBeNull();
    expect(report.fileName).toBe('trailguide-report-settings-changed-without-permission-2026-04-02-case-000.html');
  });

  it('runs nothing and loads nothing: one script element (the JSON data block), a CSP, no outside address in any src or href', async () => {
    const second = await sampleReportCase({ case: { id: 'case-0002-bbbb' } });
    const report = await buildReport({ cases: [await sampleReportCase(), second], now: NOW });
    const doc = parse(report.html);
    const scripts = [...doc.querySelectorAll('script')];
    expect(scripts.map((s) => s.getAttribute('type'))).toEqual(['application/json']);
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toContain("default-src 'none'");
    const addresses = [...doc.querySelectorAll('[src], [href]')].map((e) => e.getAttribute('src') ?? e.getAttribute('href') ?? '');
    expect(addresses.length).toBeGreaterThan(0);
    for (const address of addresses) expect(address).toMatch(/^(#|data:image\/)/);
    expect(doc.querySelectorAll('link, iframe, object, embed, form, base')).toHaveLength(0);
    // The print style sheet: rows not cut, headers repeated, pages numbered.
    const css = doc.querySelector('style')!.textContent!;
    expect(css).toMatch(/tr, td, th \{ break-inside: avoid; \}/);
    expect(css).toContain('thead { display: table-header-group; }');
    expect(css).toContain('counter(page)');
  });

  it('a period report holds each case, with a table of contents and the filters that chose them', async () => {
    const a = await sampleReportCase();
    const b = await sampleReportCase({ case: { id: 'case-0002-bbbb', runbookTitle: 'A customer cannot sign in', status: 'closed' } });
    const report = await buildReport({ cases: [a, b], period: [{ label: 'From', value: '2026-03-01' }, { label: 'Runbook', value: 'any' }], now: NOW });
    const doc = parse(report.html);
    expect([...doc.querySelectorAll('[data-testid="report-case"]')].map((e) => e.getAttribute('data-case-id'))).toEqual(['case-0001-aaaa', 'case-0002-bbbb']);
    expect(text(doc, 'report-toc')[0]).toContain('A customer cannot sign in');
    expect([...doc.querySelectorAll('.toc a')].map((a) => a.getAttribute('href'))).toEqual(['#case-1', '#case-2', '#verify']);
    expect(text(doc, 'report-period')[0]).toContain('From2026-03-01');
    expect(dataBlock(report.html).captures).toHaveLength(4);
    expect(report.fileName).toBe('trailguide-report-2-cases-2026-04-02.html');
  });

  it('prints each capture’s canonical SHA-256 beside its table, equal to the data block’s hash of its rows', async () => {
    const item = await sampleReportCase();
    const report = await buildReport({ cases: [item], now: NOW });
    const doc = parse(report.html);
    const block = dataBlock(report.html);
    const printed = [...doc.querySelectorAll('[data-testid="report-hash"]')].map((e) => e.textContent);
    expect(printed).toEqual(item.detail.captures.map((c) => c.hash));
    for (const [i, capture] of block.captures.entries()) {
      expect(capture.hash).toBe(await hashRows(capture.rows));
      expect(capture.rows).toEqual(item.detail.captures[i]!.rows);
      expect(capture.redacted).toBe(false);
    }
  });

  it('the appendix commands recompute the printed hash from the saved file (node always; jq where installed)', async () => {
    const rows = sampleRows(4);
    rows[0]!.actor = 'Zoë “quotes” \\ back\tslash 日本 😀 <b>&amp;';
    rows[1]!.raw = { '10': 'ten', '9': 'nine', é: 'accent', Time: '\u2028line' };
    const report = await buildReport({ cases: [await sampleReportCase({ rows })], now: NOW });
    const dir = mkdtempSync(join(tmpdir(), 'report-'));
    try {
      writeFileSync(join(dir, report.fileName), report.html);
      const hashes = report.data.captures.map((c) => c.hash);
      const fromNode = execFileSync('sh', ['-c', nodeCommand(report.fileName)], { cwd: dir }).toString();
      expect(fromNode.trim().split('\n')).toEqual(hashes.map((h, i) => `${i + 1} ${h} matches`));
      if (hasJq) {
        const fromJq = execFileSync('sh', ['-c', jqCommand(report.fileName, 0)], { cwd: dir }).toString();
        expect(fromJq.split(/\s/)[0]).toBe(hashes[0]);
      }
      expect(report.html).toContain(jqCommand(report.fileName, 0).replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names exactly the rows for which jq -S -c differs from the canonical JSON (and jq really does differ there)', () => {
    const jq = (rows: unknown[]): string | null => {
      try {
        return execFileSync('jq', ['-j', '-S', '-c', '.rows'], { input: JSON.stringify({ rows }), stdio: ['pipe', 'pipe', 'ignore'] }).toString();
      } catch {
        return null;
      }
    };
    const ordinary = [{ actor: 'Zoë 日本 😀 \u0001\n"\\', raw: { '10': 'a', '9': 'b', é: 'c', '\uffff': 'd' } }];
    const differing = {
      del: [{ actor: 'a\u007fb' }],
      surrogate: [{ actor: 'broken \ud800 half' }],
      keyOrder: [{ raw: { '\uffff': 'private', '😀': 'emoji' } }],
    };
    expect(jqDisagreement(ordinary)).toBeNull();
    expect(jqDisagreement(differing.del)).toContain('DEL');
    expect(jqDisagreement(differing.surrogate)).toContain('lone UTF-16 surrogate');
    expect(jqDisagreement(differing.keyOrder)).toContain('sorts in a different order');
    if (!hasJq) return;
    expect(jq(ordinary)).toBe(canonicalJson(ordinary));
    for (const rows of Object.values(differing)) expect(jq(rows)).not.toBe(canonicalJson(rows));
  });

  it('shows a template’s cover text and logo; refuses an SVG or mislabelled logo in the pack', async () => {
    const item = await sampleReportCase();
    item.branding = { cover: 'Northwind Support — quarterly access review.\n\nConfidential: for the auditors only.', logo: PNG, logoAlt: 'Northwind' };
    const doc = parse((await buildReport({ cases: [item], now: NOW })).html);
    expect(doc.querySelectorAll('[data-testid="report-cover"] p')).toHaveLength(2);
    expect(doc.querySelector('[data-testid="report-logo"]')!.getAttribute('src')).toBe(PNG);

    const base = { id: 'access-review', name: 'Access review' };
    expect(escalationTemplate.safeParse({ ...base, report: { logo: PNG } }).success).toBe(true);
    const svg = `data:image/svg+xml;base64,${btoa('<svg onload="alert(1)"/>')}`;
    expect(escalationTemplate.safeParse({ ...base, report: { logo: svg } }).success).toBe(false);
    const liar = `data:image/png;base64,${btoa('<html><script>alert(1)</script>')}`;
    const refused = escalationTemplate.safeParse({ ...base, report: { logo: liar } });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe('The logo says it is a PNG image but its contents are not.');
    expect(escalationTemplate.safeParse({ ...base, report: { logo: `data:image/png;base64,${'A'.repeat(70_000)}` } }).success).toBe(false);
    // Even if a bad logo reached the renderer, it is left out.
    item.branding = { logo: svg };
    expect(parse((await buildReport({ cases: [item], now: NOW })).html).querySelector('img')).toBeNull();
  });

  it('a case with nothing captured and no escalation still says so', async () => {
    const report = await buildReport({ cases: [{ detail: { case: caseRecord({ status: 'open', steps: [], notes: '' }), captures: [], escalations: [] } }], now: NOW });
    const body = parse(report.html).body.textContent ?? '';
    expect(body).toContain('Nothing was captured in this case.');
    expect(body).toContain('No step was marked done.');
    expect(body).toContain('Still open: no outcome recorded yet');
    expect(dataBlock(report.html).captures).toEqual([]);
  });
});
