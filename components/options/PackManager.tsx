import { useEffect, useState } from 'preact/hooks';
import type { DeleteReply, ExportReply, ImportReply, PackSummary } from '../../utils/packs/messages';
import { AddPack } from './AddPack';
import { MakePack } from './MakePack';
import { ask, downloadText, errorText } from './api';
import { PackRow } from './PackRow';
import { packList, packListError, reloadPacks } from './packs-state';
import { ReviewDue } from './ReviewDue';
import { ShadowedList } from './ShadowedList';
import { siteHost } from '../../utils/sites';
import { allowSite } from './sites-state';

type Notice = { kind: 'status' | 'alert'; text: string } | null;
interface PendingConfirm {
  message: string;
  proceed: () => void;
}
interface PendingUndo {
  id: string;
  name: string;
  until: number;
}

const UNDO_SHOWN_MS = 10_000;

export function PackManager() {
  const [notice, setNotice] = useState<Notice>(null);
  const [confirm, setConfirm] = useState<PendingConfirm | null>(null);
  const [undo, setUndo] = useState<PendingUndo | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(() => setUndo(null), Math.max(0, undo.until - Date.now()));
    return () => clearTimeout(timer);
  }, [undo]);

  /** Runs one action: a sentence on success, the plain error otherwise; the list is re-read either way. */
  async function perform(work: () => Promise<string | null>) {
    setBusy(true);
    setConfirm(null);
    try {
      const message = await work();
      if (message) setNotice({ kind: 'status', text: message });
    } catch (error) {
      setNotice({ kind: 'alert', text: errorText(error) });
    } finally {
      setBusy(false);
      void reloadPacks();
    }
  }

  function handleImportReply(reply: ImportReply, retry: () => void): string | null {
    if (reply.status === 'confirm') {
      setConfirm({ message: reply.message, proceed: retry });
      return null;
    }
    return reply.message;
  }

  function importText(text: string, source: 'file' | 'paste', replace = false) {
    void perform(async () => {
      const reply = await ask<ImportReply>({ type: 'packs:import', text, source, replace });
      return handleImportReply(reply, () => importText(text, source, true));
    });
  }

  function subscribeTo(url: string, replace = false) {
    setNotice({ kind: 'status', text: `Downloading the pack from ${url}…` });
    void perform(async () => {
      const reply = await ask<ImportReply>({ type: 'packs:subscribe', url, replace });
      return handleImportReply(reply, () => subscribeTo(url, true));
    });
  }

  const actions = {
    busy,
    onToggle: (pack: PackSummary, enabled: boolean) =>
      void perform(async () => {
        await ask({ type: 'packs:set-enabled', id: pack.id, enabled });
        return enabled ? `“${pack.name}” is switched on.` : `“${pack.name}” is switched off. Its runbooks no longer show in the panel.`;
      }),
    onDelete: (pack: PackSummary) =>
      void perform(async () => {
        const reply = await ask<DeleteReply>({ type: 'packs:delete', id: pack.id });
        setUndo({ id: pack.id, name: pack.name, until: Math.min(reply.undoUntil, Date.now() + UNDO_SHOWN_MS) });
        return null;
      }),
    onExport: (pack: PackSummary) =>
      void perform(async () => {
        const file = await ask<ExportReply>({ type: 'packs:export', id: pack.id });
        downloadText(file.fileName, file.text, file.mimeType);
        return `Saved “${pack.name}” as ${file.fileName} in your downloads.`;
      }),
    // Straight from the click: allowSite asks the browser before anything is awaited.
    onAllowSite: (origin: string) =>
      void perform(async () => {
        const reply = await allowSite(origin, siteHost(origin));
        if (!reply.ok) throw new Error(reply.problem);
        return `Trailguide now works on ${reply.host}: this pack's runbooks appear there on the pages they fit.`;
      }),
    onCheck: (pack: PackSummary) =>
      void perform(async () => {
        const reply = await ask<{ ok: boolean; message: string }>({ type: 'packs:refresh', id: pack.id });
        if (!reply.ok) throw new Error(reply.message);
        return reply.message;
      }),
  };

  function undoDelete() {
    if (!undo) return;
    const { id, name } = undo;
    setUndo(null);
    void perform(async () => {
      await ask({ type: 'packs:restore', id });
      return `“${name}” is back.`;
    });
  }

  const list = packList.value;
  return (
    <div class="page">
      <header class="page-header">
        <h1>Packs</h1>
        <p class="lede">
          A pack is a set of runbooks (and the log tools they work with) that your team shares. Add packs here; their runbooks appear in
          the Trailguide panel on your audit logs.
        </p>
      </header>

      <AddPack busy={busy} onImportText={importText} onSubscribe={(url) => subscribeTo(url)} onProblem={(text) => setNotice({ kind: 'alert', text })} />

      <MakePack busy={busy} onInstall={(text) => importText(text, 'file')} />

      <div class="notices" data-testid="packs-notice">
        {notice?.kind === 'alert' ? (
          <p role="alert" class="error">{notice.text}</p>
        ) : (
          <p role="status" class={notice ? 'success' : 'visually-hidden'}>{notice?.text ?? ''}</p>
        )}
        {confirm && (
          <div class="confirm" role="alertdialog" aria-labelledby="confirm-text" data-testid="pack-confirm">
            <p id="confirm-text">{confirm.message}</p>
            <div class="confirm-buttons">
              <button class="button" data-testid="pack-confirm-replace" onClick={confirm.proceed}>
                Replace it
              </button>
              <button class="button secondary" onClick={() => setConfirm(null)}>
                Keep the installed one
              </button>
            </div>
          </div>
        )}
      </div>

      <section aria-labelledby="installed-heading">
        <h2 id="installed-heading" class="section-heading">
          Installed packs {list && <span class="muted">({list.packs.length})</span>}
        </h2>
        {packListError.value && <p role="alert" class="error">{packListError.value}</p>}
        {!list && !packListError.value && <p class="muted" role="status">Loading your packs…</p>}
        {list && list.packs.length === 0 && (
          <div class="empty">
            <p>No packs are installed. Add one above, or switch the built-in pack back on.</p>
          </div>
        )}
        {list && list.packs.length > 0 && (
          <ul class="pack-list">
            {list.packs.map((pack) => (
              <PackRow key={pack.id} pack={pack} {...actions} />
            ))}
          </ul>
        )}
      </section>

      {list && <ShadowedList items={list.shadowed} />}

      {list && <ReviewDue packs={list.packs} />}

      {undo && (
        <div class="undo-bar" role="status" data-testid="undo-bar">
          <span>Deleted “{undo.name}”.</span>
          <button class="link-button undo-button" data-testid="pack-undo" onClick={undoDelete}>
            Undo
          </button>
        </div>
      )}
    </div>
  );
}
