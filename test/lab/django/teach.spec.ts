/**
 * Issue 14 §1 on a real console nobody here wrote: Django 3.2's admin audit log. No pack is
 * imported — a person teaches Trailguide the page by clicking (the adapter builder), saves
 * it, and the taught adapter's capture must equal the console's own database (./truth.ts)
 * for actor, event and time, row for row. Django's rows start with a `th` (the entry's time,
 * a link), and its header cells carry sort links: the columns are kept by their headers.
 *
 * The browser runs in Europe/Berlin, the zone this console shows its times in (a taught
 * adapter reads times in the browser's zone, as most consoles render them).
 *
 * Needs the console up (./start.sh; test/lab/run.mjs does it) and the demo build.
 */
import { test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, panelFrame, pointAt, showPanelLikeTheToolbar } from '../../e2e/fixtures';
import { launchTeachBrowser, savedAdapter } from '../teach-helpers';
import { ADMIN, AUDIT_LOG_URL, ORIGIN, toMinute, truthRows } from './truth';

const SCREENSHOTS = process.env.LAB_SCREENSHOTS;

async function signIn(page: Page): Promise<void> {
  await page.goto(`${ORIGIN}/admin/login/?next=/admin/admin/logentry/`);
  await page.locator('#id_username').fill(ADMIN.username);
  await page.locator('#id_password').fill(ADMIN.password);
  await page.locator('#login-form input[type="submit"]').click();
  await page.waitForURL(`${AUDIT_LOG_URL}*`);
}

test('Django admin audit log: taught by clicking, the capture equals the console’s database (actor, event, time)', async () => {
  test.setTimeout(180_000);
  const answering = await fetch(`${ORIGIN}/admin/login/`).then((r) => r.ok, () => false);
  expect(answering, `the Django lab console should answer on ${ORIGIN} — start it with test/lab/django/start.sh`).toBe(true);

  const dir = mkdtempSync(join(tmpdir(), 'trailguide-lab-teach-'));
  const context = await launchTeachBrowser(dir, 'Europe/Berlin');
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const page = context.pages()[0] ?? (await context.newPage());
    await signIn(page);
    const rows = page.locator('#result_list tbody tr');
    await expect(rows).toHaveCount(10);

    await showPanelLikeTheToolbar(worker);
    const panel = await panelFrame(page);
    await panel.getByTestId('teach-page').click();
    await pointAt(panel, page, 'search', page.locator('#searchbar'));
    const third = rows.nth(2);
    await pointAt(panel, page, 'row', third.locator('td.field-object_repr'));
    await pointAt(panel, page, 'col-time', third.locator('th.field-action_time a'));
    await pointAt(panel, page, 'col-actor', third.locator('td.field-user'));
    await pointAt(panel, page, 'col-action', third.locator('td.field-action_flag'));
    await panel.getByTestId('builder-test').click();
    await expect(panel.getByRole('status').filter({ hasText: /Found \d+ rows/ })).toContainText('Found 10 rows');
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'django-teach-tested.png') });
    await panel.getByTestId('builder-name').fill('Billing audit log');
    await panel.getByTestId('builder-save').click();
    await expect(panel.getByRole('status').filter({ hasText: 'Saved' })).toContainText('My runbooks');

    const taught = await savedAdapter(worker, 'billing-audit-log');
    expect(Object.fromEntries(Object.entries(taught?.results?.columns ?? {}).map(([name, c]) => [name, c.header]))).toEqual({ time: 'Action time', actor: 'User', action: 'Action flag' });

    // The page as the console lists it: the newest ten entries.
    await page.reload();
    const known = await panelFrame(page);
    await expect(known.getByTestId('panel-tool')).toHaveText('Billing audit log');
    await known.locator('[data-runbook-id="cant-find-the-event"]').click();
    const capture = known.getByTestId('step').nth(1);
    await capture.getByTestId('step-action').click();
    await expect(capture).toHaveAttribute('data-state', 'done');
    const captured = await known
      .getByTestId('captured-row')
      .evaluateAll((items) => items.map((li) => ({ time: li.getAttribute('data-time') ?? '', actor: li.getAttribute('data-actor') ?? '', action: li.getAttribute('data-action') ?? '' })));
    const truth = truthRows({}).slice(0, 10);
    expect(captured.map((row) => ({ ...row, time: row.time ? toMinute(row.time) : '' }))).toEqual(truth.map((entry) => ({ time: toMinute(entry.time), actor: entry.user, action: entry.action })));
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'django-teach-captured.png') });
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
