import { computed, signal } from '@preact/signals';
import { rankRunbooks } from '../../utils/match';
import type { Pack } from '../../utils/schema/pack';
import type { Adapter } from '../../utils/schema/adapter';
import type { GlossaryEntry } from '../../utils/schema/glossary';
import type { Runbook } from '../../utils/schema/runbook';

/** Everything the panel shows, as signals; components read, actions write. */
export const packs = signal<Pack[]>([]);
export const adapterId = signal<string | null>(null);
export const pageUrl = signal<string | null>(null);
export const tabId = signal<number | null>(null);
export const panelOpen = signal(true);
export const loadError = signal<string | null>(null);
export const loading = signal(true);
export const query = signal('');
export const openRunbookId = signal<string | null>(null);

export const runbooks = computed<Runbook[]>(() => packs.value.flatMap((p) => p.runbooks));
export const adapter = computed<Adapter | undefined>(() =>
  packs.value.flatMap((p) => p.adapters).find((a) => a.id === adapterId.value),
);
export const rankedRunbooks = computed(() => rankRunbooks(runbooks.value, adapterId.value, query.value));
export const openRunbook = computed(() => runbooks.value.find((r) => r.id === openRunbookId.value));

/** Glossary for this page: the adapter's event codes first, then pack-wide terms. */
export const glossary = computed<Map<string, GlossaryEntry>>(() => {
  const map = new Map<string, GlossaryEntry>();
  for (const pack of packs.value) {
    for (const entry of pack.glossary) {
      if (entry.tool === 'any' || entry.tool === adapterId.value) map.set(entry.term.toLowerCase(), entry);
    }
  }
  for (const entry of adapter.value?.glossary ?? []) {
    map.set(entry.term.toLowerCase(), { ...entry, tool: adapterId.value ?? 'any' });
  }
  return map;
});
