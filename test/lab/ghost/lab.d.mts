/** Types of lab.mjs (plain JavaScript, so seed.mjs runs on Node without a build step). */
export const PORT: number;
export const ORIGIN: string;
export const ADMIN_API: string;
export const HISTORY_URL: string;
export const SITE_TITLE: string;
export interface StaffMember {
  key: string;
  name: string;
  email: string;
  role: string;
  password: string;
}
export const STAFF: StaffMember[];
export interface Session {
  email: string;
  cookie: string;
  userId: string;
}
export function signIn(email: string, password: string): Promise<Session>;
export function api(session: Session | null, method: string, path: string, body?: unknown): Promise<unknown>;
