/**
 * The Ghost lab console's own state, for journey.spec.ts: its History read through Ghost's
 * Admin API (`/ghost/api/admin/actions/`, as the Owner), and what the History list asked
 * that API — the filter of the admin app's own request, parsed. Each History line is made
 * from the API's events the way Ghost's admin writes it (Ghost 5.130's HistoryModal and
 * getActionTitle: "Post edited: <title> — by <name>", consecutive events on one record
 * folded into the newest with "N times").
 */
import { ADMIN_API, ORIGIN, STAFF, signIn, api } from './lab.mjs';

export { HISTORY_URL, ORIGIN, STAFF } from './lab.mjs';
export const OWNER = STAFF[0]!;

interface ApiAction {
  id: string;
  resource_id: string | null;
  resource_type: string;
  actor_id: string;
  event: string;
  context: string;
  created_at: string;
  actor?: { id: string; name: string; slug: string };
  resource?: { id: string; slug?: string; name?: string; title?: string };
}

/** One line of Ghost's History, as the API says it should read. */
export interface HistoryLine {
  /** The newest event of the line (Ghost shows the newest of a run of edits). */
  id: string;
  /** UTC, to the second (Ghost stores seconds). */
  time: string;
  actor: string;
  /** "Post edited", "Settings edited", "Post published". */
  action: string;
  /** The record's title or name; "Site (title)" for a setting; "" for a bulk action. */
  target: string;
  /** Events folded into this line ("3 times"), 1 when none. */
  count: number;
  event: string;
  resourceType: string;
}

type Session = { email: string; cookie: string; userId: string };
let owner: Promise<Session> | null = null;
const ownerSession = () => (owner ??= signIn(OWNER.email, OWNER.password) as Promise<Session>);

/** The staff member's Ghost user id (what the History's address and filter carry). */
export async function userId(name: string): Promise<string> {
  const { users } = (await api(await ownerSession(), 'GET', `/users/?limit=all`)) as { users: { id: string; name: string }[] };
  const user = users.find((u) => u.name === name);
  if (!user) throw new Error(`Ghost has no staff member called ${name}`);
  return user.id;
}

/** Every event matching Ghost's NQL `filter`, newest first, page after page as the admin asks. */
export async function actions(filter: string): Promise<ApiAction[]> {
  const session = await ownerSession();
  const out: ApiAction[] = [];
  let pageFilter = filter;
  for (;;) {
    const query = new URLSearchParams({ include: 'actor,resource', limit: '200', ...(pageFilter ? { filter: pageFilter } : {}) });
    const answer = (await api(session, 'GET', `/actions/?${query}`)) as { actions: ApiAction[]; meta: { pagination: { page: number; pages: number } } };
    out.push(...answer.actions);
    const { page, pages } = answer.meta.pagination;
    if (page >= pages || answer.actions.length === 0) return out;
    // Ghost's admin asks for the next page by time, not by page number (created_at:<'…').
    const last = new Date(answer.actions.at(-1)!.created_at).toISOString().replace('T', ' ').slice(0, 19);
    pageFilter = [filter, `created_at:<'${last}'`].filter(Boolean).join('+');
  }
}

function title(action: ApiAction, context: Record<string, unknown>): string {
  const names: Record<string, string> = { api_key: 'API key', setting: 'settings', product: 'tier', gift_link: 'gift link', security_action: 'security action', member_custom_field: 'custom field', app_installation: 'app' };
  let type = names[action.resource_type] ?? action.resource_type;
  if (action.resource_type === 'post' && typeof context.type === 'string') type = context.type;
  let name = action.event === 'edited' && typeof context.action_name === 'string' ? context.action_name : action.event;
  if (name === 'reset_authentication') name = 'reset authentication';
  if (typeof context.count === 'number' && context.count > 1) return `${context.count} ${type}s ${name}`;
  return `${type.slice(0, 1).toUpperCase()}${type.slice(1)} ${name}`;
}

function target(action: ApiAction, context: Record<string, unknown>): string {
  if (typeof context.count === 'number' && context.count > 1) return '';
  if (action.resource_type === 'setting' && typeof context.group === 'string' && typeof context.key === 'string') {
    const group = `${context.group.slice(0, 1).toUpperCase()}${context.group.slice(1)}`;
    return context.group === context.key ? group : `${group} (${context.key})`;
  }
  return action.resource?.title || action.resource?.name || (typeof context.primary_name === 'string' ? context.primary_name : '') || '(unknown)';
}

/** The History lines for these events (newest first), folded the way Ghost's admin folds them. */
export function historyLines(events: ApiAction[]): HistoryLine[] {
  const parsed = events.map((a) => ({ a, context: JSON.parse(a.context || '{}') as Record<string, unknown> }));
  const editName = (p: (typeof parsed)[number]) => (p.a.event === 'edited' && typeof p.context.action_name === 'string' ? p.context.action_name : '');
  const groupable = (x: (typeof parsed)[number], y: (typeof parsed)[number]) =>
    x.a.resource_id === y.a.resource_id && x.a.resource_type === y.a.resource_type && x.a.event === y.a.event && editName(x) === editName(y);
  const lines: HistoryLine[] = [];
  // Oldest first, as Ghost walks them: an event followed by one it groups with is hidden, and
  // the last of the run carries the count.
  const oldestFirst = [...parsed].reverse();
  let count = 1;
  oldestFirst.forEach((p, i) => {
    const next = oldestFirst[i + 1];
    if (next && groupable(p, next)) {
      count++;
      return;
    }
    lines.push({
      id: p.a.id,
      time: new Date(p.a.created_at).toISOString(),
      actor: p.a.actor?.name || p.a.actor?.slug || '',
      action: title(p.a, p.context),
      target: target(p.a, p.context),
      count,
      event: p.a.event,
      resourceType: p.a.resource_type,
    });
    count = 1;
  });
  return lines.reverse();
}

/** The filter Ghost's History sends for these choices (HistoryModal): what the journey expects the app to ask. */
export function historyFilter(choice: { excludedEvents?: string[]; userId?: string }): string {
  return [
    choice.excludedEvents?.length ? `event:-[${choice.excludedEvents.join(',')}]` : '',
    'resource_type:-[label]',
    choice.userId ? `actor_id:'${choice.userId}'` : '',
  ]
    .filter(Boolean)
    .join('+');
}

/** What one request of the admin app to /actions/ asked: its filter split into its clauses. */
export interface HistoryRequest {
  url: string;
  filter: string;
  excludedEvents: string[];
  excludedResources: string[];
  actorId: string | null;
  /** A later page (created_at:<…) rather than a new search. */
  nextPage: boolean;
}

export function parseHistoryRequest(url: string): HistoryRequest {
  const filter = new URL(url).searchParams.get('filter') ?? '';
  const clauses = filter.split('+').filter(Boolean);
  const list = (prefix: string) => {
    const clause = clauses.find((c) => c.startsWith(prefix));
    return clause ? clause.slice(prefix.length).replace(/^\[|\]$/g, '').split(',').sort() : [];
  };
  const actor = clauses.find((c) => c.startsWith('actor_id:'));
  return {
    url,
    filter,
    excludedEvents: list('event:-'),
    excludedResources: list('resource_type:-'),
    actorId: actor ? actor.slice('actor_id:'.length).replace(/^'|'$/g, '') : null,
    nextPage: clauses.some((c) => c.startsWith('created_at:<')),
  };
}

export const isHistoryRequest = (url: string) => url.startsWith(`${ADMIN_API}/actions/`);
export const SIGN_IN_URL = `${ORIGIN}/ghost/#/signin`;
