import { describe, expect, it } from 'vitest';
import { datesInBoxesOf, describeAction, fieldNamesOf } from '../../components/panel/describe-action';
import { adapterField } from '../../utils/schema/adapter';
import { stepAction } from '../../utils/schema/runbook';

/**
 * Issue 12 (Redmine lab): the step sentence said "Fills the log's search with to: 24 Nov 2026
 * UTC" — the common name of the field, not what the console calls it. It names each filter by
 * the adapter's `label`, else by a plain word, and never by the raw key.
 */
const until = stepAction.parse({ type: 'fill', filters: { until: '2026-11-24T23:59:59.999Z' } });
const redmine = {
  fields: {
    until: adapterField.parse({ label: 'Days up to', url: { param: 'from', format: 'date' }, dom: { kind: 'date', format: 'date', zone: 'utc', selectors: ['#from'] } }),
    actor: adapterField.parse({ label: 'User', url: { param: 'user_id' } }),
    show_types: adapterField.parse({ url: { param: 'show' } }),
  },
};

describe('the step sentence names each filter as the console does', () => {
  it('uses the adapter field’s label', () => {
    const sentence = describeAction(until, {}, undefined, datesInBoxesOf(redmine), fieldNamesOf(redmine));
    expect(sentence).toMatch(/^Fills the log’s search with Days up to: 24 Nov 2026/);
    expect(sentence).not.toMatch(/with to: /);
    const two = stepAction.parse({ type: 'navigate', filters: { actor: 'Alice Moreau', until: '2026-11-24T23:59:59.999Z' } });
    expect(describeAction(two, {}, undefined, datesInBoxesOf(redmine), fieldNamesOf(redmine))).toBe('Opens the log with User: Alice Moreau; Days up to: 2026-11-24.');
  });

  it('without a label: a plain word for the common filters, and a readable name for the adapter’s own keys', () => {
    expect(describeAction(until)).toBe('Fills the log’s search with until: 2026-11-24. Any other filter still set is cleared first.');
    const since = stepAction.parse({ type: 'navigate', filters: { since: '2026-11-01T00:00:00.000Z', show_types: 'issues', projectId: 'billing' } });
    const sentence = describeAction(since, {}, undefined, undefined, fieldNamesOf(redmine));
    expect(sentence).toBe('Opens the log with since: 2026-11-01; show types: issues; project id: billing.');
    expect(sentence).not.toMatch(/show_types|projectId/);
  });

  it('no adapter, or a field without a label: no name from the adapter', () => {
    expect(fieldNamesOf(null)('until')).toBeUndefined();
    expect(fieldNamesOf(redmine)('show_types')).toBeUndefined();
    expect(fieldNamesOf(redmine)('until')).toBe('Days up to');
  });
});
