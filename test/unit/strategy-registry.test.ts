import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STRATEGIES } from '../../utils/engine/strategies';
import { FIELD_WIDGET, LAB_ADAPTER, expectedStates } from '../widgets/lab-pack';

/** The registry's convention (DESIGN.md §5): every strategy has its unit test and a widget in the lab. */
const root = resolve(import.meta.dirname, '../..');
const labSources = ['react-lab.tsx', 'vanilla-lab.ts', 'vue-lab.ts', 'vuetify-lab.ts', 'monaco-lab.ts'].map((f) => readFileSync(resolve(root, 'test/widgets/src', f), 'utf8')).join('\n');

describe('widget strategy registry', () => {
  it('has unique ids, and the catch-all native-text strategy last', () => {
    const ids = STRATEGIES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.at(-1)).toBe('native-text');
  });

  it.each(STRATEGIES.map((s) => s.id))('%s has a unit test', (id) => {
    expect(existsSync(resolve(root, `test/unit/strategy-${id}.test.ts`)), `add test/unit/strategy-${id}.test.ts`).toBe(true);
  });

  /**
   * Generic families that are a console's own markup rather than a library's widget are proven
   * on a fixture console and its e2e instead of the lab: strategy id → the console's page.
   */
  const ON_A_CONSOLE: Record<string, string> = { list: 'test/fixtures/consoles/gestures/page.html' };

  it.each(Object.entries(ON_A_CONSOLE))('%s fills a list on its fixture console (%s)', (id, page) => {
    expect(STRATEGIES.map((s) => s.id)).toContain(id);
    expect(readFileSync(resolve(root, page), 'utf8')).toMatch(/data-list=/);
  });

  it.each(STRATEGIES.map((s) => s.id).filter((id) => !(id in ON_A_CONSOLE)))('%s fills a widget in the lab', (id) => {
    const fields = Object.entries(FIELD_WIDGET).filter(([, w]) => w.strategy === id);
    expect(fields.length, `give ${id} a widget in test/widgets/ and a field in lab-pack.ts`).toBeGreaterThan(0);
    for (const [field, { widget }] of fields) {
      expect(LAB_ADAPTER.fields).toHaveProperty(field);
      // The widget is on the lab page and the e2e knows the state it must end in.
      expect(labSources).toMatch(new RegExp(`['"]${widget}['"]`));
      expect(expectedStates('UTC')).toHaveProperty([widget]);
    }
  });

  it('every field of the lab adapter is filled by the lab runbook and mapped to a widget', () => {
    expect(Object.keys(FIELD_WIDGET).sort()).toEqual(Object.keys(LAB_ADAPTER.fields).sort());
  });
});
