/**
 * The Redmine lab console's own state, for journey.spec.ts:
 *
 * - the activity items, from Redmine's REST API (issues with their journals, wiki page
 *   versions, news — each with its author and time), laid out as Redmine's activity page
 *   lays them out (events, their titles and types, newest first, a day's events of one
 *   issue or page kept together), never read from the page;
 * - what the activity page was asked and applied on each request, from Redmine's own
 *   request log (`.work/instance/log/production.log`: the parameters it received and who
 *   was signed in), interpreted as Redmine 5.0's ActivitiesController does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const LAB_DIR = import.meta.dirname;
export const WORK_DIR = resolve(LAB_DIR, '.work');
export const ORIGIN = 'http://127.0.0.1:8720';
/** The support agent the journey signs in as (a Reporter in both projects). */
export const AGENT = { login: 'sam', password: 'lab-password-1', name: 'Sam Rivera' } as const;
/** Settings → Display → "Days displayed on project activity" (seed/bootstrap.rb). */
export const DAYS_PER_PAGE = 7;
/** The event types Redmine shows when nothing else is asked or remembered (lib/redmine/preparation.rb: wiki edits, messages and spent time are off by default). */
const DEFAULT_SCOPE = ['issues', 'changesets', 'news', 'documents', 'files'];
const ALL_SCOPE = [...DEFAULT_SCOPE, 'wiki_edits', 'messages', 'time_entries'];

function apiKey(): string {
  return readFileSync(resolve(WORK_DIR, 'admin-api-key'), 'utf8').trim();
}

async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${ORIGIN}${path}`, { headers: { 'X-Redmine-API-Key': apiKey(), Accept: 'application/json' } });
  if (!response.ok) throw new Error(`Redmine API ${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

interface Named {
  id: number;
  name: string;
}

export interface Person {
  id: number;
  login: string;
  name: string;
}

export async function people(): Promise<Person[]> {
  const { users } = await api<{ users: { id: number; login: string; firstname: string; lastname: string }[] }>('/users.json?limit=100');
  return users.map((u) => ({ id: u.id, login: u.login, name: `${u.firstname} ${u.lastname}` }));
}

/** One line of Redmine's activity page, as the API says it happened. */
export interface ActivityEvent {
  /** The activity type it is filtered by: issues, wiki_edits, news. */
  scope: 'issues' | 'wiki_edits' | 'news';
  /** Redmine's event type (the row's class): issue, issue-closed, issue-edit, issue-note, wiki-page, news. */
  type: string;
  /** UTC, to the minute (the page shows minutes). */
  time: string;
  authorId: number;
  author: string;
  /** The title Redmine writes: "Bug #12 (New): Printer broken", "Wiki edit: Printer_setup (#2)", the news title. */
  title: string;
  /** What it is about: the issue ("Bug #12"), the wiki page ("Printer_setup"), the news title. */
  target: string;
  project: string;
  /** Events of one issue (or wiki page) on one day are listed together. */
  group: string;
}

interface ApiIssue {
  id: number;
  project: Named;
  tracker: Named;
  status: Named & { is_closed?: boolean };
  author: Named;
  subject: string;
  created_on: string;
  journals?: { id: number; user: Named; notes: string | null; created_on: string; details: { name: string; property: string; new_value: string | null }[] }[];
}

const toMinute = (iso: string) => new Date(iso).toISOString().slice(0, 16) + 'Z';

/** Every activity item of the console (or of one project), newest first. */
export async function activityEvents(): Promise<ActivityEvent[]> {
  const { projects } = await api<{ projects: (Named & { identifier: string })[] }>('/projects.json?limit=100');
  const identifierOf = new Map(projects.map((p) => [p.id, p.identifier]));
  const { issue_statuses: statuses } = await api<{ issue_statuses: (Named & { is_closed: boolean })[] }>('/issue_statuses.json');
  const statusById = new Map(statuses.map((s) => [String(s.id), s]));
  const events: ActivityEvent[] = [];

  const { issues } = await api<{ issues: ApiIssue[] }>('/issues.json?status_id=*&limit=100&sort=id');
  for (const summary of issues) {
    const { issue } = await api<{ issue: ApiIssue }>(`/issues/${summary.id}.json?include=journals`);
    const project = identifierOf.get(issue.project.id)!;
    const closed = statusById.get(String(issue.status.id))?.is_closed ?? false;
    const target = `${issue.tracker.name} #${issue.id}`;
    const group = `issue-${issue.id}`;
    events.push({
      scope: 'issues',
      type: closed ? 'issue-closed' : 'issue',
      time: toMinute(issue.created_on),
      authorId: issue.author.id,
      author: issue.author.name,
      title: `${issue.tracker.name} #${issue.id} (${issue.status.name}): ${issue.subject}`,
      target,
      project,
      group,
    });
    for (const journal of issue.journals ?? []) {
      const statusChange = journal.details.find((d) => d.property === 'attr' && d.name === 'status_id');
      const notes = (journal.notes ?? '').trim();
      // Redmine lists a journal only when it changes the status or has notes.
      if (!statusChange && notes === '') continue;
      const newStatus = statusChange?.new_value ? statusById.get(statusChange.new_value) : undefined;
      events.push({
        scope: 'issues',
        type: newStatus ? (newStatus.is_closed ? 'issue-closed' : 'issue-edit') : 'issue-note',
        time: toMinute(journal.created_on),
        authorId: journal.user.id,
        author: journal.user.name,
        title: `${issue.tracker.name} #${issue.id}${newStatus ? ` (${newStatus.name})` : ''}: ${issue.subject}`,
        target,
        project,
        group,
      });
    }
  }

  for (const project of projects) {
    const { wiki_pages: pages } = await api<{ wiki_pages: { title: string; version: number }[] }>(`/projects/${project.identifier}/wiki/index.json`);
    for (const page of pages) {
      for (let version = 1; version <= page.version; version++) {
        const { wiki_page: v } = await api<{ wiki_page: { author: Named; updated_on: string; version: number } }>(
          `/projects/${project.identifier}/wiki/${encodeURIComponent(page.title)}/${version}.json`,
        );
        const title = `Wiki edit: ${page.title} (#${v.version})`;
        events.push({ scope: 'wiki_edits', type: 'wiki-page', time: toMinute(v.updated_on), authorId: v.author.id, author: v.author.name, title, target: page.title, project: project.identifier, group: `wiki-${project.identifier}-${page.title}` });
      }
    }
    const { news } = await api<{ news: { id: number; title: string; author: Named; created_on: string }[] }>(`/projects/${project.identifier}/news.json?limit=100`);
    for (const item of news) {
      events.push({ scope: 'news', type: 'news', time: toMinute(item.created_on), authorId: item.author.id, author: item.author.name, title: item.title, target: item.title, project: project.identifier, group: `news-${item.id}` });
    }
  }
  return events.sort((a, b) => b.time.localeCompare(a.time));
}

/** What one activity page was asked to show: Redmine's own parameters, as it applies them. */
export interface ActivityQuery {
  /** A project's identifier, or undefined for the whole site's /activity. */
  project?: string | undefined;
  /** `user_id`: only this person's events. */
  authorId?: number | undefined;
  /** The `show_<type>` event types; undefined when the page used the remembered or default ones. */
  scope?: string[] | undefined;
  /** `from`: the last day shown (YYYY-MM-DD, UTC); undefined for today. */
  from?: string | undefined;
}

/** The days a page shows: the `DAYS_PER_PAGE` days up to `from`, inclusive (UTC dates). */
export function windowOf(from: string): { first: string; last: string } {
  const last = new Date(`${from}T00:00:00Z`);
  const first = new Date(last.getTime() - (DAYS_PER_PAGE - 1) * 86_400_000);
  return { first: first.toISOString().slice(0, 10), last: from };
}

/**
 * Redmine's page layout: within one day, newest first, but the events of one issue (or wiki
 * page) that day follow its newest one (Redmine's sort_activity_events).
 */
function laidOut(events: ActivityEvent[]): ActivityEvent[] {
  const byDay = new Map<string, ActivityEvent[]>();
  for (const event of events) {
    const day = event.time.slice(0, 10);
    byDay.set(day, [...(byDay.get(day) ?? []), event]);
  }
  const out: ActivityEvent[] = [];
  for (const day of [...byDay.keys()].sort().reverse()) {
    const dayEvents = [...byDay.get(day)!].sort((a, b) => b.time.localeCompare(a.time));
    const done = new Set<string>();
    for (const event of dayEvents) {
      if (done.has(event.group)) continue;
      done.add(event.group);
      out.push(...dayEvents.filter((e) => e.group === event.group));
    }
  }
  return out;
}

/**
 * The events the activity page lists for `query`, page after page going back in time (each
 * "« Previous" a week earlier), as the console's API says they happened. `scope` undefined
 * means Redmine's default types (the journey always passes what the page applied).
 */
export function expectedActivity(all: ActivityEvent[], query: ActivityQuery, pages: number): ActivityEvent[] {
  const scope = query.scope ?? (query.authorId !== undefined ? ALL_SCOPE : DEFAULT_SCOPE);
  const newest = query.from ?? new Date().toISOString().slice(0, 10);
  const out: ActivityEvent[] = [];
  for (let page = 0; page < pages; page++) {
    const from = new Date(new Date(`${newest}T00:00:00Z`).getTime() - page * DAYS_PER_PAGE * 86_400_000).toISOString().slice(0, 10);
    const { first, last } = windowOf(from);
    out.push(
      ...laidOut(
        all.filter(
          (e) =>
            (query.project === undefined || e.project === query.project) &&
            (query.authorId === undefined || e.authorId === query.authorId) &&
            scope.includes(e.scope) &&
            e.time.slice(0, 10) >= first &&
            e.time.slice(0, 10) <= last,
        ),
      ),
    );
  }
  return out;
}

/** One request to an activity page, from Redmine's request log. */
export interface ActivityRequest {
  /** Rails' request id. */
  id: string;
  path: string;
  /** The parameters Redmine received (Rails' "Parameters:" line). */
  params: Record<string, string>;
  /** Who was signed in: a login, or "anonymous". */
  user: string;
  /** Rails' log time. */
  at: string;
}

export function activityRequests(): ActivityRequest[] {
  const file = resolve(WORK_DIR, 'instance/log/production.log');
  if (!existsSync(file)) return [];
  const byId = new Map<string, Partial<ActivityRequest> & { activity?: boolean }>();
  const order: string[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^\w, \[([^\s\]]+) #\d+\]\s+\w+ -- : \[([0-9a-f-]{36})\] (.*)$/.exec(line);
    if (!m) continue;
    const [, at, id, message] = m as unknown as [string, string, string, string];
    let entry = byId.get(id);
    if (!entry) {
      entry = { id, at, params: {}, user: 'anonymous' };
      byId.set(id, entry);
      order.push(id);
    }
    const started = /^Started GET "([^"]+)"/.exec(message);
    if (started) entry.path = started[1]!;
    if (/^Processing by ActivitiesController#index as (?!ATOM)/.test(message)) entry.activity = true;
    const params = /^\s*Parameters: (\{.*\})$/.exec(message);
    if (params) entry.params = rubyHash(params[1]!);
    const user = /^\s*Current user: (\S+)/.exec(message);
    if (user) entry.user = user[1]!;
  }
  return order.map((id) => byId.get(id)!).filter((e) => e.activity && e.path).map((e) => ({ id: e.id!, path: e.path!, params: e.params!, user: e.user!, at: e.at! }));
}

/** Rails logs parameters as a Ruby hash of strings: {"user_id"=>"6", "show_issues"=>"1"}. */
function rubyHash(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/"((?:[^"\\]|\\.)*)"=>"((?:[^"\\]|\\.)*)"/g)) out[m[1]!] = m[2]!.replace(/\\(.)/g, '$1');
  return out;
}

/**
 * What Redmine 5.0 applied for a request (ActivitiesController#index): the project, the author
 * (`user_id`), the event types asked for (`show_*`; none asked means the person's remembered
 * types, or the defaults), and the last day shown (`from`). `remembers` is true when Redmine
 * stored this request's types as the signed-in person's choice (the Apply button's `submit`).
 */
export function appliedOf(request: ActivityRequest): ActivityQuery & { remembers: boolean } {
  const { params } = request;
  const scope = Object.keys(params)
    .filter((k) => k.startsWith('show_'))
    .map((k) => k.slice('show_'.length))
    .sort();
  return {
    project: params.id,
    authorId: params.user_id ? Number(params.user_id) : undefined,
    scope: scope.length > 0 ? scope : undefined,
    from: params.from && /^\d{4}-\d{2}-\d{2}$/.test(params.from) ? params.from : undefined,
    remembers: scope.length > 0 && params.submit !== undefined && request.user !== 'anonymous',
  };
}
