import type { EventKind } from '../../utils/schema/kinds';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import * as client from '../../utils/cases/client';
import { DEFAULT_CASE_SETTINGS, type CaseSettings } from '../../utils/cases/settings';
import type { CaptureRecord, CaseRecord, EscalationFormat, EscalationRecord, EscalationStatus } from '../../utils/db/records';
import { buildEscalation } from '../../utils/escalation/build';
import { clipboardText, ticketBodyFormat, ticketConfigFor, ticketTargets } from '../../utils/escalation/compose';
import { NO_REDACTION, redactableColumns, redactText, type RedactionOptions } from '../../utils/escalation/redact';
import { TICKET_TARGET_NAMES, ticketLink, type TicketTarget } from '../../utils/escalation/tickets';
import type { EscalationTemplate } from '../../utils/schema/pack';
import type { Runbook } from '../../utils/schema/runbook';
import { copyText } from '../../utils/clipboard';
import { useActionsAllowed } from './visibility';
import { newId } from '../../utils/ids';
import { StatusLines } from '../common/StatusLines';
import './escalation.css';

export interface EscalationBuilderProps {
  caseRecord: CaseRecord;
  /** The case's captures with rows; loaded from the background when left out. */
  captures?: readonly CaptureRecord[];
  runbook?: Runbook;
  /** The pack's escalation templates; the first matching templateId (or the runbook's) is preselected. */
  templates?: readonly EscalationTemplate[];
  templateId?: string | null;
  adapterName?: string;
  /** The packs' event kinds, so a runbook's kind filters are named in words. */
  kinds?: readonly Pick<EventKind, 'id' | 'name'>[];
  /** Settings (redaction defaults, ticket targets); loaded from the background when left out. */
  settings?: CaseSettings;
  onClose: () => void;
  /** Told about every save (draft, copied, opened), e.g. to refresh the case's status. */
  onSaved?: (escalation: EscalationRecord) => void;
}

const FORMATS: { id: EscalationFormat; label: string }[] = [
  { id: 'markdown', label: 'Markdown' },
  { id: 'text', label: 'Plain text' },
  { id: 'json', label: 'JSON' },
];

const COPY_FAILED =
  'I couldn’t copy to the clipboard. Click in the text above, press Ctrl+A (⌘A on a Mac) then Ctrl+C (⌘C) to copy it yourself.';

type Edits = Partial<Record<EscalationFormat, string>>;

export function EscalationBuilder(props: EscalationBuilderProps) {
  const { caseRecord, runbook, templates = [], onClose } = props;
  // A draft left unsent in this case is picked up again (below), under its own id.
  const escalationId = useRef(newId());
  const actionsRef = useRef<HTMLDivElement>(null);
  const guard = useActionsAllowed(actionsRef);

  const [settings, setSettingsState] = useState<CaseSettings | null>(props.settings ?? null);
  const [captures, setCaptures] = useState<readonly CaptureRecord[] | null>(props.captures ?? null);
  const [templateId, setTemplateId] = useState<string | null>(
    () => [props.templateId, runbook?.escalation?.template].find((id) => id && templates.some((t) => t.id === id)) ?? templates[0]?.id ?? null,
  );
  const [format, setFormat] = useState<EscalationFormat>('markdown');
  const [redaction, setRedaction] = useState<RedactionOptions | null>(
    props.settings ? { emails: props.settings.redactEmails, ips: props.settings.redactIps, columns: props.settings.redactColumns } : null,
  );
  const [titleEdit, setTitleEdit] = useState<string | null>(null);
  const [edits, setEdits] = useState<Edits>({});
  const [status, setStatus] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => setCaptures(props.captures ?? null), [props.captures]);

  useEffect(() => {
    if (settings) return;
    client
      .getSettings()
      .catch(() => DEFAULT_CASE_SETTINGS)
      .then((loaded) => {
        setSettingsState(loaded);
        setRedaction((current) => current ?? { emails: loaded.redactEmails, ips: loaded.redactIps, columns: loaded.redactColumns });
      });
  }, []);

  useEffect(() => {
    if (captures) return;
    client
      .getCase(caseRecord.id)
      .then((detail) => setCaptures(detail?.captures ?? []))
      .catch((error: Error) => {
        setCaptures([]);
        setAlert(error.message);
      });
  }, [caseRecord.id, captures]);

  const template = templates.find((t) => t.id === templateId) ?? null;
  const effectiveSettings = settings ?? DEFAULT_CASE_SETTINGS;
  const activeRedaction = redaction ?? NO_REDACTION;

  const built = useMemo(
    () =>
      captures
        ? buildEscalation({
            case: caseRecord,
            captures,
            runbook,
            template,
            adapterName: props.adapterName,
            kinds: props.kinds,
            who: effectiveSettings.agentName,
            rowLimit: effectiveSettings.escalationRowLimit,
            redaction: activeRedaction,
          })
        : null,
    [caseRecord, captures, runbook, template, props.adapterName, props.kinds, effectiveSettings, activeRedaction],
  );

  const title = titleEdit ?? built?.title ?? '';
  const bodyFor = (f: EscalationFormat) => edits[f] ?? built?.[f] ?? '';
  const shown = bodyFor(format);
  const edited = titleEdit !== null || edits[format] !== undefined;
  // Edits are the agent's to make, but say so when they removed a capture's fingerprint (the evidence an engineer checks).
  const cutEvidence = edited && built ? built.facts.captures.filter((c) => !shown.includes(c.hash)).map((c) => c.number) : [];
  const columns = useMemo(() => redactableColumns((captures ?? []).flatMap((c) => c.rows.slice(0, 50))), [captures]);

  // Edits are kept as a draft in the database, so closing the panel loses nothing:
  // saved 800 ms after the last keystroke, and at once when the builder closes
  // with a save still pending (closing must never drop what was typed).
  const draftTimer = useRef<ReturnType<typeof setTimeout>>();
  const draftPending = useRef(false);
  // Once a draft exists, undoing the edits is saved too (or reopening would bring the undone text back).
  const hasDraft = useRef(false);
  // The title and text the stored draft holds: nothing to save while they are what is shown.
  const savedText = useRef<string | null>(null);
  const shownText = `${title}\n${shown}`;
  const saveDraft = useRef<() => void>(() => undefined);
  saveDraft.current = () => {
    draftPending.current = false;
    hasDraft.current = true;
    savedText.current = shownText;
    void save('draft', null);
  };
  useEffect(() => {
    if (!edited && !hasDraft.current) return;
    clearTimeout(draftTimer.current);
    draftPending.current = shownText !== savedText.current;
    if (!draftPending.current) return;
    draftTimer.current = setTimeout(() => saveDraft.current(), 800);
  }, [titleEdit, edits]);
  useEffect(
    () => () => {
      clearTimeout(draftTimer.current);
      if (draftPending.current) saveDraft.current();
    },
    [],
  );

  // Reopened on a case whose last escalation was edited but never sent: its text comes back.
  const restored = useRef(false);
  useEffect(() => {
    let live = true;
    client
      .getCase(caseRecord.id)
      .then((detail) => {
        const draft = [...(detail?.escalations ?? [])].filter((e) => e.status === 'draft').sort((a, b) => b.updatedAt - a.updatedAt)[0];
        // Never over what the agent started typing while it loaded.
        if (!live || !draft || restored.current || draftPending.current) return;
        restored.current = true;
        hasDraft.current = true;
        escalationId.current = draft.id;
        if (draft.templateId && templates.some((t) => t.id === draft.templateId)) setTemplateId(draft.templateId);
        setFormat(draft.format);
        setTitleEdit(draft.title);
        setEdits({ [draft.format]: draft.body });
        savedText.current = `${draft.title}\n${draft.body}`;
        if (draft.redaction) setRedaction({ ...draft.redaction, columns: [...draft.redaction.columns] });
        setStatus(`Your unsent draft from ${new Date(draft.updatedAt).toLocaleString()} is back, as you left it.`);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [caseRecord.id]);

  async function save(next: EscalationStatus, target: TicketTarget | null): Promise<void> {
    try {
      const saved = await client.saveEscalation({
        id: escalationId.current,
        caseId: caseRecord.id,
        status: next,
        templateId: template?.id ?? null,
        format,
        title: redactText(title, activeRedaction),
        body: redactText(shown, activeRedaction),
        target,
        redaction: { ...activeRedaction, columns: [...activeRedaction.columns] },
      });
      props.onSaved?.(saved);
    } catch (error) {
      setAlert(`${(error as Error).message} (Your text is still here — copy it before closing.)`);
    }
  }

  const copy = copyText;

  async function onCopy() {
    if (!guard.allowed || busy) return;
    setBusy(true);
    setAlert(null);
    setStatus(null);
    const ok = await copy(redactText(clipboardText(format, title, shown), activeRedaction));
    if (ok) {
      setStatus(`Copied — the ${FORMATS.find((f) => f.id === format)!.label} escalation is on your clipboard. Paste it into your ticket or chat.`);
      await save('copied', null);
    } else setAlert(COPY_FAILED);
    setBusy(false);
  }

  async function onOpen(target: TicketTarget) {
    if (!guard.allowed || busy) return;
    setAlert(null);
    setStatus(null);
    const bodyFormat = ticketBodyFormat(target, format);
    const body = redactText(bodyFor(bodyFormat), activeRedaction);
    const safeTitle = redactText(title, activeRedaction);
    const link = ticketLink(target, { title: safeTitle, body }, ticketConfigFor(template, effectiveSettings));
    if (!link.ok) {
      setAlert(link.message);
      return;
    }
    setBusy(true);
    const name = TICKET_TARGET_NAMES[target];
    if (link.truncated) {
      // Copy before opening: the new tab takes focus and the clipboard may refuse afterwards.
      const ok = await copy(clipboardText(bodyFormat, safeTitle, body));
      if (!ok) {
        setAlert(`This escalation is too long to put in a ${name} link, and I couldn’t copy it. Use “Copy” first, then open the ${name} and paste.`);
        setBusy(false);
        return;
      }
    }
    window.open(link.url, '_blank', 'noopener,noreferrer');
    setStatus(
      link.truncated
        ? `Opened a new ${name}. The escalation was too long for a link, so I copied the full text: replace the short text in the ${name} by pasting.`
        : `Opened a new ${name} in a new tab, filled in. Check it and submit it there.`,
    );
    await save('opened', target);
    setBusy(false);
  }

  function toggleColumn(name: string, on: boolean) {
    setRedaction({ ...activeRedaction, columns: on ? [...activeRedaction.columns, name] : activeRedaction.columns.filter((c) => c !== name) });
  }

  const targets = ticketTargets(template);
  const disabled = !guard.allowed || busy || !built;

  return (
    <section class="escalation" aria-labelledby="escalation-heading" data-testid="escalation-builder">
      <div class="escalation-header">
        <h2 id="escalation-heading">Escalate this case</h2>
        <button type="button" class="icon-button" aria-label="Close the escalation" data-testid="escalation-close" onClick={onClose}>
          ×
        </button>
      </div>
      {template?.to ? <p class="muted small">For: {template.to}</p> : null}

      {templates.length > 1 ? (
        <label class="escalation-field">
          Template
          <select data-testid="escalation-template" value={templateId ?? ''} onChange={(e) => setTemplateId((e.target as HTMLSelectElement).value || null)}>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}

      <label class="escalation-field">
        Title
        <input data-testid="escalation-title" value={title} maxLength={300} onInput={(e) => setTitleEdit((e.target as HTMLInputElement).value)} />
      </label>

      <div class="escalation-formats" role="group" aria-label="Format">
        {FORMATS.map((f) => (
          <button key={f.id} type="button" data-testid="escalation-format" data-format={f.id} aria-pressed={format === f.id} onClick={() => setFormat(f.id)}>
            {f.label}
          </button>
        ))}
      </div>

      <label class="visually-hidden" for="escalation-text">
        Escalation text
      </label>
      <textarea
        id="escalation-text"
        class="escalation-text"
        data-testid="escalation-text"
        data-format={format}
        spellcheck={false}
        value={built ? shown : 'Gathering the case…'}
        readOnly={!built}
        onInput={(e) => setEdits({ ...edits, [format]: (e.target as HTMLTextAreaElement).value })}
      />
      {edited ? (
        <p class="escalation-edited">
          You edited this text; changes to redaction or template won’t replace your edits.
          <button
            type="button"
            class="link-button"
            data-testid="escalation-reset"
            onClick={() => {
              setEdits({});
              setTitleEdit(null);
            }}
          >
            Start again from the case
          </button>
        </p>
      ) : null}
      {cutEvidence.length > 0 ? (
        <p class="escalation-edited" data-testid="escalation-evidence-warning">
          Your edits removed the SHA-256 fingerprint of capture {cutEvidence.join(', ')}, so an engineer can’t check those rows. “Start again from the case” puts
          the full evidence back.
        </p>
      ) : null}

      <fieldset class="escalation-redaction" data-testid="escalation-redaction">
        <legend>Hide before sharing</legend>
        <label>
          <input type="checkbox" data-testid="redact-emails" checked={activeRedaction.emails} onChange={(e) => setRedaction({ ...activeRedaction, emails: (e.target as HTMLInputElement).checked })} />
          E-mail addresses
        </label>
        <label>
          <input type="checkbox" data-testid="redact-ips" checked={activeRedaction.ips} onChange={(e) => setRedaction({ ...activeRedaction, ips: (e.target as HTMLInputElement).checked })} />
          IP addresses
        </label>
        {columns.map((name) => (
          <label key={name}>
            <input
              type="checkbox"
              data-testid="redact-column"
              data-column={name}
              checked={activeRedaction.columns.includes(name)}
              onChange={(e) => toggleColumn(name, (e.target as HTMLInputElement).checked)}
            />
            Column “{name}”
          </label>
        ))}
      </fieldset>

      <div class="escalation-actions" ref={actionsRef}>
        <button type="button" class="button" data-testid="copy-escalation" disabled={disabled} onClick={() => void onCopy()}>
          Copy
        </button>
        {targets.map((target) => (
          <button
            key={target}
            type="button"
            class="button secondary"
            data-testid="open-ticket"
            data-target={target}
            disabled={disabled}
            onClick={() => void onOpen(target)}
          >
            Open {TICKET_TARGET_NAMES[target]}
          </button>
        ))}
      </div>
      {guard.reason ? (
        <p class="escalation-guard" data-testid="escalation-guard">
          {guard.reason}
        </p>
      ) : null}
      <StatusLines status={status} alert={alert} statusClass="escalation-status" />
    </section>
  );
}
