import { resolveFilters } from '../../utils/engine/values';
import { kindOfValue } from '../../utils/schema/kinds';
import type { StepAction } from '../../utils/schema/runbook';

const FILTER_WORDS: Record<string, string> = {
  actor: 'who did it',
  action: 'event type',
  target: 'affected user or item',
  ip: 'IP address',
  since: 'from',
  until: 'to',
  text: 'search text',
};

function shortDate(iso: string): string {
  return iso.endsWith('T00:00:00.000Z') || iso.endsWith('T23:59:59.999Z') ? iso.slice(0, 10) : iso.replace('T', ' ').slice(0, 16) + ' UTC';
}

/** One plain sentence saying what a step's action will do, with the agent's inputs filled in. */
export function describeAction(action: StepAction, inputs: Record<string, string> = {}, kindName: (id: string) => string = (id) => id): string {
  switch (action.type) {
    case 'navigate':
    case 'fill': {
      const resolved = resolveFilters(action.filters, inputs).values;
      // A kind of event reads as its name ("Failed sign-in"); the tool's own code is said beside the step (KindNotice).
      const shown = (k: string, v: string) => (k === 'since' || k === 'until' ? shortDate(v) : kindOfValue(v) !== undefined ? `“${kindName(kindOfValue(v)!)}” events` : v);
      const parts = Object.entries(resolved).map(([k, v]) => `${FILTER_WORDS[k] ?? k}: ${shown(k, v)}`);
      const verb = action.type === 'fill' ? 'Fills the log’s search' : 'Opens the log';
      const sentence = parts.length ? `${verb} with ${parts.join('; ')}.` : `${verb}.`;
      // What happens to filters set by an earlier search (see planFill's reset).
      if (action.type !== 'fill') return sentence;
      return `${sentence} ${action.reset ? 'Any other filter still set is cleared first.' : 'Filters already set stay as they are.'}`;
    }
    case 'capture':
      return `Copies up to ${action.limit.toLocaleString('en')} visible result rows into this case.`;
    case 'highlight':
      return action.message ?? 'Points out where to click on the page.';
    case 'escalate':
      return 'Builds an escalation with everything you found.';
  }
}
