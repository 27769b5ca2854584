import './sentence.css';
import { SENTENCE_ROLE_TITLE, SENTENCE_ROLES, type SentenceRole } from '../../utils/builder/sentence';
import {
  correctRow,
  editing,
  selecting,
  selectPart,
  sentenceNote,
  sentenceOn,
  sentenceResult,
  sentenceRows,
  startSentence,
  stopSelecting,
  teachings,
} from './sentence-state';

/**
 * "The rows are sentences" (issue 14 §2): when a row's parts are not separate boxes, the person
 * selects the words for each part in one row; every visible row is then shown as Trailguide
 * will read it, and a row read wrong can be taught again.
 */
const SHOWN_ROWS = 60;

function Part({ role, rowSelectors }: { role: SentenceRole; rowSelectors: string[] }) {
  const teaching = teachings.value[editing.value];
  const span = teaching?.spans.find((s) => s.role === role);
  const text = span && teaching ? sentenceRows.value?.rows[teaching.row]?.slice(span.start, span.end) : undefined;
  const isArmed = selecting.value === role;
  return (
    <li class={`builder-step ${span ? 'is-picked' : 'is-todo'} ${isArmed ? 'is-armed' : ''}`}>
      <button
        class="builder-step-button"
        data-testid="sentence-part"
        data-role={role}
        data-state={span ? 'selected' : 'todo'}
        aria-pressed={isArmed}
        onClick={() => void (isArmed ? stopSelecting() : selectPart(role, rowSelectors))}
      >
        <span class="builder-step-mark" aria-hidden="true">{span ? '✓' : isArmed ? '◎' : '○'}</span>
        <span class="builder-step-text">
          <span class="builder-step-title">
            {SENTENCE_ROLE_TITLE[role]}
            {role === 'target' && <span class="muted small"> (if the row says)</span>}
          </span>
          <span class="builder-step-sub">{isArmed ? 'Now select its words in a row…' : text !== undefined ? `“${text}”` : 'Click here, then select its words on the page'}</span>
        </span>
      </button>
    </li>
  );
}

function ReadTable() {
  const result = sentenceResult.value;
  const rows = sentenceRows.value?.rows ?? [];
  if (!result) return null;
  if (!result.ok) return null;
  const taughtRows = new Set(teachings.value.filter((t) => t.spans.length > 0).map((t) => t.row));
  return (
    <div class="sentence-read">
      <p class="small" data-testid="sentence-summary" data-read={result.read} data-rows={rows.length}>
        {result.read === rows.length
          ? `The sentence fits all ${rows.length} rows. Check each row below against the page: where one is read wrong, press Correct and select its parts.`
          : `The sentence fits ${result.read} of ${rows.length} rows. Press Correct on a row marked “not read” (or read wrong) and select its parts.`}
      </p>
      <div class="sentence-table-wrap">
        <table class="sentence-table" data-testid="sentence-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Who</th>
              <th scope="col">Event</th>
              <th scope="col">Target</th>
              <th scope="col">When</th>
              <th scope="col"><span class="sr-only">Correct</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, SHOWN_ROWS).map((text, index) => {
              const reading = result.readings[index];
              return (
                <tr key={index} data-testid="sentence-row" data-read={reading ? 'yes' : 'no'} class={reading ? '' : 'is-unread'}>
                  <th scope="row">{index + 1}{taughtRows.has(index) && <span title="You taught this row"> ✎</span>}</th>
                  {reading ? (
                    <>
                      <td data-col="actor">{reading.actor}</td>
                      <td data-col="action">{reading.action}</td>
                      <td data-col="target">{reading.target}</td>
                      <td data-col="time">{reading.time}</td>
                    </>
                  ) : (
                    <td colSpan={4} class="muted">
                      <strong>Not read:</strong> “{text.slice(0, 120)}”
                    </td>
                  )}
                  <td>
                    <button class="link-button small" data-testid="sentence-correct" data-row={index} onClick={() => correctRow(index)}>
                      Correct
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {rows.length > SHOWN_ROWS && <p class="small muted">The first {SHOWN_ROWS} rows are shown.</p>}
    </div>
  );
}

export function SentenceTeach({ rowSelectors }: { rowSelectors: string[] }) {
  const note = sentenceNote.value;
  const result = sentenceResult.value;
  if (!sentenceOn.value) {
    return (
      <div class="sentence-offer">
        <p class="small muted">Are the row's parts not separate boxes — is each row a sentence, like “Alice suspended Mallory (spam)”?</p>
        <button class="button secondary" data-testid="sentence-start" onClick={() => void startSentence(rowSelectors)}>
          The rows are sentences
        </button>
      </div>
    );
  }
  const current = teachings.value[editing.value];
  return (
    <div class="sentence-teach" data-testid="sentence-teach">
      <h3 class="small">The rows are sentences</h3>
      {current && current.row >= 0 && editing.value > 0 && <p class="small">Correcting row {current.row + 1}.</p>}
      {note && (
        <p class={`builder-message ${note.kind}`} role={note.kind === 'error' ? 'alert' : 'status'} data-testid="sentence-note">
          {note.text}
        </p>
      )}
      {result && !result.ok && note?.text !== result.message && (
        <p class="builder-message error" role="alert">{result.message}</p>
      )}
      <ol class="builder-steps">
        {SENTENCE_ROLES.map((role) => <Part key={role} role={role} rowSelectors={rowSelectors} />)}
      </ol>
      <ReadTable />
    </div>
  );
}
