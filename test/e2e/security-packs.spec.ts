import type { Frame, Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { startHostileServer, type HostileServer } from '../fixtures/hostile/server';
import { expect, panelFrame, test } from './fixtures';

/**
 * Issue 7 §3 — malicious packs, end to end through the real background: the
 * bad-pack corpus is refused with a message naming the problem and nothing is
 * stored; hostile-but-valid packs (test/packs/inert plus a pack of Markdown XSS
 * vectors built here around a sentinel server) are imported through the options
 * page and rendered in the panel on the demo console, where nothing runs
 * (window.__xss stays 0), nothing loads (the sentinel gets 0 requests), and
 * Object.prototype stays clean. DESIGN.md §3.3–3.4.
 */
const BAD_DIR = resolve(import.meta.dirname, '../packs/bad');
const INERT_DIR = resolve(import.meta.dirname, '../packs/inert');
const SAFE_MARKER = 'Harmless words stay visible';
/**
 * A demo event code no built-in glossary explains (neither the acme-demo adapter's nor
 * runbooks/glossary.yaml), so the hostile pack's meaning is the one the panel shows for
 * captured rows of it.
 */
const HOSTILE_CODE = 'domain.verified';

let hostile: HostileServer;
test.beforeAll(async () => {
  hostile = await startHostileServer();
});
test.afterAll(async () => {
  await hostile.close();
});

function xssVectors(sentinel: string): string {
  const s = (name: string) => `${sentinel}/sentinel/${name}`;
  const bump = `window.__xss=(window.__xss||0)+1;fetch('${s('ran')}')`;
  return [
    SAFE_MARKER,
    `<script>${bump}</script>`,
    `<img src="${s('img')}" onerror="${bump}">`,
    `![markdown image](${s('md-img')})`,
    `<svg onload="${bump}"><image href="${s('svg')}"/></svg>`,
    `<iframe srcdoc="<script>parent.${bump}</script>" src="${s('iframe')}"></iframe>`,
    `[javascript link](javascript:${encodeURIComponent(bump)}) [data link](data:text/html,<script>${bump}</script>) [vbscript](vbscript:msgbox)`,
    `<a href="https://example.org/" ping="${s('ping')}" onclick="${bump}">https link with ping</a>`,
    `<noscript><p title="</noscript><img src=${s('mxss1')} onerror=${bump}>"></noscript>`,
    `<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img src=${s('mxss2')} onerror=${bump}&gt;">`,
    `<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img onerror=${bump} src=${s('mxss3')}>">`,
    `<style>@import url(${s('css-import')}); input[value^="a"]{background:url(${s('css-attr')})}</style>`,
    `<p style="background:url(${s('inline-css')})">styled</p>`,
    `<link rel="stylesheet" href="${s('link-css')}"><object data="${s('object')}"></object><embed src="${s('embed')}">`,
    `<video poster="${s('poster')}"><source src="${s('video')}"></video><audio src="${s('audio')}"></audio>`,
    `<form action="${s('form')}"><input name="q" autofocus onfocus="${bump}"><button>go</button></form>`,
    `<meta http-equiv="refresh" content="0;url=${s('meta')}"><base href="${s('base')}/">`,
    `<details open ontoggle="${bump}"><summary>toggle</summary>x</details>`,
  ].join('\n\n');
}

function sentinelPack(sentinel: string): string {
  const md = xssVectors(sentinel);
  return JSON.stringify({
    format: 'trailguide-pack',
    formatVersion: 1,
    id: 'hostile-markdown',
    name: 'Hostile Markdown',
    version: '1.0.0',
    description: md,
    runbooks: [
      {
        id: 'hostile-runbook',
        title: 'Hostile runbook',
        summary: 'Every Markdown field holds XSS vectors.',
        tools: ['any'],
        guide: md,
        terms: [HOSTILE_CODE],
        steps: [
          { title: 'Read this', text: md },
          { title: 'Capture the rows', text: md, action: { type: 'capture', limit: 50 } },
        ],
        outcomes: [{ when: 'Always', meaning: md, next: md }],
        permissions: [{ role: 'Admin', sees: md }],
        escalation: { when: md },
      },
    ],
    // Glossary meanings reach the panel three ways: beside the guide (inline Markdown), in a
    // captured row's explanation (plain text), and behind a row's "What … means" (Markdown).
    glossary: [{ term: HOSTILE_CODE, tool: 'acme-demo', meaning: md, risk: 'sensitive' }],
  });
}

/** The inert corpus as JSON, each runbook given its own id and shown on any console. */
function inertPacks(): { runbookId: string; text: string }[] {
  return readdirSync(INERT_DIR)
    .sort()
    .map((file) => {
      const raw = readFileSync(join(INERT_DIR, file), 'utf8');
      const pack = (file.endsWith('.json') ? JSON.parse(raw) : parseYaml(raw)) as { id: string; runbooks: { id: string; tools?: string[] }[] };
      pack.runbooks = pack.runbooks.map((r, i) => ({ ...r, id: `${pack.id}-${i}`, tools: ['any'] }));
      return { runbookId: `${pack.id}-0`, text: JSON.stringify(pack) };
    });
}

async function openOptions(page: Page, extensionId: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/options.html#packs`);
  await expect(page.locator('[data-testid="pack-row"][data-pack-id="trailguide-essentials"]')).toBeAttached({ timeout: 30_000 });
}

function importText(page: Page, text: string) {
  return page.evaluate(
    (t) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'packs:import', text: t, source: 'paste' }),
    text,
  ) as Promise<{ error?: string; status?: string }>;
}

const prototypeProbe = () => {
  const probe = {} as Record<string, unknown>;
  return { keys: Object.keys(Object.prototype), polluted: probe.polluted ?? probe.isAdmin ?? null };
};

test('every bad pack is refused through the background with a message that names the problem; nothing is stored', async ({ page, extensionId, serviceWorker }) => {
  test.setTimeout(120_000);
  await openOptions(page, extensionId);
  const expected = JSON.parse(readFileSync(join(BAD_DIR, 'expected.json'), 'utf8')) as Record<string, { field?: string; messageIncludes: string }>;
  const files = Object.keys(expected).sort();
  expect(files.length).toBeGreaterThanOrEqual(40);
  const before = await page.evaluate(() => [...document.querySelectorAll('[data-testid="pack-row"]')].map((r) => r.getAttribute('data-pack-id')));
  for (const file of files) {
    const reply = await importText(page, readFileSync(join(BAD_DIR, file), 'utf8'));
    expect(reply.error, file).toContain(expected[file]!.messageIncludes);
    expect(reply.error, file).toMatch(/Nothing was added/);
    expect(reply.error, file).not.toMatch(/ZodError|\n\s+at |\[object Object\]/);
  }
  await page.reload();
  await expect(page.locator('[data-testid="pack-row"][data-pack-id="trailguide-essentials"]')).toBeAttached({ timeout: 30_000 });
  const after = await page.evaluate(() => [...document.querySelectorAll('[data-testid="pack-row"]')].map((r) => r.getAttribute('data-pack-id')));
  expect(after).toEqual(before);
  expect(await page.evaluate(prototypeProbe)).toEqual({ keys: [], polluted: null });
  expect(await serviceWorker.evaluate(prototypeProbe)).toEqual({ keys: [], polluted: null });
});

/**
 * Anything hostile Markdown could load or run has had its chance in this panel: every
 * image has finished (loaded or failed, so an onerror would have fired) and two frames
 * have painted; then nothing ran there and Object.prototype is clean.
 */
async function settledInert(panel: Frame): Promise<void> {
  await expect
    .poll(() =>
      panel.evaluate(
        () => new Promise<boolean>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done([...document.images].every((img) => img.complete))))),
      ),
    )
    .toBe(true);
  expect(await panel.evaluate(() => (window as { __xss?: number }).__xss ?? 0)).toBe(0);
  expect(await panel.evaluate(prototypeProbe)).toEqual({ keys: [], polluted: null });
}

async function renderedSafely(panel: Frame, where = 'article.runbook'): Promise<void> {
  const article = panel.locator(where);
  await expect(article).toBeVisible();
  await expect(article.locator('.md').first()).toBeAttached();
  // Only what the sanitiser produced (.md, components/common/Markdown.tsx), not the panel's own controls.
  const found = await article.evaluate((article) => {
    const roots = [...article.querySelectorAll('.md')];
    const all = roots.flatMap((root) => [root, ...root.querySelectorAll('*')]);
    return {
      dangerous: all.filter((el) => el.matches('script,img,svg,iframe,style,link,object,embed,video,audio,source,form,input,button,meta,base,math,noscript')).map((el) => el.tagName),
      handlers: all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name) || a.name === 'style' || a.name === 'srcdoc' || a.name === 'ping').map((a) => `${el.tagName}[${a.name}]`)),
      links: all.filter((el) => el.matches('a[href]')).map((a) => ({ href: a.getAttribute('href'), rel: a.getAttribute('rel') })),
    };
  });
  expect(found.dangerous).toEqual([]);
  expect(found.handlers).toEqual([]);
  for (const link of found.links) {
    expect(link.href).toMatch(/^(https:|mailto:)/);
    expect(link.rel).toBe('noopener noreferrer');
  }
}

test('hostile Markdown from imported packs renders inert in the panel: sentinel 0, no requests, prototypes clean', async ({ context, page, extensionId, serviceWorker, demoUrl }) => {
  test.setTimeout(180_000);
  await openOptions(page, extensionId);
  // The real import path: the options page's file input.
  await page.getByTestId('pack-import-file').setInputFiles({ name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(sentinelPack(hostile.url)) });
  await expect(page.locator('[data-testid="pack-row"][data-pack-id="hostile-markdown"]')).toBeAttached();
  const inert = inertPacks();
  for (const { text } of inert) expect(await importText(page, text)).not.toHaveProperty('error');
  // The options page shows pack descriptions too.
  expect(await page.evaluate(() => (window as { __xss?: number }).__xss ?? 0)).toBe(0);

  const demo = await context.newPage();
  await demo.goto(`${demoUrl}/audit`);
  const panel = await panelFrame(demo);
  for (const runbookId of ['hostile-runbook', ...inert.map((p) => p.runbookId)]) {
    await panel.locator(`[data-testid="runbook-item"][data-runbook-id="${runbookId}"]`).click();
    if (runbookId === 'hostile-runbook') await expect(panel.locator('article.runbook')).toContainText(SAFE_MARKER);
    await renderedSafely(panel);
    await panel.getByRole('button', { name: /All runbooks/ }).click();
  }

  await settledInert(panel);

  // A capture of rows whose code the hostile glossary explains: every glossary path renders.
  await demo.goto(`${demoUrl}/audit?action=${HOSTILE_CODE}`);
  const capturing = await panelFrame(demo);
  await capturing.locator('[data-testid="runbook-item"][data-runbook-id="hostile-runbook"]').click();
  await expect(capturing.getByTestId('glossary-term')).toContainText(SAFE_MARKER);
  const capture = capturing.locator('[data-testid="step"]:has([data-action="capture"])');
  await capture.getByTestId('step-action').click();
  await expect(capture).toHaveAttribute('data-state', 'done');
  const rows = capturing.getByTestId('captured-row');
  await expect(rows.first()).toHaveAttribute('data-action', HOSTILE_CODE);
  // The explanation is plain text: the hostile meaning's words show as words, never as markup.
  await expect(rows.first().getByTestId('row-explanation')).toContainText(SAFE_MARKER);
  const meaningCount = await capturing.getByTestId('row-meaning').count();
  expect(meaningCount).toBe(await rows.count());
  for (let i = 0; i < meaningCount; i++) await capturing.getByTestId('row-meaning').nth(i).locator('summary').click();
  await expect(capturing.locator('.row-meaning-text').first()).toContainText(SAFE_MARKER);
  await expect(capturing.locator('.row-meaning-text')).toHaveCount(meaningCount);
  await renderedSafely(capturing);
  await renderedSafely(capturing, '.captures');
  await settledInert(capturing);

  expect(await demo.evaluate(() => (window as { __xss?: number }).__xss ?? 0)).toBe(0);
  expect(hostile.sentinelHits()).toEqual([]);
  for (const where of [page, demo]) expect(await where.evaluate(prototypeProbe)).toEqual({ keys: [], polluted: null });
  expect(await capturing.evaluate(prototypeProbe)).toEqual({ keys: [], polluted: null });
  expect(await serviceWorker.evaluate(prototypeProbe)).toEqual({ keys: [], polluted: null });
});
