import { useEffect, useRef, useState } from 'preact/hooks';
import type { CaseDetail } from '../../utils/cases/cases';
import * as client from '../../utils/cases/client';
import type { HistoryEntry } from '../../utils/cases/history';
import { CASE_STATUSES, type CaseStatus } from '../../utils/db/records';
import { CaseDetailView } from './CaseDetailView';
import { downloadText } from '../common/download';
import { dayBoundary, reopenableUrl } from './values';
import { RetentionSettings } from './RetentionSettings';
import { makeReport } from './report-export';
import './history.css';
import { countOf } from '../../utils/plural';
import { StatusLines } from '../common/StatusLines';

/**
 * The options page's History: every case (newest first) with its escalations,
 * search and filters, a case's captured rows, audit-report export, reopen,
 * delete with Undo, and the retention setting.
 */
interface Filters {
  text: string;
  from: string;
  to: string;
  tool: string;
  runbookId: string;
  status: '' | CaseStatus;
}

const NO_FILTERS: Filters = { text: '', from: '', to: '', tool: '', runbookId: '', status: '' };
const STATUS_WORDS: Record<CaseStatus, string> = { open: 'Open', escalated: 'Escalated', closed: 'Closed' };

function toQuery(filters: Filters) {
  return {
    text: filters.text.trim() || undefined,
    from: dayBoundary(filters.from, false),
    to: dayBoundary(filters.to, true),
    tool: filters.tool || undefined,
    runbookId: filters.runbookId || undefined,
    status: filters.status || undefined,
  };
}

function isUnfiltered(filters: Filters): boolean {
  return Object.values(filters).every((value) => value === '');
}

/** The History filters in words, for a period report's scope. */
function periodWords(filters: Filters, runbooks: readonly { id: string; title: string }[]): { label: string; value: string }[] {
  const out: { label: string; value: string }[] = [];
  if (filters.from) out.push({ label: 'Cases opened from', value: filters.from });
  if (filters.to) out.push({ label: 'Cases opened until', value: filters.to });
  if (filters.tool) out.push({ label: 'Tool', value: filters.tool });
  if (filters.runbookId) out.push({ label: 'Runbook', value: runbooks.find((r) => r.id === filters.runbookId)?.title ?? filters.runbookId });
  if (filters.status) out.push({ label: 'Status', value: STATUS_WORDS[filters.status] });
  if (filters.text.trim()) out.push({ label: 'Search', value: filters.text.trim() });
  return out;
}

function uniqueSorted(values: string[]): string[] {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b));
}

export function HistoryView() {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [options, setOptions] = useState<{ tools: string[]; runbooks: { id: string; title: string }[] }>({ tools: [], runbooks: [] });
  const [selected, setSelected] = useState<CaseDetail | null>(null);
  const [undo, setUndo] = useState<{ id: string; title: string } | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [reportBusy, setReportBusy] = useState(false);
  const searchTimer = useRef<ReturnType<typeof setTimeout>>();

  async function refreshOptions() {
    const all = await client.listHistory({});
    setOptions({
      tools: uniqueSorted(all.map((e) => e.case.tool)),
      runbooks: [...new Map(all.map((e) => [e.case.runbookId, { id: e.case.runbookId, title: e.case.runbookTitle }])).values()].sort((a, b) =>
        a.title.localeCompare(b.title),
      ),
    });
  }

  async function refresh(current = filters) {
    try {
      setEntries(await client.listHistory(toQuery(current)));
      await refreshOptions();
    } catch (error) {
      setAlert((error as Error).message);
      setEntries((old) => old ?? []);
    }
  }

  useEffect(() => {
    void refresh(NO_FILTERS);
  }, []);

  function changeFilters(patch: Partial<Filters>) {
    const next = { ...filters, ...patch };
    setFilters(next);
    clearTimeout(searchTimer.current);
    // Typing waits a moment; dropdowns and dates apply at once.
    searchTimer.current = setTimeout(() => void refresh(next), 'text' in patch ? 250 : 0);
  }

  async function select(id: string) {
    setAlert(null);
    try {
      const detail = await client.getCase(id);
      if (!detail) {
        setAlert('This case no longer exists — it may have been deleted in another window.');
        await refresh();
        return;
      }
      setSelected(detail);
    } catch (error) {
      setAlert((error as Error).message);
    }
  }

  async function exportSelected(format: 'csv' | 'json') {
    if (!selected) return;
    setAlert(null);
    try {
      const file = await client.exportCase(selected.case.id, format);
      downloadText(file.filename, file.text, file.mimeType);
      setStatus(`Saved ${file.filename} to your downloads.`);
    } catch (error) {
      setAlert((error as Error).message);
    }
  }

  async function exportReport(scope: 'case' | 'list') {
    const ids = scope === 'case' ? (selected ? [selected.case.id] : []) : (entries ?? []).map((e) => e.case.id);
    if (ids.length === 0 || reportBusy) return;
    setAlert(null);
    setReportBusy(true);
    setStatus(scope === 'case' ? 'Making the report…' : `Making the report of ${countOf(ids.length, 'case')}…`);
    try {
      const report = await makeReport({ caseIds: ids, period: scope === 'list' ? periodWords(filters, options.runbooks) : null });
      downloadText(report.fileName, report.html, 'text/html;charset=utf-8');
      setStatus(
        `Made ${report.fileName} (${countOf(report.caseCount, 'case')}, ${countOf(report.captureCount, 'capture')}) and handed it to your browser’s downloads. It opens offline and prints to PDF.`,
      );
    } catch (error) {
      setStatus(null);
      setAlert((error as Error).message);
    } finally {
      setReportBusy(false);
    }
  }

  function reopen() {
    if (!selected) return;
    const url = reopenableUrl(selected.captures.at(-1)?.sourceUrl) ?? reopenableUrl(selected.case.pageUrl);
    if (!url) {
      setAlert('This case has no page address to go back to. Open the log yourself and start the runbook again.');
      return;
    }
    window.open(url, '_blank', 'noopener,noreferrer');
    setStatus('Opened the case’s page in a new tab, with the filters it last used.');
  }

  async function remove() {
    if (!selected) return;
    const { id, runbookTitle } = selected.case;
    setAlert(null);
    try {
      await client.deleteCase(id);
      setSelected(null);
      setUndo({ id, title: runbookTitle });
      setStatus(null);
      await refresh();
    } catch (error) {
      setAlert((error as Error).message);
    }
  }

  async function undoDelete() {
    if (!undo) return;
    try {
      await client.restoreCase(undo.id);
      setUndo(null);
      setStatus('The case is back.');
      await refresh();
      await select(undo.id);
    } catch (error) {
      setUndo(null);
      setAlert((error as Error).message);
    }
  }

  return (
    <section class="history" aria-labelledby="history-heading" data-testid="history">
      <h1 id="history-heading">History</h1>

      <div class="history-filters" role="search">
        <label>
          Search
          <input
            type="search"
            data-testid="history-search"
            placeholder="E-mail, runbook, notes…"
            value={filters.text}
            onInput={(e) => changeFilters({ text: (e.target as HTMLInputElement).value })}
          />
        </label>
        <label>
          From
          <input type="date" data-testid="history-from" value={filters.from} onChange={(e) => changeFilters({ from: (e.target as HTMLInputElement).value })} />
        </label>
        <label>
          To
          <input type="date" data-testid="history-to" value={filters.to} onChange={(e) => changeFilters({ to: (e.target as HTMLInputElement).value })} />
        </label>
        <label>
          Tool
          <select data-testid="history-tool" value={filters.tool} onChange={(e) => changeFilters({ tool: (e.target as HTMLSelectElement).value })}>
            <option value="">All tools</option>
            {options.tools.map((tool) => (
              <option key={tool} value={tool}>
                {tool}
              </option>
            ))}
          </select>
        </label>
        <label>
          Runbook
          <select data-testid="history-runbook" value={filters.runbookId} onChange={(e) => changeFilters({ runbookId: (e.target as HTMLSelectElement).value })}>
            <option value="">All runbooks</option>
            {options.runbooks.map((r) => (
              <option key={r.id} value={r.id}>
                {r.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select data-testid="history-status" value={filters.status} onChange={(e) => changeFilters({ status: (e.target as HTMLSelectElement).value as Filters['status'] })}>
            <option value="">Any status</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_WORDS[s]}
              </option>
            ))}
          </select>
        </label>
      </div>

      <div class="history-layout">
        <div>
          {entries?.length ? (
            <div class="history-toolbar">
              <button
                type="button"
                class="button secondary"
                data-testid="export-report"
                data-scope="list"
                disabled={reportBusy}
                title="One audit report with every case listed here"
                onClick={() => void exportReport('list')}
              >
                Report of these {countOf(entries.length, 'case')}
              </button>
            </div>
          ) : null}
          {entries === null ? <p class="muted">Loading cases…</p> : null}
          {entries?.length === 0 ? (
            <p class="empty" data-testid="history-empty">
              {isUnfiltered(filters) ? 'No cases yet. Cases appear here once you start a runbook in the panel.' : 'No case matches these filters.'}
            </p>
          ) : null}
          <ul class="history-list">
            {entries?.map(({ case: record, escalations }) => (
              <li
                key={record.id}
                class={`history-case${selected?.case.id === record.id ? ' is-selected' : ''}`}
                data-testid="history-item"
                data-kind="case"
                data-case-id={record.id}
                data-status={record.status}
              >
                <button type="button" aria-pressed={selected?.case.id === record.id} onClick={() => void select(record.id)}>
                  <span class="history-case-title">{record.runbookTitle}</span>
                  <span class="history-meta">
                    {record.tool} · {new Date(record.createdAt).toLocaleString()} · {countOf(record.rowCount ?? 0, 'row')}{' '}
                    <span class={`badge status-${record.status}`}>{STATUS_WORDS[record.status]}</span>
                  </span>
                  {Object.values(record.inputs).some(Boolean) ? (
                    <span class="history-meta">{Object.values(record.inputs).filter(Boolean).join(' · ')}</span>
                  ) : null}
                </button>
                {escalations.length ? (
                  <ul class="history-escalations">
                    {escalations.map((e) => (
                      <li key={e.id} data-testid="history-item" data-kind="escalation" data-escalation-id={e.id} data-status={e.status}>
                        {e.title || 'Escalation'} <span class={`badge status-${e.status}`}>{e.status}</span>
                        {e.target ? ` → ${e.target}` : ''}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </div>

        <div class="history-detail" aria-live="polite">
          {selected ? (
            <>
              <div class="history-actions">
                <button type="button" class="button" data-testid="export-csv" onClick={() => void exportSelected('csv')}>
                  Export CSV
                </button>
                <button type="button" class="button" data-testid="export-json" onClick={() => void exportSelected('json')}>
                  Export JSON
                </button>
                <button type="button" class="button" data-testid="export-report" data-scope="case" disabled={reportBusy} onClick={() => void exportReport('case')}>
                  Export report
                </button>
                <button type="button" class="button secondary" data-testid="history-reopen" onClick={reopen}>
                  Reopen in its tool
                </button>
                <button type="button" class="button secondary" data-testid="history-delete" onClick={() => void remove()}>
                  Delete case
                </button>
              </div>
              <CaseDetailView detail={selected} />
            </>
          ) : (
            <p class="muted">Choose a case to see what was captured, export it or reopen it.</p>
          )}
        </div>
      </div>

      {undo ? (
        <div class="undo-bar" data-testid="undo-bar">
          <span>Deleted “{undo.title}”.</span>
          <button type="button" class="link-button" data-testid="undo-delete" onClick={() => void undoDelete()}>
            Undo
          </button>
        </div>
      ) : null}
      <StatusLines status={status} alert={alert} />

      <RetentionSettings onApplied={() => void refresh()} />
    </section>
  );
}
