import { describe, expect, it } from 'vitest';
import { loadBuiltinPack } from '../../utils/pack/builtin';
import { COMMON_FILTERS } from '../../utils/schema/common';
import type { Runbook } from '../../utils/schema/runbook';

/**
 * The built-in library is the first thing every agent sees; these checks keep each
 * runbook complete and internally consistent (inputs used by steps exist, terms are
 * explained, escalations point somewhere real).
 */
const pack = loadBuiltinPack();
const PLACEHOLDER = /\{\{\s*([^}]*?)\s*\}\}/g;
const glossaryTerms = new Set(pack.glossary.map((entry) => entry.term));
const templateIds = new Set(pack.escalationTemplates.map((template) => template.id));

function placeholdersOf(value: string): string[] {
  return [...value.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
}

/** Placeholders a runbook may use: every input, plus range.from/range.to for date ranges. */
function allowedPlaceholders(runbook: Runbook): Set<string> {
  const allowed = new Set<string>();
  for (const input of runbook.inputs) {
    allowed.add(input.name);
    if (input.type === 'dateRange') {
      allowed.add(`${input.name}.from`);
      allowed.add(`${input.name}.to`);
    }
  }
  return allowed;
}

describe('the built-in runbook library', () => {
  it('loads and holds at least 14 runbooks, including the two seeds', () => {
    expect(pack.runbooks.length).toBeGreaterThanOrEqual(14);
    const ids = pack.runbooks.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['settings-changed-without-permission', 'compliance-access-history']));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps the seed runbook the e2e tests rely on at five steps', () => {
    const seed = pack.runbooks.find((r) => r.id === 'settings-changed-without-permission');
    expect(seed?.steps).toHaveLength(5);
    expect(seed?.inputs.map((i) => i.name)).toEqual(['email', 'range']);
  });

  describe.each(pack.runbooks.map((r) => [r.id, r] as const))('%s', (_id, runbook) => {
    it('has inputs with examples, enough steps, outcomes, permissions and an escalation', () => {
      expect(runbook.inputs.length).toBeGreaterThan(0);
      for (const input of runbook.inputs) {
        expect(input.example ?? input.default, `input "${input.name}" needs an example`).toBeTruthy();
      }
      expect(runbook.steps.length).toBeGreaterThanOrEqual(3);
      expect(runbook.outcomes.length).toBeGreaterThanOrEqual(2);
      expect(runbook.permissions.length).toBeGreaterThan(0);
      expect(runbook.escalation?.when).toBeTruthy();
      expect(runbook.tools).toEqual(['any']);
    });

    it('starts its guide with "## How to read this log"', () => {
      expect(runbook.guide.startsWith('## How to read this log')).toBe(true);
    });

    it('fills filters only from the common vocabulary and its own inputs', () => {
      const allowed = allowedPlaceholders(runbook);
      for (const [index, step] of runbook.steps.entries()) {
        const action = step.action;
        if (!action || (action.type !== 'fill' && action.type !== 'navigate')) continue;
        for (const [filter, value] of Object.entries(action.filters)) {
          expect(COMMON_FILTERS as readonly string[], `steps[${index}] filter "${filter}"`).toContain(filter);
          for (const name of placeholdersOf(value)) {
            expect(allowed.has(name), `steps[${index}].${filter} uses {{${name}}}, which is not an input`).toBe(true);
          }
        }
      }
    });

    it('uses every input it asks for', () => {
      const used = new Set(
        runbook.steps.flatMap((step) =>
          step.action && 'filters' in step.action ? Object.values(step.action.filters).flatMap(placeholdersOf) : [],
        ),
      );
      const usedRoots = new Set([...used].map((name) => name.split('.')[0]));
      // Inputs that only go into the escalation (what the agent saw) are allowed not to be in filters.
      const unused = runbook.inputs.filter((input) => !usedRoots.has(input.name) && !['what', 'message'].includes(input.name));
      expect(unused.map((i) => i.name)).toEqual([]);
    });

    it('explains every term it lists in the glossary', () => {
      expect(runbook.terms.length).toBeGreaterThan(0);
      const missing = runbook.terms.filter((term) => !glossaryTerms.has(term));
      expect(missing).toEqual([]);
    });

    it('escalates through templates that exist', () => {
      const referenced = [
        runbook.escalation?.template,
        ...runbook.steps.map((step) => (step.action?.type === 'escalate' ? step.action.template : undefined)),
      ].filter((id): id is string => Boolean(id));
      expect(referenced.length).toBeGreaterThan(0);
      for (const id of referenced) expect(templateIds, `template "${id}"`).toContain(id);
    });

    it('says what to do when an outcome needs escalating', () => {
      expect(runbook.outcomes.some((outcome) => outcome.escalate)).toBe(true);
      for (const outcome of runbook.outcomes) expect(outcome.next ?? outcome.meaning).toBeTruthy();
    });
  });

  it('keeps the glossary free of duplicate global terms', () => {
    const global = pack.glossary.filter((entry) => entry.tool === 'any').map((entry) => entry.term);
    expect(new Set(global).size).toBe(global.length);
  });

  it('keeps the original escalation template ids', () => {
    expect([...templateIds]).toEqual(expect.arrayContaining(['engineering-escalation', 'security-escalation']));
  });
});
