import { chromium, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { build } from 'vite';
import { expectedStates, FIELD_WIDGET, FILTERS, LAB_PACK, wallTimeIn } from '../widgets/lab-pack';
import { CHROME_PATH, chromiumArgs, expect, panelFrame, pointAt, showPanelLikeTheToolbar, test as base } from './fixtures';

/**
 * Issue 13: a page of real third-party widgets (test/widgets/), each printing its framework's
 * own state. The runbook's fill step, clicked in the panel as a person would, must leave every
 * widget holding the intended value, and the panel's per-field status must say so — in UTC
 * and in a browser whose clock is elsewhere.
 */
const LAB_ROOT = resolve(import.meta.dirname, '../widgets');
const DIST = join(LAB_ROOT, 'dist');
const SCREENSHOTS = process.env.TRAILGUIDE_SCREENSHOTS;
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2' };

const test = base.extend<{ timeZone: string }, { labUrl: string }>({
  timeZone: ['UTC', { option: true }],
  labUrl: [
    async ({}, use) => {
      // Built once per worker into test/widgets/dist (gitignored); the lab is never part of the extension.
      await build({ configFile: join(LAB_ROOT, 'vite.config.ts'), logLevel: 'error' });
      const server: Server = createServer((req, res) => {
        const path = new URL(req.url ?? '/', 'http://lab').pathname.replace(/^\/lab\//, '/');
        const file = normalize(join(DIST, path.endsWith('/') ? `${path}index.html` : path));
        if (!file.startsWith(DIST) || !existsSync(file)) {
          res.statusCode = 404;
          res.end();
          return;
        }
        res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
        res.end(readFileSync(file));
      });
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      await use(`http://127.0.0.1:${port}/lab/`);
      await new Promise<void>((done) => server.close(() => done()));
    },
    { scope: 'worker' },
  ],
  // The browser's own clock: the pickers hold local wall time, so the zone changes what they must hold.
  context: async ({ timeZone }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'trailguide-widgets-'));
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: CHROME_PATH,
      headless: true,
      args: chromiumArgs(),
      viewport: { width: 1280, height: 900 },
      timezoneId: timeZone,
    });
    await use(context);
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  },
});

async function widgetStates(page: Page): Promise<Record<string, unknown>> {
  const pairs = await page.locator('output[data-state]').evaluateAll((outputs) => outputs.map((o) => [(o as HTMLElement).dataset.state, o.textContent]));
  return Object.fromEntries(pairs.map(([id, text]) => [id, JSON.parse(text ?? 'null')]));
}

for (const timeZone of ['UTC', 'America/New_York']) {
  test.describe(`in ${timeZone}`, () => {
    test.use({ timeZone });

    test('one fill step, clicked in the panel, sets every widget in the lab and reports each field truthfully', async ({ context, page, extensionId, labUrl }) => {
      test.setTimeout(120_000);
      const options = await context.newPage();
      await options.goto(`chrome-extension://${extensionId}/options.html#packs`);
      await options.getByTestId('pack-import-paste').fill(JSON.stringify(LAB_PACK));
      await options.getByTestId('pack-import-paste-submit').click();
      await expect(options.locator('[data-testid="pack-row"][data-pack-id="widget-lab-pack"]')).toBeVisible();
      await options.close();

      await page.goto(labUrl);
      await expect(page.locator('output[data-state="codemirror"]')).toBeAttached();
      // Nothing is set before the step runs.
      const before = await widgetStates(page);
      expect(before['antd-range']).toBeNull();
      expect(before['rs-multi']).toEqual([]);

      const panel = await panelFrame(page);
      await panel.locator('[data-runbook-id="fill-the-lab"]').click();
      const step = panel.getByTestId('step').nth(0);
      await step.getByTestId('step-action').click();
      await expect(step).toHaveAttribute('data-state', /done|failed/, { timeout: 60_000 });

      const want = expectedStates(timeZone);
      const states = await widgetStates(page);
      // Every widget holds what the runbook asked for, by its own framework state.
      expect(states).toEqual(want);

      // The panel's status per field agrees with each widget's state: 0 misreports.
      const lines = step.getByTestId('fill-field');
      await expect(lines).toHaveCount(Object.keys(FIELD_WIDGET).length);
      for (const field of Object.keys(FIELD_WIDGET)) {
        await expect(step.locator(`[data-testid="fill-field"][data-field="${field}"]`)).toHaveAttribute('data-status', 'kept');
      }
      await expect(step).toHaveAttribute('data-state', 'done');
      if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/widgets-${timeZone.replace('/', '-')}.png`, fullPage: true });
    });

    test('MUI X v7, Vuetify and Monaco take a second value over the first: each holds the new one, and says so', async ({ context, page, extensionId, labUrl }) => {
      // Overwriting is where a stale value hides: Monaco must replace its text, not add to it; a picker must hold the new time.
      test.setTimeout(120_000);
      const second = { muiUntil: '2026-12-03T08:05:00.000Z', vuetifyOn: '2026-12-09T15:00:00.000Z', vuetifyPerson: 'Omar Haddad', monacoQuery: 'actor:omar' };
      const first = Object.fromEntries(Object.keys(second).map((field) => [field, FILTERS[field]!]));
      const pack = {
        ...LAB_PACK,
        id: 'widget-lab-second-values',
        runbooks: [
          {
            ...LAB_PACK.runbooks[0]!,
            id: 'first-then-second',
            title: 'First values, then second values',
            steps: [
              { title: 'First values', action: { type: 'fill', filters: first } },
              { title: 'Second values', action: { type: 'fill', filters: second } },
            ],
          },
        ],
      };
      const options = await context.newPage();
      await options.goto(`chrome-extension://${extensionId}/options.html#packs`);
      await options.getByTestId('pack-import-paste').fill(JSON.stringify(pack));
      await options.getByTestId('pack-import-paste-submit').click();
      await expect(options.locator('[data-testid="pack-row"][data-pack-id="widget-lab-second-values"]')).toBeVisible();
      await options.close();

      await page.goto(labUrl);
      await expect(page.locator('output[data-state="monaco"]')).toBeAttached();
      const panel = await panelFrame(page);
      await panel.locator('[data-runbook-id="first-then-second"]').click();
      const want = expectedStates(timeZone);
      for (const [index, values] of [first, second].entries()) {
        const step = panel.getByTestId('step').nth(index);
        await step.getByTestId('step-action').click();
        await expect(step).toHaveAttribute('data-state', /done|failed/, { timeout: 60_000 });
        const states = await widgetStates(page);
        expect({ mui7: states['mui7-datetime'], day: states['vuetify-date'], person: states['vuetify-autocomplete'], query: states.monaco }).toEqual(
          index === 0
            ? { mui7: want['mui7-datetime'], day: want['vuetify-date'], person: 'dana', query: want.monaco }
            : { mui7: wallTimeIn(second.muiUntil, timeZone), day: wallTimeIn(second.vuetifyOn, timeZone).slice(0, 10), person: 'omar', query: 'actor:omar' },
        );
        for (const field of Object.keys(values)) {
          await expect(step.locator(`[data-testid="fill-field"][data-field="${field}"]`)).toHaveAttribute('data-status', 'kept');
        }
        await expect(step).toHaveAttribute('data-state', 'done');
      }
    });
  });
}

test('a range confirmed the wrong way is reported not kept, matching the picker that holds nothing', async ({ context, page, extensionId, labUrl }) => {
  // The antd RangePicker failure: leaving each end without Enter throws the range away.
  const adapter = structuredClone(LAB_PACK.adapters[0]) as unknown as { fields: Record<string, { dom: Record<string, unknown> }> };
  adapter.fields.since!.dom.confirm = 'blur';
  adapter.fields.until!.dom.confirm = 'blur';
  const pack = {
    ...LAB_PACK,
    id: 'widget-lab-blur',
    adapters: [adapter],
    runbooks: [{ ...LAB_PACK.runbooks[0]!, id: 'range-by-blur', title: 'Range left by blur', steps: [{ title: 'Set the range', action: { type: 'fill', filters: { since: '2026-11-02T09:15:00.000Z', until: '2026-11-29T18:45:00.000Z', person: 'Li Chen' } } }] }],
  };
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#packs`);
  await options.getByTestId('pack-import-paste').fill(JSON.stringify(pack));
  await options.getByTestId('pack-import-paste-submit').click();
  await expect(options.locator('[data-testid="pack-row"][data-pack-id="widget-lab-blur"]')).toBeVisible();
  await options.close();

  await page.goto(labUrl);
  const panel = await panelFrame(page);
  await panel.locator('[data-runbook-id="range-by-blur"]').click();
  const step = panel.getByTestId('step').nth(0);
  await step.getByTestId('step-action').click();
  await expect(step).toHaveAttribute('data-state', 'failed', { timeout: 60_000 });
  const states = await widgetStates(page);
  expect(states['antd-range']).toBeNull();
  expect(states['rs-single']).toBe('li');
  for (const field of ['since', 'until']) {
    await expect(step.locator(`[data-testid="fill-field"][data-field="${field}"]`)).toHaveAttribute('data-status', 'not-kept');
  }
  await expect(step.locator('[data-testid="fill-field"][data-field="person"]')).toHaveAttribute('data-status', 'kept');
  await expect(step).not.toContainText('Done —');
});

test('a fresh search lets go of a Downshift choice and empties Monaco, each by the widget’s own state, and the panel says only what it checked', async ({ context, page, extensionId, labUrl }) => {
  // Emptying Downshift's text leaves its selected item in place: "cleared" must mean Downshift holds nothing.
  // Monaco takes no value setter: "cleared" must mean its own model (getValue) is empty.
  const pack = {
    ...LAB_PACK,
    id: 'widget-lab-reset',
    runbooks: [
      {
        ...LAB_PACK.runbooks[0]!,
        id: 'team-then-person',
        title: 'Team, then a fresh search on a person',
        steps: [
          { title: 'Set the team', action: { type: 'fill', filters: { team: 'Platform', monacoQuery: 'actor:dana' } } },
          { title: 'Search for a person', action: { type: 'fill', reset: true, filters: { person: 'Li Chen' } } },
        ],
      },
    ],
  };
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#packs`);
  await options.getByTestId('pack-import-paste').fill(JSON.stringify(pack));
  await options.getByTestId('pack-import-paste-submit').click();
  await expect(options.locator('[data-testid="pack-row"][data-pack-id="widget-lab-reset"]')).toBeVisible();
  await options.close();

  await page.goto(labUrl);
  await expect(page.locator('output[data-state="codemirror"]')).toBeAttached();
  const panel = await panelFrame(page);
  await panel.locator('[data-runbook-id="team-then-person"]').click();
  const first = panel.getByTestId('step').nth(0);
  await first.getByTestId('step-action').click();
  await expect(first).toHaveAttribute('data-state', /done|failed/, { timeout: 60_000 });
  // The step's own words name any filter it couldn't set or clear.
  expect(await first.getAttribute('data-state'), await first.innerText()).toBe('done');
  expect((await widgetStates(page)).downshift).toBe('platform');
  expect((await widgetStates(page)).monaco).toBe('actor:dana');
  // The lab has no search button (submit: none): the step says what was checked, not that the log shows events.
  await expect(first).toContainText('The boxes hold your values');
  await expect(first).not.toContainText('the log shows the matching events');

  const second = panel.getByTestId('step').nth(1);
  await second.getByTestId('step-action').click();
  await expect(second).toHaveAttribute('data-state', /done|failed/, { timeout: 60_000 });
  expect(await second.getAttribute('data-state'), await second.innerText()).toBe('done');
  const states = await widgetStates(page);
  expect(states.downshift).toBeNull();
  expect(states.monaco).toBe('');
  expect(states['rs-single']).toBe('li');
  await expect(second).toContainText('Cleared Team (it held Platform from an earlier search).');
  await expect(second).toContainText('Cleared Query (Monaco) (it held actor:dana from an earlier search).');
  await expect(second).toHaveAttribute('data-state', 'done');
  if (SCREENSHOTS) await second.screenshot({ path: `${SCREENSHOTS}/widgets-downshift-reset.png` });
});


test('teaching the lab page: pointing at part of a widget picks the widget its strategy knows, without asking', async ({ page, serviceWorker, labUrl }) => {
  test.setTimeout(120_000);
  await page.goto(labUrl);
  await expect(page.locator('output[data-state="codemirror"]')).toBeAttached();
  const panel = await test.step('open the panel and the builder', async () => {
    await showPanelLikeTheToolbar(serviceWorker);
    const frame = await panelFrame(page);
    await frame.getByTestId('teach-page').click();
    return frame;
  });

  // One section (the hours) of MUI's sectioned picker: the whole field, typed in MUI's own pattern.
  const since = await pointAt(panel, page, 'since', page.locator('#mui-datetime [role="spinbutton"]').nth(3));
  await expect(since).toHaveAttribute('data-widget', 'mui-picker');
  await expect(since).toContainText('an MUI date picker, filled as MM/DD/YYYY hh:mm A');
  // The whole field, not the one section clicked.
  await expect(since).not.toContainText('“Hours”');
  // Inside react-select's control (the box around its input), and antd Select's placeholder: each list's own input.
  const actor = await pointAt(panel, page, 'actor', page.locator('#rs-single div[data-value]'));
  await expect(actor).toHaveAttribute('data-widget', 'react-select');
  const action = await pointAt(panel, page, 'action', page.locator('#antd-select').getByText('Choose a person'), { force: true });
  await expect(action).toHaveAttribute('data-widget', 'antd-select');
  // A plain box is not a widget.
  const search = await pointAt(panel, page, 'search', page.locator('#native-datetime input'));
  await expect(search).not.toHaveAttribute('data-widget', /.+/);
  if (SCREENSHOTS) await panel.locator('body').screenshot({ path: `${SCREENSHOTS}/widgets-builder.png` });
});

test('teaching the lab page: MUI X v7’s box, a Vuetify list and a Monaco editor are recognised without asking', async ({ page, serviceWorker, labUrl }) => {
  test.setTimeout(120_000);
  await page.goto(labUrl);
  await expect(page.locator('output[data-state="monaco"]')).toBeAttached();
  await expect(page.locator('#monaco .view-lines')).toBeAttached();
  const panel = await test.step('open the panel and the builder', async () => {
    await showPanelLikeTheToolbar(serviceWorker);
    const frame = await panelFrame(page);
    await frame.getByTestId('teach-page').click();
    return frame;
  });
  // MUI X v7's calendar button: its one box, typed in the pattern it shows.
  const until = await pointAt(panel, page, 'until', page.locator('#mui7-datetime button'));
  await expect(until).toHaveAttribute('data-widget', 'mui-picker-v7');
  await expect(until).toContainText('MM/DD/YYYY hh:mm A');
  // Vuetify's field around its input.
  const actor = await pointAt(panel, page, 'actor', page.locator('#vuetify-autocomplete .v-field'));
  await expect(actor).toHaveAttribute('data-widget', 'vuetify-autocomplete');
  // Monaco's drawn text: the editor.
  const search = await pointAt(panel, page, 'search', page.locator('#monaco .view-lines'));
  await expect(search).toHaveAttribute('data-widget', 'monaco');
  if (SCREENSHOTS) await panel.locator('body').screenshot({ path: `${SCREENSHOTS}/widgets-builder-later.png` });
});

test('an MUI freeSolo single box takes the text, but its box reads the same taken or not: reported could not check, never Done', async ({ context, page, extensionId, labUrl }) => {
  const adapter = structuredClone(LAB_PACK.adapters[0]) as unknown as { fields: Record<string, unknown> };
  adapter.fields.keyword = { label: 'Keyword', dom: { selectors: ['#mui-ac-free-single input'], kind: 'combobox' } };
  const pack = {
    ...LAB_PACK,
    id: 'widget-lab-free-single',
    adapters: [adapter],
    runbooks: [{ ...LAB_PACK.runbooks[0]!, id: 'keyword-and-person', title: 'Keyword and person', steps: [{ title: 'Set the keyword', action: { type: 'fill', filters: { keyword: 'legal hold', person: 'Li Chen' } } }] }],
  };
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#packs`);
  await options.getByTestId('pack-import-paste').fill(JSON.stringify(pack));
  await options.getByTestId('pack-import-paste-submit').click();
  await expect(options.locator('[data-testid="pack-row"][data-pack-id="widget-lab-free-single"]')).toBeVisible();
  await options.close();

  await page.goto(labUrl);
  await expect(page.locator('output[data-state="monaco"]')).toBeAttached();
  const panel = await panelFrame(page);
  await panel.locator('[data-runbook-id="keyword-and-person"]').click();
  const step = panel.getByTestId('step').nth(0);
  await step.getByTestId('step-action').click();
  await expect(step).toHaveAttribute('data-state', /done|failed/, { timeout: 60_000 });
  const states = await widgetStates(page);
  // MUI took the text (its own value)…
  expect(states['mui-ac-free-single']).toBe('legal hold');
  expect(states['rs-single']).toBe('li');
  // …but nothing on the page tells that apart from text it didn't take: not checked, not kept, and no "Done".
  await expect(step.locator('[data-testid="fill-field"][data-field="keyword"]')).toHaveAttribute('data-status', 'unchecked');
  await expect(step.locator('[data-testid="fill-field"][data-field="person"]')).toHaveAttribute('data-status', 'kept');
  await expect(step).toHaveAttribute('data-state', 'failed');
  await expect(step).not.toContainText('Done —');
  await expect(step).toContainText("couldn't check it");
  if (SCREENSHOTS) await step.screenshot({ path: `${SCREENSHOTS}/widgets-freesolo-single.png` });
});
