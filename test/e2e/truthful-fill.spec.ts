import type { Frame } from '@playwright/test';
import { expect, openRunbook, panelFrame, test } from './fixtures';

/**
 * "Done" means checked, and captures record what the console applied (read back
 * from the page), not what the runbook intended.
 */
const DANA = 'dana.whitfield@northwind.example';
const SCREENSHOTS = process.env.TRAILGUIDE_SCREENSHOTS;

interface StoredCapture {
  filters: Record<string, string>;
  applied?: { filters: { name: string; intended: string; shown: string | null; status: string; reason?: string }[]; readFrom: string; timeRange: { from: string | null; to: string | null } };
  observed?: { earliest: string | null; latest: string | null; unreadable: number };
}

/** The captures stored for a runbook's open case, asked from the panel (an extension page) like the panel itself does. */
async function storedCaptures(panel: Frame, runbookId: string): Promise<StoredCapture[]> {
  return panel.evaluate(async (id) => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } }).chrome.runtime;
    const cases = (await runtime.sendMessage({ type: 'case:list', filter: { runbookId: id } })) as { id: string; updatedAt: number }[];
    const latest = [...cases].sort((a, b) => b.updatedAt - a.updatedAt)[0];
    if (!latest) return [];
    const detail = (await runtime.sendMessage({ type: 'case:get', id: latest.id })) as { captures: StoredCapture[] } | null;
    return detail?.captures ?? [];
  }, runbookId);
}

test('date boxes the console refuses: the step is "Partly done" naming From and To, and the capture records them as not applied', async ({ page, demoUrl }) => {
  const panel = await openRunbook(page, `${demoUrl}/audit?dates=locked`, 'settings-changed-without-permission');
  await panel.getByTestId('input-email').fill(DANA);
  const fill = panel.getByTestId('step').nth(0);
  await fill.getByTestId('step-action').click();
  await expect(fill).toHaveAttribute('data-state', 'failed');
  await expect(fill.getByRole('alert')).toContainText('Partly done');
  await expect(fill).not.toContainText('Done —');
  for (const [field, label] of [['since', 'From'], ['until', 'To']] as const) {
    const line = fill.locator(`[data-testid="fill-field"][data-field="${field}"]`);
    await expect(line).toHaveAttribute('data-status', 'not-kept');
    await expect(line).toContainText(label);
    await expect(line).toContainText('type this yourself');
  }
  // What could be set was set and checked.
  await expect(fill.locator('[data-testid="fill-field"][data-field="target"]')).toHaveAttribute('data-status', 'kept');
  await expect(fill.locator('[data-testid="fill-field"][data-field="action"]')).toHaveAttribute('data-status', 'kept');
  await expect(page).toHaveURL(/action=account\.settings_changed/);
  await expect(page).not.toHaveURL(/[?&]from=/);
  if (SCREENSHOTS) await fill.screenshot({ path: `${SCREENSHOTS}/truthful-fill-partly-done.png` });

  const capture = panel.getByTestId('step').nth(1);
  await capture.getByTestId('step-action').click();
  await expect(capture).toHaveAttribute('data-state', 'done');
  await expect(capture).toContainText('Not applied by the console: From, To');
  if (SCREENSHOTS) await capture.screenshot({ path: `${SCREENSHOTS}/truthful-fill-capture.png` });

  const stored = await storedCaptures(panel, 'settings-changed-without-permission');
  expect(stored).toHaveLength(1);
  const applied = stored[0]!.applied!;
  const status = Object.fromEntries(applied.filters.map((f) => [f.name, f.status]));
  expect(status).toMatchObject({ target: 'applied', action: 'applied', since: 'not-applied', until: 'not-applied' });
  expect(applied.timeRange).toEqual({ from: null, to: null });
  // The intended values stay what the runbook asked for.
  expect(stored[0]!.filters.since).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  expect(stored[0]!.observed?.earliest).toMatch(/^\d{4}-\d{2}-\d{2}T/);

  // The escalation lists them under "Not applied".
  await panel.getByTestId('escalate').click();
  const text = panel.getByTestId('escalation-text');
  await expect(text).toBeVisible();
  await expect(text).toHaveValue(/Not applied/);
  await expect(text).toHaveValue(/From/);
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/truthful-fill-escalation.png` });
});

test('after a navigate deep link, the capture records the filters the link carried as applied', async ({ page, context, extensionId, demoUrl }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#packs`);
  await expect(options.locator('[data-testid="pack-row"][data-pack-id="trailguide-essentials"]')).toBeAttached({ timeout: 30_000 });
  const pack = {
    format: 'trailguide-pack',
    formatVersion: 1,
    id: 'truth-pack',
    name: 'Truth pack',
    version: '1.0.0',
    runbooks: [
      {
        id: 'truth-link',
        title: 'Open the log by link and capture',
        summary: 'Opens the audit log with filters in its address, then captures.',
        tools: ['any'],
        steps: [
          { title: 'Open the log', action: { type: 'navigate', filters: { actor: 'li.chen@acme.example', action: 'user.login' } } },
          { title: 'Capture', action: { type: 'capture', limit: 50 } },
        ],
      },
    ],
  };
  await options.getByTestId('pack-import-file').setInputFiles({ name: 'truth-pack.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pack)) });
  await expect(options.locator('[data-testid="pack-row"][data-pack-id="truth-pack"]')).toBeVisible();
  await options.close();

  let panel = await openRunbook(page, `${demoUrl}/audit`, 'truth-link');
  await panel.getByTestId('step').nth(0).getByTestId('step-action').click();
  await expect(page).toHaveURL(/actor=li\.chen%40acme\.example/);
  await expect(page.locator('table.audit-table tbody tr[data-event-id]').first()).toBeVisible();
  // The page loaded anew: the panel reopens the runbook by itself (the tab's session) and its case resumes.
  panel = await panelFrame(page);
  await expect(panel.getByTestId('runbook-title')).toHaveText('Open the log by link and capture');
  // Done only once the new page shows what the link applied.
  await expect(panel.getByTestId('step').nth(0)).toHaveAttribute('data-state', 'done');
  const capture = panel.getByTestId('step').nth(1);
  await capture.getByTestId('step-action').click();
  await expect(capture).toHaveAttribute('data-state', 'done');

  const stored = await storedCaptures(panel, 'truth-link');
  expect(stored).toHaveLength(1);
  expect(stored[0]!.applied?.readFrom).toMatch(/url/);
  const byName = Object.fromEntries(stored[0]!.applied!.filters.map((f) => [f.name, f]));
  expect(byName.actor).toMatchObject({ status: 'applied', intended: 'li.chen@acme.example', shown: 'li.chen@acme.example' });
  expect(byName.action).toMatchObject({ status: 'applied', shown: 'user.login' });
});
