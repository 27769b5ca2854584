import type { ComponentChildren } from 'preact';
import { kindsOfPacks } from '../../utils/kinds/packs';
import { rankByKindFit, type KindFit } from '../../utils/kinds/rank';
import type { Runbook } from '../../utils/schema/runbook';
import { adapter, openRunbookId, packs, query, rankedRunbooks, runbooks } from './state';
import { preloadRunbookView } from './lazy-runbook-view';

/** One runbook in the list; `children` says how well it fits this tool when it doesn't fully. */
function RunbookItem({ runbook, specific, fit, children }: { runbook: Runbook; specific: boolean; fit: KindFit['fit']; children?: ComponentChildren }) {
  return (
    <li>
      <button class="runbook-item" data-testid="runbook-item" data-runbook-id={runbook.id} data-fit={fit} onClick={() => (openRunbookId.value = runbook.id)}>
        <span class="runbook-item-title">{runbook.title}</span>
        <span class="runbook-item-summary">{runbook.summary}</span>
        {specific && <span class="badge">Made for this log</span>}
        {children}
      </button>
    </li>
  );
}

/** What this tool can't search for, and apart from it what nobody has told Trailguide how the tool records. */
function missingText(fit: KindFit, tool: string): string {
  const stated = fit.missing.filter((m) => m.reason !== undefined).map((m) => m.name);
  const unknown = fit.missing.filter((m) => m.reason === undefined).map((m) => m.name);
  const parts: string[] = [];
  if (stated.length > 0) parts.push(`${tool} can’t search for: ${stated.join(', ')}.`);
  if (unknown.length > 0) parts.push(`Trailguide doesn’t know yet how ${tool} records: ${unknown.join(', ')}.`);
  return parts.join(' ');
}

export function RunbookList() {
  // Runbooks whose kinds of event this tool records come first; "works partly" next; the rest folded away.
  const ranked = rankByKindFit(rankedRunbooks.value, adapter.value, kindsOfPacks(packs.value));
  const fitting = ranked.filter((r) => r.kindFit.fit !== 'none');
  const notHere = ranked.filter((r) => r.kindFit.fit === 'none');
  const tool = adapter.value?.name ?? 'this tool';
  return (
    // The pointer over the list or focus in it: the runbook view's code is fetched before a click needs it.
    <section aria-labelledby="runbooks-heading" onPointerOver={preloadRunbookView} onFocusIn={preloadRunbookView}>
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
          {fitting.map(({ runbook, specific, kindFit }) => (
            <RunbookItem key={runbook.id} runbook={runbook} specific={specific} fit={kindFit.fit}>
              {kindFit.fit === 'partly' && (
                <>
                  <span class="badge badge-partly" data-testid="runbook-fit">Works partly here</span>
                  <span class="runbook-item-summary muted" data-testid="runbook-fit-note">
                    {missingText(kindFit, tool)}
                  </span>
                </>
              )}
            </RunbookItem>
          ))}
        </ul>
      )}
      {notHere.length > 0 && (
        <details class="runbooks-not-here" data-testid="runbooks-not-here">
          <summary>
            Doesn’t work on {tool} ({notHere.length})
          </summary>
          <p class="muted small">{tool} doesn’t record the kinds of event these runbooks search for.</p>
          <ul class="runbook-list">
            {notHere.map(({ runbook, specific, kindFit }) => (
              <RunbookItem key={runbook.id} runbook={runbook} specific={specific} fit={kindFit.fit}>
                <span class="runbook-item-summary muted" data-testid="runbook-fit-note">
                  {missingText(kindFit, tool)}
                </span>
              </RunbookItem>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
