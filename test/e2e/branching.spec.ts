import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, openRunbook, test } from './fixtures';

/**
 * Issue 18 on the demo console: a runbook whose steps branch — one question the
 * agent answers, one decided from the captured rows — shows only the path taken
 * and records both answers and the path in the escalation; a runbook past its
 * review date says so.
 */
const SCREENSHOTS = process.env.TRAILGUIDE_SCREENSHOTS;
const CUSTOMER = 'dana.whitfield@northwind.example'; // the demo's planted story: an Acme admin changed her settings
const BUILTIN_ID = 'trailguide-essentials';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

const branchingRunbook = {
  id: 'branch-settings-changed',
  title: 'Settings changed: who did it (branching test)',
  summary: 'Finds who changed the settings and follows the answer.',
  owner: 'Support leads',
  reviewed: today(),
  reviewEvery: '90d',
  tools: ['acme-demo'],
  inputs: [{ name: 'email', label: "Customer's email", type: 'email' }],
  steps: [
    { id: 'find', title: 'Search for the settings changes', action: { type: 'fill', filters: { target: '{{email}}', action: 'kind:account-settings-changed', since: '-14d' } } },
    { id: 'capture', title: 'Capture the changes', action: { type: 'capture' } },
    {
      id: 'who',
      title: 'Who made the change?',
      branch: {
        question: 'Who is the actor in the captured rows?',
        answers: [
          { answer: 'The customer themself', if: { column: 'actor', equals: '{{email}}' }, next: 'own-account' },
          { answer: 'Nothing was captured', if: { rows: 'none' }, outcome: 'nothing-found' },
          { answer: 'One of our staff', next: 'staff-sign-ins' },
        ],
      },
    },
    { id: 'own-account', title: 'Tell the customer their own account made the change', outcome: 'own-change' },
    { id: 'staff-sign-ins', title: "Search for the customer's sign-ins", action: { type: 'fill', filters: { actor: '{{email}}', action: 'kind:sign-in-succeeded', since: '-14d' } } },
    { id: 'capture-sign-ins', title: 'Capture their sign-ins', action: { type: 'capture' } },
    {
      id: 'signed-in',
      title: 'Did the customer sign in around the change?',
      branch: {
        question: 'Did the customer sign in normally around then?',
        answers: [
          { answer: 'Yes, they signed in', if: { rows: 'some' }, outcome: 'staff-change' },
          { answer: 'No sign-ins at all', if: { rows: 'none' }, next: 'escalate' },
        ],
      },
    },
    { id: 'escalate', title: 'Escalate', action: { type: 'escalate' } },
  ],
  outcomes: [
    { id: 'own-change', when: 'The customer changed it themself', meaning: 'Tell them when and from where.' },
    { id: 'nothing-found', when: 'No change in the log', meaning: 'Widen the dates once.' },
    { id: 'staff-change', when: 'Our staff changed it while the customer used the account normally', meaning: 'Find the ticket that asked for it.' },
  ],
};

const staleRunbook = {
  id: 'branch-stale-runbook',
  title: 'An old runbook nobody checked (review test)',
  summary: 'Its review date is long past.',
  owner: 'Support leads',
  reviewed: '2020-01-01',
  reviewEvery: '90d',
  tools: ['acme-demo'],
  steps: [{ title: 'Look at the log' }],
};

const PACK = JSON.stringify({
  format: 'trailguide-pack',
  formatVersion: 1,
  id: 'branching-test-pack',
  name: 'Branching test pack',
  version: '1.0.0',
  runbooks: [branchingRunbook, staleRunbook],
});

async function importPack(page: Page, extensionId: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/options.html#packs`);
  await expect(page.locator(`[data-testid="pack-row"][data-pack-id="${BUILTIN_ID}"]`)).toBeAttached({ timeout: 30_000 });
  await page.getByTestId('pack-import-file').setInputFiles({ name: 'branching.json', mimeType: 'application/json', buffer: Buffer.from(PACK) });
  await expect(page.locator('[data-testid="pack-row"][data-pack-id="branching-test-pack"]')).toBeVisible();
}

test('a branch taken by an answer and one taken from captured rows: only the path shows, and the escalation records both', async ({ page, extensionId, demoUrl }) => {
  await importPack(page, extensionId);
  const panel = await openRunbook(page, `${demoUrl}/audit`, branchingRunbook.id);
  await expect(panel.getByTestId('review-notice')).toHaveAttribute('data-state', 'fresh');
  await expect(panel.getByTestId('review-notice')).toHaveText('Reviewed today by Support leads');

  // Before any answer the path stops at the first question: steps 1–3 of 8.
  await expect(panel.getByTestId('step')).toHaveCount(3);
  await panel.getByTestId('input-email').fill(CUSTOMER);
  const step = (index: number) => panel.locator(`[data-testid="step"][data-step-index="${index}"]`);
  await step(0).getByTestId('step-action').click();
  await expect(step(0)).toHaveAttribute('data-state', 'done');
  await step(1).getByTestId('step-action').click();
  await expect(step(1)).toHaveAttribute('data-state', 'done');
  await expect(panel.getByTestId('captured-row').first()).toBeVisible();

  // An admin made the change: no condition holds, so the agent answers.
  const who = step(2).getByTestId('branch');
  await expect(who).toHaveAttribute('data-answered', 'false');
  await expect(who).toContainText("The captured rows don't settle it");
  await who.locator('[data-testid="branch-answer"][data-answer-index="2"]').click();
  await expect(who).toHaveAttribute('data-decided-by', 'agent');
  await expect(step(2)).toHaveAttribute('data-state', 'done');
  // The customer's own-account arm never shows; the staff arm does.
  await expect(step(3)).toHaveCount(0);
  await expect(step(4)).toBeVisible();

  await step(4).getByTestId('step-action').click();
  await expect(step(4)).toHaveAttribute('data-state', 'done');
  await step(5).getByTestId('step-action').click();
  await expect(step(5)).toHaveAttribute('data-state', 'done');

  // Her sign-ins were captured: the second question is decided from those rows.
  const signedIn = step(6).getByTestId('branch');
  await expect(signedIn).toHaveAttribute('data-decided-by', 'rows');
  await expect(signedIn.getByTestId('branch-decided')).toHaveText('Decided from the captured rows: some rows were captured. If that\'s wrong, choose another answer.');
  await expect(signedIn.locator('[data-testid="branch-answer"][aria-pressed="true"]')).toHaveText('Yes, they signed in');
  await expect(panel.getByTestId('path-outcome')).toContainText('Where this led: Our staff changed it while the customer used the account normally');
  await expect(panel.getByTestId('step')).toHaveCount(6);
  await expect(step(7)).toHaveCount(0);
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/branching-panel.png`, fullPage: true });

  await panel.getByTestId('escalate').click();
  const text = panel.getByTestId('escalation-text');
  await expect(text).toHaveValue(/## Case/);
  const escalation = await text.inputValue();
  expect(escalation).toContain(
    "**Path taken:** 1. Search for the settings changes → 2. Capture the changes → 3. Who made the change? → 5. Search for the customer's sign-ins → 6. Capture their sign-ins → 7. Did the customer sign in around the change? → outcome: Our staff changed it while the customer used the account normally",
  );
  expect(escalation).toContain('**Answer at step 3:** Who is the actor in the captured rows? — One of our staff (chosen by the agent)');
  expect(escalation).toContain('**Answer at step 7:** Did the customer sign in normally around then? — Yes, they signed in (decided from the captured rows: some rows were captured)');

  // History's case detail and the case's audit report record the same path.
  const options = await page.context().newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#history`);
  const item = options.locator('[data-testid="history-item"][data-kind="case"]').filter({ hasText: branchingRunbook.title });
  await expect(item).toHaveCount(1, { timeout: 30_000 });
  await item.getByRole('button').first().click();
  const historyPath = options.getByTestId('history-path');
  await expect(historyPath.getByTestId('history-path-answer')).toHaveCount(2);
  await expect(historyPath.getByTestId('history-path-answer').first()).toContainText('Answer: One of our staff. Chosen by the agent.');
  await expect(historyPath.getByTestId('history-path-answer').nth(1)).toContainText('Decided from the captured rows: some rows were captured.');
  await expect(historyPath.getByTestId('history-path-outcome')).toHaveText('Outcome reached: Our staff changed it while the customer used the account normally');
  if (SCREENSHOTS) await historyPath.screenshot({ path: `${SCREENSHOTS}/branching-history.png` });

  const pending = options.waitForEvent('download');
  await options.locator('[data-testid="export-report"][data-scope="case"]').click();
  const file = await pending;
  const report = await options.context().newPage();
  await report.setContent(readFileSync((await file.path())!, 'utf8'));
  const reportPath = report.getByTestId('report-path');
  await expect(reportPath.getByTestId('report-path-answer')).toHaveCount(2);
  await expect(reportPath.getByTestId('report-path-answer').first()).toContainText('Step 3, “Who made the change?” asked: “Who is the actor in the captured rows?” Answer: One of our staff. Chosen by the agent.');
  await expect(reportPath.getByTestId('report-path-answer').nth(1)).toHaveAttribute('data-decided-by', 'rows');
  await expect(reportPath.getByTestId('report-path-steps')).toContainText('Step 3, “Who made the change?” → Step 5, “Search for the customer\'s sign-ins”');
  await expect(reportPath.getByTestId('report-path-outcome')).toHaveText(
    'Outcome reached: Our staff changed it while the customer used the account normally. Find the ticket that asked for it.',
  );
  if (SCREENSHOTS) await reportPath.screenshot({ path: `${SCREENSHOTS}/branching-report.png` });
});

test('a runbook past its review date says so in the panel and on the options page', async ({ page, context, extensionId, demoUrl }) => {
  await importPack(page, extensionId);
  const due = page.getByTestId('review-due');
  await expect(due.locator('[data-testid="review-due-item"][data-kind="runbook"]')).toHaveCount(1);
  await expect(due.getByTestId('review-due-item')).toContainText('An old runbook nobody checked (review test)');
  await expect(due.getByTestId('review-due-item')).toContainText('looked after by Support leads');
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/review-due-options.png`, fullPage: true });

  const demo = await context.newPage();
  const panel = await openRunbook(demo, `${demoUrl}/audit`, staleRunbook.id);
  const notice = panel.getByTestId('review-notice');
  await expect(notice).toHaveAttribute('data-state', 'due');
  await expect(notice).toContainText('Due for review — tell Support leads if something is wrong');
  await expect(notice).toContainText('it should be reviewed every 90 days');
  if (SCREENSHOTS) await demo.screenshot({ path: `${SCREENSHOTS}/review-due-panel.png` });
});

const EDITOR_SOURCE = `---
id: editor-branching-test
title: Who changed it (written in the editor)
summary: A question with two answers.
owner: Support leads
reviewed: 2020-01-01
reviewEvery: 90d
tools: [acme-demo]
steps:
  - title: Capture the rows
    action: { type: capture }
  - title: Who made the change?
    branch:
      question: Who is the actor?
      answers:
        - answer: Nobody, nothing was captured
          if: { rows: none }
          outcome: nothing
        - answer: Someone
          next: ask
  - id: ask
    title: Ask the team
outcomes:
  - id: nothing
    when: Nothing in the log
    meaning: Widen the dates.
---
Guide.
`;

test('the editor previews the branches and saves a runbook as reviewed today in one click', async ({ page, context, extensionId, demoUrl }) => {
  await page.goto(`chrome-extension://${extensionId}/options.html#editor`);
  const source = page.getByTestId('editor-source');
  await expect(source).toBeEnabled({ timeout: 30_000 });
  await source.fill(EDITOR_SOURCE);
  const answers = page.getByTestId('editor-preview-answer');
  await expect(answers).toHaveText([
    '“Nobody, nothing was captured” → ends: Nothing in the log — Trailguide picks it when no rows were captured',
    '“Someone” → step 3 (Ask the team)',
  ]);
  await expect(page.getByTestId('editor-preview').getByTestId('review-notice')).toHaveAttribute('data-state', 'due');

  // A loop is refused before anything can be saved, naming the step.
  await source.fill(EDITOR_SOURCE.replace('          next: ask', '          next: loop-back').replace('  - title: Who made the change?', '  - id: loop-back\n    title: Who made the change?'));
  await expect(page.getByTestId('editor-validation').getByRole('alert')).toContainText('Step 2 ("Who made the change?") leads back to itself');
  await expect(page.getByTestId('editor-save-reviewed')).toBeDisabled();

  await source.fill(EDITOR_SOURCE);
  await page.getByTestId('editor-save-reviewed').click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toContainText(`marked as reviewed today (${today()})`);
  await expect(source).toHaveValue(new RegExp(`^reviewed: ${today()}$`, 'm'));
  await expect(page.getByTestId('editor-preview').getByTestId('review-notice')).toHaveText('Reviewed today by Support leads');
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/editor-branches.png`, fullPage: true });

  const demo = await context.newPage();
  const panel = await openRunbook(demo, `${demoUrl}/audit`, 'editor-branching-test');
  await expect(panel.getByTestId('review-notice')).toHaveText('Reviewed today by Support leads');
});
