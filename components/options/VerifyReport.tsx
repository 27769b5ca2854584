import { useState } from 'preact/hooks';
import { verifyReport, type VerifyResult } from '../../utils/report/verify';

/**
 * "Verify a report": opens an audit report file (read here, never uploaded or
 * run) and says, per capture, whether its rows are still the ones Trailguide
 * fingerprinted (utils/report/verify.ts).
 */
const MAX_BYTES = 200 * 1024 * 1024;

export function VerifyReport() {
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setFileName(file.name);
    setResult(null);
    if (file.size > MAX_BYTES) {
      setResult({ ok: false, message: 'This file is too large to be a Trailguide report.' });
      return;
    }
    setBusy(true);
    try {
      setResult(await verifyReport(await file.text()));
    } catch {
      setResult({ ok: false, message: 'I couldn’t read this file. Choose the report file again.' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="verify-report" aria-labelledby="verify-report-heading" data-testid="verify-report">
      <h2 id="verify-report-heading">Verify a report</h2>
      <p class="muted small">
        Choose an audit report file (.html) to check that nobody changed its rows since Trailguide made it. The file is only read on this computer.
      </p>
      <label class="button secondary">
        Choose a report…
        <input type="file" accept=".html,.htm,text/html" class="visually-hidden" data-testid="verify-report-file" onChange={(e) => void onFile(e.currentTarget)} />
      </label>
      {busy ? <p role="status">Checking {fileName}…</p> : null}
      {result && !result.ok ? (
        <p role="alert" class="error" data-testid="verify-summary" data-ok="false">
          {fileName}: {result.message}
        </p>
      ) : null}
      {result?.ok ? (
        <>
          <p
            role={result.allMatch ? 'status' : 'alert'}
            class={result.allMatch ? 'verify-ok' : 'error'}
            data-testid="verify-summary"
            data-ok={String(result.allMatch)}
          >
            {fileName}: {result.summary}
          </p>
          <ul class="verify-list">
            {result.captures.map((capture) => (
              <li key={capture.number} data-testid="verify-capture" data-status={capture.status} class={capture.status === 'matches' ? 'verify-ok' : 'error'}>
                {capture.status === 'matches' ? '✓ ' : '✗ '}
                {capture.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
