import './live-test.css';
import { firstSentence } from '../../utils/engine/explain';
import { glossary } from '../panel/state';
import { testReport } from './builder-state';
import { MeaningsForm } from './MeaningsForm';
import { meanings, setMeaning } from './teach-state';

/**
 * Teach meanings (issue 14 §5): the event codes the live test read, each with a short
 * meaning and a risk in the person's words, or the shared event kind it is. Saved with
 * the adapter (its glossary and kinds map), so captured rows explain the code instead of
 * 'did "x" (not in the glossary yet)'. The form itself is MeaningsForm, shared with the
 * panel's teaching after a capture.
 */
function alreadyExplained(code: string): string | undefined {
  const known = glossary.value.get(code.toLowerCase());
  return known && `Trailguide already explains it as “${known.summary ?? firstSentence(known.meaning)}”. What you write here is used instead on this console.`;
}

export function TeachMeanings() {
  const report = testReport.value;
  if (!report) return null;
  const eventColumn = report.columns?.find((c) => c.column === 'action');
  const codes = report.codes ?? [];
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
          <MeaningsForm codes={codes} values={meanings.value} onChange={setMeaning} note={alreadyExplained} />
        </>
      )}
    </section>
  );
}
