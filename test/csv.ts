/**
 * Reading the CSV Trailguide exports (RFC 4180: quoted cells, doubled quotes, CRLF or LF
 * line ends), for tests that check an export cell by cell: the unit tests of the export
 * and the lab journeys, which compare a case's CSV with a real console's own data.
 */

/** Every line of `text` as its cells. */
export function parseCsv(text: string): string[][] {
  const lines: string[][] = [];
  let line: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      line.push(cell);
      cell = '';
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      if (c === '\r') i++;
      line.push(cell);
      lines.push(line);
      line = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || line.length > 0) lines.push([...line, cell]);
  return lines;
}

/** Each capture's rows in a case's CSV (a header line starting "time,actor" opens one), keyed by the header. */
export function csvCaptures(text: string): Record<string, string>[][] {
  const lines = parseCsv(text);
  const captures: Record<string, string>[][] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = lines[i]!;
    if (header[0] !== 'time' || header[1] !== 'actor') continue;
    const rows: Record<string, string>[] = [];
    for (i++; i < lines.length && lines[i]!.length > 1; i++) rows.push(Object.fromEntries(header.map((name, k) => [name, lines[i]![k] ?? ''])));
    i--;
    captures.push(rows);
  }
  return captures;
}
