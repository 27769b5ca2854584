import DOMPurify from 'dompurify';
import { Marked } from 'marked';

/**
 * The one place Markdown becomes HTML (DESIGN.md §3.3). Pack text is untrusted:
 * marked renders it, DOMPurify keeps only harmless formatting, and links may only
 * be https: or mailto:, opening in a new tab without a referrer or opener.
 */
// Stryker disable next-line ObjectLiteral: equivalent — these are marked's defaults, written out to say what we rely on; each call passes async: false again.
const marked = new Marked({ gfm: true, breaks: false, async: false });

const ALLOWED_TAGS = [
  'a', 'b', 'blockquote', 'br', 'code', 'dd', 'del', 'details', 'dl', 'dt', 'em', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'hr', 'i', 'kbd', 'li', 'ol', 'p', 'pre', 's', 'strong', 'sub', 'summary', 'sup', 'table',
  // Stryker disable next-line StringLiteral: equivalent — DOMPurify 3 adds tbody itself whenever table is allowed (#286, #365); kept to say what we mean.
  'tbody',
  'td', 'th', 'thead', 'tr', 'ul',
];
const ALLOWED_ATTR = ['href', 'title', 'colspan', 'rowspan', 'align'];

export function isSafeLink(href: string): boolean {
  try {
    const url = new URL(href);
    return url.protocol === 'https:' || url.protocol === 'mailto:';
  } catch {
    return false;
  }
}

let hooked = false;
function installHooks(purify: typeof DOMPurify): void {
  if (hooked) return;
  // Stryker disable next-line BooleanLiteral: equivalent — installing the hook again adds a second copy that does the same thing to the same link.
  hooked = true;
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      const href = node.getAttribute('href') ?? '';
      if (!isSafeLink(href)) {
        node.removeAttribute('href');
      } else {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
    }
  });
}

export function sanitizeHtml(html: string): string {
  // Without a DOM DOMPurify returns its input unchanged; refuse rather than render raw HTML.
  if (!DOMPurify.isSupported) throw new Error('Markdown can only be shown on an extension page.');
  installHooks(DOMPurify);
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    // Stryker disable next-line Regex: equivalent while the link hook re-checks every href with the URL parser — the only URI attribute allowed is an <a>'s href, and the hook removes any href a looser pattern would let through.
    ALLOWED_URI_REGEXP: /^(?:https:|mailto:)/i,
    // DOMPurify holds every other attribute's value to ALLOWED_URI_REGEXP too, which dropped
    // table alignment and spans ("left", "2"); these three never hold a URL.
    ADD_URI_SAFE_ATTR: ['colspan', 'rowspan', 'align'],
    KEEP_CONTENT: true,
  });
}

export function renderMarkdown(source: string): string {
  // Stryker disable next-line ObjectLiteral: equivalent — the Marked instance is already synchronous; repeated here for the type of the result.
  return sanitizeHtml(marked.parse(source, { async: false }));
}

/** Inline Markdown (no surrounding <p>), for labels and table cells. */
export function renderInlineMarkdown(source: string): string {
  // Stryker disable next-line ObjectLiteral: equivalent, as in renderMarkdown.
  return sanitizeHtml(marked.parseInline(source, { async: false }));
}
