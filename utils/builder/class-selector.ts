/**
 * Class names that are more than a CSS identifier, for the selector generator
 * (./selectors.ts). Tailwind names a group or a peer with a slash — `group/list-item` on each
 * line of Ghost 5's History, `peer/menu` — so that its children can style themselves on the
 * group's hover: the name is the page's own word for the thing, as stable as any class, but
 * in a selector the slash must be escaped (`div.group\/list-item`), or the selector is invalid.
 * Tailwind's other utilities with a variant (`hover:bg-grey-50`, `dark:border-grey-900`,
 * `max-h-[100%]`) describe a look at a moment, not a thing, and stay out.
 */

/** A Tailwind group or peer named by the page (`group/list-item`, `peer/menu`). */
export function isNamedMarkerClass(token: string): boolean {
  return /^(group|peer)\/[a-zA-Z][\w-]*$/.test(token);
}

/** A plain CSS identifier class (`result-row`, `text-sm`): usable as it is. */
export function isPlainClass(token: string): boolean {
  return /^[a-zA-Z_-][\w-]*$/.test(token);
}

/**
 * A class name as it is written after the dot of a selector: characters other than letters,
 * digits, `-` and `_` escaped with a backslash (the part of CSS.escape a class name needs:
 * `group/list-item` → `group\/list-item`). A leading digit is written as its code point.
 */
export function cssClassName(token: string): string {
  let out = '';
  for (const [i, char] of [...token].entries()) {
    if (/[\w-]/.test(char) && !(i === 0 && /\d/.test(char))) out += char;
    else if (/\d/.test(char)) out += `\\${char.codePointAt(0)!.toString(16)} `;
    else out += `\\${char}`;
  }
  return out;
}
