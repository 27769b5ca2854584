import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ExportReply } from '../../utils/packs/messages';
import { decodePackText, PackFilesError, takeFolderFiles } from '../../utils/pack/files';
import { makePackFromFiles } from '../../utils/pack/make';
import { readPackZip } from '../../utils/pack/zip';
import type { Adapter } from '../../utils/schema/adapter';
import { ask, downloadText, errorText } from './api';
import { packList } from './packs-state';

export interface MakePackProps {
  busy: boolean;
  /** Installs the built pack exactly as a chosen pack file would be (checked again by the background). */
  onInstall: (text: string) => void;
}

/** What a chosen folder or zip gave: its name for the messages, and the files the pack takes. */
interface ChosenSource {
  kind: 'folder' | 'zip';
  label: string;
  folder: string;
  files: Record<string, string>;
}

/** Adapters taught with "Teach Trailguide this page" live in the local pack(s), "My runbooks". */
async function loadTaughtAdapters(packIds: string[]): Promise<Adapter[]> {
  const adapters: Adapter[] = [];
  for (const id of packIds) {
    const file = await ask<ExportReply>({ type: 'packs:export', id });
    const pack = JSON.parse(file.text) as { adapters?: Adapter[] };
    adapters.push(...(pack.adapters ?? []));
  }
  return adapters;
}

async function readFolder(list: FileList): Promise<ChosenSource> {
  const entries = [...list].map((file) => ({ path: file.webkitRelativePath || file.name, size: file.size, file }));
  const { folder, taken } = takeFolderFiles(entries);
  const files: Record<string, string> = {};
  for (const { key, entry } of taken) files[key] = decodePackText(new Uint8Array(await entry.file.arrayBuffer()));
  return { kind: 'folder', label: `the folder "${folder}"`, folder, files };
}

async function readZip(file: File): Promise<ChosenSource> {
  const { folder, files } = await readPackZip(new Uint8Array(await file.arrayBuffer()));
  return { kind: 'zip', label: `“${file.name}”`, folder, files };
}

export function MakePack({ busy, onInstall }: MakePackProps) {
  const [source, setSource] = useState<ChosenSource | null>(null);
  const [readProblem, setReadProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [taught, setTaught] = useState<Adapter[]>([]);
  const [taughtProblem, setTaughtProblem] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);

  const localIds = (packList.value?.packs ?? []).filter((p) => p.source === 'local' && p.adapterCount > 0).map((p) => `${p.id}@${p.version}`);
  const localKey = localIds.join(',');
  useEffect(() => {
    if (!localKey) {
      setTaught([]);
      return;
    }
    let live = true;
    loadTaughtAdapters(localKey.split(',').map((k) => k.slice(0, k.lastIndexOf('@'))))
      .then((list) => live && (setTaught(list), setTaughtProblem(null)))
      .catch((error) => live && setTaughtProblem(`Trailguide couldn't list the pages you taught: ${errorText(error)}`));
    return () => {
      live = false;
    };
  }, [localKey]);

  const picked = taught.filter((a) => chosen.includes(a.id));
  const made = useMemo(() => (source ? makePackFromFiles(source.folder, source.files, picked) : null), [source, picked.map((a) => a.id).join(',')]);

  async function choose(read: () => Promise<ChosenSource>, name: string) {
    setReading(true);
    setSource(null);
    setReadProblem(null);
    setSaved(null);
    try {
      setSource(await read());
    } catch (error) {
      setSource(null);
      setReadProblem(error instanceof PackFilesError ? `I couldn't read ${name}: ${error.message}` : `Trailguide couldn't read ${name}. Choose it again.`);
    } finally {
      setReading(false);
    }
  }

  function toggle(id: string, on: boolean) {
    setSaved(null);
    setChosen((list) => (on ? [...list.filter((x) => x !== id), id] : list.filter((x) => x !== id)));
  }

  return (
    <section class="card make-pack" aria-labelledby="make-heading" data-testid="make-pack">
      <h2 id="make-heading">Make a pack from a folder</h2>
      <p class="small muted">
        Choose the folder that holds your pack's <code>pack.yaml</code>, runbooks (<code>.md</code>), <code>glossary.yaml</code> and{' '}
        <code>adapters/</code> — or a .zip of it. Trailguide checks every file and names any problem it finds; then save the pack file to share it, or
        install it here.
      </p>
      <div class="make-pack-choose">
        <label class="button secondary file-button">
          Choose a folder…
          <input
            type="file"
            class="visually-hidden"
            data-testid="make-pack-folder"
            // Chromium and Firefox both offer a folder picker for this attribute.
            {...{ webkitdirectory: true }}
            multiple
            disabled={busy || reading}
            onChange={(e) => {
              const input = e.currentTarget;
              const list = input.files;
              if (!list || list.length === 0) return;
              void choose(() => readFolder(list), 'the folder').finally(() => (input.value = ''));
            }}
          />
        </label>
        <label class="button secondary file-button">
          Choose a .zip…
          <input
            type="file"
            class="visually-hidden"
            data-testid="make-pack-zip"
            accept=".zip,application/zip"
            disabled={busy || reading}
            onChange={(e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              if (!file) return;
              void choose(() => readZip(file), `“${file.name}”`).finally(() => (input.value = ''));
            }}
          />
        </label>
      </div>

      <fieldset class="make-pack-taught" data-testid="make-pack-taught">
        <legend>Pages you taught Trailguide</legend>
        {taughtProblem && <p class="error small">{taughtProblem}</p>}
        {!taughtProblem && taught.length === 0 && (
          <p class="small muted">None yet. Pages you teach with “Teach Trailguide this page” (in the panel, on your log tool) can be added to the pack here.</p>
        )}
        {taught.map((adapter) => (
          <label key={adapter.id} class="check-row">
            <input
              type="checkbox"
              data-testid={`make-pack-taught-${adapter.id}`}
              checked={chosen.includes(adapter.id)}
              onChange={(e) => toggle(adapter.id, e.currentTarget.checked)}
            />{' '}
            Add “{adapter.name}” to the pack
          </label>
        ))}
      </fieldset>

      <div class="make-pack-result" aria-live="polite">
        {reading && <p class="muted" role="status">Reading the files…</p>}
        {readProblem && (
          <p role="alert" class="error" data-testid="make-pack-problem">
            {readProblem}
          </p>
        )}
        {made && !made.ok && (
          <p role="alert" class="error" data-testid="make-pack-problem">
            {made.problem}
          </p>
        )}
        {made?.ok && (
          <div data-testid="make-pack-ready" data-from={source?.kind}>
            <p class="small muted">Read from {source?.label}.</p>
            <p class="success" data-testid="make-pack-summary">
              “{made.pack.name}” {made.pack.version} is ready: {made.pack.runbooks.length} runbooks, {made.pack.glossary.length} glossary terms,{' '}
              {made.pack.adapters.length} adapters, {made.pack.escalationTemplates.length} escalation templates.
            </p>
            {made.notes.map((note) => (
              <p key={note} class="small muted" data-testid="make-pack-note">
                {note}
              </p>
            ))}
            <div class="confirm-buttons">
              <button
                class="button"
                data-testid="make-pack-download"
                disabled={busy}
                onClick={() => {
                  downloadText(made.fileName, made.text, 'application/json');
                  setSaved(`Your browser is saving ${made.fileName} to your downloads.`);
                }}
              >
                Save the pack file
              </button>
              <button class="button secondary" data-testid="make-pack-install" disabled={busy} onClick={() => onInstall(made.text)}>
                Install it here
              </button>
            </div>
            {saved && (
              <p class="small muted" role="status">
                {saved}
              </p>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
