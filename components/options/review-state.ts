import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { readAdapterHealth, type AdapterHealth } from '../../utils/review/failures';
import { ADAPTER_HEALTH_KEY } from '../../utils/storage-keys';

/** How each adapter's parts worked on their last tries (counted on this computer by the panel). */
export const adapterHealth = signal<AdapterHealth>({});

let watching = false;
export function watchAdapterHealth(): void {
  if (watching) return;
  watching = true;
  const load = () => void readAdapterHealth().then((health) => (adapterHealth.value = health), () => undefined);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && ADAPTER_HEALTH_KEY in changes) load();
  });
  load();
}
