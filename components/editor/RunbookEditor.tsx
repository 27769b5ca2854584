import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ExportReply, RunbookSourceReply, SaveLocalReply } from '../../utils/packs/messages';
import { BLANK_RUNBOOK_SOURCE, parseRunbookSource } from '../../utils/packs/runbook-source';
import { withReviewedDate } from '../../utils/review/mark-reviewed';
import { todayIso } from '../../utils/review/staleness';
import { ask, downloadText, errorText } from '../options/api';
import { packList, reloadPacks } from '../options/packs-state';
import { loadDraft, saveDraft } from './draft';
import { RunbookPreview } from './RunbookPreview';

type Notice = { kind: 'status' | 'alert'; text: string } | null;
const BLANK = 'blank';
const DRAFT_SAVE_DELAY_MS = 400;

/**
 * A team lead's editor: the runbook's text on the left (front matter + Markdown),
 * checked as they type, and a live preview on the right. Saving puts it in the
 * local pack "My runbooks"; the panel picks it up at once.
 */
export function RunbookEditor() {
  const [text, setText] = useState<string | null>(null);
  const [base, setBase] = useState('');
  const [startedFrom, setStartedFrom] = useState('A blank runbook');
  const [choice, setChoice] = useState(BLANK);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void loadDraft().then((draft) => {
      if (draft) {
        setText(draft.text);
        setBase(draft.base);
        setStartedFrom(draft.startedFrom);
        if (draft.text !== draft.base) setNotice({ kind: 'status', text: 'Your unsaved changes from last time are back.' });
      } else {
        setText(BLANK_RUNBOOK_SOURCE);
        setBase(BLANK_RUNBOOK_SOURCE);
      }
    });
  }, []);

  useEffect(() => {
    if (text === null) return;
    const timer = setTimeout(() => void saveDraft({ text, base, startedFrom }), DRAFT_SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, base, startedFrom]);

  const dirty = text !== null && text !== base;
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const result = useMemo(() => (text === null ? null : parseRunbookSource(text)), [text]);
  const choices = packList.value?.packs.filter((p) => p.runbookCount > 0) ?? [];
  const localPack = packList.value?.packs.find((p) => p.source === 'local');

  async function startFrom(value: string) {
    if (dirty && !window.confirm('You have unsaved changes. Replace them with the runbook you picked?')) return;
    setChoice(value);
    setNotice(null);
    if (value === BLANK) {
      setText(BLANK_RUNBOOK_SOURCE);
      setBase(BLANK_RUNBOOK_SOURCE);
      setStartedFrom('A blank runbook');
      return;
    }
    const [packId = '', runbookId = ''] = value.split('/');
    try {
      const { source } = await ask<RunbookSourceReply>({ type: 'runbook:source', packId, runbookId });
      const title = choices.find((p) => p.id === packId)?.runbooks.find((r) => r.id === runbookId)?.title ?? runbookId;
      setText(source);
      setBase(source);
      setStartedFrom(title);
    } catch (error) {
      setNotice({ kind: 'alert', text: errorText(error) });
    }
  }

  /** Saves; `reviewed` first writes today's date into the front matter (the team lead checked it against the console). */
  async function save(reviewed = false) {
    if (!result?.ok || text === null) return;
    const source = reviewed ? withReviewedDate(text, todayIso(Date.now())) : text;
    const checked = source === text ? result : parseRunbookSource(source);
    if (!checked.ok) {
      setNotice({ kind: 'alert', text: checked.problem.message });
      return;
    }
    setBusy(true);
    try {
      const reply = await ask<SaveLocalReply>({ type: 'runbook:save-local', runbook: checked.runbook });
      setText(source);
      setBase(source);
      setNotice({
        kind: 'status',
        text: `Saved “${reply.title}” to ${reply.packName} (version ${reply.version})${reviewed ? `, marked as reviewed today (${todayIso(Date.now())})` : ''}. Open or reload an audit log to see it in the panel.`,
      });
    } catch (error) {
      setNotice({ kind: 'alert', text: errorText(error) });
    } finally {
      setBusy(false);
      void reloadPacks();
    }
  }

  async function exportLocal() {
    if (!localPack) return;
    try {
      const file = await ask<ExportReply>({ type: 'packs:export', id: localPack.id });
      downloadText(file.fileName, file.text, file.mimeType);
      setNotice({ kind: 'status', text: `Saved ${file.fileName} in your downloads. Share it with your team; they import it on their Packs page.` });
    } catch (error) {
      setNotice({ kind: 'alert', text: errorText(error) });
    }
  }

  return (
    <div class="page page-wide">
      <header class="page-header">
        <h1>Write a runbook</h1>
        <p class="lede">
          Start from an existing runbook or a blank one. The part between the two <code>---</code> lines holds the runbook’s details
          (title, inputs, steps); below it, write the reading guide in Markdown. The preview updates as you type.
        </p>
      </header>

      <div class="editor-toolbar">
        <label class="start-from">
          <span>Start from</span>
          <select data-testid="editor-start" value={choice} onChange={(e) => void startFrom(e.currentTarget.value)}>
            <option value={BLANK}>A blank runbook</option>
            {choices.map((pack) => (
              <optgroup key={pack.id} label={pack.name}>
                {pack.runbooks.map((r) => (
                  <option key={r.id} value={`${pack.id}/${r.id}`}>
                    {r.title}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <div class="toolbar-buttons">
          <button class="button" data-testid="editor-save" disabled={busy || !result?.ok || !dirty} onClick={() => void save()}>
            Save to {localPack?.name ?? 'My runbooks'}
          </button>
          <button
            class="button secondary"
            data-testid="editor-save-reviewed"
            disabled={busy || !result?.ok}
            title="You checked this runbook against the console: save it with today's date as its review date."
            onClick={() => void save(true)}
          >
            Save as reviewed today
          </button>
          <button class="button secondary" data-testid="editor-export" disabled={!localPack} onClick={() => void exportLocal()} title={localPack ? undefined : 'Save a runbook first'}>
            Export {localPack?.name ?? 'My runbooks'}
          </button>
        </div>
      </div>

      {notice?.kind === 'alert' ? <p role="alert" class="error">{notice.text}</p> : <p role="status" class={notice ? 'success' : 'visually-hidden'}>{notice?.text ?? ''}</p>}

      <div class="editor-grid">
        <div class="editor-source">
          <label for="runbook-source" class="pane-title">
            Runbook text <span class="muted small">(started from: {startedFrom})</span>
          </label>
          <p class="small muted editor-state" data-testid="editor-state">
            {dirty ? 'Unsaved changes — kept as a draft on this computer until you save.' : 'No unsaved changes.'}
          </p>
          <textarea
            id="runbook-source"
            class="source-box"
            data-testid="editor-source"
            spellcheck={false}
            aria-describedby="runbook-check"
            value={text ?? ''}
            disabled={text === null}
            onInput={(e) => setText(e.currentTarget.value)}
          />
          <div id="runbook-check" data-testid="editor-validation">
            {result?.ok === false ? (
              <p role="alert" class="error small">
                {result.problem.message}
                {result.problem.field && !result.problem.message.includes(result.problem.field) && <> (at “{result.problem.field}”)</>}
              </p>
            ) : result?.ok ? (
              <p role="status" class="ok-text small">
                Looks good: {result.runbook.steps.length} {result.runbook.steps.length === 1 ? 'step' : 'steps'}, id “{result.runbook.id}”.
                {result.warnings?.map((w) => (
                  <span key={w.field} class="warn-text" data-testid="editor-warning">
                    {' '}
                    {w.message}
                  </span>
                ))}
              </p>
            ) : null}
          </div>
        </div>
        <div class="editor-preview-pane" aria-label="Preview">
          <div class="pane-title">Preview</div>
          {result?.ok ? (
            <RunbookPreview runbook={result.runbook} />
          ) : (
            <div class="empty">The preview comes back as soon as the problem on the left is fixed. Your text is safe.</div>
          )}
        </div>
      </div>
    </div>
  );
}
