import './recheck.css';
import { lostMessage, partName, type RecheckOutcome } from '../../utils/builder/recheck';
import { ROLE_INFO, type BuilderRole } from '../../utils/builder/roles';
import { recheckHoldsSave, recheckRead, recheckResult, rechecking, startRecheck, stillLost } from './recheck-state';

/**
 * "Check on a fresh page" (./recheck-state.ts): the button, and what the check found for
 * each taught part — found again the same way, found with some ways dropped, or not found.
 */
function itemState(outcome: RecheckOutcome): 'same' | 'changed' | 'lost' {
  if (outcome.lost) return 'lost';
  return outcome.dropped.length > 0 || outcome.headerKept === false ? 'changed' : 'same';
}

function itemText(outcome: RecheckOutcome): string {
  const title = ROLE_INFO[outcome.role].title;
  const ways = outcome.kept.length + (outcome.headerKept ? 1 : 0);
  const gone = outcome.dropped.length + (outcome.headerKept === false ? 1 : 0);
  if (outcome.lost) return lostMessage(outcome.role);
  if (gone === 0) return `${title}: found again, the same way as before.`;
  return `${title}: found again. ${gone} way${gone === 1 ? '' : 's'} of finding it stopped working and ${gone === 1 ? 'was' : 'were'} dropped; ${ways} kept.`;
}

export function RecheckCard({ disabled }: { disabled: boolean }) {
  const result = recheckResult.value;
  return (
    <div class="builder-recheck">
      <p class="small muted">Then make sure it lasts: Trailguide reloads the page and finds each part again, every way it knows. A way that now finds something else is dropped.</p>
      <button class="button secondary" data-testid="builder-recheck" disabled={disabled || rechecking.value} aria-busy={rechecking.value} onClick={() => void startRecheck()}>
        {rechecking.value ? 'Checking…' : 'Check on a fresh page'}
      </button>
      {result && (
        <ul class="builder-recheck-report" data-testid="builder-recheck-report">
          {result.outcomes.map((o) => (
            <li key={o.role} data-testid="builder-recheck-item" data-role={o.role} data-state={itemState(o)} data-kept={String(o.kept.length)} data-dropped={String(o.dropped.length)}>
              {itemText(o)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const names = (roles: readonly BuilderRole[]): string => roles.map(partName).join(' and ');

/** Under Save: why it waits, and the way to save anyway once read. */
export function RecheckHold() {
  const lost = stillLost.value;
  if (lost.length === 0) return null;
  return (
    <div class="builder-message error" data-testid="builder-recheck-held" role="alert">
      <p>
        {recheckHoldsSave.value
          ? `Save waits: after the reload Trailguide couldn't find ${names(lost)} again. Point at ${lost.length === 1 ? 'it' : 'them'} once more in the steps above, or read this and save anyway.`
          : `Saving anyway: Trailguide may not find ${names(lost)} next time.`}
      </p>
      {recheckHoldsSave.value && (
        <button class="link-button" data-testid="builder-recheck-read" onClick={() => (recheckRead.value = true)}>
          I’ve read this — let me save anyway
        </button>
      )}
    </div>
  );
}
