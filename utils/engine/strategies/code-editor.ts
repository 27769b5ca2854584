import { fireInput, setNativeValue } from '../events';
import { windowOf } from '../query';
import { editorText, insertTextCommand, isEditable, isTextControl, normalise, selectContents } from './dom';
import type { WidgetStrategy } from './types';

/**
 * CodeMirror 6 (a contenteditable `.cm-content`) and other contenteditable boxes ignore value
 * setters; they listen to editing commands. insertText goes through the browser's editing
 * pipeline, which they understand; a beforeinput + input pair is the fallback where execCommand
 * is unavailable. Monaco, whose input takes neither, has its own strategy (monaco.ts).
 */
export const codeEditor: WidgetStrategy = {
  id: 'code-editor',
  recognises: (element, step) => step.kind === 'codeEditor' || (!isTextControl(element) && element.tagName !== 'SELECT' && isEditable(element)),
  write(doc, element, step) {
    const target = isTextControl(element) || isEditable(element) ? element : (element.querySelector('textarea, [contenteditable="true"]') ?? element);
    const value = step.value;
    (target as HTMLElement).focus({ preventScroll: true });
    if (isTextControl(target)) {
      target.select();
      if (!insertTextCommand(doc, value)) {
        setNativeValue(target, value);
        fireInput(target, value);
      }
      return { expect: [value] };
    }
    if (!isEditable(target)) return { expect: [], problem: `I couldn't type into the ${step.label} editor — type this yourself: ${value}` };
    selectContents(doc, target);
    if (!insertTextCommand(doc, value)) {
      const win = windowOf(target);
      const init = { bubbles: true, cancelable: true, composed: true, inputType: 'insertText', data: value };
      const proceed = typeof win.InputEvent === 'function' ? target.dispatchEvent(new win.InputEvent('beforeinput', init)) : true;
      if (proceed) {
        target.textContent = value;
        fireInput(target, value);
      }
    }
    return { expect: [value] };
  },
  verify(_doc, element, _step, expect) {
    if (expect.length === 0) return 'not-kept';
    return expect.every((e) => editorText(element).includes(normalise(e))) ? 'kept' : 'not-kept';
  },
};
