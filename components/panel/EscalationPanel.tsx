import { useMemo } from 'preact/hooks';
import { EscalationBuilder } from '../escalation/EscalationBuilder';
import type { Runbook } from '../../utils/schema/runbook';
import { caseRecord, captures, escalating } from './session';
import { adapter, packs } from './state';
import { kindsOfPacks } from '../../utils/kinds/packs';

/** The escalation builder for the open case, fed from what the panel already holds. */
export function EscalationPanel({ runbook }: { runbook: Runbook }) {
  const record = caseRecord.value;
  const kinds = useMemo(() => kindsOfPacks(packs.value), [packs.value]);
  if (!record) return null;
  const pack = packs.value.find((p) => p.runbooks.some((r) => r.id === runbook.id));
  const templates = pack?.escalationTemplates.length ? pack.escalationTemplates : packs.value.flatMap((p) => p.escalationTemplates);
  return (
    <EscalationBuilder
      caseRecord={record}
      captures={captures.value}
      runbook={runbook}
      templates={templates}
      adapterName={adapter.value?.name ?? record.tool}
      kinds={kinds}
      onClose={() => (escalating.value = false)}
      onSaved={(escalation) => {
        if (escalation.status !== 'draft' && caseRecord.value) caseRecord.value = { ...caseRecord.value, status: 'escalated' };
      }}
    />
  );
}
