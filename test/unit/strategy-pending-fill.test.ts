// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { executeFill } from '../../utils/engine/fill';
import type { FillPlan, FillStep } from '../../utils/engine/plan';

/**
 * A range picker shaped like antd's: Enter in the start moves to the end; Enter in the end
 * commits both (clear button shown, picker closed); leaving before that throws the range
 * away (the start box is emptied, the end keeps its typed text, nothing committed).
 */
function mountRange(): { committed: () => boolean } {
  document.body.innerHTML = `<div class="ant-picker ant-picker-range">
    <div class="ant-picker-input ant-picker-input-start"><input id="start" date-range="start"></div>
    <div class="ant-picker-input ant-picker-input-end"><input id="end" date-range="end"></div></div><button id="elsewhere">x</button>`;
  const root = document.querySelector('.ant-picker')!;
  const start = document.querySelector<HTMLInputElement>('#start')!;
  const end = document.querySelector<HTMLInputElement>('#end')!;
  let committed = false;
  root.addEventListener('focusin', () => root.classList.add('ant-picker-focused'));
  root.addEventListener('focusout', (e) => {
    if (root.contains((e as FocusEvent).relatedTarget as Node | null)) return;
    root.classList.remove('ant-picker-focused');
    if (!committed) start.value = '';
  });
  start.addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Enter') end.focus();
  });
  end.addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key !== 'Enter' || start.value === '' || end.value === '') return;
    committed = true;
    root.insertAdjacentHTML('beforeend', '<button class="ant-picker-clear">clear</button>');
  });
  return { committed: () => committed };
}

function rangeStep(field: 'since' | 'until', value: string, confirm?: FillStep['confirm']): FillStep {
  return { fields: [field], label: field === 'since' ? 'From' : 'To', kind: 'datetime', selectors: [field === 'since' ? '#start' : '#end'], value, shown: value, display: 'YYYY-MM-DD HH:mm', ...(confirm ? { confirm } : {}) };
}

function plan(steps: FillStep[]): FillPlan {
  return { steps, unfillable: [], viaUrl: [], submit: { via: 'none', selectors: [] }, wait: { busy: [], ready: [], rows: [], timeoutMs: 1_000 } };
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('fields a widget commits together (a range)', () => {
  it('Enter in each end: both kept, and the range really committed', async () => {
    const range = mountRange();
    const report = await executeFill(document, plan([rangeStep('since', '2026-11-02 09:15'), rangeStep('until', '2026-11-29 18:45')]));
    expect(range.committed()).toBe(true);
    expect(report.fields.map((f) => [f.field, f.status])).toEqual([
      ['since', 'kept'],
      ['until', 'kept'],
    ]);
    expect(report.ok).toBe(true);
  });

  it('the start left without Enter: the range is thrown away and neither end is reported kept', async () => {
    const range = mountRange();
    const report = await executeFill(document, plan([rangeStep('since', '2026-11-02 09:15', 'blur'), rangeStep('until', '2026-11-29 18:45')]));
    expect(range.committed()).toBe(false);
    expect(report.fields.find((f) => f.field === 'since')?.status).toBe('not-kept');
    expect(report.fields.find((f) => f.field === 'until')?.status).not.toBe('kept');
    expect(report.ok).toBe(false);
  });

  it('only the start given: it is judged once the picker is left, and is not kept', async () => {
    mountRange();
    const report = await executeFill(document, plan([rangeStep('since', '2026-11-02 09:15')]));
    expect(report.fields).toEqual([expect.objectContaining({ field: 'since', status: 'not-kept', message: expect.stringContaining('type this yourself') })]);
  });
});
