import * as monaco from 'monaco-editor/editor/editor.api';
import { stateText } from './state';

/**
 * Monaco (monaco-editor from npm, the editor core only). Its web workers are off for the lab:
 * a plain-text model needs none, and Monaco runs their work on the page when no worker is given.
 * The printed state is the editor's own model, `editor.getValue()`.
 */
export function mountMonacoLab(root: HTMLElement): void {
  (self as unknown as { MonacoEnvironment: object }).MonacoEnvironment = {
    getWorker: () => {
      throw new Error('The widget lab runs Monaco without workers.');
    },
  };
  const section = document.createElement('section');
  section.id = 'monaco';
  section.dataset.widget = 'monaco';
  section.style.margin = '12px 0';
  section.style.maxWidth = '520px';
  const label = document.createElement('label');
  label.textContent = 'Query (Monaco)';
  const body = document.createElement('div');
  body.style.height = '60px';
  body.style.border = '1px solid #999';
  const out = document.createElement('output');
  out.dataset.state = 'monaco';
  section.append(label, body, out);
  root.append(section);
  const editor = monaco.editor.create(body, { value: '', language: 'plaintext', minimap: { enabled: false }, lineNumbers: 'off', automaticLayout: true });
  const show = () => (out.textContent = stateText(editor.getValue()));
  editor.onDidChangeModelContent(show);
  show();
}
