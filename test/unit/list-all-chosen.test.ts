// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { executeFill } from '../../utils/engine/fill';
import { planFill } from '../../utils/engine/plan';
import { readBack } from '../../utils/engine/readback';
import { adapterSchema, type Adapter } from '../../utils/schema/adapter';

/**
 * Issue 12 (Redmine lab): a `list` with `multiple` whose every item is chosen — Redmine's
 * activity sidebar with every event type ticked — filters on nothing. The read-back must not
 * say "the console also filters on Event type (Issues, News, Wiki edits, Spent time)", and a
 * fresh search must not untick them all to "clear" it.
 */
beforeEach(() => {
  history.replaceState(null, '', '/projects/billing/activity');
});

const TYPES = ['issues', 'news', 'wiki_edits', 'time_entries'];
const NAMES: Record<string, string> = { issues: 'Issues', news: 'News', wiki_edits: 'Wiki edits', time_entries: 'Spent time' };

/** Redmine's sidebar: one tick box and one link per event type; a click on the link ticks or unticks its box. */
function sidebar(ticked: readonly string[]) {
  document.body.innerHTML =
    '<form id="scope"><input id="q"><ul>' +
    TYPES.map((t) => `<li><input type="checkbox" id="show_${t}"${ticked.includes(t) ? ' checked' : ''}><label for="show_${t}"><a href="?show_${t}=1">${NAMES[t]}</a></label></li>`).join('') +
    '</ul></form>';
  document.querySelectorAll<HTMLAnchorElement>('#scope a').forEach((a) =>
    a.addEventListener('click', (event) => {
      event.preventDefault();
      const box = a.closest('li')!.querySelector('input')!;
      box.checked = !box.checked;
    }),
  );
}
const tickedNow = () => [...document.querySelectorAll<HTMLInputElement>('#scope li input')].filter((box) => box.checked).map((box) => box.id.slice(5));

const adapter = (multiple: boolean): Adapter =>
  adapterSchema.parse({
    id: 'redmine-like',
    name: 'Redmine-like activity',
    vendor: 'Test',
    verified: { how: 'fixture', date: '2026-12-01' },
    match: { include: ['http://localhost/*'], present: [['#scope']] },
    fields: {
      text: { label: 'Search', dom: { selectors: ['#q'] } },
      action: { label: 'Event type', dom: { kind: 'list', ...(multiple ? { multiple: true } : {}), selectors: ['#scope ul'], selected: ['#scope li:has(> input:checked)'] } },
    },
  });

describe('a multiple list with every item chosen is no filter', () => {
  it('the read-back of a step that set no event type says nothing about it when every type is ticked', () => {
    sidebar(TYPES);
    const back = readBack(document, adapter(true), { text: 'printer' });
    expect(back.filters.filter((f) => f.name === 'action')).toEqual([]);
  });

  it('names the types when only some are ticked (a remembered filter)', () => {
    sidebar(['issues', 'news']);
    expect(readBack(document, adapter(true), { text: 'printer' }).filters.find((f) => f.name === 'action')).toMatchObject({ intended: '', shown: 'Issues, News', status: 'applied' });
    sidebar(['issues', 'news', 'wiki_edits']);
    expect(readBack(document, adapter(true), { text: 'printer' }).filters.find((f) => f.name === 'action')).toMatchObject({ shown: 'Issues, News, Wiki edits' });
  });

  it('a step that asks for every type is applied; one that asks for one type is not, while all are ticked', () => {
    sidebar(TYPES);
    expect(readBack(document, adapter(true), { action: 'Issues, News, Wiki edits, Spent time' }).filters[0]).toMatchObject({ status: 'applied' });
    expect(readBack(document, adapter(true), { action: 'Issues' }).filters[0]).toMatchObject({ status: 'not-applied', shown: 'Issues, News, Wiki edits, Spent time' });
  });

  it('a fresh search leaves an all-ticked list alone (nothing to clear) instead of unticking every type', async () => {
    sidebar(TYPES);
    const report = await executeFill(document, planFill(adapter(true), { text: 'printer' }, { submit: false, reset: true }), { findTimeoutMs: 100 });
    expect(tickedNow()).toEqual(TYPES);
    expect(report.cleared ?? []).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('a list that is not `multiple` is read as before', () => {
    sidebar(TYPES);
    expect(readBack(document, adapter(false), { text: 'printer' }).filters.find((f) => f.name === 'action')).toMatchObject({ shown: 'Issues, News, Wiki edits, Spent time' });
  });
});
