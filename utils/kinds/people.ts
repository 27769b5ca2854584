import type { Adapter } from '../schema/adapter';
import type { PersonId } from '../schema/kinds';
import type { RunbookInput } from '../schema/runbook';

/**
 * Person inputs and what a tool identifies people by (the adapter's `people`, first = what
 * its actor filter expects): the panel says it under the input, and an e-mail input takes
 * the tool's own identifier where the tool doesn't search by e-mail (GitHub: usernames).
 */
const WORDS: Record<PersonId, string> = {
  email: 'e-mail address',
  username: 'username',
  'display-name': 'display name (as the console shows it)',
  id: 'user ID',
};

const PERSON_INPUTS: ReadonlySet<RunbookInput['type']> = new Set(['email', 'userId']);

export function personHint(input: Pick<RunbookInput, 'type'>, adapter: Pick<Adapter, 'name' | 'people'> | null | undefined): string | undefined {
  const people = adapter?.people;
  if (!people || people.length === 0 || !PERSON_INPUTS.has(input.type)) return undefined;
  const first = WORDS[people[0]!];
  const others = people.slice(1).map((p) => WORDS[p]);
  const also = others.length > 0 ? ` (its rows may also show ${others.join(' or ')})` : '';
  if (input.type === 'email' && people[0] !== 'email') {
    return `${adapter.name} finds people by their ${first}, not their e-mail address: type the ${first.replace(/ \(.*\)$/, '')} here${also}.`;
  }
  return `${adapter.name} finds people by their ${first}${also}.`;
}

/** The runbook's inputs as this tool needs them: an e-mail input becomes plain text where the tool's people aren't e-mail addresses. */
export function inputsForTool(inputs: readonly RunbookInput[], adapter: Pick<Adapter, 'people'> | null | undefined): RunbookInput[] {
  const first = adapter?.people?.[0];
  if (!first || first === 'email') return [...inputs];
  return inputs.map((input) => (input.type === 'email' ? { ...input, type: 'text' as const, pattern: undefined, example: undefined } : input));
}
