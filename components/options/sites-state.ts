import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { SiteView } from '../../utils/background/sites';
import { sitePattern } from '../../utils/sites';
import { ask, errorText } from './api';

/** The sites the person allowed (Settings → Sites), shared by that page and the packs that need one. */
export const siteList = signal<SiteView[] | null>(null);
export const siteListError = signal<string | null>(null);

export async function reloadSites(): Promise<void> {
  try {
    siteList.value = (await ask<{ sites: SiteView[] }>({ type: 'sites:list' })).sites;
    siteListError.value = null;
  } catch (error) {
    siteListError.value = errorText(error);
  }
}

export type AllowResult = { ok: true; host: string; tabsReached: number } | { ok: false; problem: string };

/**
 * Allows Trailguide on one site. Call it straight from a click or a key press:
 * browsers only show their permission prompt during one, so the request goes out
 * before anything is awaited. A "no" changes nothing.
 */
export function allowSite(origin: string, host: string): Promise<AllowResult> {
  const granted = browser.permissions.request({ origins: [sitePattern(origin)] }).catch(() => false);
  return granted
    .then(async (yes): Promise<AllowResult> => {
      if (!yes) return { ok: false, problem: `You didn't allow Trailguide on ${host}, so nothing changed.` };
      const reply = await ask<{ host: string; tabsReached: number }>({ type: 'sites:add', origin });
      return { ok: true, ...reply };
    })
    .catch((error: unknown): AllowResult => ({ ok: false, problem: errorText(error) }))
    .finally(() => void reloadSites());
}
