// The readable table printed to stderr (and pasted into docs/performance.md).

function show(value) {
  if (value === null || value === undefined) return '—';
  return Number.isInteger(value) ? value.toLocaleString('en-US') : String(value);
}

function verdict(result) {
  if (result.status === 'not-built-yet') return 'not built yet';
  if (result.status === 'error') return 'error';
  if (result.pass === null) return 'report';
  return result.pass ? 'pass' : 'OVER BUDGET';
}

/** A Markdown table: it reads fine in a terminal and can go straight into the docs. */
export function formatTable(document) {
  const header = ['what', 'median', 'p95', 'min–max', 'runs', 'budget', 'unit', 'result'];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const r of document.results) {
    const range = r.min === null ? '—' : `${show(r.min)}–${show(r.max)}`;
    const budget = r.budget === null ? '—' : `≤ ${show(r.budget)}`;
    lines.push(`| ${r.name} | ${show(r.median)} | ${show(r.p95)} | ${range} | ${r.runs} | ${budget} | ${r.unit} | ${verdict(r)} |`);
  }
  const m = document.machine;
  lines.push('');
  lines.push(`${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB; ${m.chromium}; Node ${m.node}; load average ${m.loadAverageAtStart.join(' / ')} at start.`);
  lines.push(`${document.summary.passed}/${document.summary.budgets} budgets met; ${document.durationSeconds} s.`);
  return lines.join('\n');
}
