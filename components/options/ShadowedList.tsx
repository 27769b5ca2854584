import type { ShadowedItem } from '../../utils/packs/resolve';

/** Never a silent choice: every copy that is not in force is named, with the pack that hides it. */
export function ShadowedList({ items }: { items: ShadowedItem[] }) {
  if (items.length === 0) return null;
  return (
    <section class="card shadowed" aria-labelledby="shadowed-heading" data-testid="shadowed-list">
      <h2 id="shadowed-heading">Runbooks that are in two packs</h2>
      <p class="muted small">
        When two switched-on packs contain the same runbook, Trailguide uses the copy from the pack added (or saved) most recently. To use
        the other copy, switch off the newer pack.
      </p>
      <ul>
        {items.map((item) => (
          <li key={`${item.kind}:${item.id}:${item.hiddenPackId}`} data-testid="shadowed-item">
            {item.kind === 'runbook' ? 'Runbook' : 'Log tool'} “{item.title}” from <strong>{item.hiddenPackName}</strong> is hidden by{' '}
            <strong>{item.winnerPackName}</strong>.
          </li>
        ))}
      </ul>
    </section>
  );
}
