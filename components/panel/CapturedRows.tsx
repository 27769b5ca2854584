import { useMemo, useState } from 'preact/hooks';
import type { CaptureRecord } from '../../utils/db/records';
import { explainRow, glossaryMapFor, kindOfRowFor, type GlossaryMeaning } from '../../utils/engine/explain';
import { kindsOfPacks } from '../../utils/kinds/packs';
import { countOf } from '../../utils/plural';
import { Markdown } from '../common/Markdown';
import { adapter, packs } from './state';
import { TeachMeaningsAfterCapture } from './TeachMeaningsAfterCapture';

/** How many rows the panel lists per capture; the rest stay in the case for export. */
const SHOWN = 100;

function localTime(iso: string | null): string {
  if (!iso) return 'time unknown';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * The glossary's full meaning of a row's code, one click away from its short
 * explanation. Rendered (through the one sanitiser) only once opened, so a long
 * capture costs nothing extra.
 */
function RowMeaning({ code, entry }: { code: string; entry: GlossaryMeaning }) {
  const [open, setOpen] = useState(false);
  return (
    <details class="row-meaning" data-testid="row-meaning" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>What <code>{code}</code> means</summary>
      {open && <Markdown source={entry.meaning} class="row-meaning-text" />}
    </details>
  );
}

/**
 * A row's time in the agent's own zone, with the console's own text one hover away; a time
 * that couldn't be read shows the console's text as it was, and says so.
 */
function RowTime({ time, shown }: { time: string | null; shown: string }) {
  if (time) {
    const label = shown && shown !== time ? `The console showed: ${shown}` : `${time} (UTC)`;
    return (
      <time dateTime={time} title={label} data-testid="row-time">
        {localTime(time)}
      </time>
    );
  }
  if (!shown) return <span class="muted" data-testid="row-time">time unknown</span>;
  return (
    <span class="muted" data-testid="row-time" data-unread="true" title="Trailguide couldn't read this time; this is the console's own text.">
      “{shown}” (not read)
    </span>
  );
}

export function CapturedRows({ captures }: { captures: CaptureRecord[] }) {
  const glossary = useMemo(() => glossaryMapFor(adapter.value ?? null, packs.value.flatMap((p) => p.glossary)), [adapter.value, packs.value]);
  // Rows the glossary doesn't name read as their shared event kind ("Failed sign-in"), on every tool.
  const kindOfRow = useMemo(() => kindOfRowFor(adapter.value, kindsOfPacks(packs.value)), [adapter.value, packs.value]);
  if (captures.length === 0) return null;
  const total = captures.reduce((n, c) => n + c.rows.length, 0);
  return (
    <section class="card captures" aria-labelledby="captures-heading">
      <h2 id="captures-heading">
        What you captured <span class="muted small">{countOf(total, 'row')}</span>
      </h2>
      <TeachMeaningsAfterCapture captures={captures} glossary={glossary} kindOfRow={kindOfRow} />
      {captures.map((capture) => (
        <div key={capture.id} class="capture">
          <p class="muted small">
            {countOf(capture.rows.length, 'row')} · captured {localTime(new Date(capture.capturedAt).toISOString())}
          </p>
          <ol class="rows">
            {capture.rows.slice(0, SHOWN).map((row, i) => {
              const entry = glossary.get(row.action.trim().toLowerCase());
              const risk = entry?.risk ?? kindOfRow(row)?.risk ?? 'routine';
              return (
                <li key={i} class={`row risk-${risk}`} data-testid="captured-row" data-actor={row.actor} data-action={row.action} data-time={row.time ?? ''}>
                  <div class="row-head">
                    <RowTime time={row.time} shown={row.raw.time ?? ''} />
                    <code>{row.action || '—'}</code>
                  </div>
                  <p class="row-explanation" data-testid="row-explanation">{explainRow(row, glossary, kindOfRow)}</p>
                  {entry && <RowMeaning code={row.action.trim()} entry={entry} />}
                </li>
              );
            })}
          </ol>
          {capture.rows.length > SHOWN && (
            <p class="muted small">
              Showing the first {SHOWN}. All {capture.rows.length.toLocaleString('en')} rows are kept in this case — export them from Trailguide → History.
            </p>
          )}
        </div>
      ))}
    </section>
  );
}
