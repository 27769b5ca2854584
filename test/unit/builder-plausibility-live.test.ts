// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { assembleAdapter, type Picks } from '../../utils/builder/assemble';
import { testAdapterLive } from '../../utils/builder/live-test';
import { applyMeanings } from '../../utils/builder/meanings';

const CODES = ['user.login', 'ticket.viewed', 'user.login', 'macro.edited', 'user.login', 'ticket.viewed', 'settings.updated', 'user.login'];
const PAGE = `
<form aria-label="Filters"><input aria-label="Search"></form>
<table aria-label="Events"><tbody>
${CODES.map((code, i) => `<tr data-id="e${i}"><td><time datetime="2026-03-0${i + 1}T10:00:00.000Z">${i + 1} Mar</time></td><td>agent${i % 3}@example.org</td><td><code>${code}</code></td><td class="why">Because the customer wrote in about invoice ${4000 + i} and asked for a refund</td></tr>`).join('')}
</tbody></table>`;

function picks(overrides: Picks = {}): Picks {
  return {
    search: { selectors: ['input[aria-label="Search"]'], field: { kind: 'text', format: 'plain' } },
    row: { selectors: ['tbody tr'], container: ['table'] },
    'col-time': { selectors: ['time'] },
    'col-actor': { selectors: [':scope > td:nth-child(2)'] },
    'col-action': { selectors: ['code'] },
    ...overrides,
  };
}

function adapterFor(p: Picks) {
  const draft = assembleAdapter({ name: 'Events', pageUrl: 'http://127.0.0.1:3000/events', today: '2026-04-02', picks: p });
  if (!draft.ok) throw new Error(draft.problems.join(' '));
  return draft.adapter;
}

const verdicts = (report: Awaited<ReturnType<typeof testAdapterLive>>) => Object.fromEntries(report.columns.map((c) => [c.column, c.verdict]));

describe('the live test judges each column', () => {
  beforeEach(() => {
    document.body.innerHTML = PAGE;
  });

  it('picked right: every column works, the test passes, and the codes seen are listed', async () => {
    const report = await testAdapterLive(document, adapterFor(picks()), 'probe');
    expect(verdicts(report)).toEqual({ time: 'works', actor: 'works', action: 'works' });
    expect(report.ok).toBe(true);
    expect(report.codes).toEqual([
      { code: 'user.login', count: 4 },
      { code: 'ticket.viewed', count: 2 },
      { code: 'macro.edited', count: 1 },
      { code: 'settings.updated', count: 1 },
    ]);
  });

  it('the event type reading a reason text fails the test, by name, and offers no codes to teach', async () => {
    const report = await testAdapterLive(document, adapterFor(picks({ 'col-action': { selectors: ['td.why'] } })), 'probe');
    expect(report.ok).toBe(false);
    const action = report.columns.find((c) => c.column === 'action')!;
    expect(action.verdict).toBe('wrong');
    expect(action.reason).toContain('long free text');
    expect(action.sample).toContain('Because the customer wrote in');
    expect(report.codes).toEqual([]);
    // Rows were found and typing worked: the column alone fails it.
    expect(report.rowCount).toBe(8);
    expect(report.problems).toEqual([]);
  });

  it('a time that reads the person fails the test', async () => {
    const report = await testAdapterLive(document, adapterFor(picks({ 'col-time': { selectors: [':scope > td:nth-child(2)'] } })), 'probe');
    expect(report.ok).toBe(false);
    expect(verdicts(report).time).toBe('wrong');
    expect(verdicts(report).actor).toBe('works');
  });

  it('codes the person taught count as known', async () => {
    document.body.innerHTML = PAGE.replace(/<code>[^<]*<\/code>/g, (_, offset: number) => `<code>code.${offset}</code>`);
    const adapter = adapterFor(picks());
    const before = await testAdapterLive(document, adapter, 'probe');
    expect(verdicts(before).action).toBe('wrong');
    const codes = [...document.querySelectorAll('code')].map((c) => c.textContent!);
    const taught = applyMeanings(adapter, codes.map((code) => ({ code, meaning: `Did ${code}`, risk: 'routine' as const })));
    if (!taught.ok) throw new Error(taught.problems.join(' '));
    const after = await testAdapterLive(document, taught.adapter, 'probe');
    expect(verdicts(after).action).toBe('works');
    expect(after.ok).toBe(true);
  });
});

describe('a search box taught behind its opener (a magnifier)', () => {
  const folded = (withOpener: boolean) => {
    const adapter = adapterFor(picks());
    const search = Object.values(adapter.fields).find((f) => f.dom?.kind === 'text')!;
    search.dom = { ...search.dom!, selectors: ['input#folded-search'], open: [['button#magnifier']] };
    document.body.innerHTML = PAGE + (withOpener ? '<button id="magnifier" aria-label="Search">🔍</button>' : '');
    return adapter;
  };

  it('is found while folded away, and typing into it is neither tried nor claimed', async () => {
    const report = await testAdapterLive(document, folded(true), 'probe');
    expect(report.problems).toEqual([]);
    expect(report.fill).toBeUndefined();
    expect(report.ok).toBe(true);
  });

  it('is missing when its opener is gone too', async () => {
    const report = await testAdapterLive(document, folded(false), 'probe');
    expect(report.ok).toBe(false);
    expect(report.problems.join(' ')).toContain("couldn't find the");
  });
});
