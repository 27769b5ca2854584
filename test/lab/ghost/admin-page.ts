/**
 * Getting to Ghost's History the way a person does, shared by journey.spec.ts and
 * teach.spec.ts: sign in through Ghost's own page, then Settings → "View history" by clicking
 * (in-app navigation, no page load).
 */
import type { Locator, Page } from '@playwright/test';
import { expect } from '../../e2e/fixtures';
import { OWNER, SIGN_IN_URL } from './truth';

/** Signs in through Ghost's own sign-in page, as the Owner (only Administrators and the Owner see History). */
export async function signIn(page: Page): Promise<void> {
  await page.goto(SIGN_IN_URL);
  await page.locator('input[name="identification"]').fill(OWNER.email);
  await page.locator('input[name="password"]').fill(OWNER.password);
  await page.keyboard.press('Enter');
  await page.waitForURL(/#\/(dashboard|analytics|posts|site)/, { timeout: 60_000 });
}

/** Settings → "View history", the way a person gets there in the admin (in-app navigation, no page load). */
export async function openHistoryInApp(page: Page): Promise<void> {
  await page.locator('a[href="#/settings/"], a[href="#/settings"]').first().click();
  await page.waitForURL(/#\/settings/);
  const view = page.getByRole('button', { name: 'View history' });
  await view.scrollIntoViewIfNeeded();
  await view.click();
  await expect(historyModal(page)).toBeVisible();
  await page.waitForURL(/#\/settings\/history\/view/);
}

export const historyModal = (page: Page): Locator => page.locator('[data-testid="history-modal"]');

/** The History's lines, as the console draws them. */
export const historyRows = (page: Page): Locator => historyModal(page).locator('section div[class*="group/list-item"]');
