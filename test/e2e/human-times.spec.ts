import { readFileSync } from 'node:fs';
import { expect, panelFrame, test } from './fixtures';

/**
 * The demo's events are made afresh each day (they end at the start of today, UTC), so the
 * person with the most settings changes in the runbook's default range (the last 14 days)
 * is asked of the demo's own API, not written here: one page of several rows.
 */
async function busiestSettingsTarget(demoUrl: string): Promise<string> {
  const { users } = (await (await fetch(`${demoUrl}/api/users`)).json()) as { users: { email: string }[] };
  const from = new Date(Date.now() - 13 * 86_400_000).toISOString();
  let best = { email: '', total: 0 };
  for (const { email } of users) {
    const search = new URLSearchParams({ action: 'account.settings_changed', q: email, from });
    const { total } = (await (await fetch(`${demoUrl}/api/events?${search}`)).json()) as { total: number };
    if (total > best.total && total <= 25) best = { email, total };
  }
  expect(best.total, 'the demo data should have someone with several settings changes in the last two weeks').toBeGreaterThan(1);
  return best.email;
}

/**
 * The demo console's ?times=human mode prints row times only as text people read
 * ("02:13, 29 November 2026" on even rows, "November 29th, 2026 7:18:31 PM" on odd rows; UTC)
 * with no datetime attribute. The instant each row stands for comes from the demo's own API.
 */
function expectedTimes(events: { time: string }[]): string[] {
  return events.map((event, i) => {
    const ms = Date.parse(event.time);
    // Even rows show minutes only, odd rows seconds.
    return new Date(i % 2 === 0 ? ms - (ms % 60_000) : ms - (ms % 1_000)).toISOString();
  });
}

test('times printed as people read them are captured, shown, escalated and exported as instants', async ({ context, page, demoUrl, extensionId }) => {
  test.setTimeout(120_000);
  const person = await busiestSettingsTarget(demoUrl);
  await page.goto(`${demoUrl}/audit?times=human`);
  const panel = await panelFrame(page);
  await panel.locator('[data-runbook-id="settings-changed-without-permission"]').click();
  await panel.getByTestId('input-email').fill(person);

  // The search runs in the console; its own address keeps the human-times switch.
  await panel.getByTestId('step').nth(0).getByTestId('step-action').click();
  await expect(page).toHaveURL(/action=account\.settings_changed/);
  await expect(page).toHaveURL(/times=human/);
  const timeCells = page.locator('table.audit-table tbody tr[data-event-id] td.col-time');
  await expect(timeCells.first().locator('.human-time')).toBeVisible();
  await expect(page.locator('table.audit-table tbody time[datetime]')).toHaveCount(0);
  const shown = await timeCells.allTextContents();
  expect(shown.length).toBeGreaterThan(1);
  expect(shown[0]).toMatch(/^\d{2}:\d{2}, \d{1,2} [A-Z][a-z]+ \d{4}$/);
  expect(shown[1]).toMatch(/^[A-Z][a-z]+ \d{1,2}(st|nd|rd|th), \d{4} \d{1,2}:\d{2}:\d{2} [AP]M$/);

  const api = new URL(`${demoUrl}/api/events`);
  api.search = new URL(page.url()).search;
  api.searchParams.delete('times');
  const answer = (await (await fetch(api)).json()) as { events: { id: string; time: string }[] };
  const ids = await page.locator('table.audit-table tbody tr[data-event-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-event-id')));
  expect(answer.events.map((e) => e.id)).toEqual(ids);
  const expected = expectedTimes(answer.events);

  // Capture: every row has its instant (ISO 8601), none "time unknown".
  const capture = panel.getByTestId('step').nth(1);
  await capture.getByTestId('step-action').click();
  await expect(capture).toHaveAttribute('data-state', 'done');
  const captured = panel.getByTestId('captured-row');
  await expect(captured).toHaveCount(expected.length);
  expect(await captured.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-time')))).toEqual(expected);
  await expect(panel.getByText('time unknown')).toHaveCount(0);
  await expect(panel.getByText(/couldn't read/)).toHaveCount(0);
  // The console's own text is one hover away.
  await expect(captured.first().getByTestId('row-time')).toHaveAttribute('title', `The console showed: ${shown[0]}`);
  await expect(captured.first().getByTestId('row-time')).toHaveAttribute('datetime', expected[0]!);

  // The escalation lists every row with its time.
  await panel.getByTestId('escalate').click();
  const escalation = panel.getByTestId('escalation-text');
  await expect(escalation).toBeVisible();
  const text = (await escalation.evaluate((el) => (el instanceof HTMLTextAreaElement ? el.value : (el.textContent ?? '')))) as string;
  for (const time of expected) expect(text).toContain(time);

  // History's CSV export has the same times.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#history`);
  const item = options.locator('[data-testid="history-item"][data-kind="case"]').first();
  await expect(item).toBeVisible({ timeout: 30_000 });
  await item.getByRole('button').first().click();
  const download = options.waitForEvent('download');
  await options.getByTestId('export-csv').click();
  const file = await (await download).path();
  const csv = readFileSync(file, 'utf8');
  for (const time of expected) expect(csv).toContain(time);
  // …and the console's own text beside each.
  expect(csv).toContain(shown[1]!);
});
