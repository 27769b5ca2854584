import { useEffect, useMemo, useState } from 'preact/hooks';
import { codesSeen, codesWithoutMeaning, isTaught, meaningTaughtFor, whoCanTeach, withMeaningChange, type MeaningsWhere, type TaughtMeaning, type TeachMeaningsReply } from '../../utils/builder/meanings';
import type { CaptureRecord } from '../../utils/db/records';
import type { GlossaryMap, KindOfRow } from '../../utils/engine/explain';
import { countOf } from '../../utils/plural';
import { ask, errorText } from '../../utils/runtime-client';
import type { Pack } from '../../utils/schema/pack';
import { MeaningsForm } from '../builder/MeaningsForm';
import { adapter, adapterId, packs } from './state';

/**
 * Teaching meanings after a capture (issue 14 §5), in the panel: the event codes of these rows
 * that nothing explains yet, and — on a console the person taught themselves — the builder's
 * form to say what they mean, saved into that adapter's glossary and kinds (and shown again
 * filled in, to change or clear later). On a pack's console it says who can add them.
 */
const NAMED = 5;

function codeList(codes: readonly string[]): string {
  const named = codes.slice(0, NAMED).join(', ');
  return codes.length > NAMED ? `${named} and ${countOf(codes.length - NAMED, 'other')}` : named;
}

type Status = { kind: 'saving' } | { kind: 'saved'; text: string } | { kind: 'error'; text: string } | null;

/** What the panel shows after the save, checked against what was sent: the rows read it only if the adapter in force has it. */
function savedAsSent(sent: readonly TaughtMeaning[]): boolean {
  const now = adapter.value;
  if (!now) return false;
  return sent.every((m) => {
    const got = meaningTaughtFor(now, m.code);
    if (!isTaught(m)) return got === undefined;
    return got !== undefined && got.meaning === m.meaning.trim() && (m.meaning.trim() === '' || got.risk === m.risk) && got.kind === m.kind;
  });
}

export function TeachMeaningsAfterCapture({ captures, glossary, kindOfRow }: { captures: readonly CaptureRecord[]; glossary: GlossaryMap; kindOfRow: KindOfRow }) {
  const id = adapterId.value;
  const rows = useMemo(() => captures.flatMap((c) => c.rows), [captures]);
  const [where, setWhere] = useState<MeaningsWhere | null>(null);
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Record<string, TaughtMeaning>>({});
  const [status, setStatus] = useState<Status>(null);

  useEffect(() => {
    if (!id) return;
    let current = true;
    ask<MeaningsWhere>({ type: 'adapter:meanings-where', adapterId: id }).then(
      (reply) => current && setWhere(reply),
      () => current && setWhere(null),
    );
    return () => {
      current = false;
    };
  }, [id, packs.value]);

  const seen = useMemo(() => codesSeen(rows), [rows]);
  const missing = useMemo(() => {
    const unexplained = new Set(rows.filter((row) => !glossary.has(row.action.trim().toLowerCase()) && !kindOfRow(row)).map((row) => row.action.replace(/\s+/g, ' ').trim()));
    return codesWithoutMeaning(seen, (code) => !unexplained.has(code));
  }, [rows, seen, glossary, kindOfRow]);
  const current = adapter.value;
  const taughtHere = useMemo(() => (current && where?.editable ? seen.filter(({ code }) => meaningTaughtFor(current, code)) : []), [current, where, seen]);

  if (!id || !current || !where) return null;
  const missingLine = missing.length > 0 && (
    <>
      {countOf(missing.length, 'event type')} {missing.length === 1 ? 'has' : 'have'} no meaning yet: {codeList(missing.map((c) => c.code))}.
    </>
  );

  if (!where.editable) {
    if (!missingLine) return null;
    return (
      <div class="teach-after" data-testid="teach-after-capture" data-editable="false">
        <p data-testid="teach-after-missing">{missingLine}</p>
        <p class="small muted" data-testid="teach-after-who">{whoCanTeach(where)}</p>
      </div>
    );
  }

  const listed = [...missing, ...taughtHere.filter((t) => !missing.some((m) => m.code === t.code))];
  const start = () => {
    const filled: Record<string, TaughtMeaning> = {};
    for (const { code } of listed) filled[code] = meaningTaughtFor(current, code) ?? { code, meaning: '', risk: 'routine' };
    setValues(filled);
    setStatus(null);
    setOpen(true);
  };

  const save = async () => {
    const sent = listed.map(({ code }) => values[code] ?? { code, meaning: '', risk: 'routine' as const });
    setStatus({ kind: 'saving' });
    try {
      const reply = await ask<TeachMeaningsReply>({ type: 'adapter:teach-meanings', adapterId: id, meanings: sent });
      packs.value = (await ask<{ packs: Pack[] }>({ type: 'panel:init' })).packs;
      if (!savedAsSent(sent)) {
        setStatus({ kind: 'error', text: 'Trailguide saved this, but the rows here don’t show it yet. Reload the page to see them with their meanings.' });
        return;
      }
      const parts = [reply.taught > 0 ? `${countOf(reply.taught, 'event type')} now ${reply.taught === 1 ? 'has' : 'have'} a meaning` : '', reply.cleared > 0 ? `${countOf(reply.cleared, 'meaning')} taken away` : ''].filter(Boolean);
      setStatus({ kind: 'saved', text: parts.length > 0 ? `Saved in “${where.packName}”: ${parts.join(', ')}. The rows read it now.` : 'Nothing was written, so nothing changed.' });
      setOpen(false);
    } catch (error) {
      // What the person wrote stays in the form, so they can try again.
      setStatus({ kind: 'error', text: errorText(error) });
    }
  };

  if (!open && !missingLine && taughtHere.length === 0 && status?.kind !== 'saved') return null;
  return (
    <div class="teach-after" data-testid="teach-after-capture" data-editable="true">
      {!open && (
        <p>
          {missingLine ? (
            <span data-testid="teach-after-missing">{missingLine}</span>
          ) : (
            <span data-testid="teach-after-taught">
              You said what {countOf(taughtHere.length, 'event type')} in these rows {taughtHere.length === 1 ? 'means' : 'mean'}.
            </span>
          )}{' '}
          <button class="link-button" data-testid="teach-after-open" onClick={start}>
            {missingLine ? 'Teach what they mean' : 'Change what you taught'}
          </button>
        </p>
      )}
      {open && (
        <>
          <p class="small muted">
            Say in a few words what each event type means (for example “Signed in”), how much attention it deserves, or which of Trailguide’s shared events it is. The
            rows will then explain it that way, on this console only. Leave one blank to say nothing about it; empty a box you filled before to take its meaning away.
          </p>
          <MeaningsForm codes={listed} values={values} onChange={(code, change) => setValues((v) => withMeaningChange(v, code, change))} disabled={status?.kind === 'saving'} />
          <div class="teach-after-actions">
            <button class="button" data-testid="teach-after-save" disabled={status?.kind === 'saving'} onClick={() => void save()}>
              {status?.kind === 'saving' ? 'Saving…' : 'Save meanings'}
            </button>
            <button class="link-button" data-testid="teach-after-cancel" disabled={status?.kind === 'saving'} onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </>
      )}
      {status?.kind === 'saved' && (
        <p role="status" data-testid="teach-after-status">
          {status.text}
        </p>
      )}
      {status?.kind === 'error' && (
        <p role="alert" class="error" data-testid="teach-after-error">
          {status.text}
        </p>
      )}
    </div>
  );
}
