import { useEffect, useState } from 'preact/hooks';
import * as client from '../../utils/cases/client';
import type { RetentionPreview } from '../../utils/cases/retention';
import { StatusLines } from '../common/StatusLines';

interface Props {
  /** Called after cases were deleted, so the list can refresh. */
  onApplied: () => void;
}

/** "Keep cases for N days": preview what would go, then apply (and remember the setting). */
export function RetentionSettings({ onApplied }: Props) {
  const [days, setDays] = useState('');
  const [saved, setSaved] = useState<number | null>(null);
  const [preview, setPreview] = useState<RetentionPreview | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);

  useEffect(() => {
    client
      .getSettings()
      .then((settings) => {
        setSaved(settings.retentionDays);
        // Don't overwrite what the user already typed while settings were loading.
        setDays((typed) => typed || (settings.retentionDays ? String(settings.retentionDays) : ''));
      })
      .catch((error: Error) => setAlert(error.message));
  }, []);

  const parsed = Number(days);
  const valid = Number.isInteger(parsed) && parsed >= 1 && parsed <= 3_650;

  async function run<T>(action: () => Promise<T>): Promise<T | undefined> {
    setAlert(null);
    setStatus(null);
    try {
      return await action();
    } catch (error) {
      setAlert((error as Error).message);
      return undefined;
    }
  }

  const onPreview = () => run(async () => setPreview(await client.previewRetention(parsed)));

  // Applies exactly what the preview showed.
  const onApply = (days: number) =>
    run(async () => {
      await client.setSettings({ retentionDays: days });
      const result = await client.applyRetention(days);
      setSaved(days);
      setPreview(null);
      setStatus(`Saved: cases are kept for ${days} days. ${result.cases} old case${result.cases === 1 ? ' was' : 's were'} deleted.`);
      onApplied();
    });

  const onKeepForever = () =>
    run(async () => {
      await client.setSettings({ retentionDays: null });
      setSaved(null);
      setDays('');
      setPreview(null);
      setStatus('Saved: cases are kept until you delete them.');
    });

  return (
    <section class="retention" aria-labelledby="retention-heading" data-testid="retention">
      <h2 id="retention-heading">How long to keep cases</h2>
      <p class="muted small">
        {saved ? `Cases not changed for ${saved} days are deleted automatically.` : 'Cases are kept until you delete them.'} Export
        anything you need to keep first.
      </p>
      <div class="retention-row">
        <label>
          Keep for{' '}
          <input
            type="number"
            min={1}
            max={3650}
            inputMode="numeric"
            data-testid="retention-days"
            value={days}
            onInput={(e) => {
              setDays((e.target as HTMLInputElement).value);
              setPreview(null);
            }}
          />{' '}
          days
        </label>
        <button type="button" class="button secondary" data-testid="retention-preview" disabled={!valid} onClick={() => void onPreview()}>
          Show what would be deleted
        </button>
        {saved ? (
          <button type="button" class="link-button" data-testid="retention-off" onClick={() => void onKeepForever()}>
            Keep cases forever
          </button>
        ) : null}
      </div>
      {preview ? (
        <div data-testid="retention-preview-result">
          {preview.cases.length === 0 ? (
            <p class="small">No case is older than {preview.days} days — nothing would be deleted.</p>
          ) : (
            <>
              <p class="small">
                {preview.cases.length} case{preview.cases.length === 1 ? '' : 's'} ({preview.rowCount.toLocaleString()} captured rows,{' '}
                {preview.escalationCount} escalation{preview.escalationCount === 1 ? '' : 's'}) not changed since{' '}
                {new Date(preview.cutoff).toLocaleDateString()} would be deleted:
              </p>
              <ul class="retention-preview">
                {preview.cases.map((c) => (
                  <li key={c.id} data-testid="retention-case">
                    {c.runbookTitle} — {c.tool}, last changed {new Date(c.updatedAt).toLocaleDateString()}
                  </li>
                ))}
              </ul>
            </>
          )}
          <button type="button" class="button" data-testid="retention-apply" onClick={() => void onApply(preview.days)}>
            Keep cases for {preview.days} days{preview.cases.length ? ' and delete these now' : ''}
          </button>
        </div>
      ) : null}
      <StatusLines status={status} alert={alert} />
    </section>
  );
}
