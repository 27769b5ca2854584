import type { RowText, RowVariant } from '../schema/adapter';
import { patternShape, rowPatternProblem } from '../schema/row-pattern';
import { compileRowQuery } from './query';

/**
 * Rows that are sentences ("Alice suspended Mallory (spam)"): the text a person reads in
 * a row, and the adapter's patterns and `when` rules compiled once per capture.
 * docs/adapters.md "Rows that are sentences".
 */

/** A pattern reads at most this much of a row's text (a sentence is short; this bounds the work). */
export const ROW_TEXT_MAX = 1_000;
/** The raw column that keeps the sentence a pattern read, as the page showed it. */
export const ROW_TEXT_KEY = 'row text';

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);
const UNSEEN_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);
/** Text kept for screen readers only, by the class names the common CSS frameworks use. */
const SCREEN_READER_ONLY = /(?:^|\s)(?:sr-only|visually-hidden|visuallyhidden|screen-reader-text|a11y-hidden|u-hidden-visually)(?:\s|$)/;

/**
 * The text a person reads in an element, without asking for layout (a capture reads
 * thousands of rows): whitespace runs become one space, a block element or <br> separates
 * words ("<dt>Alice</dt><dd>…</dd>" reads "Alice …"), and script, style, `hidden`,
 * `aria-hidden="true"` (icon ligatures such as "delete") and screen-reader-only text are left out.
 */
export function visibleText(element: Element): string {
  if (element.childElementCount === 0) return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
  const parts: string[] = [];
  collectText(element, parts);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

function collectText(node: Node, parts: string[]): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      parts.push((child as Text).data);
    } else if (child.nodeType === 1) {
      const element = child as Element;
      if (UNSEEN_TAGS.has(element.tagName) || element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') continue;
      const className = element.getAttribute('class');
      if (className && SCREEN_READER_ONLY.test(className)) continue;
      const block = BLOCK_TAGS.has(element.tagName);
      if (block) parts.push(' ');
      collectText(element, parts);
      if (block) parts.push(' ');
    }
  }
}

export interface Sentence {
  /** The element whose text is read (null: the row itself). */
  find: ((row: Element) => Element | null) | null;
  pattern: RegExp;
  /** The columns its named groups fill. */
  groups: Set<string>;
}

/** Which rows a variant reads: the row has (or is) an element a selector finds, and its text matches. */
export type RowTest = (row: Element, rowText: () => string) => boolean;

/** A sentence pattern ready to run, or why not (in words for the capture's warnings). */
export function compileSentence(text: RowText, where: string, warnings: string[]): Sentence | null {
  const problem = rowPatternProblem(text.pattern, true);
  if (problem) {
    warnings.push(`The adapter's sentence pattern ${where} can't be used, so the columns it fills are left empty: ${problem}`);
    return null;
  }
  const selectors = text.selectors ? validSelectors(text.selectors, `for the sentence ${where}`, warnings) : null;
  if (selectors && selectors.length === 0) return null;
  return { find: selectors ? compileRowQuery(selectors) : null, pattern: new RegExp(text.pattern), groups: new Set(patternShape(text.pattern).groups) };
}

export function compileRowTest(when: NonNullable<RowVariant['when']>, where: string, warnings: string[]): RowTest | null {
  let pattern: RegExp | null = null;
  if (when.pattern !== undefined) {
    const problem = rowPatternProblem(when.pattern, false);
    if (problem) {
      warnings.push(`The adapter's rule ${where} can't be used and was skipped: ${problem}`);
      return null;
    }
    pattern = new RegExp(when.pattern);
  }
  let selectors: string[] | null = null;
  if (when.selectors) {
    selectors = validSelectors(when.selectors, `in the rule ${where}`, warnings);
    if (selectors.length === 0) return null;
  }
  return (row, rowText) => {
    if (selectors && !selectors.some((selector) => row.matches(selector) || row.querySelector(selector) !== null)) return false;
    return pattern ? pattern.test(rowText()) : true;
  };
}

/** Selectors the browser accepts; the others are named once and dropped. */
function validSelectors(selectors: readonly string[], where: string, warnings: string[]): string[] {
  const probe = typeof document !== 'undefined' ? document.createDocumentFragment() : null;
  return selectors.filter((selector) => {
    if (selector === ':scope' || !probe) return true;
    try {
      probe.querySelector(selector);
      return true;
    } catch {
      warnings.push(`The adapter's selector ${where} is not valid and was skipped.`);
      return false;
    }
  });
}

/** Rows "didn't fit" message parts: "actor, action and target". */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
