import './live-test.css';
import { useMemo } from 'preact/hooks';
import { KIND_RISKS } from '../../utils/schema/kinds';
import { firstSentence } from '../../utils/engine/explain';
import { kindsOfPacks } from '../../utils/kinds/packs';
import { glossary, packs } from '../panel/state';
import { testReport } from './builder-state';
import { meanings, setMeaning } from './teach-state';

/**
 * Teach meanings (issue 14 §5): the event codes the live test read, each with a short
 * meaning and a risk in the person's words, or the shared event kind it is. Saved with
 * the adapter (its glossary and kinds map), so captured rows explain the code instead of
 * 'did "x" (not in the glossary yet)'.
 */
const RISK_WORDS: Record<(typeof KIND_RISKS)[number], string> = {
  routine: 'Routine',
  notable: 'Worth noting',
  sensitive: 'Sensitive',
};

export function TeachMeanings() {
  const report = testReport.value;
  const kinds = useMemo(() => [...kindsOfPacks(packs.value)].sort((a, b) => a.name.localeCompare(b.name)), [packs.value]);
  if (!report) return null;
  const eventColumn = report.columns?.find((c) => c.column === 'action');
  const codes = report.codes ?? [];
  const taught = meanings.value;
  return (
    <section class="card" aria-labelledby="builder-meanings" data-testid="teach-meanings">
      <h2 id="builder-meanings">What the event types mean</h2>
      {eventColumn?.verdict === 'wrong' ? (
        <p class="small muted">Point at the event type again and test once more: then you can say here what each event type means.</p>
      ) : codes.length === 0 ? (
        <p class="small muted">The test read no event types to explain.</p>
      ) : (
        <>
          <p class="small muted">
            These event types are on the page now. Say in a few words what each one means (for example “Signed in”), how much attention it deserves, or which of
            Trailguide’s shared events it is. Captured rows will then explain it that way. You can leave any of them blank. It is kept when you press Save.
          </p>
          <ul class="teach-codes">
            {codes.map(({ code, count }) => {
              const m = taught[code];
              const known = glossary.value.get(code.toLowerCase());
              return (
                <li key={code} class="teach-code" data-testid="teach-code" data-code={code}>
                  <div class="teach-code-head">
                    <code>{code}</code>
                    <span class="small muted">
                      {count} row{count === 1 ? '' : 's'}
                    </span>
                  </div>
                  {known && (
                    <p class="small muted" data-testid="teach-known">
                      Trailguide already explains it as “{known.summary ?? firstSentence(known.meaning)}”. What you write here is used instead on this console.
                    </p>
                  )}
                  <label>
                    What it means
                    <input
                      type="text"
                      data-testid="teach-meaning"
                      maxLength={1000}
                      placeholder="e.g. Signed in"
                      value={m?.meaning ?? ''}
                      onInput={(e) => setMeaning(code, { meaning: e.currentTarget.value })}
                    />
                  </label>
                  <div class="teach-code-choices">
                    <label>
                      How much it matters
                      <select data-testid="teach-risk" value={m?.risk ?? 'routine'} onChange={(e) => setMeaning(code, { risk: e.currentTarget.value as (typeof KIND_RISKS)[number] })}>
                        {KIND_RISKS.map((risk) => (
                          <option key={risk} value={risk}>
                            {RISK_WORDS[risk]}
                          </option>
                        ))}
                      </select>
                    </label>
                    <label>
                      It is the shared event
                      <select data-testid="teach-kind" value={m?.kind ?? ''} onChange={(e) => setMeaning(code, { kind: e.currentTarget.value || undefined })}>
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
        </>
      )}
    </section>
  );
}
