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
import { sha256 } from './sha256';

export const HASH_ALGORITHM = 'SHA-256';
export const CANONICALIZATION =
  'SHA-256 (hex) of the UTF-8 bytes of the canonical JSON of the rows array: object keys sorted by UTF-16 code units, no whitespace, JSON.stringify escaping (RFC 8785).';

/** Keys JavaScript always enumerates first, in numeric order ("2" before "10"). */
const INDEX_KEY = /^(?:0|[1-9]\d{0,9})$/;

class NeedsSlowPath extends Error {}

/** A copy whose objects have their keys inserted in sorted order (so JSON.stringify writes them sorted). */
function sortedCopy(value: unknown): unknown {
  if (value === null) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('Numbers that are not finite cannot be hashed.');
      return value;
    case 'object': {
      if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : sortedCopy(item)));
      const record = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(record).sort()) {
        if (INDEX_KEY.test(key)) throw new NeedsSlowPath();
        const item = record[key];
        if (item !== undefined) out[key] = sortedCopy(item);
      }
      return out;
    }
    default:
      throw new TypeError(`A ${typeof value} cannot be hashed.`);
  }
}

export function canonicalJson(value: unknown): string {
  // Fast path: one native JSON.stringify over a key-sorted copy — 10,000 rows
  // must hash well inside the 500 ms storage budget (DESIGN.md §4). Objects with
  // index-like keys ("10", "9") cannot keep a sorted insertion order, so such
  // data takes the slower writer below, which gives the same definition.
  try {
    return JSON.stringify(sortedCopy(value));
  } catch (error) {
    // Stryker disable next-line ConditionalExpression: equivalent — any other error (a non-finite number, a function) is thrown again, with the same message, by writeCanonical.
    if (!(error instanceof NeedsSlowPath)) throw error;
  }
  return writeCanonical(value);
}

function writeCanonical(value: unknown): string {
  let out = '';
  const write = (item: unknown): void => {
    if (item === null) {
      out += 'null';
      return;
    }
    switch (typeof item) {
      case 'string':
      case 'boolean':
        out += JSON.stringify(item);
        return;
      case 'number':
        if (!Number.isFinite(item)) throw new TypeError('Numbers that are not finite cannot be hashed.');
        out += JSON.stringify(item);
        return;
      case 'object': {
        if (Array.isArray(item)) {
          out += '[';
          for (let i = 0; i < item.length; i += 1) {
            if (i > 0) out += ',';
            const entry: unknown = item[i];
            if (entry === undefined) out += 'null';
            else write(entry);
          }
          out += ']';
          return;
        }
        const record = item as Record<string, unknown>;
        const keys = Object.keys(record).sort();
        out += '{';
        let first = true;
        for (const key of keys) {
          const entry = record[key];
          if (entry === undefined) continue;
          if (!first) out += ',';
          first = false;
          out += JSON.stringify(key);
          out += ':';
          write(entry);
        }
        out += '}';
        return;
      }
      default:
        throw new TypeError(`A ${typeof item} cannot be hashed.`);
    }
  };
  write(value);
  return out;
}

export async function sha256Hex(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  // Web Crypto exists only in secure contexts: Firefox's panel frame on a plain-http
  // console has none, and gets the same digest from utils/cases/sha256.ts.
  const digest = globalThis.crypto?.subtle ? new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)) : sha256(bytes);
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The integrity hash stored with every capture. */
export function hashRows(rows: readonly unknown[]): Promise<string> {
  return sha256Hex(canonicalJson(rows));
}
