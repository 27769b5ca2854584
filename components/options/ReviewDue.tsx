import type { PackSummary } from '../../utils/packs/messages';
import { dueDetail, reviewStatus, type Reviewable } from '../../utils/review/staleness';

interface DueItem {
  key: string;
  kind: 'runbook' | 'adapter';
  title: string;
  pack: string;
  owner: string | undefined;
  detail: string;
}

/** Runbooks and adapters past their review date, across the packs in use. `now` is injectable for tests. */
export function dueItems(packs: readonly PackSummary[], now: number): DueItem[] {
  const items: DueItem[] = [];
  const add = (kind: DueItem['kind'], pack: PackSummary, id: string, title: string, item: Reviewable) => {
    const status = reviewStatus(item, now);
    if (status.state !== 'due') return;
    items.push({ key: `${pack.id}/${kind}/${id}`, kind, title, pack: pack.name, owner: status.owner, detail: dueDetail(status) });
  };
  for (const pack of packs) {
    if (!pack.enabled) continue;
    for (const r of pack.runbooks) if (!r.shadowed) add('runbook', pack, r.id, r.title, r);
    for (const a of pack.adapters ?? []) add('adapter', pack, a.id, a.name, a);
  }
  return items;
}

export function ReviewDue({ packs, now = Date.now() }: { packs: readonly PackSummary[]; now?: number }) {
  const items = dueItems(packs, now);
  return (
    <section aria-labelledby="review-due-heading" data-testid="review-due">
      <h2 id="review-due-heading" class="section-heading">
        Due for review {items.length > 0 && <span class="muted">({items.length})</span>}
      </h2>
      {items.length === 0 ? (
        <p class="muted small">Nothing is due: every runbook and log tool with a review date was checked recently enough.</p>
      ) : (
        <ul class="review-due-list">
          {items.map((item) => (
            <li key={item.key} data-testid="review-due-item" data-kind={item.kind}>
              <strong>{item.title}</strong>{' '}
              <span class="muted small">
                ({item.kind === 'runbook' ? 'runbook' : 'log tool'} in {item.pack}
                {item.owner ? `, looked after by ${item.owner}` : ''})
              </span>
              <div class="small">{item.detail}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
