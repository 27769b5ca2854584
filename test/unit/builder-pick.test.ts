// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testAdapterLive } from '../../utils/builder/live-test';
import { cancelPick, pickElement } from '../../utils/builder/pick';
import { assembleAdapter } from '../../utils/builder/assemble';

const PAGE = `
<form aria-label="Filters"><input aria-label="Search" class="css-1a2b3c"><button type="submit"><span>Go</span></button></form>
<table aria-label="Events"><thead><tr><th>When</th><th>Who</th><th>What</th></tr></thead><tbody>
${[1, 2, 3].map((i) => `<tr data-id="e${i}"><td><time datetime="2026-03-0${i}T10:00:00.000Z">${i} Mar</time></td><td>user${i}@example.org</td><td><code>user.login</code></td></tr>`).join('')}
</tbody></table>`;

function click(target: Element) {
  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
    target.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, composed: true, button: 0 }));
  }
}

describe('the picker', () => {
  beforeEach(() => {
    document.body.innerHTML = PAGE;
  });
  afterEach(() => {
    cancelPick(document);
    document.querySelectorAll('trailguide-builder-overlay').forEach((e) => e.remove());
  });

  it('swallows the click so the page never acts on it, and describes the element', async () => {
    const submitted = vi.fn((e: Event) => e.preventDefault());
    const clicked = vi.fn();
    document.querySelector('form')!.addEventListener('submit', submitted);
    document.querySelector('button')!.addEventListener('click', clicked);
    const reply = pickElement(document, { role: 'submit', prompt: 'Click the button.', timeoutMs: 5_000 });
    expect(document.querySelector('trailguide-builder-overlay[data-picking]')).not.toBeNull();
    click(document.querySelector('button span')!);
    const { picked } = await reply;
    expect(clicked).not.toHaveBeenCalled();
    expect(submitted).not.toHaveBeenCalled();
    expect(picked?.selectors[0]).toBe('form[aria-label="Filters"] button[type="submit"]');
    expect(picked?.facts.tag).toBe('button');
    expect(document.querySelector('trailguide-builder-overlay[data-picking]')).toBeNull();
  });

  it('stops on Escape with nothing picked', async () => {
    const reply = pickElement(document, { role: 'search', prompt: 'Click the search box.', timeoutMs: 5_000 });
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(await reply).toEqual({ type: 'exec:pick', picked: null, message: 'Stopped pointing. Nothing was picked.' });
  });

  it('refuses a cell outside the picked rows, and reads a time cell from its datetime', async () => {
    const rowReply = pickElement(document, { role: 'row', prompt: 'Click a row.', timeoutMs: 5_000 });
    click(document.querySelectorAll('tbody td')[4]!);
    const row = (await rowReply).picked!;
    expect(row.rowCount).toBe(3);
    expect(row.container).toContain('table[aria-label="Events"]');

    const outside = pickElement(document, { role: 'col-time', prompt: 'Click the time.', rowSelectors: row.selectors, timeoutMs: 5_000 });
    click(document.querySelector('th')!);
    expect((await outside).message).toMatch(/isn't inside one of the result rows/);

    const timeReply = pickElement(document, { role: 'col-time', prompt: 'Click the time.', rowSelectors: row.selectors, timeoutMs: 5_000 });
    click(document.querySelectorAll('tbody td')[3]!);
    const time = (await timeReply).picked!;
    expect(time.selectors[0]).toBe('time');
    expect(time.attr).toBe('datetime');
    expect(time.cellIndex).toBe(1);
  });
});

describe('testing a draft live', () => {
  beforeEach(() => {
    document.body.innerHTML = PAGE;
  });

  it('reads the rows through the capture engine and puts the search box back as it was', async () => {
    const search = document.querySelector('input')!;
    search.value = 'before';
    const draft = assembleAdapter({
      name: 'Events',
      pageUrl: 'http://127.0.0.1:3000/events',
      today: '2026-04-02',
      picks: {
        search: { selectors: ['input[aria-label="Search"]'], field: { kind: 'text', format: 'plain' } },
        row: { selectors: ['table[aria-label="Events"] tbody tr[data-id]'], container: ['table[aria-label="Events"]'] },
        'col-time': { selectors: ['time'], attr: 'datetime' },
        'col-actor': { selectors: [':scope > td:nth-child(2)'] },
        'col-action': { selectors: ['code'] },
      },
    });
    if (!draft.ok) throw new Error(draft.problems.join(' '));
    const typed: string[] = [];
    search.addEventListener('input', () => typed.push(search.value));
    const report = await testAdapterLive(document, draft.adapter, 'probe');
    expect(report.ok).toBe(true);
    expect(report.rowCount).toBe(3);
    expect(report.firstRow).toEqual({ time: '2026-03-01T10:00:00.000Z', actor: 'user1@example.org', action: 'user.login', target: '' });
    expect(report.fill).toEqual({ field: 'search', ok: true, restored: true });
    expect(typed).toContain('probe');
    expect(search.value).toBe('before');
  });

  it('says plainly when the rows are gone', async () => {
    const draft = assembleAdapter({
      name: 'Events',
      pageUrl: 'http://127.0.0.1:3000/events',
      today: '2026-04-02',
      picks: {
        actor: { selectors: ['input[aria-label="Search"]'] },
        row: { selectors: ['ul.results li'] },
        'col-time': { selectors: ['time'] },
        'col-actor': { selectors: ['td'] },
        'col-action': { selectors: ['code'] },
      },
    });
    if (!draft.ok) throw new Error(draft.problems.join(' '));
    const report = await testAdapterLive(document, draft.adapter, 'probe');
    expect(report.ok).toBe(false);
    expect(report.rowCount).toBe(0);
    expect(report.problems.join(' ')).toMatch(/couldn't find any result rows/);
  });
});
