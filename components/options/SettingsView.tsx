import { useState } from 'preact/hooks';
import { ask, errorText, formatWhen } from './api';
import { packList, reloadPacks } from './packs-state';
import { PanelPlaceSetting } from './PanelPlaceSetting';

interface RefreshAllReply {
  results: { ok: boolean; message: string }[];
}

export function SettingsView() {
  const [status, setStatus] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const policy = packList.value?.policy ?? null;
  const subscribed = packList.value?.packs.filter((p) => p.url).length ?? 0;

  async function checkAll() {
    setBusy(true);
    try {
      const { results } = await ask<RefreshAllReply>({ type: 'packs:refresh' });
      const failed = results.filter((r) => !r.ok).length;
      setStatus(
        failed
          ? { kind: 'alert', text: `${failed} of ${results.length} packs could not be updated. Their rows on the Packs page say why; the last good copies are still in use.` }
          : { kind: 'status', text: results.length ? `All ${results.length} subscribed packs are checked and up to date.` : 'You do not follow any pack by address yet.' },
      );
    } catch (error) {
      setStatus({ kind: 'alert', text: errorText(error) });
    } finally {
      setBusy(false);
      void reloadPacks();
    }
  }

  return (
    <div class="page">
      <header class="page-header">
        <h1>Settings</h1>
      </header>

      <section class="card" aria-labelledby="policy-heading" data-testid="policy-status">
        <h2 id="policy-heading">Packs from your organisation</h2>
        {!policy || policy.state === 'none' ? (
          <p>Your organisation has not set any Trailguide packs. IT can push packs to everyone through a browser policy.</p>
        ) : policy.state === 'rejected' ? (
          <p role="alert" class="error">{policy.message}</p>
        ) : (
          <p>{policy.message}</p>
        )}
        {policy && policy.problems.length > 0 && (
          <ul class="problems">
            {policy.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
        {policy && <p class="small muted">Last read {formatWhen(policy.checkedAt)}.</p>}
      </section>

      <section class="card" aria-labelledby="updates-heading">
        <h2 id="updates-heading">Updates</h2>
        <p>
          Trailguide checks packs you follow by address once a day. If an update fails or is broken, it keeps using the last good copy
          and tries again later.
        </p>
        <button class="button secondary" data-testid="packs-check-all" disabled={busy || subscribed === 0} onClick={() => void checkAll()}>
          {busy ? 'Checking…' : 'Check all subscriptions now'}
        </button>
        {status?.kind === 'alert' ? <p role="alert" class="error">{status.text}</p> : <p role="status">{status?.text ?? ''}</p>}
      </section>

      <PanelPlaceSetting />

      <section class="card" aria-labelledby="keys-heading">
        <h2 id="keys-heading">Keyboard shortcut</h2>
        <p>
          Press <kbd>Alt</kbd> + <kbd>Shift</kbd> + <kbd>Y</kbd> on an audit log to show or hide the Trailguide panel. You can change it in
          your browser’s extension shortcut settings.
        </p>
      </section>

      <section class="card" aria-labelledby="privacy-heading">
        <h2 id="privacy-heading">Privacy</h2>
        <p>
          Everything Trailguide captures stays on this computer. Nothing is sent anywhere unless you copy it or open a ticket yourself. The
          only downloads are the packs you subscribe to.
        </p>
      </section>
    </div>
  );
}
