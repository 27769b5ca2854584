/**
 * What the Ghost lab console is: its address, its staff and how to talk to its Admin API
 * as one of them (a staff session cookie, as Ghost's own admin app does). Shared by the
 * seed (seed.mjs), the truth (truth.ts) and the journey (journey.spec.ts).
 */
export const PORT = 8730;
export const ORIGIN = `http://127.0.0.1:${PORT}`;
export const ADMIN_API = `${ORIGIN}/ghost/api/admin`;
/** The History list (Settings → Advanced → History → View history), all staff. */
export const HISTORY_URL = `${ORIGIN}/ghost/#/settings/history/view`;

export const SITE_TITLE = 'Northwind Journal';
const PASSWORD = 'Birch-Sparrow-7319-Quay';

/** The owner (created by Ghost's setup) and the staff invited through the Admin API. */
export const STAFF = [
  { key: 'owner', name: 'Olivia Hart', email: 'olivia.hart@northwind.example', role: 'Owner', password: PASSWORD },
  { key: 'alice', name: 'Alice Nguyen', email: 'alice.nguyen@northwind.example', role: 'Editor', password: PASSWORD },
  { key: 'bruno', name: 'Bruno Costa', email: 'bruno.costa@northwind.example', role: 'Administrator', password: PASSWORD },
  { key: 'chen', name: 'Chen Li', email: 'chen.li@northwind.example', role: 'Author', password: PASSWORD },
  { key: 'dana', name: 'Dana Whitfield', email: 'dana.whitfield@northwind.example', role: 'Contributor', password: PASSWORD },
];

/**
 * A signed-in staff member: Ghost's session cookie, and the Origin header its Admin API
 * asks of every session request (its CSRF check).
 */
export async function signIn(email, password) {
  const response = await fetch(`${ADMIN_API}/session/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify({ username: email, password }),
  });
  if (!response.ok) throw new Error(`Ghost refused the sign-in of ${email}: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.getSetCookie?.() ?? [response.headers.get('set-cookie') ?? ''])
    .map((c) => c.split(';')[0])
    .filter(Boolean)
    .join('; ');
  const session = { email, cookie };
  // Ghost stores a new session asynchronously: wait until it knows the cookie.
  for (let attempt = 0; attempt < 50; attempt++) {
    const me = await fetch(`${ADMIN_API}/users/me/`, { headers: { origin: ORIGIN, cookie } });
    if (me.ok) return { ...session, userId: (await me.json()).users[0].id };
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`Ghost signed ${email} in but does not know the session`);
}

/** One Admin API request as `session`; throws with Ghost's own answer when it fails. */
export async function api(session, method, path, body) {
  const response = await fetch(`${ADMIN_API}${path}`, {
    method,
    headers: { 'content-type': 'application/json', origin: ORIGIN, ...(session ? { cookie: session.cookie } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} as ${session?.email ?? 'nobody'}: ${response.status} ${text.slice(0, 400)}`);
  return text ? JSON.parse(text) : {};
}
