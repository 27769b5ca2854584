import { beforeAll, describe, expect, it } from 'vitest';
import { hashRows } from '../../utils/cases/canonical';
import type { CapturedRow, CaptureRecord, CaseRecord, EscalationFormat } from '../../utils/db/records';
import { buildEscalation, type BuiltEscalation } from '../../utils/escalation/build';
import { clipboardText, ticketBodyFormat } from '../../utils/escalation/compose';
import { CUT_MARK, ticketLink, TRUNCATION_NOTE, type TicketConfig, type TicketTarget } from '../../utils/escalation/tickets';
import { loadBuiltinPack } from '../../utils/pack/builtin';
import type { EscalationTemplate } from '../../utils/schema/pack';
import { sampleRows } from './cases-fixtures';

/**
 * Every template × every format × every way out (copy, ticket links): the
 * evidence — each capture's rows, each hash, the notes and what the console
 * applied — must be there, whatever the template's title and body say.
 */

const NOW = Date.UTC(2026, 2, 20, 9, 30);
const NOTES = 'Agent note: customer insists the change at 09:12 was not her (marmalade-7).';

function rowsWith(count: number, cell: { actor?: string; target?: string }, seed: number): CapturedRow[] {
  const rows = sampleRows(count, seed);
  rows[count - 1] = { ...rows[count - 1]!, ...cell };
  return rows;
}

const theCase: CaseRecord = {
  id: 'case-matrix',
  runbookId: 'settings-changed-without-permission',
  runbookTitle: 'A customer says their account settings were changed without their permission',
  packId: 'trailguide-essentials',
  adapterId: 'acme-demo',
  tool: 'Acme Admin',
  pageUrl: 'https://acme.example/audit',
  inputs: { email: 'dana.whitfield@northwind.example', range: '2026-03-01..2026-03-31' },
  steps: ['done', 'done', 'todo', 'todo', 'todo'],
  currentStep: 0,
  notes: NOTES,
  status: 'open',
  createdAt: NOW - 3_600_000,
  updatedAt: NOW - 60_000,
};

let captures: CaptureRecord[];
const DISTINCT = ['zebra-actor-1@cells.example', 'quokka-target-2'];

beforeAll(async () => {
  // Capture 1 was read back: one filter applied, one not applied, one not checkable.
  const first = rowsWith(3, { actor: DISTINCT[0] }, 0);
  // Capture 2 predates read-back (no `applied`).
  const second = rowsWith(4, { target: DISTINCT[1] }, 10);
  captures = [
    {
      id: 'cap-1', caseId: theCase.id, stepIndex: 1, sourceUrl: 'https://acme.example/audit?actor=dana', adapterId: 'acme-demo',
      filters: { actor: 'dana.whitfield@northwind.example', since: '2026-03-01', region: 'eu' }, timeRange: { from: '2026-03-01', to: null },
      capturedAt: NOW - 120_000, rows: first, rowCount: first.length, hash: await hashRows(first),
      applied: {
        filters: [
          { name: 'actor', intended: 'dana.whitfield@northwind.example', shown: 'Dana Whitfield', status: 'applied' },
          { name: 'since', intended: '2026-03-01', shown: null, status: 'not-applied', reason: 'The From box refused the date (ostrich-reason).' },
          { name: 'region', intended: 'eu', shown: null, status: 'unchecked', reason: 'The region menu could not be read (lemur-reason).' },
        ],
        timeRange: { from: null, to: null },
        readFrom: 'url+controls',
        checkedAt: NOW - 120_000,
      },
      observed: { earliest: first[0]!.time, latest: first[2]!.time, unreadable: 0 },
    },
    {
      id: 'cap-2', caseId: theCase.id, stepIndex: 3, sourceUrl: 'https://acme.example/audit?action=user.login', adapterId: 'acme-demo',
      filters: { action: 'user.login', until: '2026-03-31' }, timeRange: { from: null, to: '2026-03-31' },
      capturedAt: NOW - 60_000, rows: second, rowCount: second.length, hash: await hashRows(second),
    },
  ];
});

const pack = loadBuiltinPack();
const customTemplate: Pick<EscalationTemplate, 'id' | 'title' | 'body' | 'to'> = {
  id: 'custom',
  title: 'Custom: {{inputs.email}} ({{runbook.stepsDone}})',
  body: '## Please look\nThe agent **{{who}}** asks about {{inputs.email}} on {{tool}}.\n\nNo rows here on purpose.',
  to: 'Team lead',
};
const templates: { name: string; template: Pick<EscalationTemplate, 'id' | 'title' | 'body' | 'to'> | null }[] = [
  { name: 'default (no template)', template: null },
  ...pack.escalationTemplates.map((t) => ({ name: `built-in ${t.id}`, template: t })),
  { name: 'pack template with title and body', template: customTemplate },
];

const config: TicketConfig = {
  github: { repo: 'acme/support' },
  jira: { baseUrl: 'https://acme.atlassian.net', projectId: '10000' },
  linear: { team: 'SUP' },
  email: { to: 'oncall@acme.example' },
};
const TARGETS: TicketTarget[] = ['github', 'jira', 'linear', 'email'];
const FORMATS: EscalationFormat[] = ['markdown', 'text', 'json'];

function build(template: (typeof templates)[number]['template']): BuiltEscalation {
  return buildEscalation({ case: theCase, captures, runbook: pack.runbooks.find((r) => r.id === theCase.runbookId), template, who: 'Li Chen', now: NOW });
}

/** The written evidence every Markdown or text output must hold. */
function expectWrittenEvidence(output: string, where: string) {
  for (const capture of captures) {
    expect(output, `${where}: hash of ${capture.id}`).toContain(capture.hash);
    expect(output, `${where}: first row of ${capture.id}`).toContain(capture.rows[0]!.time!);
  }
  for (const cell of DISTINCT) expect(output, `${where}: ${cell}`).toContain(cell);
  expect(output, where).toContain(NOTES);
  expect(output, where).toMatch(/Filters applied:\**\s+`?actor`? = Dana Whitfield/);
  expect(output, where).toMatch(/Not applied:\**\s+`?since`? \(asked for 2026-03-01\): The From box refused the date \(ostrich-reason\)\./);
  expect(output, where).toMatch(/Could not check:\**\s+`?region`? \(asked for eu\): The region menu could not be read \(lemur-reason\)\./);
  expect(output, where).toMatch(/Filters not checked:\**\s+Trailguide did not read this capture’s filters back/);
  expect(output, where).toMatch(/Time range applied by the console:\**\s+not limited/);
  expect(output, where).toMatch(/Step reached:\**\s+step 2 of 5/);
  // An intended filter is never listed as applied.
  expect(output, where).not.toMatch(/Filters applied:\**[^\n]*(since|region|user\.login)/);
}

function expectJsonEvidence(json: string, where: string) {
  const parsed = JSON.parse(json);
  expect(parsed.version, where).toBe(2);
  for (const [index, capture] of captures.entries()) {
    const out = parsed.captures[index];
    expect(out.hash, where).toBe(capture.hash);
    expect(out.rows, where).toEqual(capture.rows);
  }
  expect(parsed.case.notes, where).toBe(NOTES);
  expect(parsed.captures[0].applied, where).toMatchObject({
    checked: true,
    filters: [{ name: 'actor', value: 'Dana Whitfield' }],
    notApplied: [{ name: 'since', intended: '2026-03-01', reason: 'The From box refused the date (ostrich-reason).' }],
    couldNotCheck: [{ name: 'region', intended: 'eu', reason: 'The region menu could not be read (lemur-reason).' }],
    timeRange: { from: null, to: null },
  });
  expect(parsed.captures[1].applied, where).toMatchObject({ checked: false, filters: [] });
  expect(parsed.captures[1].requested.filters, where).toContainEqual({ name: 'action', value: 'user.login' });
  expect(parsed.runbook.stepReached.number, where).toBe(2);
}

function sentBody(url: string): string {
  const params = new URL(url.replace(/^mailto:[^?]*/, 'https://mail.invalid/')).searchParams;
  return (params.get('body') ?? params.get('description'))!.replace(/\r\n/g, '\n');
}

describe.each(templates)('escalation with $name', ({ template }) => {
  it('holds the full evidence in Markdown, text and JSON, and on the clipboard', () => {
    const built = build(template);
    expectWrittenEvidence(built.markdown, 'markdown');
    expectWrittenEvidence(built.text, 'text');
    expectJsonEvidence(built.json, 'json');
    for (const format of FORMATS) {
      const copied = clipboardText(format, built.title, built[format]);
      if (format === 'json') expectJsonEvidence(copied, 'copied json');
      else expectWrittenEvidence(copied, `copied ${format}`);
    }
  });

  it('puts the template’s words above the evidence, never in its place', () => {
    const built = build(template);
    for (const format of ['markdown', 'text'] as const) {
      const evidenceAt = built[format].search(/^#* ?Case$/m);
      expect(evidenceAt, format).toBeGreaterThanOrEqual(0);
      if (template?.body) {
        const firstLine = template.body.split('\n').find((line) => line.trim())!.replace(/^#+\s*/, '');
        const wordsAt = built[format].indexOf(firstLine.replace(/\*\*/g, format === 'text' ? '' : '**').split('{{')[0]!);
        expect(wordsAt, format).toBeGreaterThanOrEqual(0);
        expect(wordsAt, format).toBeLessThan(evidenceAt);
      } else expect(evidenceAt, format).toBe(0);
    }
  });

  it.each(TARGETS)('a %s ticket body carries the full evidence whatever format is shown', (target) => {
    const built = build(template);
    for (const shown of FORMATS) {
      const bodyFormat = ticketBodyFormat(target, shown);
      const body = built[bodyFormat];
      // With room for everything, the link carries the whole escalation…
      const roomy = ticketLink(target, { title: built.title, body }, config, 10_000_000);
      expect(roomy.ok && !roomy.truncated, `${target}/${shown}`).toBe(true);
      if (roomy.ok) expectWrittenEvidence(sentBody(roomy.url), `${target} body for ${shown}`);
      // …and at the real limit it is either whole or openly cut (the caller then copies the full text).
      const real = ticketLink(target, { title: built.title, body }, config);
      expect(real.ok, `${target}/${shown}`).toBe(true);
      if (!real.ok) continue;
      const sent = sentBody(real.url);
      if (real.truncated) {
        expect(sent.startsWith(TRUNCATION_NOTE), `${target}/${shown}`).toBe(true);
        expect(sent.endsWith(CUT_MARK), `${target}/${shown}`).toBe(true);
      } else expectWrittenEvidence(sent, `${target} body at its limit for ${shown}`);
    }
  });
});

describe('the matrix covers what it claims', () => {
  it('includes every built-in template, and the ones with a body', () => {
    const ids = templates.map((t) => t.template?.id);
    for (const t of pack.escalationTemplates) expect(ids).toContain(t.id);
    expect(pack.escalationTemplates.filter((t) => t.body).map((t) => t.id)).toEqual(expect.arrayContaining(['access-request', 'missing-events']));
  });

  it('would notice a missing row: the row limit drops rows and the check fails', () => {
    const built = buildEscalation({ case: theCase, captures, template: null, now: NOW, rowLimit: 3 });
    expect(() => expectWrittenEvidence(built.markdown, 'limited')).toThrow();
    expect(built.markdown).toContain('4 rows');
    expect(built.markdown).toContain('none of this capture’s 4 rows are written here');
  });
});
