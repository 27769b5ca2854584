import './live-test.css';
import type { ColumnVerdict } from '../../utils/builder/plausibility';
import { saveAdapter, saving, testReport } from './builder-state';
import { saveProblemsFor, testDoubts, testFailures } from './teach-state';

/**
 * The live test's answer per column (issue 14 §4): what each column read, whether that
 * looks right, why, and an example — instead of one "Found 20 rows … works" line.
 */
const VERDICT_WORDS: Record<ColumnVerdict, string> = {
  works: '✓ Works',
  doubtful: '? Check it',
  wrong: '✗ Wrong',
};

export function LiveTestReportView() {
  const report = testReport.value;
  if (!report) return null;
  const columns = report.columns ?? [];
  const wrong = columns.filter((c) => c.verdict === 'wrong');
  const doubtful = columns.filter((c) => c.verdict === 'doubtful');
  const summary =
    report.rowCount === 0
      ? 'No rows were read, so no column could be checked.'
      : wrong.length > 0
        ? `Read ${report.rowCount} row${report.rowCount === 1 ? '' : 's'}, but ${wrong.length === 1 ? `the ${wrong[0]!.label.toLowerCase()} column is` : `${wrong.length} columns are`} wrong. Point at ${wrong.length === 1 ? 'it' : 'them'} again in section 2.`
        : doubtful.length > 0
          ? `Read ${report.rowCount} rows. ${doubtful.length === 1 ? 'One column needs' : `${doubtful.length} columns need`} a second look.`
          : `Read ${report.rowCount} rows, and every column reads what it should.`;
  return (
    <div class="live-test" data-testid="live-test-report" data-ok={String(report.ok)}>
      <p class={`live-test-summary ${wrong.length > 0 || report.rowCount === 0 ? 'is-wrong' : ''}`} data-testid="live-test-summary">
        {summary}
      </p>
      {columns.length > 0 && (
        <table class="live-test-table" aria-label="What each column read">
          <colgroup>
            <col class="c-name" />
            <col class="c-verdict" />
            <col class="c-reason" />
            <col class="c-sample" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Verdict</th>
              <th scope="col">Why</th>
              <th scope="col">Example</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((c) => (
              <tr key={c.column} class={`is-${c.verdict}`} data-testid="live-test-column" data-column={c.column} data-verdict={c.verdict}>
                <th scope="row">{c.label}</th>
                <td>
                  <span class="live-test-verdict">{VERDICT_WORDS[c.verdict]}</span>
                </td>
                <td data-testid="live-test-reason">{c.reason}</td>
                <td class="live-test-sample" data-testid="live-test-sample">
                  {c.sample ? `“${c.sample.length > 80 ? `${c.sample.slice(0, 79)}…` : c.sample}”` : <em>nothing</em>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** Under Save, after a Save the test didn't pass: every problem, and the one button that saves regardless. */
export function SaveProblems() {
  const report = testReport.value;
  if (!report) {
    return (
      <p class="small muted" data-testid="builder-untested">
        Not tested yet: “Test on this page” checks that each column reads what it should before you save.
      </p>
    );
  }
  if (saveProblemsFor.value !== report) return null;
  const failures = testFailures(report);
  if (failures.length === 0) return null;
  const doubts = testDoubts(report);
  return (
    <div class="builder-save-problems" role="alert" data-testid="builder-save-problems">
      <p>
        <strong>Not saved yet.</strong> The test on this page found {failures.length === 1 ? 'a problem' : `${failures.length} problems`}; runbooks using this adapter would read these
        parts wrong:
      </p>
      <ul>
        {failures.map((line) => (
          <li key={line} data-testid="builder-save-problem">{line}</li>
        ))}
        {doubts.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <button class="button" data-testid="builder-save-anyway" disabled={saving.value} onClick={() => void saveAdapter(true)}>
        Save anyway — I’ve read the problems
      </button>
    </div>
  );
}
