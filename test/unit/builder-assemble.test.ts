import { describe, expect, it } from 'vitest';
import { adapterIdFor, assembleAdapter, matchPatternsFor, missingSteps, type Picks } from '../../utils/builder/assemble';
import { urlMatches } from '../../utils/detect';
import { planFill } from '../../utils/engine/plan';
import { adapterSchema } from '../../utils/schema/adapter';

const PAGE = 'http://127.0.0.1:41873/admin/activity?tab=all#top';
const picks: Picks = {
  search: { selectors: ['input[aria-label="Search activity"]'], field: { kind: 'text', format: 'plain' } },
  actor: { selectors: ['input[name="agent"]'], field: { kind: 'text', format: 'plain' } },
  action: { selectors: ['select[name="eventType"]'], field: { kind: 'select', format: 'plain' } },
  since: { selectors: ['#activity-from'], field: { kind: 'date', format: 'date' } },
  until: { selectors: ['input[aria-label="To date"]'], field: { kind: 'date', format: 'date' } },
  submit: { selectors: ['form[aria-label="Activity filters"] button[type="submit"]'] },
  row: { selectors: ['[role="grid"][aria-label="Activity"] div[role="row"][data-key]'], container: ['[role="grid"][aria-label="Activity"]'] },
  'col-time': { selectors: [':scope > div[role="gridcell"]:nth-child(1)'], attr: 'title' },
  'col-actor': { selectors: [':scope > div[role="gridcell"]:nth-child(2) > span:nth-of-type(1)'] },
  'col-action': { selectors: ['code'] },
  'col-target': { selectors: [':scope > div[role="gridcell"]:nth-child(4)'] },
  next: { selectors: ['button[aria-label="Next page"]'] },
};

describe('assembling a taught adapter', () => {
  it('builds an adapter that the strict pack schema accepts', () => {
    const result = assembleAdapter({ name: 'Helpdesk activity', pageUrl: PAGE, picks, today: '2026-04-02' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const adapter = result.adapter;
    expect(adapterSchema.safeParse(JSON.parse(JSON.stringify(adapter))).success).toBe(true);
    expect(adapter.id).toBe('helpdesk-activity');
    expect(adapter.verified).toEqual({ how: 'taught', date: '2026-04-02' });
    expect(adapter.match.include).toEqual(['http://127.0.0.1:*/admin/activity*']);
    expect(adapter.match.present).toEqual([['input[aria-label="Search activity"]'], ['[role="grid"][aria-label="Activity"]']]);
    expect(adapter.fields.action?.dom).toEqual({ selectors: ['select[name="eventType"]'], kind: 'select', format: 'plain' });
    expect(adapter.fields.since?.dom?.format).toBe('date');
    expect(adapter.submit).toEqual({ via: 'click', selectors: ['form[aria-label="Activity filters"] button[type="submit"]'] });
    expect(adapter.results?.columns.time).toEqual({ selectors: [':scope > div[role="gridcell"]:nth-child(1)'], attr: 'title' });
    expect(adapter.results?.next).toEqual(['button[aria-label="Next page"]']);
  });

  it('lets the free-text search carry target and IP filters, and the fill plan uses every picked control', () => {
    const result = assembleAdapter({ name: 'Helpdesk activity', pageUrl: PAGE, picks, today: '2026-04-02' });
    if (!result.ok) throw new Error(result.problems.join(' '));
    expect(result.adapter.fields.ip?.dom?.selectors).toEqual(picks.search!.selectors);
    const plan = planFill(result.adapter, { actor: 'alice@x.example', action: 'user.login_failed', since: '2026-03-01T00:00:00.000Z', until: '2026-03-31T23:59:59.999Z' });
    expect(plan.unfillable).toEqual([]);
    expect(plan.steps.map((s) => [s.fields[0], s.value])).toEqual([
      ['actor', 'alice@x.example'],
      ['action', 'user.login_failed'],
      ['since', '2026-03-01'],
      ['until', '2026-03-31'],
    ]);
    expect(plan.submit.via).toBe('click');
  });

  it('matches the page it was taught on (any port on a local host) and not other paths', () => {
    const [pattern] = matchPatternsFor(PAGE);
    const entry = { include: [pattern!], exclude: [] };
    expect(urlMatches(entry, 'http://127.0.0.1:5555/admin/activity')).toBe(true);
    expect(urlMatches(entry, 'http://127.0.0.1:5555/admin/activity?page=2')).toBe(true);
    expect(urlMatches(entry, 'http://127.0.0.1:5555/admin/tickets')).toBe(false);
    expect(matchPatternsFor('https://ops.example.com:8443/logs/')).toEqual(['https://ops.example.com:8443/logs*']);
    expect(matchPatternsFor('file:///tmp/page.html')).toEqual([]);
  });

  it('says what is still missing instead of saving half an adapter', () => {
    const partial: Picks = { row: picks.row! };
    expect(missingSteps(partial)).toEqual(['search', 'col-time', 'col-actor', 'col-action']);
    const result = assembleAdapter({ name: '', pageUrl: PAGE, picks: partial, today: '2026-04-02' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatch(/Give this console a name/);
    expect(result.problems[1]).toMatch(/Point at these first: search box, its time, its person, its event type/);
  });

  it('falls back to Enter when no search button was picked', () => {
    const { submit: _unused, ...rest } = picks;
    const result = assembleAdapter({ name: 'Ops log', pageUrl: PAGE, picks: rest, today: '2026-04-02' });
    expect(result.ok && result.adapter.submit).toEqual({ via: 'enter' });
  });

  it('turns any name into a valid id', () => {
    expect(adapterIdFor('Helpdesk activity')).toBe('helpdesk-activity');
    expect(adapterIdFor('  Café — Admin Log (prod) ')).toBe('cafe-admin-log-prod');
    expect(adapterIdFor('!!')).toBe('taught-console');
  });
});
