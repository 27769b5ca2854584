import type { BrowserContext, Page } from '@playwright/test';
import { expect, panelFrame, test } from './fixtures';
import { startPackServer } from './pack-server';

const BUILTIN_ID = 'trailguide-essentials';
const EDITED_RUNBOOK = 'settings-changed-without-permission';
const SCREENSHOTS = process.env.TRAILGUIDE_SCREENSHOTS;

function pack(id: string, runbookId: string, title: string, version = '1.0.0') {
  return JSON.stringify(
    {
      format: 'trailguide-pack',
      formatVersion: 1,
      id,
      name: `Pack ${id}`,
      version,
      description: 'A pack used by the end-to-end tests.',
      runbooks: [
        {
          id: runbookId,
          title,
          summary: 'Check which vendor accounts could see customer data last month.',
          tools: ['any'],
          steps: [{ title: 'Search the log for vendor sign-ins', action: { type: 'fill', filters: { actor: 'vendor', since: '-30d' } } }],
        },
      ],
    },
    null,
    2,
  );
}

/** The first answer waits for the worker to seed the built-in pack, which is slow on a busy machine. */
async function openOptions(page: Page, extensionId: string, section = 'packs'): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/options.html#${section}`);
  await expect(page.locator(`[data-testid="pack-row"][data-pack-id="${BUILTIN_ID}"]`)).toBeAttached({ timeout: 30_000 });
}

/** The panel on a fresh demo audit page: its runbook titles by id. */
async function panelTitle(context: BrowserContext, demoUrl: string, runbookId: string) {
  const demo = await context.newPage();
  await demo.goto(`${demoUrl}/audit`);
  const panel = await panelFrame(demo);
  const item = panel.locator(`[data-testid="runbook-item"][data-runbook-id="${runbookId}"]`);
  return { demo, item, title: item.locator('.runbook-item-title') };
}

async function shoot(page: Page, name: string) {
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

test('the options page lists the built-in pack and finds its way around', async ({ page, extensionId }) => {
  await openOptions(page, extensionId);
  const builtin = page.locator(`[data-testid="pack-row"][data-pack-id="${BUILTIN_ID}"]`);
  await expect(builtin).toHaveAttribute('data-source', 'builtin');
  await expect(builtin.getByTestId('pack-delete')).toHaveCount(0);
  await shoot(page, 'options-packs');
  for (const [nav, heading] of [['editor', 'Write a runbook'], ['history', 'History'], ['settings', 'Settings'], ['packs', 'Packs']] as const) {
    await page.getByTestId(`nav-${nav}`).click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  }
});

test('importing a pack file adds its row and its runbook shows in the panel', async ({ page, context, extensionId, demoUrl }) => {
  await openOptions(page, extensionId);
  await page.getByTestId('pack-import-file').setInputFiles({
    name: 'vendor-pack.json',
    mimeType: 'application/json',
    buffer: Buffer.from(pack('vendor-pack', 'vendor-access-review', 'Review vendor access (imported)')),
  });
  const row = page.locator('[data-testid="pack-row"][data-pack-id="vendor-pack"]');
  await expect(row).toHaveAttribute('data-source', 'file');
  await expect(row.getByTestId('pack-runbook-count')).toHaveText('1 runbook');
  await expect(page.getByTestId('packs-notice').getByRole('status')).toContainText('Added "Pack vendor-pack" version 1.0.0');

  const { title } = await panelTitle(context, demoUrl, 'vendor-access-review');
  await expect(title).toHaveText('Review vendor access (imported)');

  // Export gives back the file, and delete can be undone.
  const download = page.waitForEvent('download');
  await row.getByTestId('pack-export').click();
  expect((await download).suggestedFilename()).toBe('vendor-pack-1.0.0.trailguide.json');
  await row.getByTestId('pack-delete').click();
  await expect(row).toHaveCount(0);
  await expect(page.getByTestId('undo-bar')).toContainText('Deleted');
  await page.getByTestId('pack-undo').click();
  await expect(page.locator('[data-testid="pack-row"][data-pack-id="vendor-pack"]')).toBeVisible();
});

test('a broken pack is refused with a plain message and nothing is added', async ({ page, extensionId }) => {
  await openOptions(page, extensionId);
  const before = await page.getByTestId('pack-row').count();
  const broken = JSON.parse(pack('broken-pack', 'broken-runbook', 'Broken')) as { runbooks: Record<string, unknown>[] };
  delete broken.runbooks[0]!.title;
  await page.getByTestId('pack-import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  const alert = page.getByTestId('packs-notice').getByRole('alert');
  await expect(alert).toContainText('"runbooks[0].title" is missing');
  await expect(alert).toContainText('Nothing was added');
  await expect(page.getByTestId('pack-row')).toHaveCount(before);
  await shoot(page, 'options-broken-import');
});

test('a subscribed pack survives its server sending garbage later', async ({ page, context, extensionId, demoUrl }) => {
  const server = await startPackServer({ body: pack('team-feed', 'team-feed-runbook', 'Team feed runbook') });
  try {
    await openOptions(page, extensionId);
    await page.getByTestId('pack-import-url').fill(server.packUrl);
    await page.getByTestId('pack-subscribe').click();
    const row = page.locator('[data-testid="pack-row"][data-pack-id="team-feed"]');
    await expect(row).toHaveAttribute('data-source', 'url');
    await expect(row).toContainText(server.packUrl);
    let panel = await panelTitle(context, demoUrl, 'team-feed-runbook');
    await expect(panel.title).toHaveText('Team feed runbook');
    await panel.demo.close();

    server.answer({ body: '<!doctype html><html><body><h1>Please sign in</h1></body></html>', contentType: 'text/html' });
    await row.getByTestId('pack-check-now').click();
    await expect(row.getByRole('alert')).toContainText('web page, not a pack');
    await expect(row.getByRole('alert')).toContainText('kept the last good copy (version 1.0.0)');
    await shoot(page, 'options-subscription-error');

    server.answer({ status: 500, body: 'Internal error', contentType: 'text/plain' });
    await row.getByTestId('pack-check-now').click();
    await expect(row.getByRole('alert')).toContainText('The server had a problem (500)');

    panel = await panelTitle(context, demoUrl, 'team-feed-runbook');
    await expect(panel.title).toHaveText('Team feed runbook');

    // The server recovers with a newer version: the error goes away.
    server.answer({ body: pack('team-feed', 'team-feed-runbook', 'Team feed runbook, revised', '1.1.0') });
    await row.getByTestId('pack-check-now').click();
    await expect(row.getByRole('alert')).toHaveCount(0);
    await expect(row).toContainText('v1.1.0');
  } finally {
    await server.close();
  }
});

test('editing a runbook and saving it changes what the panel shows', async ({ page, context, extensionId, demoUrl }) => {
  await openOptions(page, extensionId, 'editor');
  await page.getByTestId('editor-start').selectOption(`${BUILTIN_ID}/${EDITED_RUNBOOK}`);
  const source = page.getByTestId('editor-source');
  await expect(source).toHaveValue(new RegExp(`id: ${EDITED_RUNBOOK}`));
  const original = await source.inputValue();

  // Validation as you type: a broken edit names the field and keeps the text.
  await source.fill(original.replace(/^steps:/m, 'stepz:'));
  await expect(page.getByTestId('editor-validation').getByRole('alert')).toContainText('"steps" is missing');
  await expect(source).toHaveValue(/^stepz:/m);
  await expect(page.getByTestId('editor-save')).toBeDisabled();

  await source.fill(original.replace(/^title: .*$/m, 'title: Settings changed — edited by the team lead'));
  await expect(page.getByTestId('editor-preview-title')).toHaveText('Settings changed — edited by the team lead');
  await shoot(page, 'options-editor');
  await page.getByTestId('editor-save').click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toContainText('My runbooks');

  const { title } = await panelTitle(context, demoUrl, EDITED_RUNBOOK);
  await expect(title).toHaveText('Settings changed — edited by the team lead');

  // The built-in copy is not silently dropped: the pack manager says it is hidden.
  await page.getByTestId('nav-packs').click();
  await expect(page.locator('[data-testid="pack-row"][data-source="local"]')).toBeVisible();
  await expect(page.getByTestId('shadowed-item')).toContainText('is hidden by My runbooks');
  await shoot(page, 'options-packs-after-edit');
});
