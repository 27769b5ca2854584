/**
 * The editor's "Save as reviewed today": writes `reviewed: <today>` into a
 * runbook's front matter, replacing the date that is there or adding one just
 * before the closing `---`. Text edit only, so the author's comments and layout stay.
 */
export function withReviewedDate(source: string, day: string): string {
  const match = /^(---\r?\n)([\s\S]*?)(^---[ \t]*$)/m.exec(source);
  if (!match || match.index !== 0) return source;
  const [, open, front, close] = match;
  const line = `reviewed: ${day}`;
  const replaced = /^reviewed:.*$/m.test(front!) ? front!.replace(/^reviewed:.*$/m, line) : `${front}${front!.endsWith('\n') || front === '' ? '' : '\n'}${line}\n`;
  return `${open}${replaced}${close}${source.slice(match[0].length)}`;
}
