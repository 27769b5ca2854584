import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { PACKS_CHANGED, type PacksListReply } from '../../utils/packs/messages';
import { ask, errorText } from './api';

/** The installed packs as the background reports them, shared by every tab of the options page. */
export const packList = signal<PacksListReply | null>(null);
export const packListError = signal<string | null>(null);

export async function reloadPacks(): Promise<void> {
  try {
    packList.value = await ask<PacksListReply>({ type: 'packs:list' });
    packListError.value = null;
  } catch (error) {
    packListError.value = errorText(error);
  }
}

let listening = false;
/** Keeps the list fresh when anything changes packs (another tab, a daily update, IT policy). */
export function watchPacks(): void {
  if (listening) return;
  listening = true;
  browser.runtime.onMessage.addListener((raw: unknown, sender: { id?: string }) => {
    if (sender.id === browser.runtime.id && (raw as { type?: unknown } | null)?.type === PACKS_CHANGED) void reloadPacks();
  });
  void reloadPacks();
}
