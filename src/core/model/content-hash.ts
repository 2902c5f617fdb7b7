/**
 * The content hash of a frozen evaluation: SHA-256 (hex) of its canonical JSON — object keys
 * sorted by code unit, no whitespace, `undefined` members left out as JSON.stringify leaves them.
 * The same document hashes the same whether it came back from SQLite's text column or from
 * PostgreSQL's jsonb, which stores keys in its own order.
 */
import { createHash } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    // Numbers, strings, booleans as JSON writes them; a bare undefined (never inside a document) as null.
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${members.join(',')}}`;
}

export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}
