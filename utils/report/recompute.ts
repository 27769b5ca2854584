/**
 * How a reviewer recomputes a capture's SHA-256 without Trailguide: the data
 * block sits alone on the line after its opening tag, which is the only line of
 * the file starting with "<script" (page text is escaped, so it can never start
 * a line with a tag), so `sed` or node can lift it out.
 *
 * jq (`-S -c`, checked with jq 1.6) writes the same canonical JSON as
 * utils/cases/canonical.ts for rows of ordinary text, including any Unicode,
 * quotes, backslashes, control characters and numeric-looking column names —
 * but not in three cases, where it gives a different hash (or none):
 *   - a value holding DEL (U+007F): jq writes it as \u007f, JSON.stringify as the raw byte;
 *   - a lone UTF-16 surrogate (a broken character): jq refuses to read the file;
 *   - column names that mix characters above U+FFFF (emoji) with characters in
 *     U+E000–U+FFFF: jq sorts keys by code point, the canonical form by UTF-16 unit.
 * The node one-liner implements the canonical form exactly and works for every file.
 */
export const DATA_BLOCK_ID = 'trailguide-report-data';

export function jqCommand(fileName: string, index: number): string {
  return `sed -n '/^<script type="application\\/json" id="${DATA_BLOCK_ID}">$/{n;p;q;}' ${shellWord(fileName)} | jq -j -S -c '.captures[${index}].rows' | sha256sum`;
}

export function nodeCommand(fileName: string): string {
  return (
    `node -e 'const t=require("fs").readFileSync(process.argv[1],"utf8").split("\\n");` +
    `const d=JSON.parse(t[t.findIndex((l)=>l.startsWith("<script")&&l.includes("${DATA_BLOCK_ID}"))+1]);` +
    `const c=(v)=>Array.isArray(v)?"["+v.map(c).join(",")+"]":v!==null&&typeof v==="object"?"{"+Object.keys(v).sort().map((k)=>JSON.stringify(k)+":"+c(v[k])).join(",")+"}":JSON.stringify(v);` +
    `d.captures.forEach((x,i)=>{const h=require("crypto").createHash("sha256").update(c(x.rows)).digest("hex");console.log(i+1,h,h===x.hash?"matches":"DOES NOT MATCH")})' ` +
    shellWord(fileName)
  );
}

/** The file name as one shell word (report names are plain, but a renamed file may not be). */
function shellWord(name: string): string {
  return /^[\w.@%+=:,/-]+$/.test(name) ? name : `'${name.replace(/'/g, `'\\''`)}'`;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Null when jq gives the canonical hash for these rows; otherwise why it does not, in plain words. */
export function jqDisagreement(rows: readonly unknown[]): string | null {
  let del = false;
  let surrogate = false;
  let keyOrder = false;
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.includes('\u007f')) del = true;
      if (LONE_SURROGATE.test(value)) surrogate = true;
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const keys = Object.keys(value);
      const astral = keys.some((k) => /[\uD800-\uDBFF]/.test(k));
      const high = keys.some((k) => /[\uE000-\uFFFF]/.test(k));
      if (astral && high) keyOrder = true;
      for (const key of keys) {
        visit(key);
        visit((value as Record<string, unknown>)[key]);
      }
    }
  };
  visit(rows);
  if (surrogate) return 'a value holds a broken character (a lone UTF-16 surrogate), which jq refuses to read';
  if (del) return 'a value holds the DEL control character (U+007F), which jq writes differently';
  if (keyOrder) return 'column names mix emoji-range characters with characters from U+E000 to U+FFFF, which jq sorts in a different order';
  return null;
}
