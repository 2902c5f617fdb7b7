/**
 * Where the contents of evidence files live, behind one port: the records (evidence_files) are
 * always in the database; the bytes go to this database (`database`, the default: one file to back
 * up with SQLite), a directory (`directory`) or an S3-compatible object store (`s3`) — for a
 * PostgreSQL deployment that would rather keep large files out of its tables. Keys are chosen by
 * jixiao (`evidence/<evaluation id>/<file id>`), never by a user.
 */
import { createHash } from 'node:crypto';

export interface EvidenceStore {
  readonly kind: 'database' | 'directory' | 's3';
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The contents, or null when nothing is stored under the key. */
  get(key: string): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>;
}

/** A key of jixiao's making: lower-case letters, digits, dashes and slashes, no `..`. */
const KEY = /^[a-z0-9-]+(\/[a-z0-9-]+)*$/u;

export function checkedKey(key: string): string {
  if (!KEY.test(key) || key.length > 300) throw new Error(`evidence store: not a key of jixiao's making: ${JSON.stringify(key)}`);
  return key;
}

/** An id as a key part: itself when it is already lower-case letters, digits and dashes (UUIDs), else its SHA-256. */
const part = (id: string): string => (/^[a-z0-9-]{1,100}$/u.test(id) ? id : createHash('sha256').update(id, 'utf8').digest('hex'));

export const evidenceKey = (evaluationId: string, fileId: string): string => checkedKey(`evidence/${part(evaluationId)}/${part(fileId)}`);
