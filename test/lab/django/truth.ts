/**
 * The Django lab console's own state, for journey.spec.ts: the audit-log entries in its
 * database (read with Django's ORM by `manage.py lab_truth`, not through the admin page),
 * and what the console's audit-log page was asked and applied on each request (the
 * ChangeList's filters, search, page and result count, written by the console's own
 * middleware, app/audit/middleware.py).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const LAB_DIR = import.meta.dirname;
export const WORK_DIR = resolve(LAB_DIR, '.work');
export const ORIGIN = 'http://127.0.0.1:8710';
export const AUDIT_LOG_URL = `${ORIGIN}/admin/admin/logentry/`;
export const ADMIN = { username: 'labadmin', password: 'lab-password-1' } as const;
/** Debian's interpreter, which python3-django is installed for. */
const PYTHON = '/usr/bin/python3';

export interface TruthFilters {
  /** A staff member's username (the console's `?user=`). */
  user?: string;
  /** 1 addition, 2 change, 3 deletion (`?action_flag__exact=`). */
  flag?: number;
  /** The search box (`?q=`): every word in the record's name. */
  search?: string;
  /** Inclusive (`?action_time__gte=`), ISO 8601. */
  since?: string;
  /** Exclusive (`?action_time__lt=`), ISO 8601. */
  until?: string;
}

export interface TruthRow {
  id: number;
  /** UTC, to the second. */
  time: string;
  user: string;
  contentType: string;
  object: string;
  flag: 1 | 2 | 3;
  /** What the admin shows for the flag: Addition, Change, Deletion. */
  action: string;
  message: string;
}

/** The entries matching `filters`, newest first, as the admin lists them. */
export function truthRows(filters: TruthFilters): TruthRow[] {
  const args = ['manage.py', 'lab_truth'];
  if (filters.user) args.push('--user', filters.user);
  if (filters.flag) args.push('--flag', String(filters.flag));
  if (filters.search) args.push('--search', filters.search);
  if (filters.since) args.push('--since', filters.since);
  if (filters.until) args.push('--until', filters.until);
  const out = execFileSync(PYTHON, args, { cwd: resolve(LAB_DIR, 'app'), env: { ...process.env, LAB_WORK_DIR: WORK_DIR }, encoding: 'utf8' });
  return (JSON.parse(out) as { rows: TruthRow[] }).rows;
}

/** One request to the audit-log page, as the console's middleware wrote it down. */
export interface ChangelistRequest {
  at: number;
  user: string | null;
  /** The raw query string the server received. */
  query: string;
  status: number;
  location: string | null;
  /** What the ChangeList applied (absent for a redirect, e.g. a filter Django refused). */
  params?: Record<string, string>;
  search?: string;
  page?: number;
  resultCount?: number;
  ids?: number[];
}

export function changelistRequests(): ChangelistRequest[] {
  const file = resolve(WORK_DIR, 'changelist-requests.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ChangelistRequest);
}

/** The filters a request applied, in truthRows' terms (page and ordering left out). */
export function appliedFilters(request: ChangelistRequest): TruthFilters {
  const params = request.params ?? {};
  const filters: TruthFilters = {};
  if (params.user) filters.user = params.user;
  if (params.action_flag__exact) filters.flag = Number(params.action_flag__exact);
  if (request.search) filters.search = request.search;
  if (params.action_time__gte) filters.since = params.action_time__gte;
  if (params.action_time__lt) filters.until = params.action_time__lt;
  return filters;
}

/** Names of the parameters a request filtered on, besides the page, ordering and search. */
export function filterParams(request: ChangelistRequest): string[] {
  return Object.keys(request.params ?? {}).filter((name) => !['p', 'o', 'q'].includes(name)).sort();
}

/** The admin shows minutes only: a truth time cut to its minute, to compare with a captured row. */
export function toMinute(iso: string): string {
  const time = new Date(iso);
  time.setUTCSeconds(0, 0);
  return time.toISOString();
}
