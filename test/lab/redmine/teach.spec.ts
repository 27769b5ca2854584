/**
 * Issue 14 §1 on Redmine 5.0's activity page, a console nobody here wrote: no pack is
 * imported — a person teaches Trailguide the page by clicking (the adapter builder), saves it,
 * and the taught adapter's capture must equal Redmine's own data (./truth.ts: its REST API,
 * and what each request applied, from its request log) for actor, event type and time.
 *
 * Each event here is a `<dt>` (the time of day, a title sentence) and the `<dd>` after it (a
 * note, the person), under a day heading; the event type is only the `<dt>`'s first class
 * (`issue-edit`, `wiki-page`, `news`…). So the person points at the author in the line under
 * a row (read from the row: `:scope + dd span.author a`), at the time (its day from the
 * heading above), and at the title for the event type — whose words differ in every row, so
 * the builder offers the row's style name instead, naming what it would read.
 *
 * Then the page is reloaded (the console renders it again) and the capture is checked again,
 * and once more on the week before, reached by the console's own « Previous link.
 *
 * The browser runs in UTC, the zone Redmine shows its times in here (a taught adapter reads
 * times in the browser's zone). Needs the console up (./start.sh) and the demo build.
 */
import { test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, panelFrame, pointAt, showPanelLikeTheToolbar } from '../../e2e/fixtures';
import { launchTeachBrowser, savedAdapter } from '../teach-helpers';
import { ACTIVITY_URL, capturedRows, daysBeforeSeed, expectRowsEqual, lastRequest, signIn } from './helpers';
import { ORIGIN, activityEvents, appliedOf, expectedActivity } from './truth';

const SCREENSHOTS = process.env.LAB_SCREENSHOTS;
/** Every event type the billing project's activity lists (spent time has no entries). */
const TYPES = 'show_issues=1&show_news=1&show_wiki_edits=1';

test('Redmine activity: taught by clicking (the person under the row, the event from its style name), the capture equals Redmine (actor, event, time) — after a reload and on the week before too', async () => {
  test.setTimeout(240_000);
  const answering = await fetch(`${ORIGIN}/activity`).then((r) => r.ok, () => false);
  expect(answering, `the Redmine lab console should answer on ${ORIGIN} — start it with test/lab/redmine/start.sh`).toBe(true);

  const all = await activityEvents();
  // A week with issue changes, closings, notes, wiki edits and a news item (the lab's history is counted back from its seed day).
  const upto = daysBeforeSeed(17);
  const dir = mkdtempSync(join(tmpdir(), 'trailguide-lab-redmine-teach-'));
  const context = await launchTeachBrowser(dir, 'UTC');
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const page = context.pages()[0] ?? (await context.newPage());
    await signIn(page);
    await page.goto(`${ACTIVITY_URL}?from=${upto}&${TYPES}`);
    const applied = appliedOf(lastRequest());
    expect(applied, 'Redmine applied the week and every type the address names').toMatchObject({ project: 'billing', from: upto, scope: ['issues', 'news', 'wiki_edits'] });
    const week = expectedActivity(all, applied, 1);
    const rows = page.locator('#activity dl > dt');
    await expect(rows).toHaveCount(week.length);
    expect(new Set(week.map((e) => e.type)).size, 'the week holds several event types').toBeGreaterThanOrEqual(3);

    await test.step('teach by clicking: filters, a row, its time, the person under it, its event type from the style name', async () => {
      await showPanelLikeTheToolbar(worker);
      const panel = await panelFrame(page);
      await panel.getByTestId('teach-page').click();
      await pointAt(panel, page, 'actor', page.locator('#user_id'));
      await pointAt(panel, page, 'until', page.locator('#from'));
      await pointAt(panel, page, 'submit', page.locator('#activity_scope_form input[name="submit"]'));
      const third = rows.nth(2);
      await pointAt(panel, page, 'row', third.locator('span.time'));
      await expect(panel.locator('[data-testid="builder-step"][data-role="row"]')).toContainText(`${week.length} rows found`);
      await pointAt(panel, page, 'col-time', third.locator('span.time'));
      // The person is in the line under the row (the <dd> after the <dt>).
      const actorStep = await pointAt(panel, page, 'col-actor', page.locator('#activity dl > dt:nth-of-type(1) + dd span.author a').first());
      await expect(actorStep).toContainText(week[0]!.author);
      // The title for the event type: its words differ in every row, the row's style name repeats.
      await pointAt(panel, page, 'col-action', third.locator(':scope > a'));
      const offer = panel.getByTestId('builder-class-offer');
      await expect(offer).toHaveAttribute('data-state', 'offered');
      for (const type of new Set(week.map((e) => e.type))) await expect(offer, 'the offer names the values it would read').toContainText(type);
      if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'redmine-teach-offer.png') });
      await panel.getByTestId('builder-class-accept').click();
      await expect(offer).toHaveAttribute('data-state', 'used');
      await expect(panel.locator('[data-testid="builder-step"][data-role="col-action"]')).toContainText(week[2]!.type);

      await panel.getByTestId('builder-test').click();
      await expect(panel.getByRole('status').filter({ hasText: /Found \d+ rows/ })).toContainText(`Found ${week.length} rows`);
      if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'redmine-teach-tested.png') });
      await panel.getByTestId('builder-name').fill('Billing activity');
      await panel.getByTestId('builder-save').click();
      await expect(panel.getByRole('status').filter({ hasText: 'Saved' })).toContainText('My runbooks');
    });

    const columns = (await savedAdapter(worker, 'billing-activity'))?.results?.columns ?? {};
    expect(columns.actor?.selectors?.[0], 'the person is read from the line after the row').toBe(':scope + dd span.author a');
    expect(columns.action, 'the event type is the row’s first class').toMatchObject({ selectors: [':scope'], attr: 'class' });
    expect(columns.time?.heading, 'the day of a time comes from the heading above').toContain('#activity > h3');

    await test.step('after a reload (the console renders the page again): the capture equals Redmine', async () => {
      await page.reload();
      const known = await panelFrame(page);
      await expect(known.getByTestId('panel-tool')).toHaveText('Billing activity');
      await known.locator('[data-runbook-id="cant-find-the-event"]').click();
      const capture = known.getByTestId('step').nth(1);
      await capture.getByTestId('step-action').click();
      await expect(capture).toContainText(`Captured ${week.length} rows`);
      await expect(capture).toHaveAttribute('data-state', 'done');
      expectRowsEqual(await capturedRows(known, -1), week, 'taught capture after a reload');
      if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'redmine-teach-captured.png') });
    });

    await test.step('the week before, by the console’s own « Previous link: the capture equals Redmine', async () => {
      const before = daysBeforeSeed(24);
      await page.locator('#content .pagination li.previous a').click();
      await page.waitForURL(`${ACTIVITY_URL}?from=${before}*`);
      const previous = appliedOf(lastRequest());
      expect(previous, 'Redmine applied the week before with the same types').toMatchObject({ project: 'billing', from: before, scope: ['issues', 'news', 'wiki_edits'] });
      const earlier = expectedActivity(all, previous, 1);
      expect(earlier.length, 'the week before holds events').toBeGreaterThan(0);
      await expect(rows).toHaveCount(earlier.length);
      const panel = await panelFrame(page);
      await expect(panel.getByTestId('panel-tool')).toHaveText('Billing activity');
      const runbook = panel.locator('[data-runbook-id="cant-find-the-event"]');
      const capture = panel.getByTestId('step').nth(1);
      // The case may still be open from before the page load; otherwise the person opens the runbook again.
      await expect(runbook.or(capture)).toBeVisible();
      if (await runbook.isVisible()) await runbook.click();
      await capture.getByTestId('step-action').click();
      // This week's count (the reload's capture said another): the capture is the new one.
      expect(earlier.length, 'the two weeks hold different numbers of events').not.toBe(week.length);
      await expect(capture).toContainText(`Captured ${earlier.length} rows`);
      await expect(capture).toHaveAttribute('data-state', 'done');
      expectRowsEqual(await capturedRows(panel, -1), earlier, 'taught capture of the week before');
    });
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
