// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderMarkdown, sanitizeHtml } from '../../utils/markdown';

/**
 * The link rules are installed on first use. This file's first test is the first rendering
 * in a fresh page (vitest gives each file its own modules), so it shows that the very first
 * pack text shown already gets them — a hook installed too late would let that one through.
 */
describe('the first rendering on a page', () => {
  it('already opens https links in a new tab without opener or referrer, and drops a javascript: link', () => {
    const html = renderMarkdown('[guide](https://docs.example/guide) and <a href="javascript:alert(1)">run</a>');
    expect(html).toBe(
      '<p><a href="https://docs.example/guide" target="_blank" rel="noopener noreferrer">guide</a> and <a>run</a></p>\n',
    );
  });

  it('keeps applying them afterwards', () => {
    expect(sanitizeHtml('<a href="mailto:sec@acme.example">mail</a><a href="https://x.example/?u=javascript:">x</a>')).toBe(
      '<a href="mailto:sec@acme.example" target="_blank" rel="noopener noreferrer">mail</a><a href="https://x.example/?u=javascript:" target="_blank" rel="noopener noreferrer">x</a>',
    );
  });
});
