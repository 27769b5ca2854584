/**
 * Checks that run on untrusted data before zod sees it (DESIGN.md §3.4).
 * JSON.parse happily creates own properties named "__proto__"; a later spread or
 * merge could turn them into prototype pollution, so such keys are refused outright.
 */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export class UnsafeInputError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'UnsafeInputError';
  }
}

export function formatPath(path: readonly (string | number | symbol)[]): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === 'number') return `${out}[${part}]`;
    const name = String(part);
    return out ? `${out}.${name}` : name;
  }, '');
}

/** Walks plain JSON-like data (iteratively, so deep nesting cannot blow the stack). */
export function assertNoForbiddenKeys(value: unknown, maxDepth = 64): void {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (path.length > maxDepth) {
      throw new UnsafeInputError(`The data is nested more than ${maxDepth} levels deep.`, formatPath(path));
    }
    if (Array.isArray(current)) {
      current.forEach((item, index) => stack.push({ value: item, path: [...path, index] }));
      continue;
    }
    for (const key of Object.keys(current)) {
      if (FORBIDDEN_KEYS.has(key)) {
        throw new UnsafeInputError(
          `The field name "${key}" is not allowed (it could be used to tamper with the extension).`,
          formatPath([...path, key]),
        );
      }
      stack.push({ value: (current as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
}
