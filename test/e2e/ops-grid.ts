import type { Frame, Page } from '@playwright/test';
import { pointAt } from './fixtures';

/**
 * Teaching the "Ops grid" fixture console (test/fixtures/consoles/grid) as a person would, the
 * builder already open: its search box, then the third row and that row's time, user and event.
 * Shared by builder-survive.spec.ts and builder-recheck.spec.ts.
 */
export async function teachOpsGrid(panel: Frame, page: Page): Promise<void> {
  await pointAt(panel, page, 'search', page.getByPlaceholder('Search activity'));
  const third = page.locator('tr.el-table__row').nth(2);
  await pointAt(panel, page, 'row', third.locator('td[field="target"] span'));
  await pointAt(panel, page, 'col-time', third.locator('time'));
  await pointAt(panel, page, 'col-actor', third.locator('td[field="user"] span'));
  await pointAt(panel, page, 'col-action', third.locator('td[field="event"] span'));
}
