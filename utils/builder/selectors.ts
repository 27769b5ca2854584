/**
 * Selector proposal for the adapter builder (pure: no DOM access, so every rule
 * is tested as data). The page is described by utils/builder/describe.ts; these
 * functions turn a description into alternatives, most robust first — the way
 * a test recorder prefers ids and test ids over layout:
 *
 *   id (unless generated) → data-testid & co. → name → aria-label → role + name
 *   → other stable attributes → classes that don't look hashed → an anchor
 *   (a labelled ancestor) plus the element's kind → a structural path, last.
 *
 * Whether a candidate is unique (or, for rows, matches the other rows) is
 * checked by the caller against the live page through an injected test.
 */
import { cssClassName, isNamedMarkerClass, isPlainClass } from './class-selector';

/** One element as plain data. */
export interface NodeFacts {
  tag: string;
  id: string | null;
  classes: string[];
  /** Only attributes worth building selectors on (see describe.ts). */
  attrs: Record<string, string>;
  /** Visible text, collapsed and capped. */
  text: string;
  /** 1-based position among element siblings, and among siblings with the same tag. */
  nthChild: number;
  nthOfType: number;
}

export interface ElementFacts extends NodeFacts {
  /** Parent first, up to (not including) <body>; capped. */
  ancestors: NodeFacts[];
}

export type CandidateKind = 'id' | 'test-id' | 'name' | 'aria-label' | 'role-name' | 'attribute' | 'class' | 'tag' | 'anchored' | 'position' | 'structural';

export interface Candidate {
  selector: string;
  kind: CandidateKind;
}

const TEST_ID_ATTRS = ['data-testid', 'data-test-id', 'data-test', 'data-qa', 'data-cy'] as const;
/**
 * Attributes that say what a thing is, stable across renders and column moves: a grid's
 * column key (`field="user"` in the console of issue 14, MUI DataGrid's `data-field`, AG
 * Grid's `col-id`, `data-colname`, `data-label` of responsive tables), then a box's words.
 */
export const COLUMN_KEY_ATTRS = ['field', 'data-field', 'col-id', 'data-col-id', 'data-colname', 'data-column', 'data-column-key', 'data-column-id', 'data-col', 'data-label', 'data-title', 'headers'] as const;
const STABLE_ATTRS = [...COLUMN_KEY_ATTRS, 'placeholder', 'title', 'data-name', 'for', 'href'] as const;
/** Attribute names never used in selectors: values change or mean nothing (positions included — a column moved keeps its key, not its index). */
const IGNORED_ATTRS = new Set([
  'style', 'class', 'id', 'value', 'tabindex', 'aria-selected', 'aria-expanded', 'aria-busy', 'aria-rowindex', 'aria-colindex', 'aria-describedby', 'aria-controls',
  'aria-activedescendant', 'aria-owns', 'aria-labelledby', 'datetime', 'data-colindex', 'data-col-index', 'data-rowindex', 'data-row-index', 'data-index', 'data-item-index',
]);

/**
 * Attributes a framework writes for its own bookkeeping, not the page's meaning: Vue's
 * scoped-style `data-v-6635e400`, Angular's `_ngcontent-abc-c12` / `ng-reflect-*`, React's
 * old `data-reactid`, Svelte's and Astro's hashes, CSS-in-JS markers, drag-and-drop and
 * popper state. A selector on one breaks at the next build (or finds every element).
 */
export function looksFrameworkAttr(name: string): boolean {
  return /^(data-v-[0-9a-f]{6,}|data-v-app|_ng(content|host)-|ng-reflect-|ng-version|data-reactid|data-reactroot|data-react-|data-svelte-h|data-s-[0-9a-z]{6,}|data-astro-cid-|data-emotion|data-styled|data-rbd-|data-rfd-|data-popper-|data-headlessui-|data-radix-|data-v-inspector|data-server-rendered|data-n-head|data-testing-library)/i.test(name);
}
/** Landmarks worth anchoring on even without a name. */
const ANCHOR_ROLES = new Set(['search', 'grid', 'table', 'treegrid', 'list', 'listbox', 'form', 'main', 'dialog', 'navigation', 'region', 'toolbar']);
const ANCHOR_TAGS = new Set(['form', 'table', 'main', 'nav', 'dialog']);
/** Class names that describe a moment, not a thing. */
const STATE_CLASS = /^(is-|has-|js-)|^(active|selected|hover|focus|focused|open|opened|closed|disabled|checked|visible|hidden|show|shown|collapsed|expanded|loading|odd|even|first|last)$/i;
const DISTINCT_CELL_TAGS = new Set(['time', 'code', 'a', 'abbr', 'kbd', 'samp', 'img', 'strong', 'em', 'b']);

/**
 * Class names emitted by CSS-in-JS and CSS modules change with every build:
 * `css-1q2w3e`, `sc-bdVaJa`, `jsx-2310`, `_time_x8f2a_3`, `Button_root__3kd9s`, `e1x8pq0`.
 */
export function looksHashed(token: string): boolean {
  if (token.length > 40) return true;
  if (/^(css|sc|jsx|emotion|styled|svelte|astro|tw|chakra|mui)-/i.test(token)) return true;
  // A table instance's numbered column class (Element Plus' `el-table_1_column_3`): numbered by render order.
  if (/(^|[-_])column_\d+$|_\d+_/.test(token)) return true;
  if (/^[a-z]{1,3}\d[a-z0-9]{3,}$/i.test(token)) return true; // e1x8pq0
  // A mix of letters and digits in one part: a hash, not a word.
  const parts = token.split(/[-_]+/).filter(Boolean);
  if (parts.some((part) => part.length >= 4 && /\d/.test(part) && /[a-z]/i.test(part) && (part.match(/\d/g)?.length ?? 0) >= 2)) return true;
  if (parts.some((part) => part.length >= 5 && /^\d+$/.test(part))) return true;
  // styled-components' random case: "bdVaJa", "kSaXLv".
  if (/^[a-zA-Z]{5,8}$/.test(token) && /^[a-z]/.test(token) && (token.match(/[A-Z]/g)?.length ?? 0) >= 2 && !/[A-Z]{2}/.test(token)) return true;
  return false;
}

/** Ids a framework made up (React's useId, Ember, numbered widgets): they change between pages or renders. */
export function looksGenerated(value: string): boolean {
  if (!value || value.length > 60) return true;
  if (/[:«»]/.test(value)) return true; // React useId: ":r1:", "«r1»"
  if (/^(ember|ext-gen|mui-|react-select|headlessui|radix|downshift|uid|id)[-_]?\d/i.test(value)) return true;
  if (/\d{3,}/.test(value)) return true;
  if (/[-_]\d+$/.test(value)) return true;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(value)) return true;
  return looksHashed(value);
}

/** Classes worth a selector, each written as it goes after a dot (a Tailwind group's `group/list-item` escaped: ./class-selector.ts). */
export function stableClasses(classes: readonly string[]): string[] {
  return classes.filter((c) => (isPlainClass(c) || isNamedMarkerClass(c)) && !looksHashed(c) && !STATE_CLASS.test(c)).map(cssClassName);
}

/** A CSS string literal. */
export function cssString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\a ')}"`;
}

function attrSelector(name: string, value: string): string {
  return `[${name}=${cssString(value)}]`;
}

function idSelector(id: string): string {
  return /^[a-zA-Z_][\w-]*$/.test(id) ? `#${id}` : attrSelector('id', id);
}

/** Values that name things rather than count them ("Search activity", not "evt-1042"). */
function usableValue(value: string | undefined): value is string {
  return value !== undefined && value.trim().length > 0 && value.length <= 100 && !looksGenerated(value.replace(/\s+/g, '-'));
}

function roleAttr(node: NodeFacts): string {
  return node.attrs.role ? attrSelector('role', node.attrs.role) : '';
}

/** The element's kind without its identity: tag, role, type and stable classes. */
export function kindCompound(node: NodeFacts, { classes = true }: { classes?: boolean } = {}): string {
  const type = node.attrs.type && ['input', 'button'].includes(node.tag) ? attrSelector('type', node.attrs.type) : '';
  const cls = classes ? stableClasses(node.classes).slice(0, 2).map((c) => `.${c}`).join('') : '';
  return `${node.tag}${roleAttr(node)}${type}${cls}`;
}

/** Selectors that name this one element by what it is called (strongest first). */
export function identityCandidates(node: NodeFacts): Candidate[] {
  const out: Candidate[] = [];
  if (node.id && !looksGenerated(node.id)) out.push({ selector: idSelector(node.id), kind: 'id' });
  for (const name of TEST_ID_ATTRS) {
    const value = node.attrs[name];
    if (value && value.length <= 100) out.push({ selector: attrSelector(name, value), kind: 'test-id' });
  }
  if (usableValue(node.attrs.name)) out.push({ selector: `${node.tag}${attrSelector('name', node.attrs.name)}`, kind: 'name' });
  const label = node.attrs['aria-label'];
  if (label && label.length <= 100) {
    out.push({ selector: `${node.tag}${attrSelector('aria-label', label)}`, kind: 'aria-label' });
    if (node.attrs.role) out.push({ selector: `${roleAttr(node)}${attrSelector('aria-label', label)}`, kind: 'role-name' });
  }
  for (const name of STABLE_ATTRS) {
    if (usableValue(node.attrs[name])) out.push({ selector: `${node.tag}${attrSelector(name, node.attrs[name])}`, kind: 'attribute' });
  }
  for (const [name, value] of Object.entries(node.attrs)) {
    if (!name.startsWith('data-') || IGNORED_ATTRS.has(name) || looksFrameworkAttr(name) || (TEST_ID_ATTRS as readonly string[]).includes(name) || (STABLE_ATTRS as readonly string[]).includes(name)) continue;
    if (usableValue(value)) out.push({ selector: `${node.tag}${attrSelector(name, value)}`, kind: 'attribute' });
  }
  const classes = stableClasses(node.classes);
  if (classes.length > 0) out.push({ selector: `${node.tag}.${classes.slice(0, 2).join('.')}`, kind: 'class' });
  return out;
}

/** Ancestors that can anchor a selector: named, or a landmark (nearest first). */
export function anchorCandidates(ancestors: readonly NodeFacts[]): { selector: string; depth: number }[] {
  const out: { selector: string; depth: number }[] = [];
  ancestors.forEach((node, depth) => {
    const identities = identityCandidates(node);
    // "the grid called Activity" reads better than "the div called Activity".
    const strong = identities.find((c) => c.kind === 'role-name') ?? identities.find((c) => c.kind !== 'class' && c.kind !== 'attribute');
    if (strong) out.push({ selector: strong.selector, depth });
    else if ((node.attrs.role && ANCHOR_ROLES.has(node.attrs.role)) || ANCHOR_TAGS.has(node.tag)) out.push({ selector: kindCompound(node), depth });
  });
  return out;
}

/** tag:nth-of-type(n) steps from an ancestor (depth d in `ancestors`, or the body when d = length) down to the element. */
export function structuralPath(element: ElementFacts, fromDepth = element.ancestors.length, root = 'body'): string {
  const chain = [...element.ancestors.slice(0, fromDepth).reverse(), element];
  return [root, ...chain.map((n) => `${n.tag}:nth-of-type(${n.nthOfType})`)].join(' > ');
}

function dedupe(candidates: Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return candidates.filter((c) => (seen.has(c.selector) ? false : (seen.add(c.selector), true)));
}

/** Alternatives for one control (a search box, a button), most robust first. */
export function proposeSelectors(element: ElementFacts): Candidate[] {
  const out = identityCandidates(element);
  const kind = kindCompound(element);
  for (const anchor of anchorCandidates(element.ancestors).slice(0, 3)) {
    out.push({ selector: `${anchor.selector} ${kind}`, kind: 'anchored' });
    // Two controls of the same kind under one anchor: say which one.
    out.push({ selector: `${anchor.selector} ${kind}:nth-of-type(${element.nthOfType})`, kind: 'anchored' });
  }
  const nearest = anchorCandidates(element.ancestors)[0];
  if (nearest) out.push({ selector: structuralPath(element, nearest.depth, nearest.selector), kind: 'structural' });
  out.push({ selector: structuralPath(element), kind: 'structural' });
  return dedupe(out);
}

/** What the other rows share with the picked one (computed on the page). */
export interface RowFacts extends ElementFacts {
  /** Attribute names present on (nearly) every sibling row, values varying or not. */
  sharedAttrs: string[];
  sharedClasses: string[];
}

/** Alternatives that find every result row (not just the picked one). */
export function proposeRowSelectors(row: RowFacts): Candidate[] {
  const tag = row.tag;
  const role = roleAttr(row);
  // Vue's data-v-<hash> is on every row — and on every other element its component renders.
  const marks = row.sharedAttrs.filter((a) => a.startsWith('data-') && !looksFrameworkAttr(a) && !(TEST_ID_ATTRS as readonly string[]).includes(a)).map((a) => `[${a}]`);
  const testIds = TEST_ID_ATTRS.filter((a) => row.sharedAttrs.includes(a) && row.attrs[a]).map((a) => attrSelector(a, row.attrs[a]!));
  const classes = stableClasses(row.sharedClasses).slice(0, 2).map((c) => `.${c}`).join('');
  const own: Candidate[] = [
    ...testIds.map((t) => ({ selector: `${tag}${t}`, kind: 'test-id' as const })),
    ...marks.map((m) => ({ selector: `${tag}${role}${m}`, kind: 'attribute' as const })),
    ...(classes ? [{ selector: `${tag}${classes}`, kind: 'class' as const }] : []),
    ...(role ? [{ selector: `${tag}${role}`, kind: 'tag' as const }] : []),
    ...(tag === 'tr' ? [{ selector: 'tbody tr', kind: 'tag' as const }] : []),
  ];
  const anchors = anchorCandidates(row.ancestors).slice(0, 2);
  const out: Candidate[] = [];
  for (const candidate of own) {
    for (const anchor of anchors) out.push({ selector: `${anchor.selector} ${candidate.selector}`, kind: 'anchored' });
    out.push(candidate);
  }
  // Last: the path from the nearest anchor down to the rows' parent, then "every child of this kind".
  const parentAnchor = anchors[0];
  if (parentAnchor) {
    const steps = row.ancestors.slice(0, parentAnchor.depth).reverse().map((n) => `${n.tag}:nth-of-type(${n.nthOfType})`);
    out.push({ selector: [parentAnchor.selector, ...steps, `${tag}${role}`].join(' > '), kind: 'structural' });
  }
  return dedupe(out);
}

/** A cell as seen from its row: the chain of elements from the row's child down to the cell. */
export interface CellFacts {
  /** steps[0] is a child of the row; the last step is the picked cell. */
  steps: NodeFacts[];
}

/** Alternatives that find the cell inside any row (selectors are relative to the row). */
export function proposeCellSelectors(cell: CellFacts, { insideColumn = false }: { insideColumn?: boolean } = {}): Candidate[] {
  const steps = cell.steps;
  const target = steps[steps.length - 1];
  const top = steps[0];
  if (!target || !top) return [{ selector: ':scope', kind: 'position' }];
  const out: Candidate[] = [];
  // Values that identify one row's cell (its text in a title) would miss the other rows.
  const sameInEveryRow = (c: Candidate) => !(c.kind === 'attribute' && /^\w+\[(title|href)=/.test(c.selector));
  for (const c of identityCandidates(target)) {
    if (sameInEveryRow(c)) out.push(c);
  }
  // A wrapper that names the column (`td[field="user"] > div > div > span`): through it, not through positions.
  for (let i = steps.length - 2; i >= 0; i--) {
    const step = steps[i]!;
    const below = steps.slice(i + 1);
    const path = `> ${below.map((n) => `${kindCompound(n, { classes: false })}:nth-of-type(${n.nthOfType})`).join(' > ')}`;
    for (const c of identityCandidates(step)) {
      if (c.kind === 'class' || !sameInEveryRow(c)) continue;
      // The first element of its kind under the wrapper (the caller checks it is the one clicked), then the exact way down.
      out.push({ selector: `${c.selector} ${kindCompound(target)}`, kind: c.kind });
      if (below.length > 1) out.push({ selector: `${c.selector} ${path}`, kind: c.kind });
    }
  }
  // Inside one column's cell, "its first span" is no position among columns.
  if (DISTINCT_CELL_TAGS.has(target.tag) || insideColumn) out.push({ selector: kindCompound(target), kind: 'tag' });
  const topKind = kindCompound(top, { classes: false });
  const position = `:scope > ${topKind}:nth-child(${top.nthChild})`;
  const below = steps.slice(1).map((n) => `${n.tag}:nth-of-type(${n.nthOfType})`);
  if (steps.length > 1) {
    const inner = identityCandidates(target).find((c) => c.kind === 'class' || c.kind === 'test-id');
    if (inner) out.push({ selector: `${position} ${inner.selector}`, kind: 'position' });
    if (DISTINCT_CELL_TAGS.has(target.tag)) out.push({ selector: `${position} ${target.tag}`, kind: 'position' });
  }
  out.push({ selector: [position, ...below].join(' > '), kind: 'position' });
  return dedupe(out);
}

/** The attribute that carries a machine-readable time, when the cell has one. */
export function timeAttribute(node: NodeFacts): string | undefined {
  if (node.attrs.datetime) return 'datetime';
  for (const name of ['title', 'data-time', 'data-timestamp', 'data-date']) {
    const value = node.attrs[name];
    if (value && /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(value)) return name;
  }
  return undefined;
}

export interface SelectorTest {
  /** How many elements the selector finds (for cells: in how many sampled rows it finds one). */
  count: number;
  /** It finds the element the person pointed at (for rows: among its matches). */
  hitsTarget: boolean;
  /** Rows: every match looks like the picked row. Cells: it found a cell in (nearly) every sampled row. */
  consistent?: boolean;
}

/**
 * Keeps the candidates the page confirms, in order of preference. `single`:
 * exactly one match and it is the target; `many`: matches include the target
 * and are all alike.
 */
export function confirmCandidates(
  candidates: readonly Candidate[],
  test: (selector: string) => SelectorTest,
  mode: 'single' | 'many',
  max = 4,
): Candidate[] {
  const kept: Candidate[] = [];
  for (const candidate of candidates) {
    if (kept.length >= max) break;
    const result = test(candidate.selector);
    const ok = mode === 'single' ? result.count === 1 && result.hitsTarget : result.count >= 1 && result.hitsTarget && result.consistent !== false;
    if (ok) kept.push(candidate);
  }
  // A bare position is kept only when nothing else found the element: once a column is moved or a
  // box added, a position finds another element, and a wrong reading is worse than none (issue 14).
  const named = kept.filter((c) => c.kind !== 'structural' && c.kind !== 'position');
  return named.length > 0 ? named : kept.slice(0, 1);
}
