// Deterministic inputs for the bench: the same seed always gives the same bytes,
// so two runs (or two machines) measure exactly the same work.

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG. */
export function makeRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (p) => next() < p;
  const some = (list, min, max) => {
    const count = int(min, max);
    const chosen = new Set();
    while (chosen.size < Math.min(count, list.length)) chosen.add(pick(list));
    return [...chosen];
  };
  return { next, int, pick, chance, some };
}

const WORDS = [
  'account', 'access', 'admin', 'role', 'settings', 'login', 'password', 'reset', 'email', 'changed', 'customer',
  'export', 'token', 'key', 'session', 'device', 'invite', 'billing', 'plan', 'webhook', 'policy', 'audit', 'review',
  'permission', 'team', 'member', 'owner', 'sso', 'mfa', 'suspicious', 'failed', 'removed', 'granted', 'revoked',
  'integration', 'domain', 'allowlist', 'network', 'data', 'report', 'quarterly', 'compliance', 'incident', 'request',
];
const VERBS = ['Find', 'Check', 'Explain', 'Review', 'Trace', 'Confirm', 'List', 'Investigate'];
const ACTIONS = [
  'user.login', 'user.login_failed', 'user.password_reset', 'user.mfa_removed', 'account.settings_changed',
  'user.email_changed', 'role.granted', 'role.revoked', 'api_key.created', 'data.export', 'user.invited',
  'session.revoked', 'sso.config_changed', 'webhook.created', 'billing.plan_changed', 'integration.connected',
];
const FILTERS = ['actor', 'action', 'target', 'ip', 'since', 'until', 'text'];

function sentence(random, min, max) {
  const words = Array.from({ length: random.int(min, max) }, () => random.pick(WORDS));
  const text = words.join(' ');
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

function paragraph(random, sentences) {
  return Array.from({ length: sentences }, () => sentence(random, 6, 16)).join(' ');
}

/**
 * `count` adapters in their parsed shape (every defaulted field present), on
 * made-up hosts. Adapter 0 is written for `http://127.0.0.1:*\/audit*` so a
 * demo-like URL has exactly one candidate among many that don't fit.
 */
export function generateAdapters(count, seed = 1) {
  const random = makeRandom(seed);
  const adapters = [];
  for (let i = 0; i < count; i += 1) {
    const vendor = `vendor${i}`;
    const include =
      i === 0
        ? ['http://127.0.0.1:*/audit*', 'http://localhost:*/audit*']
        : Array.from({ length: random.int(1, 4) }, (_, k) =>
            random.pick([
              `https://${vendor}.example.com/*/audit*`,
              `https://*.${vendor}.example/admin/logs*`,
              `https://app.${vendor}.example/org/*/events?*`,
              `https://console.${vendor}-${k}.example/*#/audit*`,
            ]),
          );
    adapters.push({
      id: `bench-adapter-${i}`,
      name: `${vendor} audit log`,
      vendor,
      verified: { how: 'fixture', date: '2026-01-15' },
      docs: [],
      match: {
        include,
        exclude: random.chance(0.3) ? [`https://${vendor}.example.com/*/audit/export*`] : [],
        present: [[`[data-page="${vendor}-audit"]`, `section#${vendor}-log`], ['form[role="search"]']],
        absent: random.chance(0.2) ? [['.login-form']] : [],
      },
      fields: Object.fromEntries(
        random.some(FILTERS, 2, 5).map((name) => [
          name,
          { label: name, url: { param: name, template: '{value}', format: 'plain' }, dom: { selectors: [`input[name="${name}"]`], kind: 'text', format: 'plain' } },
        ]),
      ),
      results: {
        row: ['table tbody tr'],
        columns: {
          time: { selectors: ['td.time time'], attr: 'datetime' },
          actor: { selectors: ['td.actor'] },
          action: { selectors: ['td.action'] },
        },
      },
      elements: { search: ['input[name="q"]'] },
      glossary: Array.from({ length: random.int(0, 6) }, () => ({ term: random.pick(ACTIONS), meaning: sentence(random, 5, 12), risk: 'routine' })),
    });
  }
  return adapters;
}

/** `count` runbooks in their parsed shape; about a third are for "any" tool. */
export function generateRunbooks(count, seed = 2, adapterIds = ['bench-adapter-0']) {
  const random = makeRandom(seed);
  const runbooks = [];
  for (let i = 0; i < count; i += 1) {
    const title = `${random.pick(VERBS)} ${random.pick(WORDS)} ${random.pick(WORDS)} ${random.pick(WORDS)} (${i})`;
    const steps = Array.from({ length: random.int(2, 5) }, (_, s) => ({
      title: `${random.pick(VERBS)} the ${random.pick(WORDS)} ${random.pick(WORDS)}`,
      text: paragraph(random, random.int(1, 3)),
      ...(s === 0
        ? { action: { type: 'fill', filters: { actor: '{{email}}', action: random.pick(ACTIONS), since: '-30d' }, submit: true } }
        : s === 1
          ? { action: { type: 'capture', limit: 200 } }
          : {}),
    }));
    runbooks.push({
      id: `bench-runbook-${i}`,
      title,
      summary: sentence(random, 8, 20),
      tags: random.some(WORDS, 1, 4),
      tools: random.chance(0.35) ? ['any'] : random.some(adapterIds, 1, 3),
      audience: ['Support agent'],
      inputs: [{ name: 'email', label: "Customer's email address", type: 'email', required: true }],
      steps,
      outcomes: [{ when: sentence(random, 3, 8), meaning: paragraph(random, 2), escalate: random.chance(0.3) }],
      permissions: [],
      terms: random.some(ACTIONS, 0, 4),
      guide: Array.from({ length: random.int(1, 4) }, () => `## ${sentence(random, 2, 5)}\n\n${paragraph(random, random.int(2, 5))}`).join('\n\n'),
    });
  }
  return runbooks;
}

export function generateGlossary(count, seed = 3) {
  const random = makeRandom(seed);
  return Array.from({ length: count }, (_, i) => ({
    term: `${random.pick(WORDS)}.${random.pick(WORDS)}_${i}`,
    tool: 'any',
    meaning: paragraph(random, random.int(1, 2)),
    risk: random.pick(['routine', 'routine', 'notable', 'sensitive']),
  }));
}

/**
 * A valid pack object whose pretty JSON (2-space indent, as `npm run pack` writes
 * it) is as close to `targetBytes` as possible without going over. Grows in
 * rounds of one runbook, five glossary entries and, every tenth round, an adapter.
 */
export function generatePack({ targetBytes, seed = 4 }) {
  const pack = {
    format: 'trailguide-pack',
    formatVersion: 1,
    id: 'bench-pack',
    name: 'Bench pack',
    version: '1.0.0',
    description: 'Generated by npm run bench.',
    runbooks: [],
    glossary: [],
    adapters: [],
    escalationTemplates: [],
  };
  const adapterPool = generateAdapters(200, seed + 1);
  const adapterIds = adapterPool.map((a) => a.id);
  let estimate = JSON.stringify(pack, null, 2).length;
  let round = 0;
  // Inside the pack each item's lines are indented 4 more spaces, plus ",\n" after it.
  const sizeOf = (item) => {
    const text = JSON.stringify(item, null, 2);
    return Buffer.byteLength(text) + 4 * text.split('\n').length + 2;
  };
  while (estimate < targetBytes && pack.runbooks.length < 2_000) {
    const [runbook] = generateRunbooks(1, seed * 7919 + round, adapterIds.slice(0, 50));
    runbook.id = `bench-runbook-${round}`;
    pack.runbooks.push(runbook);
    estimate += sizeOf(runbook);
    for (const entry of generateGlossary(5, seed * 104729 + round)) {
      entry.term = `${entry.term}-${round}`;
      pack.glossary.push(entry);
      estimate += sizeOf(entry);
    }
    if (round % 10 === 0 && pack.adapters.length < adapterPool.length) {
      const adapter = adapterPool[pack.adapters.length];
      pack.adapters.push(adapter);
      estimate += sizeOf(adapter);
    }
    round += 1;
  }
  // Trim to just under the target (exact size checked on the real text).
  let text = JSON.stringify(pack, null, 2);
  while (Buffer.byteLength(text) > targetBytes && pack.glossary.length > 0) {
    const over = Buffer.byteLength(text) - targetBytes;
    const drop = Math.max(1, Math.floor(over / 300));
    pack.glossary.splice(pack.glossary.length - drop, drop);
    text = JSON.stringify(pack, null, 2);
  }
  return pack;
}

export function generatePackText({ targetBytes, seed = 4 }) {
  return `${JSON.stringify(generatePack({ targetBytes, seed }), null, 2)}\n`;
}

const ACTORS = Array.from({ length: 60 }, (_, i) => `person${i}@${['acme', 'northwind', 'globex', 'initech'][i % 4]}.example`);

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Rows in the demo console's own table markup (demo/public/pages/audit.js). */
export function generateAuditRows(count, seed = 5) {
  const random = makeRandom(seed);
  const start = Date.UTC(2026, 0, 31, 23, 59);
  const rows = [];
  for (let i = 0; i < count; i += 1) {
    const time = new Date(start - i * 97_000 - random.int(0, 60_000)).toISOString();
    const action = random.pick(ACTIONS);
    const failedResult = action.endsWith('_failed');
    rows.push(
      `<tr data-event-id="evt_${i.toString(36).padStart(5, '0')}" tabindex="0">` +
        `<td class="col-time"><time datetime="${time}">${time.slice(0, 16).replace('T', ' ')}</time></td>` +
        `<td class="col-actor">${escapeHtml(random.pick(ACTORS))}</td>` +
        `<td class="col-action"><span class="event-label">${escapeHtml(action.replace(/[._]/g, ' '))}</span> <code>${action}</code></td>` +
        `<td class="col-target">${escapeHtml(random.pick(ACTORS))}</td>` +
        `<td class="col-ip" data-country="US">203.0.113.${random.int(2, 240)}</td>` +
        `<td class="col-result" data-result="${failedResult ? 'failure' : 'success'}"><span class="badge">${failedResult ? 'Failure' : 'Success'}</span></td>` +
        '</tr>',
    );
  }
  return rows.join('');
}

/** A static page with the demo console's audit markup and `count` result rows. */
export function generateAuditPage(count, seed = 5) {
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Audit log (large)</title></head><body>' +
    '<main data-page="audit-log"><section id="audit-log">' +
    '<form role="search" aria-label="Filter audit events"><input type="search" name="q"><input name="actor">' +
    '<button type="submit">Apply filters</button></form>' +
    `<p data-testid="result-count">${count} events</p>` +
    '<table class="audit-table"><thead><tr><th class="col-time">Time</th><th class="col-actor">Actor</th>' +
    '<th class="col-action">Event</th><th class="col-target">Target</th><th class="col-ip">IP address</th><th class="col-result">Result</th></tr></thead>' +
    `<tbody>${generateAuditRows(count, seed)}</tbody></table></section></main></body></html>`
  );
}

/** Captured rows in the database's CapturedRow shape (utils/db/database.ts). */
export function generateCapturedRows(count, seed = 6) {
  const random = makeRandom(seed);
  const start = Date.UTC(2026, 0, 31, 23, 59);
  return Array.from({ length: count }, (_, i) => {
    const time = new Date(start - i * 97_000).toISOString();
    const actor = random.pick(ACTORS);
    const action = random.pick(ACTIONS);
    const target = random.pick(ACTORS);
    const ip = `203.0.113.${random.int(2, 240)}`;
    const result = action.endsWith('_failed') ? 'failure' : 'success';
    return { time, actor, action, target, ip, result, raw: { time, actor, action, target, ip, result } };
  });
}

/**
 * A console that rewrites part of its DOM about `perSecond` times a second, in
 * batches of `batch` mutations per timer task (the way a live-tail log or a
 * ticking dashboard does). `fingerprint` adds the demo console's audit markup.
 * The page counts its own batches and mutations in window.__heavy.
 */
export function generateHeavyPage({ perSecond = 1000, batch = 10, fingerprint = false }) {
  const intervalMs = Math.max(1, Math.round((1000 * batch) / perSecond));
  const shell = fingerprint
    ? '<main data-page="audit-log"><section id="audit-log"><form role="search"><input type="search" name="q"></form>'
    : '<main><section>';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Live console</title></head><body>
${shell}<table class="audit-table"><tbody id="feed"></tbody></table><p id="ticker">0</p></section></main>
<script>
(() => {
  const feed = document.getElementById('feed');
  const ticker = document.getElementById('ticker');
  const stats = (window.__heavy = { batches: 0, mutations: 0 });
  for (let i = 0; i < 50; i += 1) feed.append(document.createElement('tr'));
  let n = 0;
  function tick() {
    for (let i = 0; i < ${batch}; i += 1) {
      n += 1;
      if (i % 2 === 0) {
        const row = document.createElement('tr');
        row.innerHTML = '<td class="col-time">' + n + '</td><td class="col-actor">live@example.test</td>';
        feed.prepend(row);
        feed.lastElementChild.remove();
      } else {
        ticker.textContent = String(n);
      }
      stats.mutations += 1;
    }
    stats.batches += 1;
    setTimeout(tick, ${intervalMs});
  }
  setTimeout(tick, ${intervalMs});
})();
</script></body></html>`;
}
