import { joinRange, splitRange, type InputValues } from '../../utils/inputs';
import type { RunbookInput } from '../../utils/schema/runbook';
import { needsOptionalMark } from '../../utils/runbook/optional-mark';

interface Props {
  inputs: readonly RunbookInput[];
  values: InputValues;
  problems: Record<string, string>;
  /** Problems are shown only after the agent tried to run a step (no nagging while typing). */
  showProblems: boolean;
  onChange: (name: string, value: string) => void;
  /** A line under an input, by input name: what this tool identifies people by (utils/kinds/people.ts). */
  hints?: Record<string, string>;
}

function Field({ input, value, problem, hint, onChange }: { input: RunbookInput; value: string; problem?: string; hint?: string; onChange: (v: string) => void }) {
  const id = `input-${input.name}`;
  const describedBy = [input.help ? `${id}-help` : '', hint ? `${id}-hint` : '', problem ? `${id}-problem` : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, 'aria-invalid': problem ? true : undefined, 'aria-describedby': describedBy };
  let control;
  if (input.type === 'dateRange') {
    const { from, to } = splitRange(value);
    control = (
      <div class="range" data-testid={id} role="group" aria-labelledby={`${id}-label`}>
        <input type="date" aria-label={`${input.label}: from`} data-testid={`${id}-from`} value={from} max={to || undefined} onInput={(e) => onChange(joinRange(e.currentTarget.value, to))} />
        <span aria-hidden="true">to</span>
        <input type="date" aria-label={`${input.label}: to`} data-testid={`${id}-to`} value={to} min={from || undefined} onInput={(e) => onChange(joinRange(from, e.currentTarget.value))} />
      </div>
    );
  } else if (input.type === 'select') {
    control = (
      <select {...common} data-testid={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">Choose…</option>
        {(input.options ?? []).map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    );
  } else {
    const type = input.type === 'email' ? 'email' : input.type === 'date' ? 'date' : input.type === 'datetime' ? 'datetime-local' : 'text';
    control = (
      <input
        {...common}
        data-testid={id}
        type={type}
        value={value}
        placeholder={input.example ? `e.g. ${input.example}` : undefined}
        autoComplete="off"
        spellcheck={false}
        onInput={(e) => onChange(e.currentTarget.value)}
      />
    );
  }
  return (
    <div class={`field ${problem ? 'has-problem' : ''}`}>
      <label id={`${id}-label`} for={input.type === 'dateRange' ? undefined : id}>
        {input.label}
        {needsOptionalMark(input) && <span class="muted"> (optional)</span>}
      </label>
      {control}
      {input.help && <p id={`${id}-help`} class="help">{input.help}</p>}
      {hint && <p id={`${id}-hint`} class="help" data-testid="input-person-hint">{hint}</p>}
      {problem && <p id={`${id}-problem`} class="problem" role="alert">{problem}</p>}
    </div>
  );
}

export function InputsForm({ inputs, values, problems, showProblems, onChange, hints = {} }: Props) {
  if (inputs.length === 0) return null;
  return (
    <section class="card inputs" aria-labelledby="inputs-heading">
      <h2 id="inputs-heading">What you need</h2>
      {inputs.map((input) => (
        <Field
          key={input.name}
          input={input}
          value={values[input.name] ?? ''}
          problem={showProblems ? problems[input.name] : undefined}
          hint={hints[input.name]}
          onChange={(v) => onChange(input.name, v)}
        />
      ))}
    </section>
  );
}
