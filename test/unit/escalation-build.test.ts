import { describe, expect, it } from 'vitest';
import { hashRows } from '../../utils/cases/canonical';
import type { CaptureRecord, CaseRecord } from '../../utils/db/records';
import { buildEscalation } from '../../utils/escalation/build';
import { markdownTable, textTable } from '../../utils/escalation/format';
import { markdownTemplateToPlain, renderTemplate, tidyTitle } from '../../utils/escalation/template';
import { loadBuiltinPack } from '../../utils/pack/builtin';
import { sampleRows } from './cases-fixtures';

const NOW = Date.UTC(2026, 2, 20, 9, 30);

function theCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id: 'case-1',
    runbookId: 'settings-changed-without-permission',
    runbookTitle: 'A customer says their account settings were changed without their permission',
    packId: 'trailguide-essentials',
    adapterId: 'acme-demo',
    tool: 'Acme Admin',
    pageUrl: 'https://acme.example/audit?q=settings',
    inputs: { email: 'dana.whitfield@northwind.example', range: '2026-03-01..2026-03-31' },
    steps: ['done', 'done', 'todo', 'todo'],
    currentStep: 2,
    notes: 'Customer says she never changed her MFA setting.',
    status: 'open',
    createdAt: Date.UTC(2026, 2, 20, 9, 0),
    updatedAt: Date.UTC(2026, 2, 20, 9, 10),
    ...overrides,
  };
}

async function capture(id: string, rowCount: number, filters: Record<string, string>, at: number, range = { from: '2026-03-01', to: '2026-03-31' }): Promise<CaptureRecord> {
  const rows = sampleRows(rowCount);
  return { id, caseId: 'case-1', stepIndex: 1, sourceUrl: `https://acme.example/audit?action=${filters.action ?? ''}`, adapterId: 'acme-demo', filters, timeRange: range, capturedAt: at, rows, rowCount, hash: await hashRows(rows) };
}

const runbook = loadBuiltinPack().runbooks.find((r) => r.id === 'settings-changed-without-permission')!;

describe('buildEscalation', () => {
  it('puts event types, time ranges, every filter, rows and hashes in all three formats', async () => {
    // The first capture was read back from the console; the second predates read-back.
    const checked = await capture('cap-1', 3, { target: 'dana.whitfield@northwind.example', action: 'account.settings_changed', since: '2026-03-01', until: '2026-03-31', region: 'eu' }, NOW - 60_000);
    const first: CaptureRecord = {
      ...checked,
      applied: {
        filters: [
          { name: 'action', intended: 'account.settings_changed', shown: 'account.settings_changed', status: 'applied' },
          { name: 'target', intended: 'dana.whitfield@northwind.example', shown: 'dana.whitfield@northwind.example', status: 'applied' },
          { name: 'since', intended: '2026-03-01', shown: '2026-03-01', status: 'applied' },
          { name: 'until', intended: '2026-03-31', shown: '2026-03-31', status: 'applied' },
          { name: 'region', intended: 'eu', shown: 'eu', status: 'applied' },
        ],
        timeRange: { from: '2026-03-01', to: '2026-03-31' },
        readFrom: 'url',
        checkedAt: NOW - 60_000,
      },
    };
    const second = await capture('cap-2', 2, { actor: 'dana.whitfield@northwind.example', action: 'user.login' }, NOW - 30_000, { from: '2026-02-15', to: '2026-03-31' });
    const built = buildEscalation({ case: theCase(), captures: [second, first], runbook, adapterName: 'Acme Admin (demo)', who: 'Li Chen', now: NOW });

    for (const output of [built.markdown, built.text, built.json]) {
      expect(output).toContain('account.settings_changed');
      expect(output).toContain('user.login');
      expect(output).toContain('2026-02-15');
      expect(output).toContain('2026-03-31');
      expect(output).toContain('region');
      expect(output).toContain(first.hash);
      expect(output).toContain(second.hash);
      expect(output).toContain(first.rows[0]!.time!);
      expect(output).toContain('Customer says she never changed her MFA setting.');
      expect(output).toContain('https://acme.example/audit?q=settings');
      expect(output).toContain('Li Chen');
    }
    expect(built.title).toBe(`${runbook.title}: dana.whitfield@northwind.example, 2026-03-01..2026-03-31`);
    // Only the checked capture's event type counts as searched; the legacy one's was only asked for.
    expect(built.markdown).toContain('- **Event types searched:** `account.settings_changed`\n');
    expect(built.markdown).toContain('- **Event types asked for but not confirmed on the console:** `user.login`');
    expect(built.markdown).toContain('- **Time range applied by the console:** not checked for every capture');
    expect(built.markdown).toContain('  - **Filters applied:** `action` = account.settings_changed; `target` = dana.whitfield@northwind.example; `since` = 2026-03-01; `until` = 2026-03-31; `region` = eu');
    expect(built.markdown).toContain('  - **Time range applied by the console:** not checked (the runbook asked for 2026-02-15 → 2026-03-31)');
    expect(built.markdown).toContain('  - **Filters not checked:** Trailguide did not read this capture’s filters back');
    expect(built.markdown).toContain('| Time | Actor | Action | Target | IP | Result |');
    // Steps done, done, todo, todo: the furthest step done is step 2 (the panel was showing step 3).
    expect(built.markdown).toContain(`Step reached:** step 2 of ${runbook.steps.length} — ${runbook.steps[1]!.title} (2 of ${runbook.steps.length} steps done)`);
    expect(built.text).not.toMatch(/\*\*|^## /m);
    expect(built.text).toContain('What was searched\n-----------------');
    expect(built.text).toContain('- Event types searched: account.settings_changed');

    const json = JSON.parse(built.json);
    expect(Object.keys(json)).toEqual(['format', 'version', 'title', 'templateId', 'to', 'message', 'preparedBy', 'preparedAt', 'runbook', 'case', 'page', 'search', 'results', 'captures', 'integrity']);
    expect(json.version).toBe(2);
    expect(json.search.eventTypes).toEqual(['account.settings_changed']);
    expect(json.search.eventTypesUnconfirmed).toEqual(['user.login']);
    expect(json.search.timeRangeApplied).toBeNull();
    expect(json.captures[0].applied.filters).toContainEqual({ name: 'region', value: 'eu' });
    expect(json.captures[0].applied.timeRange).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(json.captures[1].applied).toMatchObject({ checked: false, filters: [], timeRange: null });
    expect(json.captures[1].requested.filters).toContainEqual({ name: 'actor', value: 'dana.whitfield@northwind.example' });
    expect(json.captures.map((c: { id: string }) => c.id)).toEqual(['cap-1', 'cap-2']);
    expect(json.results).toMatchObject({ captureCount: 2, rowCount: 5, rowsShown: 5 });
    expect(json.page.adapterName).toBe('Acme Admin (demo)');
    expect(json.runbook.stepReached).toEqual({ number: 2, title: runbook.steps[1]!.title });
  });

  it('shows a count and the first N rows when there are many', async () => {
    const big = await capture('cap-big', 120, { action: 'user.login' }, NOW);
    const built = buildEscalation({ case: theCase(), captures: [big], now: NOW, rowLimit: 10 });
    expect(built.markdown).toContain('120 rows in 1 capture; the first 10 are below (110 more');
    expect(built.markdown.split('\n').filter((l) => l.startsWith('| 2026-')).length).toBe(10);
    const json = JSON.parse(built.json);
    expect(json.captures[0].rows).toHaveLength(10);
    expect(json.captures[0].rowsOmitted).toBe(110);
  });

  it('uses the pack template with placeholders, and is stable', async () => {
    const cap = await capture('cap-1', 2, { action: 'user.login' }, NOW);
    const template = { id: 't', title: 'Review: {{runbook.title}} ({{inputs.summary}})', body: '# For {{inputs.email}}\n**{{capture.count}} rows**, filters:\n{{filters}}\n{{rows}}\n{{unknown.thing}}end', to: 'Security' };
    const input = { case: theCase({ inputs: { email: 'x@y.example', summary: 'MFA changed' } }), captures: [cap], template, now: NOW };
    const built = buildEscalation(input);
    expect(built.title).toBe(`Review: ${theCase().runbookTitle} (MFA changed)`);
    expect(built.markdown).toMatch(/^# For x@y\.example\n\*\*2 rows\*\*, filters:\n- \*\*Capture 1/);
    expect(built.markdown).toContain('\nend');
    expect(built.text).toMatch(/^For x@y\.example\n-+\n2 rows, filters:/);
    // The template's words come first; the evidence follows in full, whatever the body asked for.
    expect(built.markdown).toMatch(/end\n\n## Case\n/);
    expect(built.markdown).toContain(cap.hash);
    expect(JSON.parse(built.json)).toMatchObject({ templateId: 't', to: 'Security' });
    expect(JSON.parse(built.json).message).toMatch(/^For x@y\.example/);
    expect(buildEscalation(input)).toEqual(built);
  });

  it('says so plainly when nothing was captured, and takes event types from the runbook', () => {
    const built = buildEscalation({ case: theCase({ currentStep: 1 }), captures: [], runbook, now: NOW });
    expect(built.markdown).toContain('Nothing was captured from the log.');
    // The runbook names a kind of event (runbooks/kinds.yaml), not the demo console's code.
    expect(built.markdown).toContain('`account settings changed (event kind)`');
    // Nothing was captured, so no time range was read from the console (it used to print the intended range as "not limited").
    expect(built.markdown).toContain('**Time range applied by the console:** not recorded (nothing was captured)');
    expect(built.markdown).toContain('No rows were captured');
    // With the packs' kinds, the kind is named as the packs name it.
    const named = buildEscalation({ case: theCase({ currentStep: 1 }), captures: [], runbook, now: NOW, kinds: [{ id: 'account-settings-changed', name: 'Account settings changed' }] });
    expect(named.markdown).toContain('`Account settings changed (event kind)`');
    expect(named.markdown).not.toContain('kind:');
  });

  it('redacts chosen columns and masks e-mails and IPs in every format', async () => {
    const cap = await capture('cap-1', 3, { actor: 'dana.whitfield@northwind.example', action: 'user.login' }, NOW);
    const built = buildEscalation({ case: theCase(), captures: [cap], now: NOW, redaction: { emails: true, ips: true, columns: ['Details'] } });
    for (const output of [built.title, built.markdown, built.text, built.json]) {
      expect(output).not.toContain('dana.whitfield@');
      expect(output).not.toMatch(/203\.0\.113\.\d/);
    }
    expect(built.markdown).toContain('d***@northwind.example');
    expect(built.markdown).toContain('203.0.*.*');
    expect(built.markdown).toContain('the hashes are of the rows as captured');
    const json = JSON.parse(built.json);
    expect(json.captures[0].rows[0].raw.Details).toBe('[redacted]');
    expect(json.captures[0].hash).toBe(cap.hash);
  });
});

describe('formatting helpers', () => {
  it('escapes pipes and line breaks in Markdown cells', () => {
    const [row] = sampleRows(1);
    const table = markdownTable([{ ...row!, actor: 'a|b\nc' }]);
    expect(table).toContain('a\\|b c');
    expect(table.split('\n')).toHaveLength(3);
  });

  it('aligns plain-text columns', () => {
    const lines = textTable(sampleRows(2)).split('\n');
    expect(lines[0]!.indexOf('Actor')).toBe(lines[2]!.indexOf('dana'));
  });

  it('renders placeholders, strips Markdown for text and tidies titles', () => {
    expect(renderTemplate('{{ a }}-{{b.c}}-{{missing}}-{{constructor}}', { a: '1', 'b.c': '2' })).toBe('1-2--');
    expect(markdownTemplateToPlain('## Head\n- **Bold:** `code` and [link](https://x.example) and *em*')).toBe('Head\n----\n- Bold: code and link (https://x.example) and em');
    expect(tidyTitle('Title:  ')).toBe('Title');
    expect(tidyTitle('Review ()')).toBe('Review');
  });
});
