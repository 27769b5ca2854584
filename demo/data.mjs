// Deterministic seeded data for the Acme Admin demo console.
//
// Everything here is a pure function of `now`: the same `now` gives byte-identical
// users and events, so tests and runbooks can rely on the planted stories.
// All e-mail domains are `.example` and all IP addresses come from the
// documentation ranges (RFC 5737 / RFC 3849), so nothing points at a real party.

export const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
const SEED = 0x7a11_6d1e;

/** Small, fast, seedable PRNG (mulberry32). Returns floats in [0, 1). */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return function next() {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeRandom(seed) {
  const next = mulberry32(seed);
  const api = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    weighted(entries, weightOf) {
      let total = 0;
      for (const entry of entries) total += weightOf(entry);
      let roll = next() * total;
      for (const entry of entries) {
        roll -= weightOf(entry);
        if (roll < 0) return entry;
      }
      return entries[entries.length - 1];
    },
    /** Roughly normal (Irwin–Hall with 4 uniforms), mean 0, sd ≈ 1. */
    gauss: () => ((next() + next() + next() + next()) - 2) * 1.732,
  };
  return api;
}

// ---------------------------------------------------------------------------
// Actions

/** Every event type the console knows, with its human label. */
export const ACTION_LABELS = Object.freeze({
  'user.login': 'Sign-in',
  'user.logout': 'Sign-out',
  'user.login_failed': 'Failed sign-in',
  'user.password_reset': 'Password reset',
  'user.password_changed': 'Password changed',
  'user.mfa_enrolled': 'MFA enrolled',
  'user.mfa_removed': 'MFA removed',
  'user.email_changed': 'Email changed',
  'user.profile_updated': 'Profile updated',
  'user.invited': 'User invited',
  'user.deactivated': 'User deactivated',
  'user.reactivated': 'User reactivated',
  'session.revoked': 'Session revoked',
  'account.settings_changed': 'Account settings changed',
  'role.granted': 'Role granted',
  'role.revoked': 'Role revoked',
  'api_key.created': 'API key created',
  'api_key.revoked': 'API key revoked',
  'data.export': 'Data export',
  'sso.config_changed': 'SSO configuration changed',
  'ip_allowlist.updated': 'IP allowlist updated',
  'webhook.created': 'Webhook created',
  'webhook.deleted': 'Webhook deleted',
  'billing.plan_changed': 'Billing plan changed',
  'integration.connected': 'Integration connected',
  'integration.disconnected': 'Integration disconnected',
  'audit_log.exported': 'Audit log exported',
  'team.member_added': 'Team member added',
  'team.member_removed': 'Team member removed',
  'domain.verified': 'Domain verified',
  'project.created': 'Project created',
  'project.deleted': 'Project deleted',
});

/** Codes + labels + category, in a stable order (for /api/actions and dropdowns). */
export function listActions() {
  return Object.entries(ACTION_LABELS).map(([code, label]) => ({
    code,
    label,
    category: code.split('.')[0],
  }));
}

// ---------------------------------------------------------------------------
// Users

const ORGS = {
  'acme.example': { name: 'Acme Inc.', country: ['US', 'US', 'GB', 'DE', 'CA', 'IN'] },
  'northwind.example': { name: 'Northwind Traders', country: ['US', 'US', 'CA'] },
  'globex.example': { name: 'Globex Corporation', country: ['DE', 'DE', 'NL'] },
  'initech.example': { name: 'Initech', country: ['US', 'US'] },
  'umbrella.example': { name: 'Umbrella Health', country: ['GB', 'GB', 'IE'] },
  'hooli.example': { name: 'Hooli', country: ['US', 'SG'] },
};

// [name, email local part, domain, role, status]
const PEOPLE = [
  ['Sam Okafor', 'sam.okafor', 'acme.example', 'Owner', 'Active'],
  ['Li Chen', 'li.chen', 'acme.example', 'Admin', 'Active'],
  ['Priya Raman', 'priya.raman', 'acme.example', 'Admin', 'Active'],
  ['Riley Morgan', 'riley.morgan', 'acme.example', 'Support', 'Active'],
  ['Ben Carter', 'ben.carter', 'acme.example', 'Support', 'Active'],
  ['Ana Souza', 'ana.souza', 'acme.example', 'Support', 'Active'],
  ['Tomás Ibarra', 'tomas.ibarra', 'acme.example', 'Support', 'Active'],
  ['Felix Braun', 'felix.braun', 'acme.example', 'Billing', 'Active'],
  ['Grace Kim', 'grace.kim', 'acme.example', 'Billing', 'Active'],
  ['Jordan Pike', 'jordan.pike', 'acme.example', 'Admin', 'Active'], // promoted 2 days ago (story d)
  ['Hannah Lee', 'hannah.lee', 'acme.example', 'Member', 'Active'],
  ['Nora Quinn', 'nora.quinn', 'acme.example', 'Member', 'Active'],
  ['Ivan Petrov', 'ivan.petrov', 'acme.example', 'Member', 'Active'],
  ['Maya Singh', 'maya.singh', 'acme.example', 'Member', 'Active'],
  ['Leo Martin', 'leo.martin', 'acme.example', 'Member', 'Deactivated'],
  ['Chloe Dubois', 'chloe.dubois', 'acme.example', 'Member', 'Invited'],

  ['Dana Whitfield', 'dana.whitfield', 'northwind.example', 'Admin', 'Active'],
  ['Marco Rossi', 'marco.rossi', 'northwind.example', 'Member', 'Active'],
  ['Aisha Bello', 'aisha.bello', 'northwind.example', 'Member', 'Active'],
  ['Peter Lund', 'peter.lund', 'northwind.example', 'Member', 'Active'],
  ['Rosa Alvarez', 'rosa.alvarez', 'northwind.example', 'Member', 'Active'],
  ['Kevin Osei', 'kevin.osei', 'northwind.example', 'Member', 'Invited'],
  ['Elena Ruiz', 'elena.ruiz', 'northwind.example', 'Member', 'Active'],

  ['Omar Haddad', 'omar.haddad', 'globex.example', 'Member', 'Active'],
  ['Greta Vogel', 'greta.vogel', 'globex.example', 'Admin', 'Active'],
  ['Jan de Vries', 'jan.devries', 'globex.example', 'Member', 'Active'],
  ['Lena Hoffmann', 'lena.hoffmann', 'globex.example', 'Member', 'Active'],
  ['Stefan Wolf', 'stefan.wolf', 'globex.example', 'Member', 'Active'],
  ['Mila Novak', 'mila.novak', 'globex.example', 'Member', 'Deactivated'],
  ['Kofi Mensah', 'kofi.mensah', 'globex.example', 'Member', 'Active'],

  ['Bill Lumbergh', 'bill.lumbergh', 'initech.example', 'Admin', 'Active'],
  ['Joanna Park', 'joanna.park', 'initech.example', 'Member', 'Active'],
  ['Samir Nagheenanajar', 'samir.n', 'initech.example', 'Member', 'Active'],
  ['Michael Bolton', 'michael.bolton', 'initech.example', 'Member', 'Active'],
  ['Tara Wells', 'tara.wells', 'initech.example', 'Member', 'Active'],
  ['Nadia Karim', 'nadia.karim', 'initech.example', 'Member', 'Active'],

  ['Marcus Bell', 'marcus.bell', 'umbrella.example', 'Admin', 'Active'],
  ['Alice Abernathy', 'alice.abernathy', 'umbrella.example', 'Member', 'Active'],
  ['Owen Gallagher', 'owen.gallagher', 'umbrella.example', 'Member', 'Active'],
  ['Siobhan Keane', 'siobhan.keane', 'umbrella.example', 'Member', 'Active'],
  ['Harriet Cole', 'harriet.cole', 'umbrella.example', 'Member', 'Active'],
  ['Ruth Adler', 'ruth.adler', 'umbrella.example', 'Member', 'Active'],

  ['Gavin Belson', 'gavin.belson', 'hooli.example', 'Admin', 'Active'],
  ['Mei Tan', 'mei.tan', 'hooli.example', 'Member', 'Active'],
  ['Raj Patel', 'raj.patel', 'hooli.example', 'Member', 'Active'],
  ['Yuki Sato', 'yuki.sato', 'hooli.example', 'Member', 'Active'],
  ['Carla Mendes', 'carla.mendes', 'hooli.example', 'Member', 'Active'],
  ['Dev Anand', 'dev.anand', 'hooli.example', 'Member', 'Active'],
];

function documentationIp(random) {
  if (random.chance(0.06)) {
    return `2001:db8:${random.int(1, 0xfff).toString(16)}::${random.int(1, 0xffff).toString(16)}`;
  }
  const net = random.pick(['192.0.2', '198.51.100', '203.0.113']);
  return `${net}.${random.int(2, 240)}`;
}

/** The users of the console, in a stable order. Pure: no dependency on time. */
export function generateUsers() {
  const random = makeRandom(SEED ^ 0x5eed);
  return PEOPLE.map(([name, local, domain, role, status], index) => {
    const org = ORGS[domain];
    const ip = documentationIp(random);
    return {
      id: `usr_${(1000 + index * 37).toString(36)}${random.int(0, 35 * 36).toString(36).padStart(2, '0')}`,
      name,
      email: `${local}@${domain}`,
      role,
      org: org.name,
      domain,
      staff: domain === 'acme.example',
      status,
      mfa: random.chance(domain === 'acme.example' ? 0.9 : 0.55),
      country: random.pick(org.country),
      homeIp: ip,
      altIp: documentationIp(random),
      createdDaysAgo: random.int(200, 900),
    };
  });
}

// ---------------------------------------------------------------------------
// Stories planted at fixed offsets from `now`.
//
// Each story event happens at startOfUtcDay(now) - daysAgo days + at (HH:MM UTC).

// The people the stories are about only do harmless things in the random
// background and are never the target of random admin actions.
const STORY_SUBJECTS = new Set([
  'dana.whitfield@northwind.example',
  'omar.haddad@globex.example',
  'marcus.bell@umbrella.example',
  'jordan.pike@acme.example',
]);

export const STORIES = Object.freeze({
  settingsChangedByAdmin: Object.freeze({
    key: 'a',
    summary:
      "Customer dana.whitfield@northwind.example's account settings were changed by Acme admin li.chen@acme.example 3 days before now; Dana signed in normally around it.",
    customer: 'dana.whitfield@northwind.example',
    admin: 'li.chen@acme.example',
    action: 'account.settings_changed',
    daysAgo: 3,
    at: '13:37',
    customerSignIns: [
      { daysAgo: 4, at: '09:12' },
      { daysAgo: 3, at: '08:55' },
      { daysAgo: 2, at: '09:03' },
      { daysAgo: 1, at: '08:48' },
    ],
  }),
  failedSignInBurst: Object.freeze({
    key: 'b',
    summary:
      '12 failed sign-ins on omar.haddad@globex.example within 10 minutes from one unusual IP (203.0.113.250, VN) 5 days before now, followed by a successful sign-in from the same IP.',
    actor: 'omar.haddad@globex.example',
    action: 'user.login_failed',
    followedBy: 'user.login',
    count: 12,
    ip: '203.0.113.250',
    country: 'VN',
    daysAgo: 5,
    at: '03:14',
    windowMinutes: 10,
  }),
  mfaRemovedThenExport: Object.freeze({
    key: 'c',
    summary:
      'marcus.bell@umbrella.example removed MFA, created an API key and exported data within an hour, 8 days before now.',
    actor: 'marcus.bell@umbrella.example',
    actions: ['user.mfa_removed', 'api_key.created', 'data.export'],
    ip: '198.51.100.77',
    country: 'GB',
    daysAgo: 8,
    at: '02:20',
    offsetsMinutes: [0, 17, 43],
  }),
  adminRoleGranted: Object.freeze({
    key: 'd',
    summary: 'Owner sam.okafor@acme.example granted the Admin role to member jordan.pike@acme.example 2 days before now.',
    actor: 'sam.okafor@acme.example',
    target: 'jordan.pike@acme.example',
    action: 'role.granted',
    role: 'Admin',
    previousRole: 'Member',
    daysAgo: 2,
    at: '16:40',
  }),
});

export function startOfUtcDay(date) {
  const d = new Date(date);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

function storyTime(nowMs, daysAgo, at, plusMinutes = 0) {
  const [hh, mm] = at.split(':').map(Number);
  return startOfUtcDay(nowMs) - daysAgo * DAY_MS + (hh * 60 + mm + plusMinutes) * MINUTE_MS;
}

/** The stories with concrete ISO times for a given `now`. */
export function resolveStories(now = defaultNow()) {
  const nowMs = toMs(now);
  const a = STORIES.settingsChangedByAdmin;
  const b = STORIES.failedSignInBurst;
  const c = STORIES.mfaRemovedThenExport;
  const d = STORIES.adminRoleGranted;
  const iso = (ms) => new Date(ms).toISOString();
  const burstStart = storyTime(nowMs, b.daysAgo, b.at);
  return {
    settingsChangedByAdmin: {
      ...a,
      time: iso(storyTime(nowMs, a.daysAgo, a.at)),
      customerSignInTimes: a.customerSignIns.map((s) => iso(storyTime(nowMs, s.daysAgo, s.at))),
    },
    failedSignInBurst: {
      ...b,
      failureTimes: burstTimes(burstStart, b.count).map(iso),
      from: iso(burstStart),
      successTime: iso(burstStart + 9 * MINUTE_MS + 41 * 1000),
    },
    mfaRemovedThenExport: {
      ...c,
      times: c.offsetsMinutes.map((m) => iso(storyTime(nowMs, c.daysAgo, c.at, m))),
    },
    adminRoleGranted: { ...d, time: iso(storyTime(nowMs, d.daysAgo, d.at)) },
  };
}

// 12 failures spread over ~9 minutes, irregular like a script with retries.
function burstTimes(startMs, count) {
  const gapsSeconds = [0, 31, 44, 38, 52, 40, 47, 36, 58, 42, 45, 39];
  const times = [];
  let t = startMs;
  for (let i = 0; i < count; i++) {
    t += (gapsSeconds[i % gapsSeconds.length] ?? 40) * 1000;
    times.push(t);
  }
  return times;
}

// ---------------------------------------------------------------------------
// Events

const BROWSER_AGENTS = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36 Edg/125.0.0.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:127.0) Gecko/20100101 Firefox/127.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
];
const API_AGENTS = ['acme-cli/2.4.1 (darwin; arm64)', 'python-requests/2.32.3', 'acme-sdk-node/5.1.0 node/20.14.0'];

const SETTINGS_FIELDS = [
  ['session_timeout', ['8h', '12h', '30m', '1h', '24h']],
  ['notification_email', null],
  ['timezone', ['UTC', 'America/New_York', 'Europe/Berlin', 'Europe/London', 'Asia/Singapore']],
  ['two_factor_required', [true, false]],
  ['default_project_visibility', ['private', 'team', 'organization']],
  ['weekly_digest', [true, false]],
  ['language', ['en', 'de', 'fr', 'es']],
];
const INTEGRATIONS = ['Slack', 'Salesforce', 'GitHub', 'Jira', 'Google Drive', 'Zendesk', 'PagerDuty'];
const EXPORT_DATASETS = ['Users', 'Projects', 'Invoices', 'Contacts', 'Activity report'];
const PLANS = ['Starter', 'Team', 'Business', 'Enterprise'];
const PROJECT_NAMES = ['Q3 launch', 'Website refresh', 'Onboarding v2', 'Data migration', 'Partner portal', 'Mobile app', 'Pricing experiment', 'Support macros'];
const ROLES = ['Admin', 'Support', 'Billing', 'Member'];

// who: 'self' — anybody acts on themselves; 'admin' — Owner/Admin acts on a user;
// 'org' — Owner/Admin acts on their organisation; 'billing' — Owner/Billing/Admin.
const ACTION_SPECS = {
  'user.login': { weight: 560, who: 'self' },
  'user.logout': { weight: 120, who: 'self' },
  'user.login_failed': { weight: 55, who: 'self' },
  'user.password_reset': { weight: 14, who: 'self' },
  'user.password_changed': { weight: 9, who: 'self' },
  'user.mfa_enrolled': { weight: 7, who: 'self' },
  'user.mfa_removed': { weight: 2, who: 'self' },
  'user.email_changed': { weight: 3, who: 'self' },
  'user.profile_updated': { weight: 26, who: 'self' },
  'user.invited': { weight: 8, who: 'admin' },
  'user.deactivated': { weight: 3, who: 'admin' },
  'user.reactivated': { weight: 1.5, who: 'admin' },
  'session.revoked': { weight: 5, who: 'admin' },
  'account.settings_changed': { weight: 12, who: 'admin' },
  'role.granted': { weight: 4, who: 'admin' },
  'role.revoked': { weight: 2.5, who: 'admin' },
  'api_key.created': { weight: 5, who: 'self' },
  'api_key.revoked': { weight: 3, who: 'self' },
  'data.export': { weight: 10, who: 'self' },
  'sso.config_changed': { weight: 1, who: 'org' },
  'ip_allowlist.updated': { weight: 1, who: 'org' },
  'webhook.created': { weight: 2.5, who: 'org' },
  'webhook.deleted': { weight: 1.5, who: 'org' },
  'billing.plan_changed': { weight: 0.8, who: 'billing' },
  'integration.connected': { weight: 3, who: 'org' },
  'integration.disconnected': { weight: 1, who: 'org' },
  'audit_log.exported': { weight: 1.5, who: 'org' },
  'team.member_added': { weight: 6, who: 'admin' },
  'team.member_removed': { weight: 3, who: 'admin' },
  'domain.verified': { weight: 0.5, who: 'org' },
  'project.created': { weight: 10, who: 'self' },
  'project.deleted': { weight: 2, who: 'self' },
};
const ACTION_CODES = Object.keys(ACTION_SPECS);
const BENIGN_ACTIONS = new Set(['user.login', 'user.logout', 'user.profile_updated', 'project.created']);

export function defaultNow(env = typeof process !== 'undefined' ? process.env : {}) {
  const fromEnv = env.DEMO_NOW;
  if (fromEnv) {
    const ms = Date.parse(fromEnv);
    if (Number.isNaN(ms)) throw new RangeError(`DEMO_NOW is not a valid ISO date: ${fromEnv}`);
    return new Date(ms);
  }
  return new Date(startOfUtcDay(Date.now()));
}

function toMs(now) {
  const ms = now instanceof Date ? now.getTime() : typeof now === 'number' ? now : Date.parse(String(now));
  if (Number.isNaN(ms)) throw new RangeError(`Invalid "now": ${String(now)}`);
  return ms;
}

function pickEventTime(random, nowMs) {
  // More activity in recent weeks, fewer events at weekends, office-hours peak.
  const today = startOfUtcDay(nowMs);
  for (;;) {
    const daysAgo = Math.floor(181 * Math.pow(random.next(), 1.15));
    const day = today - daysAgo * DAY_MS;
    const weekday = new Date(day).getUTCDay();
    if ((weekday === 0 || weekday === 6) && random.chance(0.68)) continue;
    const hour = Math.min(23.98, Math.max(0, 13 + random.gauss() * 3.6));
    const ms = day + Math.floor(hour * 60) * MINUTE_MS + random.int(0, 59) * 1000 + random.int(0, 999);
    if (ms >= nowMs || ms < nowMs - 180 * DAY_MS) continue;
    return ms;
  }
}

function sameOrgUsers(users, actor) {
  return users.filter((u) => u.domain === actor.domain && u.email !== actor.email);
}

function chooseActor(random, users, spec, code) {
  const active = users.filter((u) => u.status !== 'Invited');
  const eligible = active.filter((u) => {
    if (STORY_SUBJECTS.has(u.email) && !BENIGN_ACTIONS.has(code)) return false;
    if (spec.who === 'self') return true;
    if (spec.who === 'billing') return ['Owner', 'Billing', 'Admin'].includes(u.role);
    return ['Owner', 'Admin'].includes(u.role);
  });
  // Acme staff sign in every day; customers less often.
  return random.weighted(eligible, (u) => (u.staff ? 1.6 : 1) * (u.status === 'Deactivated' ? 0.25 : 1));
}

function describe(random, code, actor, users) {
  const orgUsers = sameOrgUsers(users, actor).filter((u) => !STORY_SUBJECTS.has(u.email));
  const otherUser = () => (orgUsers.length ? random.pick(orgUsers) : actor);
  const keyId = () => `ak_${Array.from({ length: 10 }, () => random.int(0, 35).toString(36)).join('')}`;
  switch (code) {
    case 'user.login':
      return { target: actor.email, details: { method: random.weighted(['password', 'sso', 'passkey'], (m) => (m === 'password' ? 5 : m === 'sso' ? 3 : 1)), mfa: actor.mfa } };
    case 'user.logout':
      return { target: actor.email, details: { reason: random.pick(['user', 'user', 'idle_timeout']) } };
    case 'user.login_failed':
      return { target: actor.email, details: { reason: random.weighted(['invalid_password', 'mfa_failed', 'account_locked', 'expired_password'], (r) => (r === 'invalid_password' ? 8 : 1)) }, result: 'failure' };
    case 'user.password_reset':
      return { target: actor.email, details: { initiatedBy: 'user', channel: 'email' } };
    case 'user.password_changed':
      return { target: actor.email, details: {} };
    case 'user.mfa_enrolled':
      return { target: actor.email, details: { factor: random.pick(['totp', 'webauthn', 'sms']) } };
    case 'user.mfa_removed':
      return { target: actor.email, details: { factor: random.pick(['totp', 'sms']) } };
    case 'user.email_changed': {
      const [local, domain] = actor.email.split('@');
      return { target: actor.email, details: { from: `${local}.old@${domain}`, to: actor.email } };
    }
    case 'user.profile_updated':
      return { target: actor.email, details: { fields: [random.pick(['display_name', 'avatar', 'phone', 'job_title', 'timezone'])] } };
    case 'user.invited': {
      const [, domain] = actor.email.split('@');
      const first = random.pick(['alex', 'sam', 'jamie', 'chris', 'taylor', 'morgan', 'casey', 'robin']);
      const last = random.pick(['smith', 'nguyen', 'garcia', 'brown', 'wilson', 'kowalski', 'ahmed']);
      return { target: `${first}.${last}@${domain}`, details: { role: random.pick(['Member', 'Member', 'Admin']) } };
    }
    case 'user.deactivated':
    case 'user.reactivated':
      return { target: otherUser().email, details: { reason: code === 'user.deactivated' ? random.pick(['offboarding', 'security review', 'requested by manager']) : 'returned' } };
    case 'session.revoked': {
      const who = otherUser();
      return { target: who.email, details: { sessions: random.int(1, 4), reason: random.pick(['lost device', 'security review', 'user request']) } };
    }
    case 'account.settings_changed': {
      const [field, values] = random.pick(SETTINGS_FIELDS);
      const who = otherUser();
      const from = values ? random.pick(values) : who.email;
      let to = values ? random.pick(values) : `it@${who.domain}`;
      if (to === from && values) to = values[(values.indexOf(from) + 1) % values.length];
      return { target: who.email, details: { changes: [{ field, from, to }] } };
    }
    case 'role.granted':
    case 'role.revoked': {
      const who = otherUser();
      const role = random.pick(ROLES.slice(0, 3));
      return { target: who.email, details: code === 'role.granted' ? { role, previousRole: 'Member' } : { role, newRole: 'Member' } };
    }
    case 'api_key.created':
      return { target: `API key "${random.pick(['CI deploy', 'Reporting', 'Zapier', 'Backup script', 'Data warehouse'])}" (${keyId()})`, details: { scopes: random.pick([['read'], ['read', 'write'], ['read', 'export']]), expiresInDays: random.pick([30, 90, 365]) }, api: false };
    case 'api_key.revoked':
      return { target: `API key ${keyId()}`, details: { reason: random.pick(['rotated', 'unused', 'leaked in CI logs']) } };
    case 'data.export': {
      const dataset = random.pick(EXPORT_DATASETS);
      return { target: `${dataset} (${random.pick(['CSV', 'CSV', 'JSON', 'XLSX'])})`, details: { dataset: dataset.toLowerCase(), rows: random.int(40, 24000) }, api: random.chance(0.25) };
    }
    case 'sso.config_changed':
      return { target: `SAML connection (${actor.domain})`, details: { changes: [random.pick(['certificate rotated', 'enforced for all members', 'IdP metadata URL updated', 'just-in-time provisioning enabled'])] } };
    case 'ip_allowlist.updated':
      return { target: `IP allowlist (${actor.org})`, details: { added: [`${random.pick(['192.0.2', '198.51.100'])}.0/24`], removed: [] } };
    case 'webhook.created':
    case 'webhook.deleted':
      return { target: `https://hooks.${actor.domain}/acme/${random.pick(['events', 'billing', 'users', 'alerts'])}`, details: { events: random.pick([['user.*'], ['billing.*'], ['*']]) } };
    case 'billing.plan_changed': {
      const from = random.pick(PLANS);
      const to = PLANS[(PLANS.indexOf(from) + 1) % PLANS.length];
      return { target: actor.org, details: { from, to, seats: random.int(5, 250) } };
    }
    case 'integration.connected':
    case 'integration.disconnected':
      return { target: random.pick(INTEGRATIONS), details: { workspace: actor.org } };
    case 'audit_log.exported':
      return { target: `Audit log (last ${random.pick([30, 90, 180])} days, CSV)`, details: { rows: random.int(800, 5200) } };
    case 'team.member_added':
    case 'team.member_removed':
      return { target: otherUser().email, details: { team: random.pick(['Engineering', 'Support', 'Finance', 'Sales', 'Operations']) } };
    case 'domain.verified':
      return { target: actor.domain, details: { method: random.pick(['DNS TXT', 'DNS TXT', 'HTML file']) } };
    case 'project.created':
    case 'project.deleted':
      return { target: `Project "${random.pick(PROJECT_NAMES)}"`, details: { visibility: random.pick(['private', 'team', 'organization']) } };
    default:
      return { target: actor.email, details: {} };
  }
}

function makeEvent(fields) {
  const { time, user, action, target, ip, country, userAgent, details = {}, result = 'success' } = fields;
  return {
    id: '',
    time: new Date(time).toISOString(),
    actor: user.email,
    actorId: user.id,
    action,
    target,
    ip,
    result,
    country,
    userAgent,
    details,
  };
}

function storyEvents(nowMs, byEmail) {
  const s = resolveStories(nowMs);
  const events = [];
  const ua = BROWSER_AGENTS;

  // (a) Settings changed by an Acme admin.
  const dana = byEmail.get(s.settingsChangedByAdmin.customer);
  const li = byEmail.get(s.settingsChangedByAdmin.admin);
  for (const t of s.settingsChangedByAdmin.customerSignInTimes) {
    events.push(makeEvent({ time: t, user: dana, action: 'user.login', target: dana.email, ip: dana.homeIp, country: dana.country, userAgent: ua[0], details: { method: 'password', mfa: true } }));
  }
  const changeMs = Date.parse(s.settingsChangedByAdmin.time);
  events.push(makeEvent({ time: changeMs - 17 * MINUTE_MS, user: li, action: 'user.login', target: li.email, ip: li.homeIp, country: li.country, userAgent: ua[1], details: { method: 'sso', mfa: true } }));
  events.push(
    makeEvent({
      time: changeMs,
      user: li,
      action: 'account.settings_changed',
      target: dana.email,
      ip: li.homeIp,
      country: li.country,
      userAgent: ua[1],
      details: {
        changes: [
          { field: 'notification_email', from: dana.email, to: 'it-alerts@northwind.example' },
          { field: 'session_timeout', from: '8h', to: '30m' },
          { field: 'two_factor_required', from: false, to: true },
        ],
        via: 'admin console',
      },
    }),
  );

  // (b) Failed sign-in burst from an unusual IP, then a success.
  const omar = byEmail.get(s.failedSignInBurst.actor);
  const attackerUa = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Safari/537.36';
  for (const t of s.failedSignInBurst.failureTimes) {
    events.push(makeEvent({ time: t, user: omar, action: 'user.login_failed', target: omar.email, ip: s.failedSignInBurst.ip, country: s.failedSignInBurst.country, userAgent: attackerUa, result: 'failure', details: { reason: 'invalid_password' } }));
  }
  events.push(makeEvent({ time: s.failedSignInBurst.successTime, user: omar, action: 'user.login', target: omar.email, ip: s.failedSignInBurst.ip, country: s.failedSignInBurst.country, userAgent: attackerUa, details: { method: 'password', mfa: false } }));

  // (c) MFA removed, API key created and a data export within the hour.
  const marcus = byEmail.get(s.mfaRemovedThenExport.actor);
  const [mfaT, keyT, exportT] = s.mfaRemovedThenExport.times;
  const cIp = s.mfaRemovedThenExport.ip;
  const cCountry = s.mfaRemovedThenExport.country;
  events.push(makeEvent({ time: Date.parse(mfaT) - 6 * MINUTE_MS, user: marcus, action: 'user.login', target: marcus.email, ip: cIp, country: cCountry, userAgent: ua[3], details: { method: 'password', mfa: true } }));
  events.push(makeEvent({ time: mfaT, user: marcus, action: 'user.mfa_removed', target: marcus.email, ip: cIp, country: cCountry, userAgent: ua[3], details: { factor: 'totp' } }));
  events.push(makeEvent({ time: keyT, user: marcus, action: 'api_key.created', target: 'API key "sync" (ak_7q2m9x4k1z)', ip: cIp, country: cCountry, userAgent: ua[3], details: { scopes: ['read', 'export'], expiresInDays: 365 } }));
  events.push(makeEvent({ time: exportT, user: marcus, action: 'data.export', target: 'Contacts (CSV)', ip: cIp, country: cCountry, userAgent: API_AGENTS[1], details: { dataset: 'contacts', rows: 18244, via: 'api_key ak_7q2m9x4k1z' } }));

  // (d) Admin role granted to a member.
  const sam = byEmail.get(s.adminRoleGranted.actor);
  const jordan = byEmail.get(s.adminRoleGranted.target);
  events.push(makeEvent({ time: s.adminRoleGranted.time, user: sam, action: 'role.granted', target: jordan.email, ip: sam.homeIp, country: sam.country, userAgent: ua[4], details: { role: 'Admin', previousRole: 'Member' } }));

  return events;
}

/**
 * ≥ 5,000 events over the 180 days before `now`, newest first.
 * `count` is the total including the planted stories.
 */
export function generateEvents({ now = defaultNow(), count = 5200 } = {}) {
  const nowMs = toMs(now);
  const random = makeRandom(SEED);
  const users = generateUsers();
  const byEmail = new Map(users.map((u) => [u.email, u]));
  const stories = storyEvents(nowMs, byEmail);
  const events = [];
  const randomCount = Math.max(0, count - stories.length);
  for (let i = 0; i < randomCount; i++) {
    const code = random.weighted(ACTION_CODES, (c) => ACTION_SPECS[c].weight);
    const spec = ACTION_SPECS[code];
    const actor = chooseActor(random, users, spec, code);
    const time = pickEventTime(random, nowMs);
    const described = describe(random, code, actor, users);
    const unusual = random.chance(0.04);
    const ip = unusual ? documentationIp(random) : random.chance(0.8) ? actor.homeIp : actor.altIp;
    const country = unusual ? random.pick(['US', 'DE', 'FR', 'BR', 'IN', 'JP', 'AU']) : actor.country;
    const userAgent = described.api ? random.pick(API_AGENTS) : random.pick(BROWSER_AGENTS);
    events.push(makeEvent({ time, user: actor, action: code, target: described.target, ip, country, userAgent, details: described.details, result: described.result ?? (random.chance(0.012) ? 'failure' : 'success') }));
  }
  events.push(...stories);
  events.sort((x, y) => (x.time < y.time ? -1 : x.time > y.time ? 1 : 0));
  // Time-ordered ids (like ULIDs): a base-36 timestamp plus a seeded suffix.
  const idRandom = makeRandom(SEED ^ 0x1d5);
  const seen = new Set();
  for (const event of events) {
    let id;
    do {
      const suffix = Array.from({ length: 6 }, () => idRandom.int(0, 35).toString(36)).join('');
      id = `evt_${Date.parse(event.time).toString(36)}${suffix}`;
    } while (seen.has(id));
    seen.add(id);
    event.id = id;
  }
  return events.reverse();
}

/** Users with `lastSignIn` (ISO or null) taken from the events. */
export function usersWithActivity(users, events) {
  const last = new Map();
  for (const e of events) {
    if (e.action !== 'user.login' || e.result !== 'success') continue;
    const prev = last.get(e.actor);
    if (!prev || e.time > prev) last.set(e.actor, e.time);
  }
  return users.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    org: u.org,
    status: u.status,
    mfa: u.mfa,
    lastSignIn: last.get(u.email) ?? null,
  }));
}

/** Users, events and action catalogue for one `now`. */
export function buildDataset({ now = defaultNow(), count } = {}) {
  const nowMs = toMs(now);
  const events = generateEvents({ now: nowMs, count });
  const users = usersWithActivity(generateUsers(), events);
  return { now: new Date(nowMs).toISOString(), users, events, actions: listActions(), stories: resolveStories(nowMs) };
}

// ---------------------------------------------------------------------------
// Filtering

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_MINUTE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Parses a filter bound. Strings without a zone (ISO or `datetime-local`) are
 * taken as UTC, like the console shows them. An end bound is inclusive of the
 * whole day (date only) or the whole minute (datetime-local without seconds).
 * Returns null for empty input; throws RangeError for garbage.
 */
export function parseTimeBound(value, { end = false } = {}) {
  if (value == null) return null;
  const text = String(value).trim();
  if (!text) return null;
  let ms;
  if (DATE_ONLY.test(text)) {
    ms = Date.parse(`${text}T00:00:00Z`);
    if (end && !Number.isNaN(ms)) ms += DAY_MS - 1;
  } else if (LOCAL_MINUTE.test(text)) {
    ms = Date.parse(`${text}:00Z`);
    if (end && !Number.isNaN(ms)) ms += MINUTE_MS - 1;
  } else {
    ms = Date.parse(HAS_ZONE.test(text) ? text : `${text}Z`);
  }
  if (Number.isNaN(ms)) throw new RangeError(`Not a date: "${text}"`);
  return ms;
}

/**
 * Filters events; returns a new array, newest first.
 * q: case-insensitive text over actor, action, label, target and IP.
 * actor: exact e-mail or a substring of it (case-insensitive).
 * action: exact action code.
 * from / to: inclusive bounds (ISO or datetime-local strings).
 */
export function filterEvents(events, { q, actor, action, from, to } = {}) {
  const needle = (q ?? '').trim().toLowerCase();
  const actorNeedle = (actor ?? '').trim().toLowerCase();
  const actionCode = (action ?? '').trim();
  const fromMs = parseTimeBound(from);
  const toMs_ = parseTimeBound(to, { end: true });
  const result = events.filter((e) => {
    if (actionCode && e.action !== actionCode) return false;
    if (actorNeedle && !e.actor.toLowerCase().includes(actorNeedle)) return false;
    if (fromMs !== null || toMs_ !== null) {
      const t = Date.parse(e.time);
      if (fromMs !== null && t < fromMs) return false;
      if (toMs_ !== null && t > toMs_) return false;
    }
    if (needle) {
      const label = ACTION_LABELS[e.action] ?? '';
      const haystack = `${e.actor}\n${e.action}\n${label}\n${e.target}\n${e.ip}`.toLowerCase();
      if (!haystack.includes(needle)) return false;
    }
    return true;
  });
  return result.sort((x, y) => (x.time < y.time ? 1 : x.time > y.time ? -1 : x.id < y.id ? 1 : -1));
}
