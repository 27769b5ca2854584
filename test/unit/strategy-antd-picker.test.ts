// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { antdPicker } from '../../utils/engine/strategies/antd-picker';
import { fillStep, mount, picked } from './strategy-helpers';

/** antd 6 RangePicker markup; `committed` adds the clear button antd shows only for a value it took. */
function range(start: string, end: string, { committed = false, focused = false } = {}): string {
  return `<div class="ant-picker ant-picker-range${focused ? ' ant-picker-focused' : ''}">
    <div class="ant-picker-input ant-picker-input-start"><input date-range="start" value="${start}"></div>
    <div class="ant-picker-range-separator"></div>
    <div class="ant-picker-input ant-picker-input-end"><input date-range="end" value="${end}"></div>
    ${committed ? '<button type="button" aria-label="Clear" class="ant-picker-clear"></button>' : ''}</div>`;
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('antd picker strategy', () => {
  it('is picked for an input inside .ant-picker, not for the picker root', () => {
    expect(picked(mount(range('', ''), 'input[date-range="start"]'), fillStep({ value: 'x', kind: 'datetime' }))).toBe('antd-picker');
    expect(picked(mount(range('', ''), '.ant-picker'), fillStep({ value: 'x', kind: 'datetime' }))).not.toBe('antd-picker');
  });

  it('kept needs the text and antd’s clear button; text it never took is not kept', () => {
    const step = fillStep({ value: '2026-11-29 18:45', kind: 'datetime' });
    const expectEnd = ['2026-11-29 18:45'];
    expect(antdPicker.verify(document, mount(range('2026-11-02 09:15', '2026-11-29 18:45', { committed: true }), 'input[date-range="end"]'), step, expectEnd)).toBe('kept');
    // The failure: the end shows its text but the range was thrown away (start emptied, no clear button).
    expect(antdPicker.verify(document, mount(range('', '2026-11-29 18:45'), 'input[date-range="end"]'), step, expectEnd)).toBe('not-kept');
    expect(antdPicker.verify(document, mount(range('2026-11-02 09:15', '2026-11-29 18:00', { committed: true }), 'input[date-range="end"]'), step, expectEnd)).toBe('not-kept');
    // Both ends show text but the page turned the clear button off: the page can't tell.
    expect(antdPicker.verify(document, mount(range('2026-11-02 09:15', '2026-11-29 18:45'), 'input[date-range="end"]'), step, expectEnd)).toBe('unchecked');
  });

  it('a range’s start is judged only once the picker closed', () => {
    const step = fillStep({ value: '2026-11-02 09:15', kind: 'datetime' });
    expect(antdPicker.verify(document, mount(range('2026-11-02 09:15', '', { focused: true }), 'input[date-range="start"]'), step, ['2026-11-02 09:15'])).toBe('unchecked');
  });

  it('types the display text and presses Enter in each end; the start is pending and keeps focus', () => {
    const start = mount(range('', ''), 'input[date-range="start"]') as HTMLInputElement;
    const keys: string[] = [];
    let blurred = 0;
    start.addEventListener('keydown', (e) => keys.push(e.key));
    start.addEventListener('blur', () => blurred++);
    const written = antdPicker.write(document, start, fillStep({ value: '2026-11-02 09:15', kind: 'datetime' }), {});
    expect(written).toEqual({ expect: ['2026-11-02 09:15'], pending: true });
    expect(start.value).toBe('2026-11-02 09:15');
    expect(keys).toEqual(['Enter']);
    expect(blurred).toBe(0);
  });

  it('confirm: ok clicks the open picker’s OK button instead of Enter', () => {
    const end = mount(range('', '') + '<div class="ant-picker-dropdown"><div class="ant-picker-ok"><button>OK</button></div></div>', 'input[date-range="end"]') as HTMLInputElement;
    let ok = 0;
    const keys: string[] = [];
    document.querySelector('.ant-picker-ok button')!.addEventListener('click', () => ok++);
    end.addEventListener('keydown', (e) => keys.push(e.key));
    antdPicker.write(document, end, fillStep({ value: '2026-11-29 18:45', kind: 'datetime', confirm: 'ok' }), {});
    expect(ok).toBe(1);
    expect(keys).toEqual([]);
  });
});

describe('antd picker: what a fresh search sees (reset)', () => {
  it('a committed picker whose box was emptied still holds a date; an uncommitted one holds nothing', () => {
    expect(antdPicker.shown!(mount(range('2026-11-02 09:15', '', { committed: true }), 'input[date-range="end"]'))).toBe('a date');
    expect(antdPicker.shown!(mount(range('2026-11-02 09:15', '2026-11-29 18:45', { committed: true }), 'input[date-range="end"]'))).toBe('2026-11-29 18:45');
    expect(antdPicker.shown!(mount(range('', '2026-11-29 18:45'), 'input[date-range="end"]'))).toBe('');
  });
});
