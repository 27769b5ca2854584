import type { Frame } from '@playwright/test';
import { expect, openRunbook, panelFrame, test } from './fixtures';

// Two customers from the demo console's stories, both with sign-ins inside the
// runbook's default 30 days.
const DANA = 'dana.whitfield@northwind.example';
const OMAR = 'omar.haddad@globex.example';
const RUNBOOK = 'suspicious-sign-in-new-country';
const STEP_SIGN_INS = 0; // fill: actor = email, action = user.login
const STEP_CAPTURE = 1;

async function runStep(panel: Frame, index: number) {
  const step = panel.getByTestId('step').nth(index);
  await step.getByTestId('step-action').click();
  await expect(step).toHaveAttribute('data-state', 'done', { timeout: 45_000 });
}

test('a second customer gets a new case: banner, two cases in History with their own rows, new case and undo', async ({ page, demoUrl, context, extensionId }) => {
  test.setTimeout(120_000);
  const panel = await openRunbook(page, `${demoUrl}/audit`, RUNBOOK);
  const banner = panel.getByTestId('case-banner');
  await expect(banner).toHaveAttribute('data-case-id', '');
  await expect(banner).toContainText('A new case starts when you run a step.');
  await expect(panel.getByTestId('new-case')).toBeDisabled();

  // Customer A: search and capture.
  await panel.getByTestId('input-email').fill(DANA);
  await runStep(panel, STEP_SIGN_INS);
  await runStep(panel, STEP_CAPTURE);
  await expect(panel.getByTestId('captured-row').first()).toHaveAttribute('data-actor', DANA);
  await expect(banner).toHaveAttribute('data-case-id', /.+/);
  const danaCase = (await banner.getAttribute('data-case-id'))!;
  await expect(banner).toContainText(`Adding to case for ${DANA}, started`);
  await expect(banner).toContainText('1 capture');

  // The full meaning of a row's code is one click away.
  const meaning = panel.getByTestId('captured-row').first().getByTestId('row-meaning');
  await meaning.locator('summary').click();
  await expect(meaning).toContainText('Signed in successfully');

  // Customer B: the panel says this is a new case, and files nothing under Dana.
  await panel.getByTestId('input-email').fill(OMAR);
  await expect(banner).toHaveAttribute('data-case-id', '');
  await expect(banner).toContainText(`A new case for ${OMAR} starts when you run a step.`);
  await expect(panel.getByTestId('case-left')).toContainText(`The case for ${DANA} (1 capture) stays in History`);
  await expect(panel.getByTestId('captured-row')).toHaveCount(0);
  await runStep(panel, STEP_SIGN_INS);
  await runStep(panel, STEP_CAPTURE);
  await expect(panel.getByTestId('captured-row').first()).toHaveAttribute('data-actor', OMAR);
  await expect(banner).toHaveAttribute('data-case-id', /.+/);
  const omarCase = (await banner.getAttribute('data-case-id'))!;
  expect(omarCase).not.toBe(danaCase);
  await expect(banner).toContainText(`Adding to case for ${OMAR}`);
  await banner.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('case-banner.png') });

  // History has both cases, each with its own rows.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByTestId('nav-history').click();
  const caseItem = (id: string) => options.locator(`[data-testid="history-item"][data-kind="case"][data-case-id="${id}"]`);
  await expect(caseItem(danaCase)).toBeVisible({ timeout: 30_000 });
  await expect(caseItem(omarCase)).toBeVisible();
  await expect(options.locator('[data-testid="history-item"][data-kind="case"]')).toHaveCount(2);

  await caseItem(danaCase).getByRole('button').first().click();
  await expect(options.getByTestId('history-detail')).toHaveAttribute('data-case-id', danaCase);
  const danaRows = options.getByTestId('history-row');
  await expect(danaRows.first()).toBeVisible();
  for (const text of await danaRows.allInnerTexts()) {
    expect(text).toContain('user.login');
    expect(text).toContain(DANA);
    expect(text).not.toContain(OMAR);
  }

  await caseItem(omarCase).getByRole('button').first().click();
  await expect(options.getByTestId('history-detail')).toHaveAttribute('data-case-id', omarCase);
  const omarRows = options.getByTestId('history-row');
  await expect(omarRows.first()).toBeVisible();
  for (const text of await omarRows.allInnerTexts()) {
    expect(text).toContain(OMAR);
    expect(text).toContain('user.login');
    expect(text).not.toContain(DANA);
  }
  await options.close();

  // New case from the keyboard, then Undo.
  await panel.getByTestId('new-case').focus();
  await panel.getByTestId('new-case').press('Enter');
  await expect(banner).toHaveAttribute('data-case-id', '');
  await expect(panel.getByTestId('input-email')).toHaveValue('');
  await expect(panel.getByTestId('step').nth(STEP_CAPTURE)).toHaveAttribute('data-state', 'todo');
  await expect(panel.getByTestId('captured-row')).toHaveCount(0);
  await expect(panel.getByTestId('case-left')).toContainText(`You started a new case. The previous case for ${OMAR} (1 capture) stays in History`);
  await banner.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('case-new.png') });
  await panel.getByTestId('case-undo').click();
  await expect(banner).toHaveAttribute('data-case-id', omarCase);
  await expect(panel.getByTestId('input-email')).toHaveValue(OMAR);
  await expect(panel.getByTestId('captured-row').first()).toHaveAttribute('data-actor', OMAR);

  // A reload resumes the case this tab was adding to.
  await page.reload();
  const again = await panelFrame(page);
  // The panel reopens the runbook by itself (the tab's session).
  await expect(again.getByTestId('runbook-title')).toBeVisible();
  await expect(again.getByTestId('case-banner')).toHaveAttribute('data-case-id', omarCase);
  await expect(again.getByTestId('input-email')).toHaveValue(OMAR);
});
