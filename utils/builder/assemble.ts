import type { z } from 'zod';
import { defaultLabel } from '../engine/plan';
import { adapterSchema, domFieldStrategy, type Adapter, type AdapterField, type ColumnExtractor, type RowText, type RowVariant } from '../schema/adapter';
import type { PickedElement } from './messages';
import { CELL_COLUMN, FIELD_FILTER, isCellRole, ROLE_INFO, type BuilderRole, type CellRole, type FieldRole } from './roles';

/**
 * Turns what a person pointed at into an adapter (pure). The result is checked
 * against the same strict schema as any shared pack, so a taught adapter can be
 * exported and imported elsewhere like a hand-written one.
 */
export type PickSummary = Pick<PickedElement, 'selectors'> & Partial<Pick<PickedElement, 'field' | 'attr' | 'container' | 'header' | 'inner' | 'heading' | 'pattern' | 'format'>>;
/** A filter taught by "Show me" carries its gestures (./record.ts). */
export type Picks = Partial<Record<BuilderRole, PickSummary & Partial<Pick<PickedElement, 'taught'>>>>;

export interface BuilderDraft {
  name: string;
  /** The page the adapter was taught on. */
  pageUrl: string;
  picks: Picks;
  /** YYYY-MM-DD, injected so tests and the panel agree on "today". */
  today: string;
  /** Rows that are sentences: the pattern derived from the words the person selected (./sentence.ts). */
  sentence?: { text: RowText; variants: RowVariant[]; columns: Record<string, ColumnExtractor> } | undefined;
}

export type AssembleResult = { ok: true; adapter: Adapter } | { ok: false; problems: string[] };

const FIELD_ROLES: FieldRole[] = ['search', 'actor', 'action', 'since', 'until'];
const CELL_ROLES: CellRole[] = ['col-time', 'col-actor', 'col-action', 'col-target'];
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** What still has to be pointed at before the adapter can be saved, in the builder's order. */
export function missingSteps(picks: Picks, sentence = false): BuilderRole[] {
  // Rows taught as sentences: their parts are words in the row, not cells to point at.
  const missing = (Object.keys(ROLE_INFO) as BuilderRole[]).filter((role) => ROLE_INFO[role].required && !picks[role] && !(sentence && isCellRole(role)));
  if (!FIELD_ROLES.some((role) => picks[role])) missing.unshift('search');
  return missing;
}

/** A slug from the name the person gave ("Helpdesk activity" → "helpdesk-activity"). */
export function adapterIdFor(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug.length >= 2 ? slug : 'taught-console';
}

/**
 * The pages the adapter applies to: this path on this site. Local development
 * consoles get a port wildcard, since their port changes from run to run.
 */
export function matchPatternsFor(pageUrl: string): string[] {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return [];
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return [];
  const path = url.pathname.replace(/\/+$/, '') || '';
  const host = LOCAL_HOSTS.has(url.hostname) ? `${url.hostname}:*` : url.host;
  return [`${url.protocol}//${host}${path}*`];
}

function describeProblems(error: z.ZodError): string[] {
  return error.issues.slice(0, 5).map((issue) => {
    const where = issue.path.join('.');
    return where.startsWith('match') ? "This page's address can't be used to recognise it (only http and https pages can be taught)." : `Part of the adapter isn't valid (${where || 'adapter'}): ${issue.message}`;
  });
}

export function assembleAdapter(draft: BuilderDraft): AssembleResult {
  const problems: string[] = [];
  const name = draft.name.trim();
  if (!name) problems.push('Give this console a name first, for example "Helpdesk activity".');
  const missing = missingSteps(draft.picks, draft.sentence !== undefined);
  if (missing.length > 0) problems.push(`Point at these first: ${missing.map((r) => ROLE_INFO[r].title.toLowerCase()).join(', ')}.`);
  const include = matchPatternsFor(draft.pageUrl);
  if (include.length === 0) problems.push('Trailguide can only learn pages with an http or https address.');
  if (problems.length > 0) return { ok: false, problems };

  const picks = draft.picks;
  const fields: Record<string, AdapterField> = {};
  for (const role of FIELD_ROLES) {
    const pick = picks[role];
    if (!pick) continue;
    const filter = FIELD_FILTER[role];
    if (pick.taught) {
      // Shown on the page (open, a list, a recorded sequence), replayed before it was kept.
      const dom = domFieldStrategy.safeParse(pick.taught.dom);
      if (!dom.success) return { ok: false, problems: [`What you showed Trailguide for the ${ROLE_INFO[role].title.toLowerCase()} can't be stored. Press “Show me” again.`] };
      fields[filter] = { label: role === 'search' ? 'Search' : defaultLabel(filter), dom: dom.data };
      continue;
    }
    const kind = pick.field?.kind ?? 'text';
    fields[filter] = {
      label: role === 'search' ? 'Search' : defaultLabel(filter),
      dom: { selectors: pick.selectors.slice(0, 10), kind, format: pick.field?.format ?? 'plain', ...(pick.field?.confirm ? { confirm: pick.field.confirm } : {}) },
    };
  }
  // A free-text search also finds targets and addresses (most consoles search every column).
  const search = fields.text;
  if (search?.dom?.kind === 'text') {
    fields.target ??= { label: 'Target', dom: { ...search.dom } };
    fields.ip ??= { label: 'IP address', dom: { ...search.dom } };
  }

  const row = picks.row!;
  const columns: Record<string, { selectors?: string[]; attr?: string; pattern?: string; header?: string; heading?: string[]; format?: string | string[] }> = { ...draft.sentence?.columns };
  for (const role of CELL_ROLES) {
    const pick = picks[role];
    if (!pick || draft.sentence?.text.pattern.includes(`(?<${CELL_COLUMN[role]}>`)) continue;
    // An attribute read (a time's `datetime`, the row's class), the part of it to keep, the day heading above a time of day.
    const attr = { ...(pick.attr ? { attr: pick.attr } : {}), ...(pick.attr && pick.pattern ? { pattern: pick.pattern } : {}), ...(pick.heading && pick.heading.length > 0 ? { heading: pick.heading.slice(0, 10), ...(pick.format && pick.format.length > 0 ? { format: pick.format.slice(0, 5) } : {}) } : {}) };
    // Under a header row: by the header's text (selectors inside its cell), so reordered columns keep their meaning.
    if (pick.header) columns[CELL_COLUMN[role]] = { header: pick.header, ...(pick.inner && pick.inner.length > 0 ? { selectors: pick.inner.slice(0, 10) } : {}), ...attr };
    else columns[CELL_COLUMN[role]] = { selectors: pick.selectors.slice(0, 10), ...attr };
  }
  const container = row.container && row.container.length > 0 ? row.container.slice(0, 10) : row.selectors.slice(0, 10);
  const firstField = FIELD_ROLES.map((r) => picks[r]).find(Boolean)!;
  // Filters shown by "Show me" that apply themselves (a list click, a builder's Apply, a search as you type): no button, no Enter.
  const fieldPicks = FIELD_ROLES.map((r) => picks[r]).filter((p) => p !== undefined);
  const appliesItself = fieldPicks.length > 0 && fieldPicks.every((p) => p.taught?.applies === 'itself');
  const waits = fieldPicks.map((p) => p.taught?.debounceMs).filter((ms): ms is number => ms !== undefined);
  const debounceMs = waits.length > 0 ? Math.max(...waits) : undefined;
  const busy = fieldPicks.find((p) => p.taught?.busy && p.taught.busy.length > 0)?.taught?.busy;

  const origin = new URL(draft.pageUrl);
  const candidate = {
    id: adapterIdFor(name),
    name: name.slice(0, 200),
    vendor: `In-house console at ${origin.host}`.slice(0, 200),
    verified: { how: 'taught', date: draft.today },
    notes: `Taught with Trailguide's adapter builder on ${draft.today}, by pointing at ${origin.host}${origin.pathname}. If the console is redesigned and a step stops working, teach the page again.`,
    match: {
      include,
      // Both must be on the page: a look-alike page at the same address is not this console.
      present: [firstField.selectors.slice(0, 10), container],
    },
    fields,
    submit: picks.submit ? { via: 'click', selectors: picks.submit.selectors.slice(0, 10) } : appliesItself ? { via: 'none' } : { via: 'enter' },
    ...(debounceMs !== undefined || busy ? { waitFor: { ...(busy ? { busy: busy.slice(0, 10) } : {}), ...(debounceMs !== undefined ? { debounceMs } : {}) } } : {}),
    results: {
      row: row.selectors.slice(0, 10),
      columns,
      ...(draft.sentence ? { text: draft.sentence.text, ...(draft.sentence.variants.length > 0 ? { variants: draft.sentence.variants } : {}) } : {}),
      ...(picks.next ? { next: picks.next.selectors.slice(0, 10) } : {}),
    },
    elements: {
      ...(picks.search ? { search: picks.search.selectors.slice(0, 10) } : {}),
      results: container,
      ...(picks.next ? { 'next-page': picks.next.selectors.slice(0, 10) } : {}),
    },
  };
  const parsed = adapterSchema.safeParse(candidate);
  return parsed.success ? { ok: true, adapter: parsed.data } : { ok: false, problems: describeProblems(parsed.error) };
}
