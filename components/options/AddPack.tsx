import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { packUrlProblem } from '../../utils/packs/fetch-pack';
import { PACK_LIMITS } from '../../utils/schema/pack';

export interface AddPackProps {
  busy: boolean;
  onImportText: (text: string, source: 'file' | 'paste') => void;
  onSubscribe: (url: string) => void;
  onProblem: (message: string) => void;
}

const MAX_MB = PACK_LIMITS.bytes / 1024 / 1024;

/**
 * Asks for read access to the pack's site while the click still counts as the user's
 * (browsers only show the prompt then). Sites that already allow extensions, and
 * this computer, need nothing; a "no" is fine too — the download may still work.
 */
function askToReadSite(url: string): Promise<unknown> {
  try {
    const { protocol, hostname } = new URL(url);
    return browser.permissions.request({ origins: [`${protocol}//${hostname}/*`] }).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}

export function AddPack({ busy, onImportText, onSubscribe, onProblem }: AddPackProps) {
  const [dragging, setDragging] = useState(false);
  const [pasted, setPasted] = useState('');
  const [url, setUrl] = useState('');

  async function readFile(file: File | undefined) {
    if (!file) return;
    if (file.size > PACK_LIMITS.bytes) {
      onProblem(`“${file.name}” is ${(file.size / 1024 / 1024).toFixed(1)} MB; a pack may be at most ${MAX_MB} MB. Nothing was added.`);
      return;
    }
    try {
      onImportText(await file.text(), 'file');
    } catch {
      onProblem(`Trailguide couldn't read “${file.name}”. Try saving it again, then import it.`);
    }
  }

  function submitUrl(event: Event) {
    event.preventDefault();
    const address = url.trim();
    const problem = packUrlProblem(address);
    if (problem) {
      onProblem(problem);
      return;
    }
    void askToReadSite(address).then(() => onSubscribe(address));
  }

  return (
    <section class="card add-pack" aria-labelledby="add-heading">
      <h2 id="add-heading">Add a pack</h2>
      <div class="add-grid">
        <div
          class={`add-option drop-zone ${dragging ? 'is-dragging' : ''}`}
          data-testid="pack-drop-zone"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            void readFile(e.dataTransfer?.files[0]);
          }}
        >
          <h3>From a file</h3>
          <p class="small muted">Drop a pack file here (.json or .yaml), or choose one.</p>
          <label class="button secondary file-button">
            Choose a file…
            <input
              type="file"
              class="visually-hidden"
              data-testid="pack-import-file"
              accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml"
              disabled={busy}
              onChange={(e) => {
                const input = e.currentTarget;
                void readFile(input.files?.[0]).finally(() => (input.value = ''));
              }}
            />
          </label>
        </div>
        <form class="add-option" onSubmit={submitUrl}>
          <h3>
            <label for="pack-url">From a web address</label>
          </h3>
          <p class="small muted" id="pack-url-help">
            Trailguide keeps it up to date and checks it every day.
          </p>
          <input
            id="pack-url"
            type="url"
            inputMode="url"
            class="text-input"
            data-testid="pack-import-url"
            placeholder="https://…/team-pack.json"
            aria-describedby="pack-url-help"
            value={url}
            onInput={(e) => setUrl(e.currentTarget.value)}
          />
          <button type="submit" class="button" data-testid="pack-subscribe" disabled={busy || !url.trim()}>
            Subscribe
          </button>
        </form>
        <form
          class="add-option"
          onSubmit={(e) => {
            e.preventDefault();
            if (pasted.trim()) onImportText(pasted, 'paste');
          }}
        >
          <h3>
            <label for="pack-paste">Paste a pack</label>
          </h3>
          <textarea
            id="pack-paste"
            class="text-input paste-box"
            data-testid="pack-import-paste"
            rows={3}
            spellcheck={false}
            placeholder="Paste the text of a pack (JSON or YAML)"
            value={pasted}
            onInput={(e) => setPasted(e.currentTarget.value)}
          />
          <button type="submit" class="button secondary" data-testid="pack-import-paste-submit" disabled={busy || !pasted.trim()}>
            Import pasted pack
          </button>
        </form>
      </div>
    </section>
  );
}
