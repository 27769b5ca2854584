import { z } from 'zod';
import { hashRows } from '../cases/canonical';
import { DATA_BLOCK_ID } from './recompute';
import { lazySchema } from '../schema/lazy';

/**
 * "Verify a report" (options page → History): reads a report file and checks,
 * for every capture, that
 *   1. the rows in the data block still hash to the fingerprint stored beside them,
 *   2. the fingerprint printed in the readable report is that same one, and
 *   3. the table a reader sees shows the same actor, event, target, IP and result
 *      as the fingerprinted rows.
 * Pure text in, verdicts out: no DOM, nothing run from the file.
 */
export type CaptureVerdictStatus = 'matches' | 'rows-changed' | 'fingerprint-changed' | 'table-changed';

export interface CaptureVerdict {
  number: number;
  label: string;
  status: CaptureVerdictStatus;
  /** Plain sentence for the person checking. */
  message: string;
}

export type VerifyResult =
  | { ok: false; message: string }
  | { ok: true; allMatch: boolean; captures: CaptureVerdict[]; summary: string };

const dataBlock = lazySchema(() => z.object({
  captures: z
    .array(
      z.object({
        hash: z.string(),
        rows: z.array(z.unknown()),
        label: z.string().max(500).optional(),
      }),
    )
    .max(100_000),
}));

const NOT_A_REPORT = 'This file is not a Trailguide audit report, or its data block was removed or damaged — so it cannot be checked. Ask for the original file.';

const UNESCAPES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescape = (text: string) => text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => UNESCAPES[entity]!);

function dataText(text: string): string | null {
  const open = `<script type="application/json" id="${DATA_BLOCK_ID}">`;
  const start = text.lastIndexOf(open);
  if (start < 0) return null;
  const end = text.indexOf('</script>', start + open.length);
  return end < 0 ? null : text.slice(start + open.length, end).trim();
}

function printedHashes(text: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const match of text.matchAll(/<code class="hash" data-testid="report-hash" data-capture-index="(\d+)">([^<]*)<\/code>/g)) {
    out.set(Number(match[1]), match[2]!.trim());
  }
  return out;
}

const FIELDS = ['actor', 'action', 'target', 'ip', 'result'] as const;

/** The table's cells per row, for one capture; null when the capture has no table (no rows). */
function tableRows(text: string, index: number): Record<string, string>[] | null {
  const open = `<tbody data-capture-index="${index}">`;
  const start = text.indexOf(open);
  if (start < 0) return null;
  const end = text.indexOf('</tbody>', start);
  const body = text.slice(start + open.length, end < 0 ? undefined : end);
  return body
    .split(/<tr\b/)
    .slice(1)
    .map((row) => {
      const cells: Record<string, string> = {};
      for (const match of row.matchAll(/<(?:td|code) data-f="(\w+)">([^<]*)<\/(?:td|code)>/g)) cells[match[1]!] = unescape(match[2]!);
      return cells;
    });
}

function firstTableDifference(table: Record<string, string>[] | null, rows: readonly unknown[]): string | null {
  if (rows.length === 0) return table && table.length > 0 ? 'the table shows rows that are not in the data block' : null;
  if (!table) return 'the table of rows is missing';
  if (table.length !== rows.length) return `the table shows ${table.length} rows but the fingerprinted data has ${rows.length}`;
  for (const [i, row] of rows.entries()) {
    const record = (row ?? {}) as Record<string, unknown>;
    for (const field of FIELDS) {
      if ((table[i]![field] ?? '') !== String(record[field] ?? '')) return `row ${i + 1} of the table shows a different ${field === 'action' ? 'event' : field === 'ip' ? 'IP' : field}`;
    }
  }
  return null;
}

export async function verifyReport(text: string): Promise<VerifyResult> {
  const raw = dataText(text);
  if (raw === null) return { ok: false, message: NOT_A_REPORT };
  let parsed: z.infer<typeof dataBlock>;
  try {
    parsed = dataBlock.parse(JSON.parse(raw));
  } catch {
    return { ok: false, message: NOT_A_REPORT };
  }
  const printed = printedHashes(text);
  const captures: CaptureVerdict[] = [];
  for (const [index, capture] of parsed.captures.entries()) {
    const number = index + 1;
    const label = capture.label?.trim() || `Capture ${number}`;
    let recomputed: string | null;
    try {
      recomputed = await hashRows(capture.rows);
    } catch {
      recomputed = null;
    }
    const shown = printed.get(index);
    let status: CaptureVerdictStatus = 'matches';
    let message = `${label}: matches.`;
    if (recomputed !== capture.hash.toLowerCase()) {
      status = 'rows-changed';
      message = `${label}: does NOT match. Its rows are not the rows that were fingerprinted — this file was changed after Trailguide made it.`;
    } else if (shown === undefined || shown.toLowerCase() !== recomputed) {
      status = 'fingerprint-changed';
      message = `${label}: does NOT match. The SHA-256 printed in the report is not the fingerprint of its rows — this file was changed after Trailguide made it.`;
    } else {
      const difference = firstTableDifference(tableRows(text, index), capture.rows);
      if (difference) {
        status = 'table-changed';
        message = `${label}: does NOT match. The fingerprinted rows are intact, but ${difference} — this file was changed after Trailguide made it.`;
      }
    }
    captures.push({ number, label, status, message });
  }
  if (printed.size > parsed.captures.length) {
    captures.push({
      number: parsed.captures.length + 1,
      label: 'Extra capture',
      status: 'fingerprint-changed',
      message: `The report prints ${printed.size} fingerprints but holds data for ${parsed.captures.length} — this file was changed after Trailguide made it.`,
    });
  }
  const bad = captures.filter((c) => c.status !== 'matches');
  const summary =
    captures.length === 0
      ? 'This report holds no captures, so there is nothing to check.'
      : bad.length === 0
        ? `All ${captures.length === 1 ? 'the capture matches' : `${captures.length} captures match`}: the rows are the ones Trailguide fingerprinted.`
        : `${bad.length} of ${captures.length} ${captures.length === 1 ? 'capture does' : 'captures do'} not match: this file was changed after Trailguide made it. Do not rely on ${bad.length === 1 ? 'that capture' : 'those captures'}.`;
  return { ok: true, allMatch: bad.length === 0, captures, summary };
}
