/**
 * {{placeholders}} in a pack's escalation template (title, and the body's
 * words above the evidence; the evidence itself is written by format.ts). Unknown names become empty
 * text (a template written for another runbook still renders). Values are
 * inserted as they are: the result is copied or put in a link, never rendered
 * as HTML by Trailguide.
 */
const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g;

export function renderTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (_match, name: string) => (Object.hasOwn(values, name) ? values[name]! : ''));
}

export const DEFAULT_TITLE_TEMPLATE = '{{runbook.title}}: {{inputs.summary}}';

/** Title tidy-up for empty placeholders: "X: " → "X", "X ()" → "X". */
export function tidyTitle(title: string): string {
  return title
    .replace(/\(\s*\)/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s:–—-]+$/u, '')
    .trim()
    .slice(0, 300);
}

/**
 * Turns the Markdown markup of a template into plain text before plain-text
 * values are put in (so text from the page is never altered): headings become
 * underlined lines, emphasis and code marks go, links show their address.
 */
export function markdownTemplateToPlain(template: string): string {
  return template
    .split('\n')
    .map((line) => {
      const heading = /^#{1,6}\s+(.*)$/.exec(line);
      const text = (heading ? heading[1]! : line)
        .replace(/\[([^\]]*)\]\(([^)\s]+)\)/g, '$1 ($2)')
        .replace(/(\*\*|__)(.+?)\1/g, '$2')
        .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, '$1$2')
        .replace(/`([^`]*)`/g, '$1');
      return heading ? `${text}\n${'-'.repeat(Math.min(text.length, 60))}` : text;
    })
    .join('\n');
}
