// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { renderInlineMarkdown, renderMarkdown, sanitizeHtml } from '../../utils/markdown';

/**
 * Without a DOM, DOMPurify returns its input unchanged. The sanitiser must refuse
 * rather than hand back raw HTML (issue 19: every path through it).
 */
describe('the sanitiser without a DOM', () => {
  it('refuses on every path instead of returning unsanitised HTML', () => {
    for (const render of [renderMarkdown, renderInlineMarkdown, sanitizeHtml]) {
      expect(() => render('<img src=x onerror=alert(1)>')).toThrow('Markdown can only be shown on an extension page.');
    }
  });
});
