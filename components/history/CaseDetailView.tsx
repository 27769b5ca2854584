import type { CaseDetail } from '../../utils/cases/cases';
import type { CaptureRecord, CasePath } from '../../utils/db/records';
import { captureStatements } from '../../utils/escalation/applied';

const ROWS_SHOWN = 200;
const when = (ms: number) => new Date(ms).toLocaleString();

function CaptureBlock({ capture, number }: { capture: CaptureRecord; number: number }) {
  // The same statements, in the same words, as the escalation: what the console applied, never what was intended.
  const statements = captureStatements(capture);
  return (
    <section class="history-capture" data-testid="history-capture" data-capture-id={capture.id} data-hash={capture.hash}>
      <h3>
        Capture {number}: {capture.rowCount.toLocaleString()} row{capture.rowCount === 1 ? '' : 's'}
      </h3>
      <dl>
        <dt>Captured</dt>
        <dd>{when(capture.capturedAt)}</dd>
        <dt>Source</dt>
        <dd>{capture.sourceUrl || 'not recorded'}</dd>
        {statements.map((statement) => (
          <div key={statement.kind} class="history-statement" data-testid="history-capture-statement" data-kind={statement.kind}>
            <dt>{statement.label}</dt>
            <dd>{statement.value}</dd>
          </div>
        ))}
        <dt>SHA-256</dt>
        <dd>
          <code>{capture.hash}</code>
        </dd>
      </dl>
      <div class="history-table-wrap">
        <table class="history-table">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Actor</th>
              <th scope="col">Action</th>
              <th scope="col">Target</th>
              <th scope="col">IP</th>
            </tr>
          </thead>
          <tbody>
            {capture.rows.slice(0, ROWS_SHOWN).map((row, i) => (
              <tr key={i} data-testid="history-row">
                <td>{row.time ?? ''}</td>
                <td>{row.actor}</td>
                <td>{row.action}</td>
                <td>{row.target}</td>
                <td>{row.ip}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {capture.rowCount > ROWS_SHOWN ? (
        <p class="muted small">
          Showing the first {ROWS_SHOWN} of {capture.rowCount.toLocaleString()} rows. Export the case to see them all.
        </p>
      ) : null}
    </section>
  );
}

/**
 * A branching runbook's way through the case, in the words the audit report uses:
 * each question, the answer and who gave it, the steps taken, the outcome reached.
 * Only once a question was answered. The case keeps step titles only for the
 * steps that asked, so the others are named by number.
 */
function PathBlock({ path }: { path: CasePath }) {
  const asked = new Map(path.answers.map((a) => [a.step, a.stepTitle]));
  const last = path.steps[path.steps.length - 1];
  return (
    <section class="history-path" data-testid="history-path">
      <h3>Questions asked and the path taken</h3>
      <ol class="small">
        {path.answers.map((a, i) => (
          <li key={i} data-testid="history-path-answer" data-decided-by={a.decidedBy}>
            Step {a.step + 1}
            {a.stepTitle ? ` (${a.stepTitle})` : ''} asked: “{a.question}” Answer: <strong>{a.answerText}</strong>.{' '}
            {a.decidedBy === 'rows'
              ? `Decided from the captured rows${a.because ? `: ${a.because}` : ''}.`
              : 'Chosen by the agent.'}{' '}
            <span class="muted">({when(a.at)})</span>
          </li>
        ))}
      </ol>
      <p class="small" data-testid="history-path-steps">
        Steps on the path, in order:{' '}
        {path.steps.length
          ? path.steps.map((index) => `${index + 1}${asked.get(index) ? ` (${asked.get(index)})` : ''}`).join(' → ')
          : 'none recorded'}
        .
      </p>
      <p class="small" data-testid="history-path-outcome">
        {path.outcome === null ? (
          `No outcome was reached${last === undefined ? '' : `: the path stops at step ${last + 1}`}.`
        ) : (
          <>
            Outcome reached: <strong>{path.outcome}</strong>
          </>
        )}
      </p>
    </section>
  );
}

export function CaseDetailView({ detail }: { detail: CaseDetail }) {
  const record = detail.case;
  const inputs = Object.entries(record.inputs).filter(([, v]) => v);
  return (
    <div data-testid="history-detail" data-case-id={record.id}>
      <h2>{record.runbookTitle}</h2>
      <p class="muted small">
        {record.tool} · opened {when(record.createdAt)} · last changed {when(record.updatedAt)}
      </p>
      {inputs.length ? (
        <p class="small">
          {inputs.map(([name, value]) => (
            <span key={name}>
              <strong>{name}:</strong> {value}{' '}
            </span>
          ))}
        </p>
      ) : null}
      {record.path && record.path.answers.length > 0 ? <PathBlock path={record.path} /> : null}
      {record.notes ? <p class="small">Notes: {record.notes}</p> : null}
      {detail.escalations.length ? (
        <p class="small">
          Escalations:{' '}
          {detail.escalations.map((e) => `${e.title} (${e.status}${e.target ? `, ${e.target}` : ''})`).join('; ')}
        </p>
      ) : null}
      {detail.captures.length === 0 ? <p class="muted">Nothing was captured in this case.</p> : null}
      {detail.captures.map((capture, i) => (
        <CaptureBlock key={capture.id} capture={capture} number={i + 1} />
      ))}
    </div>
  );
}
