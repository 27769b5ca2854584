// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isSafeLink, renderInlineMarkdown, renderMarkdown, sanitizeHtml } from '../../utils/markdown';

/**
 * The one sanitiser (DESIGN.md §3.3), every path through it (issue 19): block
 * Markdown, inline Markdown (glossary meanings and labels in the panel) and raw HTML.
 * Each allowed tag and attribute is checked to survive and each dangerous one to go,
 * so widening or narrowing the allow-list fails a test.
 */
const ATTACKS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '<svg onload="window.__xss=1"></svg>',
  '<iframe srcdoc="<script>1</script>"></iframe>',
  '[j](javascript:alert(1))',
  '[d](data:text/html,hi)',
  '<a href="vbscript:msgbox(1)">v</a>',
  '<a href="http://plain.example/">h</a>',
  '<a href="https://ok.example/" ping="https://track.example/">p</a>',
  '<span style="background:url(https://leak.example/)">s</span>',
  '<b data-x="1" aria-label="l" id="i" class="c">k</b>',
  '![img](https://leak.example/pixel.png)',
  '<form action="https://evil.example"><input autofocus onfocus="window.__xss=1"></form>',
  '<math><mi><style><img src=x onerror=alert(1)></style></mi></math>',
];

function assertInert(html: string): void {
  const template = document.createElement('template');
  template.innerHTML = html;
  for (const element of template.content.querySelectorAll('*')) {
    expect(['script', 'img', 'svg', 'iframe', 'form', 'input', 'math', 'style', 'span'], html).not.toContain(element.localName);
    for (const attribute of element.attributes) {
      expect(['href', 'title', 'colspan', 'rowspan', 'align', 'target', 'rel'], `${element.localName}[${attribute.name}] in ${html}`).toContain(attribute.name);
    }
    if (element.localName === 'a' && element.hasAttribute('href')) {
      expect(element.getAttribute('href'), html).toMatch(/^(https:|mailto:)/);
      expect(element.getAttribute('rel')).toBe('noopener noreferrer');
      expect(element.getAttribute('target')).toBe('_blank');
    }
  }
}

describe('renderInlineMarkdown (glossary meanings and labels)', () => {
  it('formats inline Markdown without a surrounding paragraph', () => {
    expect(renderInlineMarkdown('**MFA** was `removed`')).toBe('<strong>MFA</strong> was <code>removed</code>');
  });

  for (const attack of ATTACKS) {
    it(`is sanitised: ${attack}`, () => {
      const html = renderInlineMarkdown(`Meaning ${attack} end`);
      expect(html).toContain('Meaning');
      assertInert(html);
      expect(html).not.toMatch(/<script|onerror|onload|onfocus|srcdoc|javascript:|vbscript:|data:text|ping=|style=|data-x|aria-label|<img|<svg|<iframe|<form/i);
    });
  }

  it('keeps https and mailto links, opened in a new tab without opener or referrer', () => {
    expect(renderInlineMarkdown('[guide](https://docs.example/x) or [mail](mailto:sec@acme.example)')).toBe(
      '<a href="https://docs.example/x" target="_blank" rel="noopener noreferrer">guide</a> or <a href="mailto:sec@acme.example" target="_blank" rel="noopener noreferrer">mail</a>',
    );
  });
});

describe('renderMarkdown and sanitizeHtml', () => {
  for (const attack of ATTACKS) {
    it(`block Markdown is sanitised: ${attack}`, () => {
      const html = renderMarkdown(`Meaning\n\n${attack}\n\nend`);
      expect(html).toContain('Meaning');
      assertInert(html);
    });
  }

  it('keeps every allowed tag and the allowed table attributes (alignment and spans were once dropped)', () => {
    const tags = ['b', 'blockquote', 'code', 'del', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'i', 'kbd', 'pre', 's', 'strong', 'sub', 'sup'];
    for (const tag of tags) expect(sanitizeHtml(`<${tag}>x</${tag}>`), tag).toBe(`<${tag}>x</${tag}>`);
    expect(sanitizeHtml('<p>a<br>b</p><hr>')).toBe('<p>a<br>b</p><hr>');
    expect(sanitizeHtml('<ul><li>u</li></ul><ol><li>o</li></ol>')).toBe('<ul><li>u</li></ul><ol><li>o</li></ol>');
    expect(sanitizeHtml('<dl><dt>t</dt><dd>d</dd></dl>')).toBe('<dl><dt>t</dt><dd>d</dd></dl>');
    expect(sanitizeHtml('<details><summary>s</summary>d</details>')).toBe('<details><summary>s</summary>d</details>');
    expect(sanitizeHtml('<table><thead><tr><th align="left" title="t">h</th></tr></thead><tbody><tr><td colspan="2" rowspan="3">c</td></tr></tbody></table>')).toBe(
      '<table><thead><tr><th align="left" title="t">h</th></tr></thead><tbody><tr><td colspan="2" rowspan="3">c</td></tr></tbody></table>',
    );
  });

  it('drops the tags it does not allow but keeps their text', () => {
    expect(sanitizeHtml('<span>kept</span> <u>too</u> <font>and this</font>')).toBe('kept too and this');
  });

  it('drops data-, aria-, id, class and style attributes', () => {
    expect(sanitizeHtml('<b data-x="1" aria-label="l" id="i" class="c" style="color:red">k</b>')).toBe('<b>k</b>');
  });

  it('keeps no link that is not https or mailto (the href goes, the text stays)', () => {
    for (const href of ['http://x.example/', 'javascript:alert(1)', 'data:text/html,x', 'ftp://x.example/', '//x.example/', '/relative', 'tel:123', 'xhttps://x.example']) {
      expect(sanitizeHtml(`<a href="${href}">t</a>`), href).toBe('<a>t</a>');
    }
    expect(sanitizeHtml('<a href="HTTPS://X.example/">t</a>')).toBe('<a href="HTTPS://X.example/" target="_blank" rel="noopener noreferrer">t</a>');
  });

  it('a GFM table keeps its column alignment', () => {
    expect(renderMarkdown('| a | b |\n|:--|--:|\n| 1 | 2 |')).toContain('<td align="right">2</td>');
  });

  it('drops a link the URL parser cannot read even when it starts with https: (the second, independent check)', () => {
    for (const href of ['https:', 'https://', 'https://exa mple.org/']) expect(sanitizeHtml(`<a href="${href}">t</a>`), href).toBe('<a>t</a>');
  });

  it('adds target and rel to links only', () => {
    expect(sanitizeHtml('<b href="https://x.example/">k</b>')).toBe('<b href="https://x.example/">k</b>');
  });

  it('renders GitHub-flavoured Markdown, with single newlines kept inside one paragraph', () => {
    expect(renderMarkdown('a\nb')).toBe('<p>a\nb</p>\n');
    expect(renderMarkdown('~~gone~~ and https://bare.example')).toContain('<del>gone</del>');
  });

  it('keeps a link without href inert (no target or rel added)', () => {
    expect(sanitizeHtml('<a title="t">x</a>')).toBe('<a title="t">x</a>');
  });
});

describe('isSafeLink', () => {
  it('allows https and mailto only, and nothing unparsable', () => {
    expect(isSafeLink('https://x.example/')).toBe(true);
    expect(isSafeLink('mailto:a@b.example')).toBe(true);
    for (const href of ['http://x.example/', 'javascript:alert(1)', 'data:,x', '', 'not a url', 'https', '//x.example']) expect(isSafeLink(href), href).toBe(false);
  });
});
