import type { Runbook } from '../../utils/schema/runbook';
import { escalating } from './session';

/** Mounts the escalation builder for the open case (wired to components/escalation). */
export function EscalationPanel({ runbook }: { runbook: Runbook }) {
  return (
    <section class="card" aria-label="Escalation">
      <p>Escalation for “{runbook.title}”.</p>
      <button class="link-button" onClick={() => (escalating.value = false)}>Close</button>
    </section>
  );
}
