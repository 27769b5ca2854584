/**
 * Checks on the regular expressions an adapter uses to read a row's sentence
 * (`results.text.pattern`, `results.variants[*].when.pattern`). Shared by the pack
 * schema (refused at import, with the reason) and the capture (a pattern that reaches
 * it without import is checked again and not run). No zod here: the capture runs in
 * the content script, which must stay small.
 *
 * A pattern from someone else's pack runs over text from someone else's page, so it
 * must not be able to hang the page: nested unbounded repetition such as `(a+)+` or
 * `(\w+\s?)*` — the usual cause of catastrophic backtracking — is refused outright,
 * the text it reads is cut to ROW_TEXT_MAX characters, and the capture stops running
 * patterns once they have taken too long (utils/engine/row-patterns.ts).
 */
export const ROW_PATTERN_MAX = 500;

/** The raw column that keeps the sentence a pattern read, as the page showed it. */
export const ROW_TEXT_KEY = 'row text';

/** The row fields a pattern's named group may fill without being declared as a column. */
export const ROW_FIELD_NAMES = ['time', 'actor', 'action', 'target', 'ip', 'result'] as const;

export interface PatternShape {
  /** Named groups, in order of appearance. */
  groups: string[];
  /** A repeated group that contains a repetition without limit: `(a+)+`. */
  nestedRepetition: boolean;
}

/** Reads a pattern's named groups and whether it repeats a repetition. Assumes the pattern compiles. */
export function patternShape(source: string): PatternShape {
  const groups: string[] = [];
  // One frame per open group: does it hold a repetition without limit?
  const stack: boolean[] = [false];
  let nestedRepetition = false;
  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    if (char === '\\') {
      i += 2;
      i = afterQuantifier(source, i, stack);
      continue;
    }
    if (char === '[') {
      i++;
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      i++;
      i = afterQuantifier(source, i, stack);
      continue;
    }
    if (char === '(') {
      const named = /^\(\?<([A-Za-z_$][\w$]*)>/.exec(source.slice(i, i + 60));
      if (named) groups.push(named[1]!);
      stack.push(false);
      i++;
      continue;
    }
    if (char === ')') {
      const inner = stack.length > 1 ? stack.pop()! : false;
      i++;
      const quantifier = quantifierAt(source, i);
      if (quantifier && quantifier.unbounded && inner) nestedRepetition = true;
      if (inner || quantifier?.unbounded) stack[stack.length - 1] = true;
      i += quantifier?.length ?? 0;
      continue;
    }
    i++;
    i = afterQuantifier(source, i, stack);
  }
  return { groups, nestedRepetition };
}

/** Skips a quantifier after an atom, marking the open group when it repeats without limit. */
function afterQuantifier(source: string, i: number, stack: boolean[]): number {
  const quantifier = quantifierAt(source, i);
  if (!quantifier) return i;
  if (quantifier.unbounded) stack[stack.length - 1] = true;
  return i + quantifier.length;
}

function quantifierAt(source: string, i: number): { unbounded: boolean; length: number } | null {
  const char = source[i];
  let length = 0;
  let unbounded = false;
  if (char === '*' || char === '+') {
    length = 1;
    unbounded = true;
  } else if (char === '?') {
    length = 1;
  } else if (char === '{') {
    const braces = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i, i + 20));
    if (!braces) return null;
    length = braces[0].length;
    unbounded = braces[2] !== undefined && braces[3] === '';
  } else {
    return null;
  }
  if (source[i + length] === '?') length++; // lazy
  return { unbounded, length };
}

/**
 * Why a pattern can't be used, in words for whoever writes the pack; null when it can.
 * `named`: the pattern fills columns, so it needs at least one named group.
 */
export function rowPatternProblem(source: string, named: boolean): string | null {
  if (source.length > ROW_PATTERN_MAX) return `The pattern is ${source.length} characters long; at most ${ROW_PATTERN_MAX} are allowed.`;
  try {
    new RegExp(source);
  } catch (error) {
    return `The pattern is not a valid regular expression (${error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : 'unknown error'}).`;
  }
  const shape = patternShape(source);
  if (shape.nestedRepetition) {
    return 'The pattern repeats a group that itself repeats without limit (like "(a+)+" or "(\\w+\\s?)*"), which can freeze the page on a long row. Repeat the inner part only, or give the outer repetition a limit.';
  }
  if (named && shape.groups.length === 0) return 'The pattern has no named group such as (?<actor>…), so it would fill no column.';
  return null;
}
