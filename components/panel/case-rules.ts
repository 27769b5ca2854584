import type { InputValues } from '../../utils/inputs';
import type { RunbookInput } from '../../utils/schema/runbook';

/**
 * Which case the panel adds to. A case is one investigation about one customer
 * (or account): the runbook inputs that say *who* it is about identify it. When
 * one of them changes after evidence was captured, new evidence belongs to a new
 * case — never filed under the previous customer.
 *
 * An input identifies the case when it says `identifies: true`; without that,
 * required email and user-ID inputs do (the customer's address), and optional
 * ones ("limit to one person (optional)") and everything else do not.
 */
export function identifiesCase(input: RunbookInput): boolean {
  return input.identifies ?? (input.required && (input.type === 'email' || input.type === 'userId'));
}

export function identifyingInputs(inputs: readonly RunbookInput[]): RunbookInput[] {
  return inputs.filter(identifiesCase);
}

/** How a value compares: spaces around it never matter, and neither does case in an email address. */
function normalised(input: RunbookInput, value: string | undefined): string {
  const trimmed = (value ?? '').trim();
  return input.type === 'email' ? trimmed.toLowerCase() : trimmed;
}

/** A key that is equal for two sets of values exactly when they are about the same customer. */
export function identityKey(inputs: readonly RunbookInput[], values: InputValues): string {
  return JSON.stringify(identifyingInputs(inputs).map((input) => normalised(input, values[input.name])));
}

export function sameIdentity(inputs: readonly RunbookInput[], a: InputValues, b: InputValues): boolean {
  return identityKey(inputs, a) === identityKey(inputs, b);
}

/** "jane@customer.com" (or "jane@customer.com, usr_8Kx2"); empty when none is filled in. */
export function identityLabel(inputs: readonly RunbookInput[], values: InputValues): string {
  return identifyingInputs(inputs)
    .map((input) => (values[input.name] ?? '').trim())
    .filter(Boolean)
    .join(', ');
}

/** "14:02" today, "3 Mar, 14:02" another day: when a case started, in the agent's own time. */
export function startedAt(epochMs: number, now = new Date()): string {
  const date = new Date(epochMs);
  const time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return date.toDateString() === now.toDateString() ? time : `${date.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })}, ${time}`;
}
