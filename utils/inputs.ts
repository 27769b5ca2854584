import { resolveDate } from './engine/values';
import type { RunbookInput } from './schema/runbook';

/**
 * Runbook inputs as the panel's form holds them: one string per input. A date
 * range is written "from..to" (dates or relative expressions like -14d..now), the
 * same way runbooks write defaults and placeholders read it ({{range.from}}).
 */
export type InputValues = Record<string, string>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

export function splitRange(value: string): { from: string; to: string } {
  const at = value.indexOf('..');
  return at < 0 ? { from: value, to: '' } : { from: value.slice(0, at), to: value.slice(at + 2) };
}

export function joinRange(from: string, to: string): string {
  return from || to ? `${from}..${to}` : '';
}

/** A default like "-14d..now" becomes concrete dates the date pickers can show. */
export function concreteDefault(input: RunbookInput, now: Date): string {
  const value = input.default ?? '';
  if (!value) return '';
  const toDay = (expression: string, edge: 'start' | 'end') => resolveDate(expression, now, edge)?.slice(0, 10) ?? '';
  if (input.type === 'dateRange') {
    const { from, to } = splitRange(value);
    return joinRange(toDay(from, 'start'), toDay(to, 'end'));
  }
  if (input.type === 'date') return toDay(value, 'start');
  return value;
}

export function initialValues(inputs: readonly RunbookInput[], now = new Date()): InputValues {
  return Object.fromEntries(inputs.map((input) => [input.name, concreteDefault(input, now)]));
}

/** A plain sentence for the first problem with one input, or null when it is fine. */
export function validateInput(input: RunbookInput, raw: string | undefined): string | null {
  const value = (raw ?? '').trim();
  if (!value || (input.type === 'dateRange' && value === '..')) {
    return input.required ? `Enter ${input.label.toLowerCase()}.` : null;
  }
  switch (input.type) {
    case 'email':
      if (!EMAIL.test(value)) return `“${value}” doesn't look like an email address${input.example ? ` (for example ${input.example})` : ''}.`;
      break;
    case 'date':
      if (!DATE.test(value)) return 'Pick a date.';
      break;
    case 'datetime':
      if (!DATETIME.test(value)) return 'Pick a date and time.';
      break;
    case 'dateRange': {
      const { from, to } = splitRange(value);
      if (!from || !to) return 'Pick both a start and an end date.';
      const start = resolveDate(from, new Date(), 'start');
      const end = resolveDate(to, new Date(), 'end');
      if (!start || !end) return 'Pick the dates with the date pickers, or type them like 2026-03-31.';
      if (start > end) return 'The start date is after the end date. Swap them?';
      break;
    }
    case 'select':
      if (input.options && !input.options.some((o) => o.value === value)) return 'Choose one of the options.';
      break;
    case 'userId':
      if (/\s/.test(value)) return 'A user ID has no spaces.';
      break;
    case 'text':
      break;
  }
  if (input.pattern) {
    let re: RegExp | null = null;
    try {
      re = new RegExp(input.pattern);
    } catch {
      re = null;
    }
    if (re && !re.test(value)) return `This doesn't have the expected form${input.example ? ` (for example ${input.example})` : ''}.`;
  }
  return null;
}

export function validateInputs(inputs: readonly RunbookInput[], values: InputValues): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const input of inputs) {
    const problem = validateInput(input, values[input.name]);
    if (problem) problems[input.name] = problem;
  }
  return problems;
}
