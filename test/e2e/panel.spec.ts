import { detectorChecked, expect, panelFrame, panelFrames, test } from './fixtures';

const SEED_RUNBOOKS = ['settings-changed-without-permission', 'compliance-access-history'];

/** Absence is only checked once the detector says it has looked at the page (or is not on it). */

test('the panel appears on the demo audit log with the seed runbooks', async ({ page, demoUrl }) => {
  await page.goto(`${demoUrl}/audit`);
  const panel = await panelFrame(page);
  for (const id of SEED_RUNBOOKS) {
    await expect(panel.locator(`[data-testid="runbook-item"][data-runbook-id="${id}"]`)).toBeVisible();
  }
  await expect(panel.getByTestId('panel-tool')).toHaveText(/Acme Admin/);
});

test('opening a runbook shows its guide, steps, roles and escalation', async ({ page, demoUrl }) => {
  await page.goto(`${demoUrl}/audit`);
  const panel = await panelFrame(page);
  await panel.locator('[data-runbook-id="settings-changed-without-permission"]').click();
  await expect(panel.getByTestId('runbook-title')).toHaveText(/account settings were changed/);
  // Its third step asks who made the change: the path shows the steps up to that question (issue 18).
  await expect(panel.getByTestId('step')).toHaveCount(3);
  await expect(panel.getByText('How to read this log')).toBeVisible();
  await expect(panel.getByText('Who can see what')).toBeVisible();
  await expect(panel.getByText('When to escalate')).toBeVisible();
  await expect(panel.getByTestId('glossary-term').first()).toBeVisible();
  const first = panel.getByTestId('step').first();
  await expect(first).toHaveAttribute('data-state', 'todo');
  await first.getByRole('checkbox').check();
  await expect(first).toHaveAttribute('data-state', 'done');
});

test('searching the runbook list narrows it and explains an empty result', async ({ page, demoUrl }) => {
  await page.goto(`${demoUrl}/audit`);
  const panel = await panelFrame(page);
  const all = await panel.getByTestId('runbook-item').count();
  await panel.getByTestId('runbook-search').fill('compliance audit');
  await expect.poll(() => panel.getByTestId('runbook-item').count()).toBeLessThan(all);
  await expect(panel.getByTestId('runbook-item').first()).toHaveAttribute('data-runbook-id', 'compliance-access-history');
  await panel.getByTestId('runbook-search').fill('zebra crossing');
  await expect(panel.getByTestId('runbook-item')).toHaveCount(0);
  await expect(panel.getByRole('status')).toContainText('No runbook mentions');
});

test('no panel on the demo Users page, an unrelated site or a look-alike audit page', async ({ page, demoUrl, unrelatedUrl, extensionId }) => {
  for (const url of [`${demoUrl}/users`, `${unrelatedUrl}/`, `${unrelatedUrl}/audit`]) {
    await page.goto(url);
    // Users and the unrelated site: the detector is not even listed there. The look-alike's
    // address fits an adapter: the detector runs and waits for a fingerprint that never comes.
    await detectorChecked(page, extensionId, url.endsWith('/audit') ? ['waiting', 'gave-up'] : ['absent', 'not-an-audit-log']);
    // Where an adapter's address fits (the look-alike), the panel's frame may start early,
    // hidden; it is never shown there and is taken away after a few seconds.
    for (const frame of panelFrames(page)) expect(await (await frame.frameElement()).isVisible(), `hidden on ${url}`).toBe(false);
    await expect.poll(() => panelFrames(page).length, { message: `no panel on ${url}`, timeout: 10_000 }).toBe(0);
    await expect(page.locator('trailguide-panel')).toHaveCount(0);
  }
  // Control: the same browser does show it on the real audit log.
  await page.goto(`${demoUrl}/audit`);
  await panelFrame(page);
});

test('in-app navigation Users → Audit log → Users → Audit log keeps exactly one panel', async ({ page, demoUrl, extensionId }) => {
  await page.goto(`${demoUrl}/users`);
  await detectorChecked(page, extensionId, ['absent', 'not-an-audit-log']);
  expect(panelFrames(page)).toHaveLength(0);
  const nav = page.getByRole('navigation');
  await nav.getByRole('link', { name: 'Audit log' }).click();
  await expect(page).toHaveURL(/\/audit/);
  await panelFrame(page);
  await nav.getByRole('link', { name: 'Users' }).click();
  await expect.poll(() => panelFrames(page).length).toBe(0);
  await nav.getByRole('link', { name: 'Audit log' }).click();
  await panelFrame(page);
  // The detector has shown the panel for this address: whatever it does, it has done.
  await detectorChecked(page, extensionId, ['shown']);
  expect(panelFrames(page)).toHaveLength(1);
  await expect(page.locator('trailguide-panel')).toHaveCount(1);
});

test('the panel can be hidden and shown again, and remembers it for the site', async ({ page, demoUrl }) => {
  await page.goto(`${demoUrl}/audit`);
  let panel = await panelFrame(page);
  const frameWidth = async () => (await (await panelFrames(page)[0]!.frameElement()).boundingBox())?.width ?? 0;
  await expect.poll(frameWidth).toBeGreaterThan(300);
  await panel.getByTestId('panel-toggle').click();
  await expect.poll(frameWidth).toBeLessThan(60);
  await expect(panel.getByTestId('runbook-item')).toHaveCount(0);

  await page.reload();
  panel = await panelFrame(page);
  await expect(panel.getByTestId('panel-toggle')).toHaveAttribute('aria-expanded', 'false');
  await expect.poll(frameWidth).toBeLessThan(60);

  await panel.getByTestId('panel-toggle').click();
  await expect.poll(frameWidth).toBeGreaterThan(300);
  await expect(panel.getByTestId('runbook-item').first()).toBeVisible();
});

test("the page's own scripts cannot read the panel", async ({ page, demoUrl }) => {
  await page.goto(`${demoUrl}/audit`);
  const panel = await panelFrame(page);
  const title = await panel.locator('[data-runbook-id="compliance-access-history"] .runbook-item-title').innerText();
  const seen = await page.evaluate(() => {
    const texts: string[] = [document.documentElement.innerText, document.documentElement.outerHTML];
    const walk = (root: ParentNode) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) {
          texts.push(el.shadowRoot.innerHTML);
          walk(el.shadowRoot);
        }
      }
    };
    walk(document);
    const host = document.querySelector('trailguide-panel');
    let frameReadable = false;
    for (let i = 0; i < window.frames.length; i++) {
      try {
        texts.push(window.frames[i]!.document.body.innerText);
        frameReadable = true;
      } catch {
        /* cross-origin: expected */
      }
    }
    return { text: texts.join('\n'), hostFound: !!host, shadowOpen: !!host?.shadowRoot, frameReadable };
  });
  expect(seen.hostFound).toBe(true);
  expect(seen.shadowOpen).toBe(false);
  expect(seen.frameReadable).toBe(false);
  expect(seen.text).not.toContain(title);
  expect(seen.text).not.toContain('chrome-extension://');
});
