// Seeds the Redmine lab console through Redmine's own REST API (an admin's API key, and
// X-Redmine-Switch-User to act as each person): 2 projects, 6 people, and about 90 activity
// items over five weeks — issues opened, updated (status changes and notes), wiki pages
// edited, news posted — by several people, so the activity page (a week a page) spans 5 pages.
//
// The API stamps every item with the current time, so this writes the time it planned for each
// item into a plan file (argv[2]); start.sh then moves the items there with Redmine's own
// models (seed/backdate.rb). Deterministic: the same items, people and times of day on every
// run, counted back from the day it runs.
//
// Usage: LAB_API_KEY=… node seed.mjs <plan.json>   (origin: LAB_ORIGIN, default http://127.0.0.1:8720)
import { writeFileSync } from 'node:fs';

const ORIGIN = process.env.LAB_ORIGIN ?? 'http://127.0.0.1:8720';
const KEY = process.env.LAB_API_KEY;
const planFile = process.argv[2];
if (!KEY || !planFile) {
  console.error('Usage: LAB_API_KEY=… node seed.mjs <plan.json>');
  process.exit(2);
}

async function api(method, path, body, asUser) {
  const headers = { 'X-Redmine-API-Key': KEY, Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (asUser) headers['X-Redmine-Switch-User'] = asUser;
  const response = await fetch(`${ORIGIN}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}${asUser ? ` as ${asUser}` : ''}: HTTP ${response.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

// A small deterministic generator (mulberry32), so every run plans the same history.
let state = 0x5eed1234;
function random() {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];
const between = (low, high) => low + Math.floor(random() * (high - low + 1));

const PEOPLE = [
  { login: 'alice', firstname: 'Alice', lastname: 'Moreau' },
  { login: 'bob', firstname: 'Bob', lastname: 'Okafor' },
  { login: 'carol', firstname: 'Carol', lastname: 'Lindqvist' },
  { login: 'dave', firstname: 'Dave', lastname: 'Santos' },
  { login: 'erin', firstname: 'Erin', lastname: 'Walsh' },
  // The support agent who reads the log in the journey; does nothing in the projects.
  { login: 'sam', firstname: 'Sam', lastname: 'Rivera' },
];
const PASSWORD = process.env.LAB_USER_PASSWORD ?? 'lab-password-1';
const ROLE = { Manager: 3, Developer: 4, Reporter: 5 };

const PROJECTS = [
  {
    identifier: 'helpdesk',
    name: 'IT Helpdesk',
    description: 'Requests and incidents for the office IT team.',
    members: { alice: 'Manager', bob: 'Developer', carol: 'Manager', dave: 'Developer', erin: 'Reporter', sam: 'Reporter' },
    tracker: [1, 3], // Bug, Support
    issues: [
      'Printer on the 3rd floor jams on every job',
      'VPN drops every 20 minutes from home',
      'New laptop for Dana (starts Monday)',
      'Shared mailbox accounts@ not receiving mail',
      'Reset MFA for a contractor account',
      'Wi-Fi in meeting room B is slow',
      'Outlook calendar not syncing on phones',
      'Access to the finance share for Priya',
      'Monitor flickers after docking',
      'Password expiry e-mails look like phishing',
      'Install Zoom on the kiosk machines',
      'Badge reader at the side door offline',
      'Teams audio echo in room C',
      'Old backups filling the NAS',
      'Onboarding checklist for support hires',
    ],
    wiki: [
      ['VPN_troubleshooting', ['Restart the client, then check the token.', 'Added: split tunnelling must stay off.', 'Added: the 20-minute drop is the idle timeout; raise it in the profile.']],
      ['Printer_setup', ['Driver download and queue name for each floor.', 'The 3rd floor printer needs the PCL6 driver, not PostScript.']],
    ],
    news: [
      ['Office network maintenance on Saturday', 'The VPN and Wi-Fi will be down from 08:00 to 12:00.'],
      ['New password policy', 'Passwords now expire every 180 days instead of 90.'],
    ],
  },
  {
    identifier: 'billing',
    name: 'Billing platform',
    description: 'Invoices, payments and refunds.',
    members: { alice: 'Manager', bob: 'Developer', carol: 'Developer', dave: 'Reporter', erin: 'Developer', sam: 'Reporter' },
    tracker: [1, 2], // Bug, Feature
    issues: [
      'Invoice PDF shows the wrong VAT for Norway',
      'Refund stuck in pending for order 88213',
      'Card retries fire twice on a timeout',
      'Add SEPA direct debit to checkout',
      'Proration wrong when downgrading mid-cycle',
      'Webhook signature check fails after key rotation',
      'Dunning e-mails sent to cancelled accounts',
      'Export of March invoices times out',
      'Currency rounding differs between API and UI',
      'Coupon codes are case-sensitive at checkout',
      'Customer portal shows the old plan after an upgrade',
      'Tax ID check rejects valid UK numbers',
      'Payout report is missing the fees column',
      'Annual renewal reminder not sent',
      'Who changed the pricing table on the 3rd?',
    ],
    wiki: [
      ['Refund_process', ['Refunds over 500 EUR need a second approver.', 'Added: partial refunds go through the portal, not the API.', 'Added: a refund pending for over 48 hours is escalated to payments.']],
      ['Release_checklist', ['Run the invoice snapshot tests before tagging.', 'Added: announce the release in #billing one day ahead.']],
    ],
    news: [
      ['SEPA direct debit is live', 'Customers in the euro area can now pay by direct debit.'],
      ['Invoice numbering changes in January', 'Invoices will be numbered per legal entity from 1 January.'],
    ],
  },
];

const NOTES = [
  'Asked the customer for a screenshot.',
  'Reproduced on staging.',
  'Waiting for the vendor to answer.',
  'Looked at the logs: it started after Tuesday\'s change.',
  'Workaround sent; keeping this open until the fix ships.',
  'Same report from a second team today.',
];

// Times: counted back from today (UTC), each item at its own minute so the log's order is certain.
const today = new Date();
today.setUTCHours(0, 0, 0, 0);
const usedMinutes = new Set();
function planTime(daysAgo, hourFrom = 8, hourTo = 17) {
  for (;;) {
    const at = new Date(today.getTime() - daysAgo * 86_400_000);
    at.setUTCHours(between(hourFrom, hourTo), between(0, 59), 0, 0);
    const key = at.getTime();
    if (!usedMinutes.has(key)) {
      usedMinutes.add(key);
      return at;
    }
  }
}

const plan = { seededOn: today.toISOString().slice(0, 10), issues: [], journals: [], wiki: [], news: [] };

async function main() {
  const users = {};
  const existing = (await api('GET', '/users.json?limit=100')).users;
  for (const person of PEOPLE) {
    const found = existing.find((u) => u.login === person.login);
    users[person.login] =
      found?.id ??
      (await api('POST', '/users.json', { user: { ...person, mail: `${person.login}@northwind.example`, password: PASSWORD, must_change_passwd: false } })).user.id;
  }
  console.log(`[lab redmine] ${PEOPLE.length} people: ${PEOPLE.map((p) => `${p.firstname} ${p.lastname}`).join(', ')}`);

  for (const project of PROJECTS) {
    await api('POST', '/projects.json', {
      project: { name: project.name, identifier: project.identifier, description: project.description, is_public: true, enabled_module_names: ['issue_tracking', 'wiki', 'news', 'time_tracking'], tracker_ids: [1, 2, 3] },
    });
    for (const [login, role] of Object.entries(project.members)) {
      await api('POST', `/projects/${project.identifier}/memberships.json`, { membership: { user_id: users[login], role_ids: [ROLE[role]] } });
    }
  }

  const canEdit = (project) => Object.entries(project.members).filter(([login, role]) => role !== 'Reporter' && login !== 'sam').map(([login]) => login);
  const anyMember = (project) => Object.keys(project.members).filter((login) => login !== 'sam');

  // Issues: opened between 35 and 3 days ago, each followed by 1–2 updates within days.
  for (const project of PROJECTS) {
    for (const [index, subject] of project.issues.entries()) {
      const openedDaysAgo = 35 - Math.floor((index * 32) / project.issues.length) - between(0, 1);
      const opened = planTime(openedDaysAgo, 8, 12);
      const author = pick(anyMember(project));
      const created = await api(
        'POST',
        '/issues.json',
        { issue: { project_id: project.identifier, tracker_id: pick(project.tracker), subject, description: `${subject}. Reported by the team.`, priority_id: pick([1, 2, 2, 3]) } },
        author,
      );
      const issueId = created.issue.id;
      let last = opened;
      const updates = between(1, 2);
      const path = pick([[2, 3], [2, 5], [4, 2], [2, null]]);
      for (let u = 0; u < updates; u++) {
        const daysAgo = Math.max(1, openedDaysAgo - between(0, 3));
        let at = planTime(daysAgo, 13, 18);
        if (at <= last) at = planTime(Math.max(1, daysAgo - 1), 13, 18);
        if (at <= last) continue;
        const status = path[u];
        const who = status ? pick(canEdit(project)) : pick(anyMember(project));
        const change = { notes: pick(NOTES) };
        if (status) change.status_id = status;
        await api('PUT', `/issues/${issueId}.json`, { issue: change }, who);
        const journals = (await api('GET', `/issues/${issueId}.json?include=journals`)).issue.journals;
        plan.journals.push({ id: journals.at(-1).id, issue: issueId, at: at.toISOString() });
        last = at;
      }
      plan.issues.push({ id: issueId, at: opened.toISOString(), updatedAt: last.toISOString() });
    }
  }

  // Wiki edits: each version by one of the people who can edit, days apart.
  for (const project of PROJECTS) {
    for (const [pageIndex, [title, versions]] of project.wiki.entries()) {
      let daysAgo = 30 - pageIndex * 6;
      for (const [v, text] of versions.entries()) {
        const at = planTime(daysAgo, 9, 17);
        const body = versions.slice(0, v + 1).join('\n\n');
        await api('PUT', `/projects/${project.identifier}/wiki/${title}.json`, { wiki_page: { text: `h1. ${title.replace(/_/g, ' ')}\n\n${body}`, comments: text } }, pick(canEdit(project)));
        const page = (await api('GET', `/projects/${project.identifier}/wiki/${title}.json`)).wiki_page;
        plan.wiki.push({ project: project.identifier, title, version: page.version, at: at.toISOString() });
        daysAgo = Math.max(1, daysAgo - between(4, 9));
      }
    }
  }

  // News: posted by the project's managers.
  for (const project of PROJECTS) {
    const managers = Object.entries(project.members).filter(([, role]) => role === 'Manager').map(([login]) => login);
    for (const [n, [title, summary]] of project.news.entries()) {
      const at = planTime(25 - n * 14, 9, 11);
      await api('POST', `/projects/${project.identifier}/news.json`, { news: { title, summary, description: summary } }, pick(managers));
      const latest = (await api('GET', `/projects/${project.identifier}/news.json?limit=1`)).news[0];
      plan.news.push({ id: latest.id, project: project.identifier, at: at.toISOString() });
    }
  }

  writeFileSync(planFile, JSON.stringify(plan, null, 2));
  const total = plan.issues.length + plan.journals.length + plan.wiki.length + plan.news.length;
  console.log(
    `[lab redmine] Seeded through the REST API: ${plan.issues.length} issues, ${plan.journals.length} issue updates, ${plan.wiki.length} wiki edits, ${plan.news.length} news items (${total} activity items over 5 weeks).`,
  );
}

main().catch((error) => {
  console.error(`[lab redmine] Seeding failed: ${error.message}`);
  process.exit(1);
});
