/**
 * Building HTML without ever concatenating a raw value. Everything in a report
 * that came from a page, a person or a pack is untrusted text: it goes through
 * `html` (which escapes every interpolated value) and can only become markup by
 * being an `Html` made here. There is no way to mark a plain string as safe
 * except `trustedMarkup`, used only for fixed text written in this folder.
 */
const SAFE = Symbol('html');

export interface Html {
  readonly [SAFE]: true;
  readonly markup: string;
}

const make = (markup: string): Html => ({ [SAFE]: true, markup });

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as it must appear in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

function isHtml(value: unknown): value is Html {
  return typeof value === 'object' && value !== null && (value as Partial<Html>)[SAFE] === true;
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (isHtml(value)) return value.markup;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** A template whose every ${value} is escaped unless it is already Html (a nested `html` result). */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]!;
  values.forEach((value, index) => {
    out += render(value) + strings[index + 1]!;
  });
  return make(out);
}

/** Fixed markup written in this folder (the style sheet, the document's head). Never page text. */
export function trustedMarkup(markup: string): Html {
  return make(markup);
}

export function toMarkup(value: HtmlValue): string {
  return render(value);
}

/**
 * JSON for a `<script type="application/json">` block: no "<", ">" or "&" can
 * close the element or open a comment, and the line separators stay escaped, so
 * the whole block is one line. JSON.parse reads it back to the same values.
 */
export function jsonForScript(value: unknown): Html {
  const json = JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return make(json);
}
