import { useEffect, useRef, useState } from 'preact/hooks';
import type { SiteView } from '../../utils/background/sites';
import { parseSiteAddress, siteHost } from '../../utils/sites';
import { StatusLines } from '../common/StatusLines';
import { ask, errorText, formatWhen } from './api';
import { allowSite, reloadSites, siteList, siteListError } from './sites-state';

interface Notice {
  status: string | null;
  alert: string | null;
}

const UNDO_SHOWN_MS = 10_000;

/** "#sites?add=https%3A%2F%2Faudit.example" — how the toolbar button hands over the site it was clicked on. */
export function siteOfferedInHash(hash: string): string | null {
  const query = hash.split('?')[1];
  return query ? new URLSearchParams(query).get('add') : null;
}

/**
 * Settings → Sites: self-hosted and in-house consoles the person allows Trailguide
 * on, one site at a time (DESIGN.md §3.6). Removing one can be undone.
 */
export function SitesSection() {
  const [offered, setOffered] = useState(() => siteOfferedInHash(location.hash));
  const [address, setAddress] = useState(offered ?? '');
  const [notice, setNotice] = useState<Notice>({ status: null, alert: null });
  const [busy, setBusy] = useState(false);
  const [undo, setUndo] = useState<{ origin: string; until: number } | null>(null);
  const allowButton = useRef<HTMLButtonElement>(null);

  const sites = siteList.value;

  useEffect(() => {
    void reloadSites();
    if (offered) allowButton.current?.focus();
  }, []);

  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(() => setUndo(null), Math.max(0, undo.until - Date.now()));
    return () => clearTimeout(timer);
  }, [undo]);

  /** Must be called straight from a click: the browser only asks during one. */
  async function allow(typed: string) {
    const parsed = parseSiteAddress(typed);
    if (!parsed.ok) {
      setNotice({ status: null, alert: parsed.problem });
      return;
    }
    const allowed = allowSite(parsed.origin, parsed.host);
    setBusy(true);
    setNotice({ status: `Waiting for your browser to ask about ${parsed.host}…`, alert: null });
    try {
      const reply = await allowed;
      if (!reply.ok) {
        setNotice({ status: null, alert: reply.problem });
        return;
      }
      setAddress('');
      setUndo(null);
      // The site the toolbar button offered is dealt with: back to a plain "Add a site".
      setOffered(null);
      if (location.hash.includes('?')) history.replaceState(null, '', '#sites');
      setNotice({
        status:
          `Trailguide now works on ${reply.host}. ` +
          (reply.tabsReached > 0
            ? 'Go back to its tab: the panel appears on pages a runbook fits.'
            : 'Open your audit log there: the panel appears on pages a runbook fits.') +
          ' If none fits yet, click the Trailguide button in the toolbar on that page to teach it.',
        alert: null,
      });
    } finally {
      setBusy(false);
    }
  }

  async function remove(site: SiteView) {
    setBusy(true);
    try {
      await ask({ type: 'sites:remove', origin: site.origin });
      setUndo({ origin: site.origin, until: Date.now() + UNDO_SHOWN_MS });
      setNotice({ status: null, alert: null });
    } catch (error) {
      setNotice({ status: null, alert: errorText(error) });
    } finally {
      setBusy(false);
      void reloadSites();
    }
  }

  return (
    <div class="page">
      <header class="page-header">
        <h1>Sites</h1>
        <p class="lede">
          Trailguide works by itself on the consoles it knows (GitHub, Okta, AWS, Google Cloud, Datadog and others). If your company runs
          its own audit-log console — a self-hosted copy or an in-house admin tool — allow Trailguide on that site here. Your browser asks
          you to confirm. Trailguide then looks at that site's pages only to recognise an audit log, and fills in or copies from it only
          when you ask.
        </p>
      </header>

      <section class="card" aria-labelledby="site-add-heading">
        <h2 id="site-add-heading">{offered ? `Allow Trailguide on ${siteHost(offered)}?` : 'Add a site'}</h2>
        <form
          class="site-form"
          onSubmit={(e) => {
            e.preventDefault();
            void allow(address);
          }}
        >
          <label for="site-address">Address of your console</label>
          <div class="site-form-row">
            <input
              id="site-address"
              type="text"
              inputMode="url"
              class="text-input"
              data-testid="site-address"
              placeholder="https://audit.example.com"
              aria-describedby="site-address-help"
              value={address}
              onInput={(e) => setAddress(e.currentTarget.value)}
            />
            <button ref={allowButton} type="submit" class="button" data-testid="site-allow" disabled={busy || !address.trim()}>
              Allow Trailguide on this site
            </button>
          </div>
          <p class="small muted" id="site-address-help">
            Copy it from the address bar of your audit log. Trailguide asks for the whole site, so every page of it works.
          </p>
        </form>
        <StatusLines status={notice.status} alert={notice.alert} />
      </section>

      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading" class="section-heading">
          Your sites {sites && <span class="muted">({sites.length})</span>}
        </h2>
        {siteListError.value && <p role="alert" class="error">{siteListError.value}</p>}
        {!sites && !siteListError.value && <p class="muted">Loading your sites…</p>}
        {sites?.length === 0 && (
          <div class="empty" data-testid="sites-empty">
            <p>
              No sites yet. Open your console and click the Trailguide button in the browser's toolbar, or type its address above.
            </p>
          </div>
        )}
        {sites && sites.length > 0 && (
          <ul class="pack-list">
            {sites.map((site) => (
              <li key={site.origin} class="pack-row site-row" data-testid="site-row" data-origin={site.origin} data-allowed={String(site.allowed)}>
                <div>
                  <p class="pack-name">{site.host}</p>
                  {site.allowed ? (
                    <p class="small muted">Allowed {formatWhen(site.addedAt)} · {site.origin}</p>
                  ) : (
                    <p class="small error">Your browser's permission for this site was taken back, so Trailguide doesn't run there now.</p>
                  )}
                </div>
                <div class="pack-buttons">
                  {!site.allowed && (
                    <button class="button secondary small-button" data-testid="site-reallow" disabled={busy} onClick={() => void allow(site.origin)}>
                      Allow again
                    </button>
                  )}
                  <button
                    class="button danger small-button"
                    data-testid="site-remove"
                    disabled={busy}
                    aria-label={`Remove ${site.host}`}
                    onClick={() => void remove(site)}
                  >
                    Remove
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      {undo && (
        <div class="undo-bar" role="status" data-testid="undo-bar">
          <span>Trailguide no longer works on {siteHost(undo.origin)}.</span>
          <button
            class="link-button undo-button"
            data-testid="site-undo"
            onClick={() => {
              const { origin } = undo;
              setUndo(null);
              void allow(origin);
            }}
          >
            Undo
          </button>
        </div>
      )}
    </div>
  );
}
