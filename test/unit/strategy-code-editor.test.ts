// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { codeEditor } from '../../utils/engine/strategies/code-editor';
import { fillStep, mount, picked } from './strategy-helpers';

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('code editor strategy', () => {
  it('is picked for codeEditor fields and for any contenteditable box (a contenteditable search)', () => {
    expect(picked(mount('<div class="cm-content" contenteditable="true"></div>', 'div'), fillStep({ value: 'x', kind: 'codeEditor' }))).toBe('code-editor');
    expect(picked(mount('<div contenteditable="true" role="searchbox"></div>', 'div'), fillStep({ value: 'x', kind: 'text' }))).toBe('code-editor');
    expect(picked(mount('<div></div>', 'div'), fillStep({ value: 'x', kind: 'text' }))).toBe('native-text');
  });

  it('replaces the editor’s text and judges by the text it shows (Monaco’s non-breaking spaces read as spaces)', () => {
    const box = mount('<div contenteditable="true">old query</div>', 'div');
    expect(codeEditor.write(document, box, fillStep({ value: 'actor:dana action:login' }), {})).toEqual({ expect: ['actor:dana action:login'] });
    expect(box.textContent).toBe('actor:dana action:login');
    expect(codeEditor.verify(document, box, fillStep({ value: 'actor:dana action:login' }), ['actor:dana action:login'])).toBe('kept');
    const monaco = mount('<div class="monaco-editor"><textarea></textarea><div class="view-lines">actor:dana\u00a0action:login</div></div>', 'textarea');
    expect(codeEditor.verify(document, monaco, fillStep({ value: 'x', kind: 'codeEditor' }), ['actor:dana action:login'])).toBe('kept');
    expect(codeEditor.verify(document, monaco, fillStep({ value: 'x', kind: 'codeEditor' }), ['actor:li'])).toBe('not-kept');
  });
});
