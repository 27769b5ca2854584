// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { monaco, monacoLines } from '../../utils/engine/strategies/monaco';
import { fillStep, mount, picked } from './strategy-helpers';

/**
 * Monaco's markup (an EditContext input, drawn lines placed by `top`) and its two gestures the
 * strategy relies on, as Monaco reads them: a keydown with keyCode 65 and Ctrl selects all; a
 * paste event's clipboardData replaces the selection. The lines are redrawn from that model —
 * the real editor is exercised end to end in the widget lab (test/e2e/widgets.spec.ts).
 */
function fakeMonaco(initial: string, drawnLines = 10): { editor: Element; model: () => string } {
  mount(
    `<div id="host"><div class="monaco-editor" role="code"><div class="overflow-guard"><div class="native-edit-context" role="textbox" tabindex="0"></div><textarea class="ime-text-area" readonly></textarea><div class="view-lines"></div></div></div></div>`,
    '.monaco-editor',
  );
  const editor = document.querySelector('.monaco-editor')!;
  const input = editor.querySelector<HTMLElement>('.native-edit-context')!;
  let text = initial;
  let selection: [number, number] = [text.length, text.length];
  const draw = () => {
    // Drawn in reverse DOM order, as Monaco may: the strategy must read them by `top`.
    const lines = text.split('\n').slice(0, drawnLines);
    editor.querySelector('.view-lines')!.innerHTML = lines
      .map((line, i) => ({ line, i }))
      .reverse()
      .map(({ line, i }) => `<div class="view-line" style="top:${i * 19}px"><span>${line.replace(/ /g, '\u00a0')}</span></div>`)
      .join('');
  };
  input.addEventListener('keydown', (e) => {
    if (e.keyCode === 65 && (e.ctrlKey || e.metaKey)) selection = [0, text.length];
    if (e.keyCode === 8) {
      const [from, to] = selection[0] === selection[1] ? [Math.max(0, selection[0] - 1), selection[1]] : selection;
      text = text.slice(0, from) + text.slice(to);
      selection = [from, from];
      draw();
    }
  });
  input.addEventListener('paste', (e) => {
    const pasted = (e as ClipboardEvent).clipboardData?.getData('text/plain') ?? '';
    text = text.slice(0, selection[0]) + pasted + text.slice(selection[1]);
    selection = [selection[0] + pasted.length, selection[0] + pasted.length];
    draw();
    e.preventDefault();
  });
  draw();
  return { editor, model: () => text };
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('Monaco strategy', () => {
  it('is picked for the editor, its container or any part inside it, before the generic code editor', () => {
    fakeMonaco('');
    const step = fillStep({ value: 'x', kind: 'codeEditor' });
    expect(picked(document.querySelector('.monaco-editor')!, step)).toBe('monaco');
    expect(picked(document.querySelector('.native-edit-context')!, step)).toBe('monaco');
    expect(picked(document.querySelector('#host')!, step)).toBe('monaco');
    expect(picked(mount('<div class="cm-content" contenteditable="true"></div>', 'div'), step)).toBe('code-editor');
  });

  it('replaces the whole text (select all, paste) and is kept when the drawn lines are exactly the value', async () => {
    const { editor, model } = fakeMonaco('actor:old AND action:"user.logout"');
    const step = fillStep({ value: 'actor:li AND action:"apikey.created"', kind: 'codeEditor' });
    const written = await monaco.write(document, editor, step, {});
    expect(model()).toBe('actor:li AND action:"apikey.created"');
    expect(monaco.verify(document, editor, step, written.expect)).toBe('kept');
    expect(monaco.shown!(editor)).toBe('actor:li AND action:"apikey.created"');
  });

  it('text left beside the value (select-all not taken) is not kept — never judged by “contains”', () => {
    const { editor } = fakeMonaco('old text\nactor:li');
    expect(monacoLines(editor)).toEqual(['old text', 'actor:li']);
    expect(monaco.verify(document, editor, fillStep({ value: 'actor:li' }), ['actor:li'])).toBe('not-kept');
    const { editor: same } = fakeMonaco('old actor:li');
    expect(monaco.verify(document, same, fillStep({ value: 'actor:li' }), ['actor:li'])).toBe('not-kept');
  });

  it('a value with more lines than the editor draws is reported not checked', () => {
    const value = Array.from({ length: 12 }, (_, i) => `line ${i}`).join('\n');
    const { editor } = fakeMonaco(value, 5);
    expect(monaco.verify(document, editor, fillStep({ value }), [value])).toBe('unchecked');
  });

  it('a fresh search empties it (select all, Backspace), cleared only once Monaco draws no text', async () => {
    const { editor, model } = fakeMonaco('actor:old\nAND action:x');
    const step = { fields: ['query'], label: 'Query', kind: 'codeEditor' as const, selectors: ['.monaco-editor'] };
    expect(await monaco.clear!(document, editor, step, {})).toEqual({ cleared: true });
    expect(model()).toBe('');
    expect(monaco.shown!(editor)).toBe('');
  });

  it('an editor that ignores the keys is reported not cleared', async () => {
    const editor = mount('<div class="monaco-editor"><div class="native-edit-context"></div><div class="view-lines"><div class="view-line" style="top:0px">actor:old</div></div></div>', '.monaco-editor');
    const step = { fields: ['query'], label: 'Query', kind: 'codeEditor' as const, selectors: ['.monaco-editor'] };
    expect(await monaco.clear!(document, editor, step, { popupTimeoutMs: 200 })).toEqual({ cleared: false, why: '' });
  });

  it('an editor without an input it can reach is named for the person', async () => {
    const editor = mount('<div class="monaco-editor"><div class="view-lines"></div></div>', '.monaco-editor');
    const written = await monaco.write(document, editor, fillStep({ value: 'actor:li', label: 'Query' }), {});
    expect(written.problem).toBe("I couldn't type into the Query editor — type this yourself: actor:li");
  });
});
