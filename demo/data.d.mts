// Types for data.mjs (the demo console's seeded data).

export interface DemoEvent {
  id: string;
  /** ISO 8601, UTC */
  time: string;
  actor: string;
  actorId: string;
  action: string;
  target: string;
  ip: string;
  result: 'success' | 'failure';
  country: string;
  userAgent: string;
  details: Record<string, unknown>;
}

export interface DemoUserSeed {
  id: string;
  name: string;
  email: string;
  role: 'Owner' | 'Admin' | 'Support' | 'Billing' | 'Member';
  org: string;
  domain: string;
  staff: boolean;
  status: 'Active' | 'Invited' | 'Deactivated';
  mfa: boolean;
  country: string;
  homeIp: string;
  altIp: string;
  createdDaysAgo: number;
}

export interface DemoUser {
  id: string;
  name: string;
  email: string;
  role: string;
  org: string;
  status: string;
  mfa: boolean;
  lastSignIn: string | null;
}

export interface DemoAction {
  code: string;
  label: string;
  category: string;
}

export interface EventFilters {
  q?: string;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
}

type NowInput = Date | string | number;

export interface Stories {
  settingsChangedByAdmin: {
    key: 'a';
    summary: string;
    customer: string;
    admin: string;
    action: 'account.settings_changed';
    daysAgo: number;
    at: string;
    customerSignIns: ReadonlyArray<{ daysAgo: number; at: string }>;
  };
  failedSignInBurst: {
    key: 'b';
    summary: string;
    actor: string;
    action: 'user.login_failed';
    followedBy: 'user.login';
    count: number;
    ip: string;
    country: string;
    daysAgo: number;
    at: string;
    windowMinutes: number;
  };
  mfaRemovedThenExport: {
    key: 'c';
    summary: string;
    actor: string;
    actions: readonly string[];
    ip: string;
    country: string;
    daysAgo: number;
    at: string;
    offsetsMinutes: readonly number[];
  };
  adminRoleGranted: {
    key: 'd';
    summary: string;
    actor: string;
    target: string;
    action: 'role.granted';
    role: string;
    previousRole: string;
    daysAgo: number;
    at: string;
  };
}

export interface ResolvedStories {
  settingsChangedByAdmin: Stories['settingsChangedByAdmin'] & { time: string; customerSignInTimes: string[] };
  failedSignInBurst: Stories['failedSignInBurst'] & { failureTimes: string[]; from: string; successTime: string };
  mfaRemovedThenExport: Stories['mfaRemovedThenExport'] & { times: string[] };
  adminRoleGranted: Stories['adminRoleGranted'] & { time: string };
}

export interface Dataset {
  now: string;
  users: DemoUser[];
  events: DemoEvent[];
  actions: DemoAction[];
  stories: ResolvedStories;
}

export const DAY_MS: number;
export const ACTION_LABELS: Readonly<Record<string, string>>;
export const STORIES: Readonly<Stories>;
export function mulberry32(seed: number): () => number;
export function listActions(): DemoAction[];
export function generateUsers(): DemoUserSeed[];
export function startOfUtcDay(date: NowInput): number;
export function resolveStories(now?: NowInput): ResolvedStories;
export function defaultNow(env?: Record<string, string | undefined>): Date;
export function generateEvents(options?: { now?: NowInput; count?: number }): DemoEvent[];
export function usersWithActivity(users: DemoUserSeed[], events: DemoEvent[]): DemoUser[];
export function buildDataset(options?: { now?: NowInput; count?: number }): Dataset;
export function parseTimeBound(value: string | null | undefined, options?: { end?: boolean }): number | null;
export function filterEvents(events: readonly DemoEvent[], filters?: EventFilters): DemoEvent[];
