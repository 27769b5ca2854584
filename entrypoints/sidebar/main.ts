import { browser } from 'wxt/browser';

/**
 * Firefox's sidebar, before a panel was set for the tab in front (utils/background/side-panel.ts):
 * show the panel of this window's active tab — the same panel page as everywhere else.
 */
async function goToActiveTab(): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error('no active tab');
  // The same address as utils/background/side-panel.ts sidePanelPath gives a tab.
  location.replace(browser.runtime.getURL(`/panel.html#tab=${tab.id}`));
}

goToActiveTab().catch(() => {
  const status = document.getElementById('status');
  if (status) status.textContent = 'Trailguide could not tell which tab is in front. Click a tab with an audit log, then open the sidebar again.';
});
