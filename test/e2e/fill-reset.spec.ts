import { expect, openRunbook, test } from './fixtures';

/**
 * A fill step is a fresh search (reset): step 4 of settings-changed-without-permission
 * searches on Actor, so the customer step 1 typed into the demo's Search box is cleared
 * first, and the step is Done only because the console no longer filters on it.
 */
const DANA = 'dana.whitfield@northwind.example';
const SCREENSHOTS = process.env.TRAILGUIDE_SCREENSHOTS;

test('step 4 after step 1: the Search box step 1 filled is cleared, every filter is kept, and the step is Done', async ({ page, demoUrl }) => {
  const panel = await openRunbook(page, `${demoUrl}/audit`, 'settings-changed-without-permission');
  await panel.getByTestId('input-email').fill(DANA);
  const search = page.locator('form[role="search"] input[name="q"]');

  const first = panel.getByTestId('step').nth(0);
  await first.getByTestId('step-action').click();
  await expect(first).toHaveAttribute('data-state', 'done');
  // Step 1 really left the customer in the console's own Search box.
  await expect(search).toHaveValue(DANA);
  await expect(page).toHaveURL(/[?&]q=dana/);

  // Step 3 asks who made the change; the sign-ins search (step 4) is where "the customer's own account" leads.
  await panel.locator('[data-testid="branch-answer"][data-answer-index="0"]').click();
  const fourth = panel.getByTestId('step').nth(3);
  await fourth.getByTestId('step-action').click();
  await expect(fourth).toHaveAttribute('data-state', 'done');
  await expect(fourth).toContainText('Done —');
  await expect(fourth).toContainText(`Cleared Search (it held ${DANA} from an earlier search).`);
  await expect(fourth).not.toContainText('still filters on');
  const lines = fourth.getByTestId('fill-field');
  await expect(lines).toHaveCount(4);
  for (const field of ['actor', 'action', 'since', 'until']) {
    await expect(fourth.locator(`[data-testid="fill-field"][data-field="${field}"]`)).toHaveAttribute('data-status', 'kept');
  }
  // The demo console's own box and address: no Search filter left.
  await expect(search).toHaveValue('');
  await expect(page).not.toHaveURL(/[?&]q=[^&]/);
  await expect(page).toHaveURL(/[?&]actor=dana/);
  await expect(page).toHaveURL(/[?&]action=user\.login(&|$)/);
  if (SCREENSHOTS) await fourth.screenshot({ path: `${SCREENSHOTS}/fill-reset-step4.png` });
});
