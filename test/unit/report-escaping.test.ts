// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { CapturedRow } from '../../utils/db/records';
import { escapeHtml, html, jsonForScript, toMarkup } from '../../utils/report/html';
import { buildReport } from '../../utils/report/render';
import { dataBlock, NOW, sampleReportCase } from './report-fixtures';

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(2)>',
  "'><svg onload=alert(3)>",
  '</script><script>alert(4)</script>',
  '<!-- <script>',
  '</tbody></table><a href="https://evil.example/">click</a>',
  '\u2028\u2029&amp;&lt;',
  '<style>body{display:none}</style>',
];

function hostileRows(): CapturedRow[] {
  return HOSTILE.map((text, i) => ({
    time: i === 0 ? '2026-03-01T10:00:00.000Z' : null,
    actor: text,
    action: text,
    target: text,
    ip: text.slice(0, 100),
    result: text,
    raw: { [`col ${i} "<x>"`]: text, Time: text },
  }));
}

describe('audit report escaping (rows are untrusted page text)', () => {
  it('escapes every interpolated value and keeps nested html as markup', () => {
    expect(escapeHtml(`<a href="x" title='y'>&`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;');
    const inner = html`<b>${'<i>'}</b>`;
    expect(toMarkup(html`<p title="${'"onmouseover="x'}">${inner}${['<', 1, null, false]}</p>`)).toBe(
      '<p title="&quot;onmouseover=&quot;x"><b>&lt;i&gt;</b>&lt;1</p>',
    );
    expect(toMarkup(jsonForScript({ a: '</script><!--&\u2028' }))).toBe('{"a":"\\u003c/script\\u003e\\u003c!--\\u0026\\u2028"}');
    expect(JSON.parse(toMarkup(jsonForScript({ a: '</script><!--&\u2028' })))).toEqual({ a: '</script><!--&\u2028' });
  });

  it('hostile rows, notes, inputs and titles stay text: no element, attribute or script comes from them', async () => {
    const rows = hostileRows();
    const item = await sampleReportCase({
      rows,
      case: { runbookTitle: HOSTILE[0]!, notes: HOSTILE[1]!, inputs: { email: HOSTILE[3]! }, pageUrl: HOSTILE[5]! },
      escalations: [],
    });
    item.branding = { cover: HOSTILE[2]!, logoAlt: HOSTILE[1]! };
    item.adapterName = HOSTILE[6]!;
    const report = await buildReport({ cases: [item], now: NOW, preparedBy: HOSTILE[4]!, period: [{ label: HOSTILE[0]!, value: HOSTILE[3]! }] });
    const doc = new DOMParser().parseFromString(report.html, 'text/html');

    expect([...doc.querySelectorAll('script')].map((s) => s.getAttribute('type'))).toEqual(['application/json']);
    expect(doc.querySelectorAll('img, svg, a[href^="http"], iframe, style')).toHaveLength(1); // the report's own <style>
    expect(doc.querySelectorAll('[onerror], [onload], [onmouseover]')).toHaveLength(0);
    expect(doc.querySelectorAll('table')).toHaveLength(2);
    // Each hostile string shows as the text it was.
    const shown = [...doc.querySelectorAll('[data-capture-index="0"] [data-testid="report-row"] [data-f="actor"]')].map((td) => td.textContent);
    expect(shown).toEqual(HOSTILE);
    expect(doc.querySelector('[data-testid="report-notes"]')!.textContent).toBe(HOSTILE[1]);
    expect(doc.querySelector('[data-testid="report-cover"]')!.textContent).toBe(HOSTILE[2]);
    // The data block reads back to the very rows (the file is still one block, whole).
    expect(dataBlock(report.html).captures[0]!.rows).toEqual(rows);
    expect(report.html.match(/<\/script>/g)).toHaveLength(1);
    expect(report.html.match(/^<script/gm)).toHaveLength(1);
  });
});
