/**
 * Canonical JSON and the integrity hash of captured rows.
 *
 * Definition (so anyone can recompute a hash from an exported JSON report):
 *   - objects: keys sorted by UTF-16 code units ascending (JavaScript's default
 *     Array.prototype.sort on strings), written as "key":value, joined by ",";
 *     properties whose value is undefined are left out;
 *   - arrays: items in their order, joined by ","; undefined items become null;
 *   - strings, finite numbers, booleans and null: exactly as JSON.stringify writes them;
 *   - no whitespace anywhere.
 * For the data we hash (strings, null, numbers) this is the JSON Canonicalization
 * Scheme, RFC 8785. The hash is the lower-case hex SHA-256 of the UTF-8 bytes of
 * the canonical JSON of the capture's `rows` array.
 */
export const HASH_ALGORITHM = 'SHA-256';
export const CANONICALIZATION =
  'SHA-256 (hex) of the UTF-8 bytes of the canonical JSON of the rows array: object keys sorted by UTF-16 code units, no whitespace, JSON.stringify escaping (RFC 8785).';

export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('Numbers that are not finite cannot be hashed.');
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
      }
      const record = value as Record<string, unknown>;
      const parts: string[] = [];
      for (const key of Object.keys(record).sort()) {
        const item = record[key];
        if (item === undefined) continue;
        parts.push(`${JSON.stringify(key)}:${canonicalJson(item)}`);
      }
      return `{${parts.join(',')}}`;
    }
    default:
      throw new TypeError(`A ${typeof value} cannot be hashed.`);
  }
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The integrity hash stored with every capture. */
export function hashRows(rows: readonly unknown[]): Promise<string> {
  return sha256Hex(canonicalJson(rows));
}
