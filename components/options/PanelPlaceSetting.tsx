import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sidePanelAvailable } from '../../utils/background/side-panel';
import { PANEL_PLACE_KEY, type PanelPlace } from '../../utils/storage-keys';

const placeOf = (value: unknown): PanelPlace => (value === 'browser' ? 'browser' : 'docked');

/**
 * Settings → where the panel opens: docked in the page beside the console (the default),
 * or the browser's own side panel where the browser has one Trailguide can use (Chromium's side
 * panel, Firefox's sidebar).
 */
export function PanelPlaceSetting() {
  // Chromium's side panel, or Firefox's sidebar (utils/background/side-panel.ts).
  const available = sidePanelAvailable();
  const [place, setPlace] = useState<PanelPlace | null>(null);
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);

  useEffect(() => {
    void browser.storage.local.get(PANEL_PLACE_KEY).then((stored) => setPlace(placeOf(stored[PANEL_PLACE_KEY])));
  }, []);

  async function choose(next: PanelPlace) {
    setPlace(next);
    try {
      await browser.storage.local.set({ [PANEL_PLACE_KEY]: next });
      // Say "saved" only once the setting reads back as chosen.
      const kept = placeOf((await browser.storage.local.get(PANEL_PLACE_KEY))[PANEL_PLACE_KEY]);
      if (kept !== next) throw new Error('not kept');
      setMessage({
        kind: 'status',
        text:
          next === 'browser'
            ? 'Saved. On audit logs you open or reload from now on, open Trailguide with its toolbar button or Alt+Shift+Y: it opens in the browser’s side panel.'
            : 'Saved. Audit logs you open or reload from now on show the panel beside the console.',
      });
    } catch {
      setMessage({ kind: 'alert', text: 'Trailguide could not save this setting. Try again; if it keeps failing, reinstall the extension.' });
    }
  }

  return (
    <section class="card" aria-labelledby="place-heading" data-testid="panel-place">
      <h2 id="place-heading">Where the panel opens</h2>
      <label class="choice">
        <input type="radio" name="panel-place" value="docked" data-testid="panel-place-docked" checked={place === 'docked'} disabled={place === null} onChange={() => void choose('docked')} />{' '}
        Beside the console, in the page — the page narrows to make room, and each site keeps the width you give the panel
      </label>
      {available ? (
        <label class="choice">
          <input type="radio" name="panel-place" value="browser" data-testid="panel-place-browser" checked={place === 'browser'} disabled={place === null} onChange={() => void choose('browser')} />{' '}
          In the browser’s own side panel — it opens when you click Trailguide’s toolbar button or press Alt+Shift+Y
        </label>
      ) : (
        <p class="muted">This browser has no side panel Trailguide can use, so the panel always opens beside the console.</p>
      )}
      {message?.kind === 'alert' ? <p role="alert" class="error">{message.text}</p> : <p role="status">{message?.text ?? ''}</p>}
    </section>
  );
}
