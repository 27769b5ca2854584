import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureAndEscalate, expect, launchWithExtension, test } from './fixtures';
import type { BrowserContext, Page } from '@playwright/test';

const DANA = 'dana.whitfield@northwind.example';

interface ExtensionWindow {
  chrome: { runtime: { sendMessage: (message: unknown) => Promise<unknown> } };
}

async function clipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

async function extensionPage(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  return page;
}

test('escalating copies the event types, time range, filters and rows in every format', async ({ context, page, demoUrl }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const panel = await captureAndEscalate(page, demoUrl, DANA);
  const rowCount = await panel.getByTestId('captured-row').count();
  expect(rowCount).toBeGreaterThan(0);

  for (const format of ['markdown', 'text', 'json'] as const) {
    await panel.locator(`[data-testid="escalation-format"][data-format="${format}"]`).click();
    await panel.getByTestId('copy-escalation').click();
    await expect(panel.getByRole('status').filter({ hasText: /Copied/i })).toBeVisible();
    const copied = await clipboard(page);
    expect(copied, format).toContain('account.settings_changed'); // the event type searched
    expect(copied, format).toContain(DANA); // the filter applied
    expect(copied, format).toMatch(/\d{4}-\d{2}-\d{2}/); // the time range
    if (format === 'json') {
      const parsed = JSON.parse(copied) as Record<string, unknown>;
      expect(JSON.stringify(parsed)).toContain('li.chen@acme.example'); // a captured row's actor
    } else {
      expect(copied).toContain('li.chen@acme.example');
    }
  }
});

test('a prefilled GitHub issue opens against the configured server', async ({ context, page, demoUrl, extensionId }) => {
  const hits: string[] = [];
  const standIn: Server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.setHeader('content-type', 'text/html');
    res.end('<!doctype html><title>New issue</title><h1>New issue (stand-in)</h1>');
  });
  await new Promise<void>((done) => standIn.listen(0, '127.0.0.1', done));
  const port = (standIn.address() as { port: number }).port;
  try {
    const options = await extensionPage(context, extensionId);
    const saved = await options.evaluate(
      (base) =>
        (window as unknown as ExtensionWindow).chrome.runtime.sendMessage({
          type: 'settings:set',
          patch: { githubBaseUrl: base, githubRepo: 'acme/support' },
        }),
      `http://127.0.0.1:${port}`,
    );
    expect(saved).not.toHaveProperty('error');
    await options.close();

    const panel = await captureAndEscalate(page, demoUrl, DANA);
    // Each wait names itself, so a rare failure under load says which one hung.
    const open = panel.locator('[data-testid="open-ticket"][data-target="github"]');
    // The buttons work only while they are really on screen (the clickjacking guard).
    await open.scrollIntoViewIfNeeded();
    await expect(open, 'the GitHub button becomes usable once on screen').toBeEnabled({ timeout: 20_000 });
    const opened = context.waitForEvent('page', { timeout: 20_000 });
    await open.click();
    const ticket = await opened;
    await ticket.waitForLoadState();
    const url = new URL(ticket.url());
    expect(url.origin).toBe(`http://127.0.0.1:${port}`);
    expect(url.pathname).toBe('/acme/support/issues/new');
    expect(url.searchParams.get('title')).toBeTruthy();
    expect(url.searchParams.get('body')).toContain('account.settings_changed');
    expect(url.searchParams.get('body')).toContain(DANA);
    expect(hits.some((h) => h.startsWith('/acme/support/issues/new'))).toBe(true);
  } finally {
    // The ticket tab may still hold a connection open (keep-alive, favicon): close them,
    // or close() waits for the browser, which the fixture closes only after this test.
    standIn.closeAllConnections();
    await new Promise((done) => standIn.close(done));
  }
});

test('the case and its escalation are in the history after a browser restart', async ({ demoUrl }) => {
  const dir = mkdtempSync(join(tmpdir(), 'trailguide-restart-'));
  try {
    let context = await launchWithExtension(dir);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    const page = context.pages()[0] ?? (await context.newPage());
    const panel = await captureAndEscalate(page, demoUrl, DANA);
    await panel.getByTestId('copy-escalation').click();
    await expect(panel.getByRole('status').filter({ hasText: /Copied/i })).toBeVisible();
    await context.close();

    context = await launchWithExtension(dir);
    const history = await extensionPage(context, extensionId);
    await history.goto(`chrome-extension://${extensionId}/options.html#history`);
    const item = history.getByTestId('history-item').filter({ hasText: /settings were changed/ });
    await expect(item.first()).toBeVisible();
    await context.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
