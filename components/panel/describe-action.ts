import { boxZone, dateForPerson, isDateBox } from '../../utils/engine/box-zone';
import { resolveFilters } from '../../utils/engine/values';
import type { Adapter } from '../../utils/schema/adapter';
import { kindOfValue } from '../../utils/kinds/kind-prefix';
import type { StepAction } from '../../utils/schema/runbook';

/** The step sentence's word for a filter the adapter gives no `label` (or with no adapter: the editor's preview). */
const FILTER_WORDS: Record<string, string> = {
  actor: 'who did it',
  action: 'event type',
  target: 'affected user or item',
  ip: 'IP address',
  since: 'since',
  until: 'until',
  text: 'search text',
};

/** A field's own name in the step sentence: the adapter's `label` ("Days up to"), or undefined. */
export type FieldName = (field: string) => string | undefined;

/** The adapter's labels for its fields, for the step sentence. */
export function fieldNamesOf(adapter: Pick<Adapter, 'fields'> | null | undefined): FieldName {
  return (field) => adapter?.fields[field]?.label?.trim() || undefined;
}

/** A readable name for a field key no word or label covers: "muiSince" → "mui since", "event_type" → "event type". */
function readableKey(key: string): string {
  const words = key
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/[_\-.]+/g, ' ')
    .trim()
    .toLowerCase();
  return words || key;
}

function shortDate(iso: string): string {
  return iso.endsWith('T00:00:00.000Z') || iso.endsWith('T23:59:59.999Z') ? iso.slice(0, 10) : iso.replace('T', ' ').slice(0, 16) + ' UTC';
}

/** How a date filter is shown in the step's sentence: in the clock of the box it is typed into, or undefined (UTC). */
export type DateInBox = (field: string, value: string, typed: boolean) => string | undefined;

/**
 * Dates typed into this console's date boxes, shown as the per-field lines show them: in the
 * box's own clock (a picker or datetime-local box takes your computer's time unless the adapter
 * says UTC). Filters that go only into the address stay in UTC.
 */
export function datesInBoxesOf(adapter: Pick<Adapter, 'fields'> | null | undefined): DateInBox {
  return (field, value, typed) => {
    const spec = adapter?.fields[field];
    const dom = spec?.dom;
    if (!dom || !isDateBox(dom) || (!typed && spec.url)) return undefined;
    return dateForPerson(value, boxZone(dom), dom.format === 'date' || dom.kind === 'date');
  };
}

/** One plain sentence saying what a step's action will do, with the agent's inputs filled in. */
export function describeAction(
  action: StepAction,
  inputs: Record<string, string> = {},
  kindName: (id: string) => string = (id) => id,
  dateInBox: DateInBox = () => undefined,
  fieldName: FieldName = () => undefined,
): string {
  switch (action.type) {
    case 'navigate':
    case 'fill': {
      const resolved = resolveFilters(action.filters, inputs).values;
      // A kind of event reads as its name ("Failed sign-in"); the tool's own code is said beside the step (KindNotice).
      const date = (k: string, v: string) => dateInBox(k, v, action.type === 'fill') ?? shortDate(v);
      // Other filters typed into a date box (a picker the adapter names otherwise) read the same way.
      const shown = (k: string, v: string) =>
        k === 'since' || k === 'until' ? date(k, v) : (dateInBox(k, v, action.type === 'fill') ?? (kindOfValue(v) !== undefined ? `“${kindName(kindOfValue(v)!)}” events` : v));
      // The adapter's label for the field ("Days up to"), else a plain word — never the raw key.
      const name = (k: string) => fieldName(k) ?? FILTER_WORDS[k] ?? readableKey(k);
      const parts = Object.entries(resolved).map(([k, v]) => `${name(k)}: ${shown(k, v)}`);
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
