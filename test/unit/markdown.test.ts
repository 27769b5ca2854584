// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isSafeLink, renderMarkdown } from '../../utils/markdown';

describe('renderMarkdown', () => {
  it('keeps formatting', () => {
    expect(renderMarkdown('**bold** and `code`')).toContain('<strong>bold</strong>');
  });

  it('drops scripts, event handlers and javascript: links', () => {
    const html = renderMarkdown(
      'Text [x](javascript:alert(1)) <a href="data:text/html,hi">d</a>\n\n<script>alert(1)</script><img src=x onerror="alert(1)">',
    );
    expect(html).toContain('Text');
    expect(html).not.toMatch(/<script|onerror|href="javascript:|href="data:|<img/i);
  });

  it('opens https links in a new tab without opener or referrer', () => {
    const html = renderMarkdown('[docs](https://example.org/guide)');
    expect(html).toContain('href="https://example.org/guide"');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).toContain('target="_blank"');
  });

  it('removes plain-http links and styles', () => {
    const html = renderMarkdown('[old](http://example.org) <span style="background:url(https://x)">s</span>');
    expect(html).not.toContain('http://example.org');
    expect(html).not.toContain('style');
  });

  it('allows only https and mailto', () => {
    expect(isSafeLink('mailto:sec@acme.example')).toBe(true);
    expect(isSafeLink('http://x.example')).toBe(false);
    expect(isSafeLink('JaVaScRiPt:alert(1)')).toBe(false);
  });
});
