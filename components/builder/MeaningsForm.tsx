import './meanings.css';
import { useMemo } from 'preact/hooks';
import type { SeenCode, TaughtMeaning } from '../../utils/builder/meanings';
import { kindsOfPacks } from '../../utils/kinds/packs';
import { KIND_RISKS } from '../../utils/schema/kinds';
import { packs } from '../panel/state';

/**
 * The one form that teaches what event codes mean (issue 14 §5): per code, a short meaning in
 * the person's words, how much it matters, or the shared event kind it is. Used by the builder
 * after its live test (TeachMeanings.tsx) and by the panel after a capture
 * (components/panel/TeachMeaningsAfterCapture.tsx); each keeps its own values.
 */
const RISK_WORDS: Record<(typeof KIND_RISKS)[number], string> = {
  routine: 'Routine',
  notable: 'Worth noting',
  sensitive: 'Sensitive',
};

export interface MeaningsFormProps {
  codes: readonly SeenCode[];
  values: Readonly<Record<string, TaughtMeaning>>;
  onChange: (code: string, change: Partial<Omit<TaughtMeaning, 'code'>>) => void;
  /** A line under a code that something already explains (said in the caller's words). */
  note?: (code: string) => string | undefined;
  disabled?: boolean;
}

export function MeaningsForm({ codes, values, onChange, note, disabled = false }: MeaningsFormProps) {
  const kinds = useMemo(() => [...kindsOfPacks(packs.value)].sort((a, b) => a.name.localeCompare(b.name)), [packs.value]);
  return (
    <ul class="teach-codes">
      {codes.map(({ code, count }) => {
        const m = values[code];
        const said = note?.(code);
        return (
          <li key={code} class="teach-code" data-testid="teach-code" data-code={code}>
            <div class="teach-code-head">
              <code>{code}</code>
              <span class="small muted">
                {count} row{count === 1 ? '' : 's'}
              </span>
            </div>
            {said && (
              <p class="small muted" data-testid="teach-known">
                {said}
              </p>
            )}
            <label>
              What it means
              <input
                type="text"
                data-testid="teach-meaning"
                maxLength={1000}
                placeholder="e.g. Signed in"
                disabled={disabled}
                value={m?.meaning ?? ''}
                onInput={(e) => onChange(code, { meaning: e.currentTarget.value })}
              />
            </label>
            <div class="teach-code-choices">
              <label>
                How much it matters
                <select
                  data-testid="teach-risk"
                  disabled={disabled}
                  value={m?.risk ?? 'routine'}
                  onChange={(e) => onChange(code, { risk: e.currentTarget.value as (typeof KIND_RISKS)[number] })}
                >
                  {KIND_RISKS.map((risk) => (
                    <option key={risk} value={risk}>
                      {RISK_WORDS[risk]}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                It is the shared event
                <select data-testid="teach-kind" disabled={disabled} value={m?.kind ?? ''} onChange={(e) => onChange(code, { kind: e.currentTarget.value || undefined })}>
                  <option value="">— none of these —</option>
                  {kinds.map((kind) => (
                    <option key={kind.id} value={kind.id}>
                      {kind.name}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
