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

/** One plain sentence saying what a step's action will do on the page. */
export function describeAction(action: StepAction): string {
  switch (action.type) {
    case 'navigate':
    case 'fill': {
      const parts = Object.entries(action.filters)
        .filter(([, v]) => v !== '')
        .map(([k, v]) => `${FILTER_WORDS[k] ?? k}: ${v}`);
      const verb = action.type === 'fill' ? 'Fills the log’s search' : 'Opens the log';
      return parts.length ? `${verb} with ${parts.join('; ')}.` : `${verb}.`;
    }
    case 'capture':
      return `Copies up to ${action.limit.toLocaleString('en')} visible result rows into this case.`;
    case 'highlight':
      return action.message ?? 'Points out where to click on the page.';
    case 'escalate':
      return 'Builds an escalation with everything you found.';
  }
}
