import type { AppliedSearch, StepState } from '../db/records';
import { instantText } from '../instant-text';
import type { RunningStep } from './store';

/**
 * A search step was running when the page went away — a server-rendered form whose
 * submit reloads the page, or a link the step opened. The panel on the new page never
 * got the step's own report, so it must not say "Done" from memory: it reads back what
 * the console applies now (its address, its boxes) and says, filter by filter, what it
 * could and couldn't check.
 */
export interface ReloadVerdict {
  state: StepState;
  message: {
    kind: 'ok' | 'error' | 'info';
    text: string;
    details: string[];
    fields: { field: string; label: string; status: 'kept' | 'not-kept' | 'unchecked'; text: string }[];
  };
}

export function verdictAfterReload(
  running: Pick<RunningStep, 'type'>,
  applied: AppliedSearch | null,
  labelOf: (field: string) => string,
  /** Lines about what the step left out before it ran (kinds this tool can't search). */
  problems: readonly string[] = [],
): ReloadVerdict {
  const how = running.type === 'navigate' ? 'The log was opened with a new address' : 'The page reloaded when the search ran';
  if (!applied) {
    return {
      state: 'failed',
      message: {
        kind: 'error',
        text: `${how}, and Trailguide couldn't read back what the console applies now — check the filters on the page, then tick this step yourself.`,
        details: [...problems],
        fields: [],
      },
    };
  }
  const asked = applied.filters.filter((f) => f.intended !== '');
  const leftOver = applied.filters.filter((f) => f.intended === '' && f.status === 'applied');
  const fields = asked.map((raw) => {
    // Times read as the agent's clock shows them, not as ISO strings.
    const f = { ...raw, intended: instantText(raw.intended), shown: raw.shown === null ? null : instantText(raw.shown) };
    const label = labelOf(f.name);
    if (f.status === 'applied') return { field: f.name, label, status: 'kept' as const, text: `${label}: applied by the console (${f.shown ?? f.intended})` };
    if (f.status === 'not-applied') {
      const shows = f.shown ? `the console shows ${f.shown}` : 'the console shows none';
      return { field: f.name, label, status: 'not-kept' as const, text: `${label}: not applied — ${shows}; set it yourself: ${f.intended}` };
    }
    return { field: f.name, label, status: 'unchecked' as const, text: `${label}: couldn't check — ${f.reason ?? 'nothing on the page shows it'}; make sure it shows: ${f.intended}` };
  });
  const details = [
    ...problems,
    ...leftOver.map((f) => `The console also filters on ${labelOf(f.name)} (${f.shown ?? ''}), which this step didn't ask for — clear it yourself if it shouldn't apply.`),
  ];
  const allApplied = asked.length > 0 && fields.every((f) => f.status === 'kept');
  if (allApplied && leftOver.length === 0 && problems.length === 0) {
    return { state: 'done', message: { kind: 'ok', text: `Done — ${lowerFirst(how)}, and the console now applies every filter this step asked for.`, details, fields } };
  }
  const anyApplied = fields.some((f) => f.status === 'kept');
  return {
    state: 'failed',
    message: {
      kind: 'error',
      text: asked.length === 0 ? `${how}; this step had no filters to check.` : anyApplied ? `Partly done — ${lowerFirst(how)}; check each filter below:` : `Not done — ${lowerFirst(how)}, but the console doesn't show these filters:`,
      details,
      fields,
    },
  };
}

/** A capture was under way when the page went away, and nothing of it was kept in the session. */
export function captureInterrupted(): ReloadVerdict {
  return {
    state: 'failed',
    message: {
      kind: 'error',
      text: 'The page reloaded while Trailguide was capturing, so no rows from that run were kept. Run the capture again.',
      details: [],
      fields: [],
    },
  };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
