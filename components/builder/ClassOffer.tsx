import { batch } from '@preact/signals';
import { offerSentence, withClassReading } from '../../utils/builder/class-values';
import type { BuilderRole } from '../../utils/builder/roles';
import { message, picks, saved, testReport } from './builder-state';

/**
 * Under the event type step: when the words pointed at differ in every row but the row's
 * style name repeats (Redmine's `issue-edit`, `wiki-page`), the builder offers to read the
 * event from the style name, naming the values it would read on the rows shown.
 */
function useClassReading(role: BuilderRole): void {
  const pick = picks.value[role];
  if (!pick?.classOffer) return;
  batch(() => {
    picks.value = { ...picks.value, [role]: withClassReading(pick) };
    testReport.value = null;
    saved.value = null;
    message.value = { kind: 'ok', text: `Got it: the event type is read from each row's style name — in this row it says “${pick.classOffer!.here ?? ''}”.` };
  });
}

export function ClassOffer({ role }: { role: BuilderRole }) {
  const pick = picks.value[role];
  const offer = pick?.classOffer;
  if (!pick || !offer) return null;
  if (pick.attr === 'class') {
    return (
      <p class="small muted builder-class-offer" data-testid="builder-class-offer" data-state="used">
        Read from each row's style name. On the rows shown: {offer.kinds.join(', ')}.
      </p>
    );
  }
  return (
    <div class="builder-class-offer" data-testid="builder-class-offer" data-state="offered">
      <p class="small">
        The words you pointed at differ from row to row, so they don't tell the kind of event. {offerSentence(offer, 6)}
      </p>
      <button class="button secondary" data-testid="builder-class-accept" onClick={() => useClassReading(role)}>
        Use the style name
      </button>
    </div>
  );
}
