/**
 * Whether a runbook input's label needs " (optional)" after it: only when the input is not
 * required and its author has not already said so in the label ("Limit to one person
 * (optional)" read "… (optional) (optional)" in the panel).
 */
export function needsOptionalMark(input: { label: string; required: boolean }): boolean {
  return !input.required && !/\boptional\b/i.test(input.label);
}
