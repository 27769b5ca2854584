import { openRunbookId, query, rankedRunbooks, runbooks } from './state';

export function RunbookList() {
  const ranked = rankedRunbooks.value;
  return (
    <section aria-labelledby="runbooks-heading">
      <h1 id="runbooks-heading" class="section-title">What do you need to find out?</h1>
      <label class="search">
        <span class="visually-hidden">Search runbooks</span>
        <input
          type="search"
          data-testid="runbook-search"
          placeholder="Search runbooks, e.g. “password” or “audit”"
          value={query.value}
          onInput={(e) => (query.value = e.currentTarget.value)}
        />
      </label>
      {ranked.length === 0 ? (
        <div class="empty" role="status">
          {runbooks.value.length === 0 ? (
            <p>No runbooks are installed for this page yet. A team lead can add a pack in Trailguide’s settings.</p>
          ) : (
            <>
              <p>No runbook mentions “{query.value}”.</p>
              <p class="muted">Try another word, or clear the search to see all {runbooks.value.length} runbooks.</p>
              <button class="link-button" onClick={() => (query.value = '')}>Clear search</button>
            </>
          )}
        </div>
      ) : (
        <ul class="runbook-list">
          {ranked.map(({ runbook, specific }) => (
            <li key={runbook.id}>
              <button class="runbook-item" data-testid="runbook-item" data-runbook-id={runbook.id} onClick={() => (openRunbookId.value = runbook.id)}>
                <span class="runbook-item-title">{runbook.title}</span>
                <span class="runbook-item-summary">{runbook.summary}</span>
                {specific && <span class="badge">Made for this log</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
