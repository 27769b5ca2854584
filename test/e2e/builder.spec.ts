import { detectorChecked, expect, panelFrame, panelFrames, pointAt, showPanelLikeTheToolbar, test } from './fixtures';

const ALICE = 'alice.moreau@northwind.example';
const SHOTS = process.env.BUILDER_SHOTS_DIR ?? '/tmp';


test('teach Trailguide an unknown console, then run a runbook on it', async ({ page, helpdeskUrl, serviceWorker, extensionId }) => {
  test.setTimeout(120_000);
  await page.goto(`${helpdeskUrl}/admin/activity`);
  const rows = page.locator('[role="row"][data-key]');
  await expect(rows).toHaveCount(20);
  // No adapter knows this page: no panel on its own (once the detector has looked, if it is here at all).
  await detectorChecked(page, extensionId, ['absent', 'not-an-audit-log']);
  expect(panelFrames(page)).toHaveLength(0);

  await showPanelLikeTheToolbar(serviceWorker);
  const panel = await panelFrame(page);
  await panel.getByTestId('teach-page').click();
  await expect(panel.getByTestId('builder-step')).toHaveCount(12);
  await expect(panel.locator('[data-testid="builder-step"][data-state="picked"]')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/builder-start.png` });

  await pointAt(panel, page, 'search', page.locator('input[aria-label="Search activity"]'));
  await pointAt(panel, page, 'actor', page.locator('input[name="agent"]'));
  await pointAt(panel, page, 'action', page.locator('select[name="eventType"]'));
  await pointAt(panel, page, 'since', page.locator('#activity-from'));
  await pointAt(panel, page, 'until', page.locator('input[aria-label="To date"]'));
  await pointAt(panel, page, 'submit', page.getByRole('button', { name: 'Apply filters' }));
  // The picked clicks never reached the console: nothing was applied.
  expect(await page.evaluate(() => (window as unknown as { __helpdesk: { state: { applied: Record<string, string> } } }).__helpdesk.state.applied.type)).toBe('');

  const third = rows.nth(2);
  await pointAt(panel, page, 'row', third.getByRole('gridcell').nth(3));
  await pointAt(panel, page, 'col-time', third.getByRole('gridcell').nth(0));
  await pointAt(panel, page, 'col-actor', third.getByRole('gridcell').nth(1).locator('span').first());
  await pointAt(panel, page, 'col-action', third.locator('code'));
  await pointAt(panel, page, 'col-target', third.getByRole('gridcell').nth(3));
  await pointAt(panel, page, 'next', page.getByRole('button', { name: 'Next page' }));
  await expect(panel.locator('[data-testid="builder-step"][data-state="picked"]')).toHaveCount(12);
  await page.screenshot({ path: `${SHOTS}/builder-picked.png` });

  // Test live: rows read through the capture engine, the search box filled and restored.
  await panel.getByTestId('builder-test').click();
  const status = panel.getByRole('status').filter({ hasText: /Found \d+ rows/ });
  await expect(status).toContainText('Found 20 rows; first: 2026-03-');
  const firstActor = await rows.first().getByRole('gridcell').nth(1).locator('span').first().textContent();
  const firstCode = await rows.first().locator('code').textContent();
  await expect(status).toContainText(`${firstActor} · ${firstCode}`);
  await expect(status).toContainText('Typing into the search box works');
  await expect(page.locator('input[aria-label="Search activity"]')).toHaveValue('');
  await page.screenshot({ path: `${SHOTS}/builder-tested.png` });

  await panel.getByTestId('builder-name').fill('Helpdesk activity');
  await panel.getByTestId('builder-save').click();
  await expect(panel.getByRole('status').filter({ hasText: 'Saved' })).toContainText('My runbooks');
  await page.screenshot({ path: `${SHOTS}/builder-saved.png` });

  // The adapter now recognises the page by itself.
  await page.reload();
  const known = await panelFrame(page);
  await expect(known.getByTestId('panel-tool')).toHaveText('Helpdesk activity');
  // A taught adapter knows no event kinds yet: the runbook works partly here, and says what it can't search for.
  const item = known.locator('[data-runbook-id="failed-sign-in-burst"]');
  await expect(item).toHaveAttribute('data-fit', 'partly');
  await expect(item.getByTestId('runbook-fit-note')).toContainText('doesn’t know yet how Helpdesk activity records: Failed sign-in');
  await item.click();
  await known.getByTestId('input-email').fill(ALICE);
  await known.getByTestId('input-range-from').fill('2026-03-01');
  await known.getByTestId('input-range-to').fill('2026-03-31');

  const eventTypeBefore = await page.locator('select[name="eventType"]').inputValue();
  const fill = known.getByTestId('step').nth(0);
  await expect(fill.getByTestId('kind-refusal')).toHaveAttribute('data-reason', 'unknown');
  await fill.getByTestId('step-action').click();
  // The person and the dates are set; the event type is left alone, so the step is partly done, never "Done".
  await expect(fill).toHaveAttribute('data-state', 'failed');
  await expect(fill.locator('.step-message').last()).toContainText('Partly done');
  await expect(page.locator('input[name="agent"]')).toHaveValue(ALICE);
  await expect(page.locator('#activity-from')).toHaveValue('2026-03-01');
  await expect(page.locator('input[aria-label="To date"]')).toHaveValue('2026-03-31');
  await expect(page.locator('select[name="eventType"]')).toHaveValue(eventTypeBefore);
  await expect(page.getByRole('status').filter({ hasText: 'events' })).not.toContainText('of 200 events');
  const codes = await page.locator('[role="row"][data-key] code').allTextContents();
  expect(codes.length).toBeGreaterThan(0);
  const actors = await page.locator('[role="row"][data-key] [role="gridcell"]:nth-child(2) span:first-child').allTextContents();
  expect(new Set(actors)).toEqual(new Set([ALICE]));

  const capture = known.getByTestId('step').nth(1);
  await capture.getByTestId('step-action').click();
  await expect(capture).toHaveAttribute('data-state', 'done');
  const captured = known.getByTestId('captured-row');
  // Every page of the console's answer: its own count of the events found.
  const summary = await page.getByRole('status').filter({ hasText: 'events' }).textContent();
  const found = Number(/of (\d+) events/.exec(summary ?? '')?.[1]);
  expect(found).toBeGreaterThanOrEqual(codes.length);
  await expect(captured).toHaveCount(found);
  await expect(captured.first()).toHaveAttribute('data-action', codes[0]!);
  await expect(captured.first()).toHaveAttribute('data-actor', ALICE);
  await expect(captured.first()).toHaveAttribute('data-time', /^2026-03-\d{2}T/);
  await page.screenshot({ path: `${SHOTS}/builder-runbook.png` });
});
