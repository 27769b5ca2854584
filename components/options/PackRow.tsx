import type { PackSummary } from '../../utils/packs/messages';
import { SOURCE_WORDS } from '../../utils/packs/words';
import { siteHost } from '../../utils/sites';
import { failingParts } from '../../utils/review/failures';
import { formatWhen } from './api';
import { adapterHealth } from './review-state';
import { siteList } from './sites-state';

export interface PackRowActions {
  onToggle: (pack: PackSummary, enabled: boolean) => void;
  onDelete: (pack: PackSummary) => void;
  onExport: (pack: PackSummary) => void;
  onCheck: (pack: PackSummary) => void;
  onAllowSite: (origin: string) => void;
  busy: boolean;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** One installed pack: what it is, where it comes from, how its last update went, and what you can do with it. */
export function PackRow({ pack, onToggle, onDelete, onExport, onCheck, onAllowSite, busy }: { pack: PackSummary } & PackRowActions) {
  const hidden = pack.runbooks.filter((r) => r.shadowed).length;
  // Sites its log tools run on that the person has not allowed (yet): one click each.
  const allowed = siteList.value;
  const waiting = allowed ? pack.sites.filter((origin) => !allowed.some((site) => site.origin === origin && site.allowed)) : [];
  const switchId = `pack-on-${pack.id}`;
  return (
    <li class={`pack-row ${pack.enabled ? '' : 'is-off'}`} data-testid="pack-row" data-pack-id={pack.id} data-source={pack.source}>
      <div class="pack-main">
        <div class="pack-heading">
          <h3 class="pack-name">{pack.name}</h3>
          <span class="badge">v{pack.version}</span>
          <span class={`badge source-${pack.source}`} data-testid="pack-source">{SOURCE_WORDS[pack.source]}</span>
          {!pack.enabled && <span class="badge badge-off">Switched off</span>}
        </div>
        {pack.description && <p class="pack-description muted">{pack.description.replace(/\s+/g, ' ').trim()}</p>}
        <p class="pack-facts small">
          <span data-testid="pack-runbook-count">{plural(pack.runbookCount, 'runbook')}</span>
          {pack.adapterCount > 0 && <span>{plural(pack.adapterCount, 'log tool')}</span>}
          {hidden > 0 && <span class="warn-text">{hidden} hidden by a newer pack</span>}
          <span>{pack.source === 'builtin' ? 'Comes with Trailguide' : `Last updated ${formatWhen(pack.updatedAt)}`}</span>
          {pack.url && <span>Last checked {formatWhen(pack.lastCheckedAt)}</span>}
        </p>
        {pack.url && (
          <p class="pack-url small">
            From <code>{pack.url}</code>
          </p>
        )}
        {pack.enabled && waiting.length > 0 && (
          <div class="pack-sites" data-testid="pack-sites">
            <p class="small">
              Its log tools run on {waiting.map(siteHost).join(', ')}. Trailguide needs your yes before it works there:
            </p>
            <div class="pack-buttons">
              {waiting.map((origin) => (
                <button
                  key={origin}
                  class="button secondary small-button"
                  data-testid="pack-allow-site"
                  data-origin={origin}
                  disabled={busy}
                  onClick={() => onAllowSite(origin)}
                >
                  Allow Trailguide on {siteHost(origin)}
                </button>
              ))}
            </div>
          </div>
        )}
        {(pack.adapters ?? []).map((a) => {
          const failing = failingParts(adapterHealth.value, a.id);
          if (failing.length === 0) return null;
          return (
            <div key={a.id} class="pack-health warn-text small" data-testid="pack-adapter-health" data-adapter-id={a.id}>
              <p>{a.name} may have changed its page (counted on this computer only):</p>
              <ul>
                {failing.map((f) => (
                  <li key={f.part} data-testid="adapter-failing-part" data-part={f.part}>
                    {f.sentence[0]!.toUpperCase() + f.sentence.slice(1)}.
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
        {pack.lastError && (
          <p class="error small" role="alert" data-testid="pack-error">
            {pack.lastError}
          </p>
        )}
        {pack.runbookCount > 0 && (
          <details class="pack-runbooks">
            <summary>Show its runbooks</summary>
            <ul>
              {pack.runbooks.map((r) => (
                <li key={r.id} class={r.shadowed ? 'is-shadowed' : ''}>
                  {r.title}
                  {r.shadowed && <span class="muted"> — hidden by a newer pack</span>}
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
      <div class="pack-actions">
        <label class="switch" for={switchId} title={pack.locked ? 'Set by your organisation: always on' : undefined}>
          <input
            id={switchId}
            type="checkbox"
            role="switch"
            data-testid="pack-enabled"
            checked={pack.enabled}
            disabled={pack.locked || busy}
            aria-label={`Use the pack “${pack.name}”`}
            onChange={(e) => onToggle(pack, e.currentTarget.checked)}
          />
          <span class="switch-track" aria-hidden="true" />
          <span class="switch-label">{pack.locked ? 'Always on' : pack.enabled ? 'On' : 'Off'}</span>
        </label>
        <div class="pack-buttons">
          {pack.url && (
            <button class="button secondary small-button" data-testid="pack-check-now" disabled={busy} onClick={() => onCheck(pack)}>
              Check now
            </button>
          )}
          <button class="button secondary small-button" data-testid="pack-export" disabled={busy} onClick={() => onExport(pack)}>
            Export
          </button>
          {pack.deletable && (
            <button class="button danger small-button" data-testid="pack-delete" disabled={busy} onClick={() => onDelete(pack)}>
              Delete
            </button>
          )}
        </div>
        {pack.locked && <p class="small muted lock-note">Managed by your organisation</p>}
      </div>
    </li>
  );
}
