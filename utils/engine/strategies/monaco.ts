import { waitForElement, windowOf } from '../query';
import { normalise } from './dom';
import type { ClearDone, WidgetStrategy } from './types';

/**
 * Monaco (`.monaco-editor`, VS Code's editor). Its input is a `.native-edit-context` (the
 * browser's EditContext, Chromium's default) or a hidden `textarea.inputarea`; neither takes a
 * value setter or the "insert text" command, and the textarea holds only a few lines around the
 * cursor. So it is written as a person would: select all (Ctrl+A, ⌘A on a Mac), then paste the
 * value, which Monaco reads from the paste event. The check: the whole text of the lines Monaco
 * draws from its model — all of it, not a part — and *could not check* when the value has more
 * lines than the editor draws. A fresh search (`reset`) empties it the same way: select all,
 * Backspace, and it is cleared only once Monaco draws no text.
 */
function editorOf(element: Element): Element | null {
  return element.closest('.monaco-editor') ?? element.querySelector('.monaco-editor');
}

function inputOf(editor: Element): HTMLElement | null {
  return editor.querySelector<HTMLElement>('.native-edit-context, textarea.inputarea, textarea:not([readonly])');
}

/** A key as Monaco reads it: it maps the legacy keyCode, which browsers accept in the event's init. */
function press(input: HTMLElement, key: string, code: string, keyCode: number, withCommand: boolean): void {
  const win = windowOf(input);
  const mac = /Mac|iPhone|iPad/.test(win.navigator.platform || win.navigator.userAgent);
  const init = { key, code, keyCode, which: keyCode, ctrlKey: withCommand && !mac, metaKey: withCommand && mac, bubbles: true, cancelable: true, composed: true } as KeyboardEventInit;
  input.dispatchEvent(new win.KeyboardEvent('keydown', init));
  input.dispatchEvent(new win.KeyboardEvent('keyup', init));
}

const selectAll = (input: HTMLElement) => press(input, 'a', 'KeyA', 65, true);

function paste(input: HTMLElement, text: string): void {
  const win = windowOf(input);
  const data = new win.DataTransfer();
  data.setData('text/plain', text);
  input.dispatchEvent(new win.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }));
}

/** The editor's text as Monaco draws it, one drawn line per line (it draws spaces as non-breaking ones). */
export function monacoLines(editor: Element): string[] {
  const lines = Array.from(editor.querySelectorAll('.view-lines .view-line'));
  // Monaco places lines by their `top`, not in DOM order.
  const top = (line: Element) => parseFloat((line as HTMLElement).style.top) || 0;
  return lines.sort((a, b) => top(a) - top(b)).map((line) => (line.textContent ?? '').replace(/\u00a0/g, ' '));
}

export const monaco: WidgetStrategy = {
  id: 'monaco',
  recognises: (element) => editorOf(element) !== null,
  write(_doc, element, step) {
    const editor = editorOf(element)!;
    const input = inputOf(editor);
    if (!input) return { expect: [], problem: `I couldn't type into the ${step.label} editor — type this yourself: ${step.value}` };
    input.focus({ preventScroll: true });
    selectAll(input);
    paste(input, step.value);
    return { expect: [step.value] };
  },
  async clear(doc, element, _step, options): Promise<ClearDone> {
    const editor = editorOf(element);
    const input = editor ? inputOf(editor) : null;
    if (!editor || !input) return { cleared: false, why: ": it isn't an editor I can empty" };
    input.focus({ preventScroll: true });
    selectAll(input);
    press(input, 'Backspace', 'Backspace', 8, false);
    // Monaco redraws its lines on the next frame.
    const empty = await waitForElement(doc, () => (monacoLines(editor).join('').trim() === '' ? true : null), options.popupTimeoutMs ?? 1_000, options.signal);
    return empty ? { cleared: true } : { cleared: false, why: '' };
  },
  shown: (element) => {
    const editor = editorOf(element);
    return editor ? normalise(monacoLines(editor).join('\n')) : '';
  },
  verify(_doc, element, _step, expect) {
    const editor = editorOf(element);
    if (!editor || expect.length === 0) return 'unchecked';
    const wanted = expect[0]!.replace(/\r\n?/g, '\n').split('\n');
    const drawn = monacoLines(editor);
    if (drawn.length < wanted.length) return 'unchecked';
    return drawn.length === wanted.length && drawn.every((line, i) => line.trimEnd() === wanted[i]!.trimEnd()) ? 'kept' : 'not-kept';
  },
};
