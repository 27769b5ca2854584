// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { captureRows, readVisibleRows } from '../../utils/engine/capture';
import { explainRow, glossaryMapFor } from '../../utils/engine/explain';
import { compileRowQuery } from '../../utils/engine/query';
import { loadBuiltinPack } from '../../utils/pack/builtin';
import { adapterSchema, type Adapter } from '../../utils/schema/adapter';

const demo = loadBuiltinPack().adapters.find((a) => a.id === 'acme-demo')!;

interface Event {
  id: string;
  time: string;
  actor: string;
  action: string;
  target: string;
  ip: string;
  result: string;
}

function events(count: number, offset = 0): Event[] {
  return Array.from({ length: count }, (_, i) => {
    const n = i + offset;
    return {
      id: `evt_${n}`,
      time: new Date(Date.UTC(2026, 2, 1, 0, n)).toISOString(),
      actor: `user${n % 7}@acme.example`,
      action: n % 2 ? 'user.login' : 'account.settings_changed',
      target: `target-${n}`,
      ip: `203.0.113.${n % 250}`,
      result: n % 5 ? 'success' : 'failure',
    };
  });
}

/** Rows exactly as the demo console renders them (demo/public/pages/audit.js). */
function rowHtml(e: Event, { withActor = true } = {}): string {
  return (
    `<tr data-event-id="${e.id}" tabindex="0">` +
    `<td class="col-time"><time datetime="${e.time}">Mar 1, 2026</time></td>` +
    (withActor ? `<td class="col-actor">${e.actor}</td>` : '') +
    `<td class="col-action"><span class="event-label">Label</span> <code>${e.action}</code></td>` +
    `<td class="col-target">${e.target}</td>` +
    `<td class="col-ip" data-country="NL">${e.ip}</td>` +
    `<td class="col-result" data-result="${e.result}"><span class="badge">${e.result === 'success' ? 'Success' : 'Failure'}</span></td>` +
    '</tr>'
  );
}

/** A paginated results card: Next loads the following page after `latencyMs`, showing aria-busy meanwhile. */
function mountPagedTable(pages: Event[][], latencyMs = 20): { loads: () => number } {
  let page = 0;
  let loads = 0;
  document.body.innerHTML =
    '<div class="results" aria-busy="false"><table class="audit-table"><tbody></tbody></table>' +
    '<button aria-label="Next page">Next</button></div>';
  const card = document.querySelector('.results')!;
  const tbody = document.querySelector('tbody')!;
  const next = document.querySelector<HTMLButtonElement>('button')!;
  const render = () => {
    tbody.innerHTML = pages[page]!.map((e) => rowHtml(e)).join('');
    next.disabled = page >= pages.length - 1;
  };
  next.addEventListener('click', () => {
    loads++;
    card.setAttribute('aria-busy', 'true');
    tbody.innerHTML = '';
    setTimeout(() => {
      page++;
      card.setAttribute('aria-busy', 'false');
      render();
    }, latencyMs);
  });
  render();
  return { loads: () => loads };
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('captureRows', () => {
  it('reads the demo markup into normalised rows, using attributes where the adapter says', () => {
    const first = events(2)[1];
    document.body.innerHTML = `<table class="audit-table"><tbody>${rowHtml(first!)}</tbody></table>`;
    const { rows, warnings } = readVisibleRows(document, demo);
    expect(warnings).toEqual([]);
    expect(rows).toEqual([
      {
        time: first!.time,
        actor: first!.actor,
        action: first!.action,
        target: first!.target,
        ip: first!.ip,
        result: 'Success',
        raw: { time: first!.time, actor: first!.actor, action: first!.action, target: first!.target, ip: first!.ip, result: 'Success' },
      },
    ]);
  });

  it('follows Next across pages until the last one, reporting progress', async () => {
    const all = events(25);
    const table = mountPagedTable([all.slice(0, 10), all.slice(10, 20), all.slice(20)]);
    const progress: number[] = [];
    const result = await captureRows(document, demo, { limit: 1_000, onProgress: (p) => progress.push(p.captured) });
    expect(result.stoppedBecause).toBe('last-page');
    expect(result.pages).toBe(3);
    expect(table.loads()).toBe(2);
    expect(result.rows.map((r) => r.target)).toEqual(all.map((e) => e.target));
    expect(progress).toEqual([10, 20, 25]);
    expect(result.rowSelector).toBe('table.audit-table tbody tr[data-event-id]');
  });

  it('stops at the limit without loading more pages than needed', async () => {
    const all = events(30);
    const table = mountPagedTable([all.slice(0, 10), all.slice(10, 20), all.slice(20)]);
    const result = await captureRows(document, demo, { limit: 15 });
    expect(result.stoppedBecause).toBe('limit');
    expect(result.rows).toHaveLength(15);
    expect(table.loads()).toBe(1);
  });

  it('drops rows a later page shows again (a page that repeats the previous one ends the capture)', async () => {
    const all = events(10);
    // Identical rows within one page are separate events (see "identical rows are separate events").
    mountPagedTable([all.slice(0, 6), all.slice(0, 5)]);
    const result = await captureRows(document, demo, { limit: 100 });
    expect(result.rows).toHaveLength(6);
    expect(new Set(result.rows.map((r) => r.target)).size).toBe(6);
    expect(result.stoppedBecause).toBe('last-page');
  });

  it('stops when cancelled and keeps what it has', async () => {
    const all = events(30);
    mountPagedTable([all.slice(0, 10), all.slice(10, 20), all.slice(20)], 200);
    const controller = new AbortController();
    const pending = captureRows(document, demo, { limit: 1_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const result = await pending;
    expect(result.stoppedBecause).toBe('aborted');
    expect(result.rows).toHaveLength(10);
    expect(result.message).toBe('Capture stopped. 10 rows were kept.');
  });

  it('gives empty strings and one warning per missing column, never a crash', async () => {
    const all = events(3);
    document.body.innerHTML = `<table class="audit-table"><tbody>${rowHtml(all[0]!, { withActor: false })}${rowHtml(all[1]!, { withActor: false })}${rowHtml(all[2]!)}</tbody></table>`;
    const result = await captureRows(document, demo, { limit: 10 });
    expect(result.rows.map((r) => r.actor)).toEqual(['', '', all[2]!.actor]);
    expect(result.warnings).toEqual(['The actor column was missing in 2 rows — check those on the page by hand.']);
  });

  it('says so when the page shows no results, or no rows it recognises', async () => {
    document.body.innerHTML = '<div data-testid="empty-state">No events</div>';
    const empty = await captureRows(document, demo, { limit: 10 });
    expect(empty).toMatchObject({ stoppedBecause: 'empty', rows: [] });
    expect(empty.message).toMatch(/no results for these filters/);
    document.body.innerHTML = '<p>Something else</p>';
    const none = await captureRows(document, demo, { limit: 10 });
    expect(none.stoppedBecause).toBe('no-rows');
    expect(none.message).toMatch(/couldn't find any result rows/);
  });

  it('reports a next page that never arrives as a timeout, keeping the rows so far', async () => {
    const all = events(10);
    mountPagedTable([all.slice(0, 5), all.slice(5)], 5_000);
    const result = await captureRows(document, demo, { limit: 100, pageTimeoutMs: 150 });
    expect(result.stoppedBecause).toBe('timeout');
    expect(result.rows).toHaveLength(5);
    expect(result.message).toMatch(/next page of results didn't load within/);
  });

  it('applies column patterns and :scope, and clicks "load more" until it is gone', async () => {
    const adapter: Adapter = adapterSchema.parse({
      ...demo,
      waitFor: undefined,
      results: {
        row: ['ul.feed > li'],
        columns: {
          id: { selectors: [':scope'], attr: 'data-id' },
          actor: { selectors: ['.who'], pattern: 'by (\\S+)' },
          action: { selectors: ['.what'] },
        },
        loadMore: ['button.more'],
      },
    });
    let shown = 0;
    document.body.innerHTML = '<ul class="feed"></ul><button class="more">More</button>';
    const feed = document.querySelector('ul')!;
    const more = document.querySelector('button')!;
    const add = () => {
      for (let i = 0; i < 4; i++, shown++) feed.insertAdjacentHTML('beforeend', `<li data-id="e${shown}"><span class="who">by u${shown}@x.example</span><span class="what">user.login</span></li>`);
      if (shown >= 12) more.remove();
    };
    more.addEventListener('click', () => setTimeout(add, 10));
    add();
    const result = await captureRows(document, adapter, { limit: 100 });
    expect(result.rows).toHaveLength(12);
    expect(result.rows[5]).toMatchObject({ actor: 'u5@x.example', action: 'user.login', raw: { id: 'e5' } });
    expect(result.stoppedBecause).toBe('last-page');
  });
});

describe('explainRow', () => {
  const glossary = glossaryMapFor(demo, loadBuiltinPack().glossary);
  const row = {
    time: '2026-03-01T10:00:00.000Z',
    actor: 'li.chen@acme.example',
    action: 'account.settings_changed',
    target: 'dana@acme.example',
    ip: '203.0.113.9',
    result: 'Success',
    raw: {},
  };

  it('turns a row into a plain sentence using the glossary', () => {
    expect(explainRow(row, glossary)).toBe(
      "li.chen@acme.example changed the account's settings (account.settings_changed) for dana@acme.example from 203.0.113.9.",
    );
  });

  it('mentions failures and unknown codes plainly', () => {
    expect(explainRow({ ...row, action: 'user.login_failed', target: '', result: 'Failure' }, glossary)).toBe(
      'li.chen@acme.example tried to sign in and failed (user.login_failed) from 203.0.113.9 — it did not succeed.',
    );
    expect(explainRow({ ...row, actor: '', action: 'widget.frobbed', ip: '' }, glossary)).toBe(
      'Someone did "widget.frobbed" (not in the glossary yet) for dana@acme.example.',
    );
  });
});

describe('compileRowQuery (the capture hot path)', () => {
  it('finds the same cell as querySelector, including when the first match lacks the child', () => {
    document.body.innerHTML =
      '<table><tr id="r"><td class="c">no time here</td><td class="c"><span><time datetime="x">t</time></span></td><td class="d"><b>direct</b></td></tr></table>';
    const row = document.getElementById('r')!;
    for (const selector of ['td.c time', 'td.c > span > time', 'td.d > b', 'td.c>time', 'td.d', ':scope', 'td[class="c"] time', 'td.zzz b']) {
      const expected = selector === ':scope' ? row : row.querySelector(selector);
      expect(compileRowQuery([selector])(row), selector).toBe(expected);
    }
    expect(compileRowQuery(['td.none', 'td.d b'])(row)!.textContent).toBe('direct');
    expect(compileRowQuery(['::bad'])(row)).toBeNull();
  });
});

describe('captureRows on a virtualised list', () => {
  it('scrolls the scroller and collects rows as they are recycled, until the end', async () => {
    const all = events(30);
    const adapter: Adapter = adapterSchema.parse({
      ...demo,
      waitFor: undefined,
      results: { ...demo.results, next: undefined, scroller: ['.viewport'] },
    });
    document.body.innerHTML = '<div class="viewport"><table class="audit-table"><tbody></tbody></table></div>';
    const viewport = document.querySelector<HTMLElement>('.viewport')!;
    const tbody = document.querySelector('tbody')!;
    // jsdom has no layout: give the viewport a height and a scroll position that sticks at the end.
    let top = 0;
    const rowHeight = 20;
    const visible = 8;
    Object.defineProperty(viewport, 'clientHeight', { value: rowHeight * visible });
    Object.defineProperty(viewport, 'scrollTop', {
      get: () => top,
      set: (v: number) => (top = Math.max(0, Math.min(v, rowHeight * (all.length - visible)))),
    });
    const render = () => {
      const first = Math.floor(top / rowHeight);
      tbody.innerHTML = all.slice(first, first + visible).map((e) => rowHtml(e)).join('');
    };
    viewport.addEventListener('scroll', () => setTimeout(render, 5));
    render();
    const result = await captureRows(document, adapter, { limit: 1_000 });
    expect(result.rows.map((r) => r.target)).toEqual(all.map((e) => e.target));
    expect(result.stoppedBecause).toBe('last-page');
  });
});

describe('identical rows are separate events', () => {
  it('keeps every copy of a row shown more than once in one read (two edits in the same second)', () => {
    const [e] = events(1);
    document.body.innerHTML = `<table class="audit-table"><tbody>${rowHtml(e!)}${rowHtml(e!)}${rowHtml({ ...e!, target: 'other' })}</tbody></table>`;
    const { rows } = readVisibleRows(document, demo);
    expect(rows.map((r) => r.target)).toEqual([e!.target, e!.target, 'other']);
  });

  it('on a virtualised list, keeps both copies of an identical pair and counts rows seen again while scrolling once', async () => {
    const all = events(30);
    all[12] = { ...all[11]! };
    const adapter: Adapter = adapterSchema.parse({ ...demo, waitFor: undefined, results: { ...demo.results, next: undefined, scroller: ['.viewport'] } });
    document.body.innerHTML = '<div class="viewport"><table class="audit-table"><tbody></tbody></table></div>';
    const viewport = document.querySelector<HTMLElement>('.viewport')!;
    const tbody = document.querySelector('tbody')!;
    let top = 0;
    const rowHeight = 20;
    const visible = 8;
    Object.defineProperty(viewport, 'clientHeight', { value: rowHeight * visible });
    Object.defineProperty(viewport, 'scrollTop', { get: () => top, set: (v: number) => (top = Math.max(0, Math.min(v, rowHeight * (all.length - visible)))) });
    const render = () => {
      const first = Math.floor(top / rowHeight);
      tbody.innerHTML = all.slice(first, first + visible).map((e) => rowHtml(e)).join('');
    };
    viewport.addEventListener('scroll', () => setTimeout(render, 5));
    render();
    const result = await captureRows(document, adapter, { limit: 1_000 });
    expect(result.rows.map((r) => r.target)).toEqual(all.map((e) => e.target));
  });

  it('after "load more", a new row identical to one already read is kept; the rows read before are not read twice', async () => {
    const adapter: Adapter = adapterSchema.parse({
      ...demo,
      waitFor: undefined,
      results: { row: ['li'], columns: { actor: { selectors: ['.who'] }, action: { selectors: ['.what'] } }, loadMore: ['button.more'] },
    });
    document.body.innerHTML = '<ul></ul><button class="more">More</button>';
    const feed = document.querySelector('ul')!;
    const more = document.querySelector('button')!;
    const batches = [
      ['alice', 'bob'],
      ['bob', 'chen'],
    ];
    const add = () => {
      for (const who of batches.shift()!) feed.insertAdjacentHTML('beforeend', `<li><span class="who">${who}</span><span class="what">post.edited</span></li>`);
      if (batches.length === 0) more.remove();
    };
    more.addEventListener('click', () => setTimeout(add, 10));
    add();
    const result = await captureRows(document, adapter, { limit: 100 });
    expect(result.rows.map((r) => r.actor)).toEqual(['alice', 'bob', 'bob', 'chen']);
  });
});
