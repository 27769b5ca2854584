import { z } from 'zod';
import { filterName, httpsUrl, isoDate, markdown, shortText, slug } from './common';
import { glossarySummary } from './glossary';
import { PERSON_IDS, kindId, kindMapping } from './kinds';
import { reviewFields } from './review';
import { ROW_FIELD_NAMES, patternShape, rowPatternProblem } from './row-pattern';
import { lazySchema } from './lazy';

/**
 * Alternatives, tried in order; the first that finds an element wins and is reported.
 * " >>> " steps into an element's open shadow root or a same-origin iframe's document.
 */
export const selectorList = lazySchema(() => z.array(z.string().trim().min(1).max(500)).min(1).max(10));
export type SelectorList = z.infer<typeof selectorList>;

/** How a date or other value is written into a URL or input. */
export const valueFormat = lazySchema(() => z.enum(['plain', 'iso', 'date', 'datetimeLocal', 'epochMs', 'epochS']));
export type ValueFormat = z.infer<typeof valueFormat>;

/**
 * URL values may also be written as ISO 8601 without milliseconds (Okta's fromTime).
 * Kept apart from valueFormat so the DOM side is unaffected.
 */
export const urlValueFormat = lazySchema(() => z.enum([...valueFormat.options, 'isoSeconds']));
export type UrlValueFormat = z.infer<typeof urlValueFormat>;

/**
 * How a value is written inside a URL template's placeholder, e.g. `{value|quoted}`:
 * - (none)          as is
 * - quoted          always in double quotes, with `\` and `"` escaped by a backslash
 * - quotedIfNeeded  in double quotes only when it has spaces or the query syntax's special characters
 * - escaped         `\` and `"` escaped, no quotes added (for templates that bring their own)
 */
export const URL_TEMPLATE_FILTERS = ['quoted', 'quotedIfNeeded', 'escaped'] as const;

/** A template whose only placeholders are `{name}` or `{name|filter}` with the given names. */
export function urlTemplate(names: readonly string[], max = 300) {
  const filters = URL_TEMPLATE_FILTERS.join('|');
  const allowed = new RegExp(`^\\{(?:${names.join('|')})(?:\\|(?:${filters}))?\\}$`);
  return z
    .string()
    .max(max)
    .refine((text) => (text.match(/\{[^{}]*\}/g) ?? []).every((p) => allowed.test(p)), {
      message: `Use only these placeholders: ${names.map((n) => `{${n}}`).join(', ')} (optionally with |${URL_TEMPLATE_FILTERS.join(', |')}).`,
    });
}

/** A parameter name in a link (`type`, `f[]`, `v[author_id][]`). */
const paramName = lazySchema(() => z.string().min(1).max(80));
const mapKey = lazySchema(() => z.string().trim().min(1).max(200));
const mapLimit = <T extends z.ZodType>(record: T) =>
  record.refine((map) => Object.keys(map as object).length <= 500, { message: 'A value map may list at most 500 values.' });

/**
 * A value map: what a step asks for (an event code after `kinds` translated it, or a word a
 * runbook uses, e.g. "Change") → what the tool takes ("2"). Read back the other way, so the
 * panel states the step's own word. See docs/adapters.md "Value maps".
 */
export const valueMap = lazySchema(() => mapLimit(z.record(mapKey, z.string().max(300))));
/** Links only: an entry may also set several parameters at once (`{ type: user, subtype: suspend }`). */
export const urlValueMap = lazySchema(() => mapLimit(
  z.record(
    mapKey,
    z.union([
      z.string().max(300),
      z
        .record(paramName, z.string().max(300))
        .refine((params) => Object.keys(params).length >= 1 && Object.keys(params).length <= 10, { message: 'Give between 1 and 10 parameters.' }),
    ]),
  ),
));

export const urlFieldStrategy = lazySchema(() => z.strictObject({
  /** Parameter that carries the value. Fields sharing a parameter are joined (see deepLink.separator). */
  param: paramName,
  /** The tool's own query syntax, e.g. "actor:{value|quotedIfNeeded}" or "actor.alternateId eq {value|quoted}". */
  template: urlTemplate(['value']).default('{value}'),
  format: urlValueFormat.default('plain'),
  /** What to put in the link for each value (overrides the field's own `values` for links). */
  values: urlValueMap.optional(),
  /** Several values (comma-separated) → the parameter once per value (`f[]=a&f[]=b`), never joined. */
  repeat: z.boolean().optional(),
  /** More parameters written whenever this field is in the link (`{ "f[]": author_id, "op[author_id]": "=" }`); `{value}` allowed. */
  with: z.record(paramName, urlTemplate(['value'])).optional(),
  /**
   * What a link says when the step does **not** set this field: the value that means "all"
   * for the field's parameter (`"all"`, `""`), or several parameters. Clears a filter the console
   * would otherwise bring back from an earlier search it remembers.
   */
  reset: z.union([z.string().max(300), z.record(paramName, z.string().max(300))]).optional(),
}));

export const DOM_INPUT_KINDS = ['text', 'select', 'combobox', 'datetime', 'date', 'codeEditor', 'checkbox', 'list'] as const;

/**
 * Gestures (docs/adapters.md "Controls that take more than one gesture"): something to click
 * before a control can be used — a magnifier that unfolds the search box, a menu to open.
 * A selector list, or `{ selectors, label }` where `label` names it for a person
 * ("the magnifier button") when it can't be found.
 */
export const openTarget = lazySchema(() => z.union([selectorList, z.strictObject({ selectors: selectorList, label: shortText })]));
export type OpenTarget = z.infer<typeof openTarget>;
/** Clicked in order, each waited for, only while the control itself isn't showing. */
export const openGestures = lazySchema(() => z.array(openTarget).min(1).max(5));

/** Text in a recorded step: literal words, or `{value}` for the step's value ("Event is {value}"). */
const gestureText = lazySchema(() => z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((text) => (text.match(/\{[^{}]*\}/g) ?? []).every((p) => p === '{value}'), { message: 'Use only the placeholder {value}.' }));

/** Keys a recorded sequence may press, in the element that has the focus. */
export const GESTURE_KEYS = ['Enter', 'Escape', 'Tab', 'ArrowDown', 'ArrowUp'] as const;

/**
 * One step of a recorded sequence for a filter builder (funnel → Add filter → field → operator
 * → value → Apply): click an element; pick the element of a list whose text (or data-value)
 * matches; type into a box; press a key. Each step waits for its element to appear.
 */
export const gestureStep = lazySchema(() => z.union([
  z.strictObject({ click: selectorList }),
  z.strictObject({ pick: z.strictObject({ selectors: selectorList, text: gestureText }) }),
  z.strictObject({ type: z.strictObject({ selectors: selectorList, value: gestureText.default('{value}') }) }),
  z.strictObject({ press: z.enum(GESTURE_KEYS) }),
]));
export type GestureStep = z.infer<typeof gestureStep>;
export const MAX_GESTURE_STEPS = 12;

/** How a sequence's effect is checked: an element (a filter chip) whose text reads `text`. */
export const verifyByEffect = lazySchema(() => z.strictObject({ selectors: selectorList, text: gestureText.default('{value}') }));

/**
 * How a date picker shows a date, in Day.js tokens ("MM/DD/YYYY hh:mm A", "YYYY-MM-DD HH:mm"):
 * the value is typed in that shape, in the box's clock, as a person would type it.
 */
export const displayPattern = lazySchema(() => z
  .string()
  .trim()
  .min(2)
  .max(60)
  .regex(/YY|M{1,4}|D{1,2}|H{1,2}|h{1,2}|mm/, 'Write the picker\'s display pattern in Day.js tokens, for example "MM/DD/YYYY hh:mm A".'));

/** How a widget takes a value once typed: Enter, leaving the box, its OK button, or nothing more. */
export const CONFIRM_WAYS = ['enter', 'blur', 'ok', 'none'] as const;

export const domFieldStrategy = lazySchema(() => z.strictObject({
  selectors: selectorList,
  kind: z.enum(DOM_INPUT_KINDS).default('text'),
  /** A value format (plain, iso, datetimeLocal…), or a date picker's display pattern. */
  format: z.union([valueFormat, displayPattern]).default('plain'),
  /** How the widget takes the value (default: the widget's strategy decides). */
  confirm: z.enum(CONFIRM_WAYS).optional(),
  /** Combobox only: the options that appear once it is open, matched by data-value or text. */
  option: selectorList.optional(),
  /** Combobox only: a type-to-filter box inside the popup. */
  filterInput: selectorList.optional(),
  /**
   * This box takes several filters at once, written side by side (a query box such as
   * "actor:x action:y"). Without it, a second filter aimed at the same box is refused
   * at plan time, because a plain search box given two values usually finds nothing.
   * Every field that shares the box must say so.
   */
  combine: z.boolean().optional(),
  /**
   * Date and datetime boxes only: the clock the box's wall time is read in. `local` (the
   * default for date/datetime boxes: what a browser's datetime-local box means) or `utc`
   * (the console says so, e.g. a "From (UTC)" label).
   */
  zone: z.enum(['local', 'utc']).optional(),
  /** The console's own syntax in the box, e.g. "account:{value}" (same placeholders and filters as a link's `template`). */
  template: urlTemplate(['value']).optional(),
  /** What to type or pick for each value (overrides the field's own `values` for the page). */
  values: valueMap.optional(),
  /** Clicked first, each waited for, while the control isn't showing (a magnifier, a menu). */
  open: openGestures.optional(),
  /**
   * A recorded sequence that sets this filter (a filter builder), instead of writing into
   * `selectors` — which then name where the builder starts. At most 12 steps.
   */
  steps: z.array(gestureStep).min(1).max(MAX_GESTURE_STEPS).optional(),
  /** Checks the sequence by its effect (a chip that reads the value); without it the field is "could not check". */
  verify: verifyByEffect.optional(),
  /** List only: the chosen item(s), when the console marks them by a class ("a.active") rather than aria-current/-pressed/-selected. */
  selected: selectorList.optional(),
  /** List only: several items may be chosen at once; the value is comma-separated. */
  multiple: z.boolean().optional(),
}).superRefine((dom, ctx) => {
  if ((dom.selected !== undefined || dom.multiple !== undefined) && dom.kind !== 'list') {
    ctx.addIssue({ code: 'custom', path: [dom.selected !== undefined ? 'selected' : 'multiple'], message: 'Only a field of kind "list" can have selected or multiple.' });
  }
  if (dom.verify !== undefined && dom.steps === undefined) {
    ctx.addIssue({ code: 'custom', path: ['verify'], message: 'verify checks a recorded sequence: give the steps too.' });
  }
}));

export const adapterField = lazySchema(() => z.strictObject({
  label: shortText.optional(),
  url: urlFieldStrategy.optional(),
  dom: domFieldStrategy.optional(),
  /** What to type, pick or put in the link for each value, on both sides (each side may have its own `values`). */
  values: valueMap.optional(),
  /**
   * A value the maps don't list: `refuse` (the default: the step says so and leaves it for the
   * person) or `asIs` (sent as it is, for consoles that also take free text).
   */
  otherValues: z.enum(['refuse', 'asIs']).optional(),
}));
export type AdapterField = z.infer<typeof adapterField>;

/** Day.js / Moment parse tokens; square brackets keep literal text (`[at]`). */
const timeFormat = lazySchema(() => z.string().trim().min(2).max(80));

/** True for a zone name this browser knows (IANA names such as Europe/Berlin, or UTC). */
export function isTimeZoneName(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSetting = lazySchema(() => z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((zone) => zone === 'utc' || zone === 'page' || (/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone) && isTimeZoneName(zone)), {
    message: 'Use "utc", "page" (the browser\'s own zone) or a time zone name such as Europe/Berlin.',
  }));
export type TimeZoneSetting = z.infer<typeof timeZoneSetting>;

export const columnExtractor = lazySchema(() => z.strictObject({
  /**
   * Where the cell is inside the row. May be left out when a named group of the row's
   * `text` pattern fills the column; where both are given, the selector wins and the
   * group fills in for rows where the selector finds nothing.
   */
  selectors: selectorList.optional(),
  /** Read this attribute instead of the text (e.g. "datetime" on <time>). */
  attr: z.string().max(60).optional(),
  /** A regular expression whose first group is kept. */
  pattern: z.string().max(300).optional(),
  /**
   * Time column only: how the console writes its times, in Day.js / Moment tokens
   * (`HH:mm, D MMMM YYYY`, `MM/DD/YYYY h:mm A`, the same tokens Kibana's and Grafana's date
   * settings use), or a list of alternatives tried in order. Read strictly; text that fits
   * none is read by the general parser, which refuses day/month orders it can't be sure of.
   */
  format: z.union([timeFormat, z.array(timeFormat).min(1).max(5)]).optional(),
  /**
   * Time column only: the zone of times written without an offset. `page` (the default): the
   * browser's own zone, which is what most consoles render in; `utc`; or an IANA zone name
   * such as `Europe/Berlin` when the console is set to a fixed zone. An offset or zone
   * written in the text itself always wins.
   */
  zone: timeZoneSetting.optional(),
  /**
   * Empty by design in some rows (a reason, an IP): an empty cell is kept as empty without
   * the "column was missing" warning, and doesn't count against the adapter's health.
   */
  optional: z.boolean().optional(),
  /**
   * The nearest element before the row (a preceding sibling of the row or of one of its
   * containers) that one of these finds, such as a day heading above a day's events: its
   * text goes before the cell's ("11/27/2026" + "03:28 PM"). Without `selectors`, the
   * column is the heading's text alone.
   */
  heading: selectorList.optional(),
  /**
   * The text of the column's header cell (`th` or `[role=columnheader]`; case and spacing
   * don't count), for tables whose columns a person can reorder: the cell under that header
   * is read in each row, wherever the column is now. `selectors`, if given, are looked up
   * inside that cell. When no header has this text, the column is left empty with a warning
   * naming it — never read from another column.
   */
  header: z.string().trim().min(1).max(120).optional(),
}));
export type ColumnExtractor = z.infer<typeof columnExtractor>;

function patternOf(named: boolean) {
  return z
    .string()
    .min(1)
    .superRefine((source, ctx) => {
      const problem = rowPatternProblem(source, named);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}

/**
 * A row read as a sentence: a regular expression over the row's visible text (or the text
 * of the element `selectors` finds in the row); each named group fills the column of that
 * name — `(?<actor>…)`. See docs/adapters.md "Rows that are sentences".
 */
export const rowText = lazySchema(() => z.strictObject({
  selectors: selectorList.optional(),
  pattern: patternOf(true),
}));
export type RowText = z.infer<typeof rowText>;

const columnMap = lazySchema(() => z.record(filterName, columnExtractor));

/** Rows that are read differently: the first variant whose `when` the row meets reads it. */
export const rowVariant = lazySchema(() => z
  .strictObject({
    /** The row has an element (or is one) one of `selectors` finds, and/or its text matches `pattern`. */
    when: z
      .strictObject({ selectors: selectorList.optional(), pattern: patternOf(false).optional() })
      .refine((when) => when.selectors !== undefined || when.pattern !== undefined, { message: 'Give `when` a `selectors` list, a `pattern`, or both.' })
      .optional(),
    text: rowText.optional(),
    /** Columns read differently in these rows; each replaces the column of the same name. */
    columns: columnMap.optional(),
  })
  .refine((variant) => variant.when !== undefined || variant.text !== undefined, {
    message: 'A variant needs `when` (which rows it reads) or a `text` pattern (the rows it fits).',
  }));
export type RowVariant = z.infer<typeof rowVariant>;

/** Only the time column can have a format or a zone. */
function onlyTimeHasFormat(columns: Record<string, ColumnExtractor>): boolean {
  return Object.entries(columns).every(([name, column]) => name === 'time' || (column.format === undefined && column.zone === undefined));
}

/**
 * Across `columns`, `text` and `variants`: a pattern fills only the row's fields or declared
 * columns, a variant replaces only those too, and a column without selectors is filled by a pattern.
 */
function checkRowReading(
  results: { columns: Record<string, ColumnExtractor>; text?: RowText | undefined; variants?: RowVariant[] | undefined },
  ctx: z.core.$RefinementCtx,
): void {
  if (Object.keys(results.columns).length === 0 && results.text === undefined) {
    ctx.addIssue({ code: 'custom', path: ['columns'], message: 'Say how to read each row: `columns` with selectors, or a `text` pattern with named groups.' });
  }
  const known = new Set<string>([...ROW_FIELD_NAMES, ...Object.keys(results.columns)]);
  const knownList = [...known].join(', ');
  const groupsOf = (text: RowText | undefined) => (text ? patternShape(text.pattern).groups : []);
  const checkGroups = (text: RowText | undefined, path: (string | number)[]) => {
    for (const group of groupsOf(text)) {
      if (!known.has(group)) {
        ctx.addIssue({ code: 'custom', path, message: `The pattern's group "${group}" is not a column. Name groups after the row's fields or declared columns (${knownList}), or declare "${group}" under results.columns.` });
      }
    }
  };
  // In a variant, `name: { optional: true }` alone says the column is empty by design in those rows.
  const needGroup = (columns: Record<string, ColumnExtractor>, groups: Set<string>, path: (string | number)[], inVariant = false) => {
    for (const [name, column] of Object.entries(columns)) {
      if (inVariant && column.optional && Object.keys(column).length === 1) continue;
      if (column.selectors === undefined && column.heading === undefined && column.header === undefined && !groups.has(name)) {
        ctx.addIssue({ code: 'custom', path: [...path, name], message: `The ${name} column has no selectors and no pattern group (?<${name}>…) fills it. Give it selectors, or a named group in a text pattern.` });
      }
    }
  };
  checkGroups(results.text, ['text', 'pattern']);
  const everyGroup = new Set(groupsOf(results.text));
  (results.variants ?? []).forEach((variant, index) => {
    checkGroups(variant.text, ['variants', index, 'text', 'pattern']);
    for (const group of groupsOf(variant.text ?? results.text)) everyGroup.add(group);
    const columns = variant.columns ?? {};
    for (const name of Object.keys(columns)) {
      if (!known.has(name)) ctx.addIssue({ code: 'custom', path: ['variants', index, 'columns', name], message: `A variant can only read the row's fields or declared columns (${knownList}); declare "${name}" under results.columns.` });
    }
    if (!onlyTimeHasFormat(columns)) ctx.addIssue({ code: 'custom', path: ['variants', index, 'columns'], message: 'Only the time column can have a format or a zone.' });
    needGroup(columns, new Set(groupsOf(variant.text ?? results.text)), ['variants', index, 'columns'], true);
  });
  needGroup(results.columns, everyGroup, ['columns']);
}

export const adapterSchema = lazySchema(() => z.strictObject({
  id: slug,
  name: shortText,
  vendor: shortText,
  /**
   * fixture: checked against a model page; live: checked on the real site;
   * taught: made by pointing at a live page with the adapter builder (utils/builder).
   */
  verified: z.strictObject({ how: z.enum(['fixture', 'live', 'taught']), date: isoDate }),
  /** Who looks after this adapter and when they last checked it against the console (owner, reviewed, reviewEvery). */
  ...reviewFields,
  notes: markdown.optional(),
  docs: z.array(httpsUrl).max(10).default([]),
  match: z.strictObject({
    /** URL patterns: "*" matches any run of characters (host, port or path). */
    include: z.array(z.string().min(1).max(500)).min(1).max(20),
    exclude: z.array(z.string().min(1).max(500)).max(20).default([]),
    /** Every entry must find an element (any of its alternatives). */
    present: z.array(selectorList).min(1).max(10),
    /** No entry may find an element. */
    absent: z.array(selectorList).max(10).default([]),
    /**
     * Paths of this console where a company runs its own copy on its own address
     * (e.g. "/audit*"). They apply on every site the person has allowed Trailguide on
     * (Settings → Your consoles), where the DOM fingerprint then tells the console apart.
     */
    selfHosted: z
      .array(z.string().max(300).regex(/^\/\S*$/, 'Write a path that starts with “/”, for example /audit*.'))
      .max(10)
      .default([]),
  }),
  deepLink: z
    .strictObject({
      /**
       * "current" keeps the page's own address; otherwise a template like "{origin}/audit" or
       * "{origin}/dashboard/{path2}/{path3}/logs" ({pathN} = the current address's N-th path segment).
       */
      base: z
        .string()
        .max(500)
        .regex(/^(current|\{origin\}(?:[^{}]|\{path(?:[1-9]|1\d)\})*)$/, 'Use "current" or a template starting with {origin}, with {path1}…{path19} for parts of the current address.')
        .default('current'),
      location: z.enum(['query', 'hash', 'matrix']).default('query'),
      /** For hash routes: the route before the "?" (e.g. "/events"). */
      hashPath: z.string().max(200).optional(),
      /** Joins values of fields that share one parameter (e.g. GitHub's q). */
      separator: z.string().max(10).default(' '),
      /** Parameters of the current address kept in the link (e.g. "region"). */
      keep: z.array(z.string().max(80)).max(20).default([]),
      /** Parameters always set (e.g. reset paging). */
      fixed: z.record(z.string().max(80), z.string().max(300)).default({}),
      /** Per-parameter joiners overriding `separator` (e.g. a newline for Logs Explorer's query). */
      separators: z.record(z.string().max(80), z.string().max(10)).default({}),
      /** "percent" writes spaces as %20; "form" as "+" (what GitHub and Okta write themselves). */
      encoding: z.enum(['percent', 'form']).default('percent'),
      /**
       * Two fields written as one range, e.g. GitHub's "created:{from}..{to}" or Auth0's
       * "date:[{from} TO {to}]"; a missing end becomes `open`. Emitted after the fields.
       */
      ranges: z
        .array(
          z.strictObject({
            param: z.string().min(1).max(80),
            from: filterName.default('since'),
            to: filterName.default('until'),
            template: urlTemplate(['from', 'to']),
            format: urlValueFormat.default('plain'),
            open: z.string().max(20).default('*'),
          }),
        )
        .max(5)
        .default([]),
      /** Parameters the tool accepts only one of at a time (CloudTrail's lookup attributes); the rest are reported unused. */
      exclusive: z.array(z.string().max(80)).max(20).default([]),
      /** URL patterns of the pages the link works on (default: every page the adapter matches). */
      onlyOn: z.array(z.string().min(1).max(500)).max(20).default([]),
      /**
       * How a fill step searches when this link can carry every filter it sets: `link` opens
       * the link (and checks the address once the page has loaded); `page` (the default) types
       * into the page's boxes as before.
       */
      searchBy: z.enum(['link', 'page']).default('page'),
    })
    .optional(),
  fields: z.record(filterName, adapterField).default({}),
  submit: z
    .strictObject({
      via: z.enum(['click', 'enter', 'none']).default('click'),
      selectors: selectorList.optional(),
      /** Clicked first while the search button isn't showing (it sits in a menu). */
      open: openGestures.optional(),
    })
    .optional(),
  waitFor: z
    .strictObject({
      busy: selectorList.optional(),
      ready: selectorList.optional(),
      timeoutMs: z.number().int().min(100).max(120_000).default(15_000),
      /**
       * A console that searches as you type (`submit: { via: none }`): how long it waits after
       * the last key before it searches. The fill waits that long, then for busy/ready, before it reports.
       */
      debounceMs: z.number().int().min(0).max(5_000).optional(),
    })
    .optional(),
  results: z
    .strictObject({
      row: selectorList,
      /** May be left out when a `text` pattern fills every column. */
      columns: columnMap.refine(onlyTimeHasFormat, { message: 'Only the time column can have a format or a zone.' }).default({}),
      /** Read the row's sentence by named groups (see rowText). */
      text: rowText.optional(),
      /** Rows read differently, first match wins; a row no variant fits is read by `columns`/`text`. */
      variants: z.array(rowVariant).min(1).max(20).optional(),
      next: selectorList.optional(),
      /**
       * `next` is a link (or a form button) that loads a whole new page, as a server-rendered
       * console's does: the capture keeps its rows in the tab's session and carries on after
       * each load (utils/panel-session/paged-capture.ts). Needs `next`.
       */
      nextLoadsPage: z.boolean().optional(),
      loadMore: selectorList.optional(),
      scroller: selectorList.optional(),
      empty: selectorList.optional(),
      count: selectorList.optional(),
    })
    .superRefine(checkRowReading)
    .optional(),
  /**
   * How this tool records each shared event kind (runbooks/kinds.yaml): `sign-in-failed: f`,
   * or `{ codes: [user.session.start], where: { outcome: FAILURE } }` (where: this adapter's
   * other filter fields). See docs/adapters.md "Event kinds".
   */
  kinds: z.record(kindId, kindMapping).default({}),
  /** Kinds this tool has no record of, each with the reason in plain words. */
  unsupported: z.record(kindId, z.string().trim().min(1).max(500)).default({}),
  /** What the tool identifies people by; the first is what its actor filter expects. */
  people: z.array(z.enum(PERSON_IDS)).min(1).max(PERSON_IDS.length).optional(),
  /** Named elements a highlight step can point at ("search", "results", "next-page"). */
  elements: z.record(z.string().max(80), selectorList).default({}),
  glossary: z
    .array(
      z.strictObject({
        term: z.string().trim().min(1).max(120),
        meaning: markdown,
        summary: glossarySummary.optional(),
        risk: z.enum(['routine', 'notable', 'sensitive']).default('routine'),
      }),
    )
    .max(2_000)
    .default([]),
}));
export type Adapter = z.infer<typeof adapterSchema>;
