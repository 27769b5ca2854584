import { useMemo } from 'preact/hooks';
import { renderInlineMarkdown, renderMarkdown } from '../../utils/markdown';

/** Renders untrusted Markdown through the project's single sanitiser. */
export function Markdown({ source, inline = false, class: className }: { source: string; inline?: boolean; class?: string }) {
  const html = useMemo(() => (inline ? renderInlineMarkdown(source) : renderMarkdown(source)), [source, inline]);
  const Tag = inline ? 'span' : 'div';
  return <Tag class={className ? `md ${className}` : 'md'} dangerouslySetInnerHTML={{ __html: html }} />;
}
