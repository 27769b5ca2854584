import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from '@playwright/test';
import { expect, panelFrame, test } from './fixtures';

/**
 * Issue 16: one runbook, every tool. The failed-sign-in runbook asks for the kind of event
 * "sign-in-failed"; on each vendor's fixture page (served at the vendor's real address) the
 * tool receives its own code, or the panel says the tool has no such events — never another
 * tool's code (the demo console's user.login_failed).
 */
const FIXTURES = join(import.meta.dirname, '../fixtures/adapters');
const EMAIL = 'omar.haddad@globex.example';
const FOREIGN = /user\.login_failed|kind:/;

async function openFixture(page: Page, id: string, url: string): Promise<Frame> {
  const body = readFileSync(join(FIXTURES, `${id}.html`), 'utf8');
  await page.route(`${new URL(url).origin}/**`, (route) =>
    route.request().isNavigationRequest() ? route.fulfill({ body, contentType: 'text/html; charset=utf-8' }) : route.fulfill({ status: 404, body: '' }),
  );
  await page.goto(url);
  return panelFrame(page);
}

function step0(panel: Frame) {
  return panel.locator('[data-testid="step"][data-step-index="0"]');
}

function fieldLine(panel: Frame, field: string) {
  return step0(panel).locator(`[data-testid="fill-field"][data-field="${field}"]`);
}

test('Okta: the failed sign-in search uses Okta’s own event type and outcome, and is never Done while part of it is left to the agent', async ({ page }) => {
  const panel = await openFixture(page, 'okta-system-log', 'https://acme-admin.okta.com/report/system_log_2');
  const item = panel.locator('[data-runbook-id="failed-sign-in-burst"]');
  await expect(item).toHaveAttribute('data-fit', 'full');
  await item.click();
  const step = step0(panel);
  // Said before the step runs: how Okta records this kind.
  await expect(step.getByTestId('kind-translation')).toHaveText('Okta System Log records failed sign-in as user.session.start with outcome FAILURE.');
  await panel.getByTestId('input-email').fill(EMAIL);
  await step.getByTestId('step-action').click();
  await expect(step).toHaveAttribute('data-state', 'failed');
  // Okta's one search box takes the person; the event type and outcome are Okta's own, for the agent to set.
  await expect(page.locator('input[data-se="search-input"]')).toHaveValue(EMAIL);
  await expect(fieldLine(panel, 'actor')).toHaveAttribute('data-status', 'kept');
  await expect(fieldLine(panel, 'action')).toHaveAttribute('data-status', 'not-kept');
  await expect(fieldLine(panel, 'action')).toContainText('user.session.start');
  await expect(fieldLine(panel, 'outcome')).toContainText('FAILURE');
  await expect(step.locator('.step-message')).toContainText('Partly done');
  expect((await step.getByTestId('fill-field').allTextContents()).join('\n')).not.toMatch(FOREIGN);
  expect(decodeURIComponent(page.url())).not.toMatch(FOREIGN);
});

test('Auth0: the kind is three codes; the panel says so before the step runs and searches one code at a time', async ({ page }) => {
  const panel = await openFixture(page, 'auth0-logs', 'https://manage.auth0.com/dashboard/us/acme/logs');
  await panel.locator('[data-runbook-id="failed-sign-in-burst"]').click();
  const step = step0(panel);
  const refusal = step.getByTestId('kind-refusal');
  await expect(refusal).toHaveAttribute('data-reason', 'several-codes');
  await expect(refusal).toContainText("records failed sign-in as 3 kinds of event (f, fp and fu) and can't search for them all at once");
  await panel.getByTestId('input-email').fill(EMAIL);
  await step.locator('[data-testid="kind-choice"][data-code="f"]').click();
  await expect(step).toHaveAttribute('data-state', 'failed');
  await expect(page.locator('input[name="q"]').first()).toHaveValue(EMAIL);
  // Auth0's event type goes only into the address: the panel gives Auth0's own code to set.
  await expect(fieldLine(panel, 'action')).toContainText('set it yourself: f');
  await expect(step.locator('.step-message').last()).toContainText('This search shows only f.');
  expect((await step.getByTestId('fill-field').allTextContents()).join('\n')).not.toMatch(FOREIGN);
  expect(decodeURIComponent(page.url())).not.toMatch(FOREIGN);
});

test('GitHub: the runbook is folded under “Doesn’t work on this tool”, the step says GitHub’s audit log has no failed sign-ins, and the search GitHub receives carries no event code', async ({ page }) => {
  const panel = await openFixture(page, 'github-audit-log', 'https://github.com/organizations/acme/settings/audit-log');
  const notHere = panel.getByTestId('runbooks-not-here');
  const item = notHere.locator('[data-runbook-id="failed-sign-in-burst"]');
  await expect(item).toHaveAttribute('data-fit', 'none');
  await expect(item.getByTestId('runbook-fit-note')).toContainText('Failed sign-in');
  await notHere.locator('summary').click();
  await item.click();
  const step = step0(panel);
  const refusal = step.getByTestId('kind-refusal');
  await expect(refusal).toHaveAttribute('data-reason', 'unsupported');
  await expect(refusal).toContainText("can't search for failed sign-in here: GitHub's organization audit log has no failed sign-ins");
  // GitHub finds people by username: the e-mail box says so and takes one.
  await expect(panel.getByTestId('input-person-hint')).toContainText('finds people by their username');
  await page.screenshot({ path: test.info().outputPath('github-panel.png') });
  await panel.getByTestId('input-email').fill('omarh');
  await step.getByTestId('step-action').click();
  // GitHub's search reloads the page with what it received.
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toContain('omarh');
  expect(decodeURIComponent(page.url())).not.toMatch(FOREIGN);
  expect(new URL(page.url()).searchParams.get('q')).not.toContain('action:');
});
