/** Evidence contents in the database itself (`evidence_blobs`: a blob on SQLite, bytea on PostgreSQL). */
import type { Db } from '../open-database.ts';
import { checkedKey, type EvidenceStore } from './evidence-store.ts';

export class DatabaseEvidenceStore implements EvidenceStore {
  readonly kind = 'database';

  constructor(private readonly db: Db) {}

  async put(key: string, bytes: Uint8Array): Promise<void> {
    await this.db.insertInto('evidence_blobs').values({ key: checkedKey(key), bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }).execute();
  }

  async get(key: string): Promise<Uint8Array | null> {
    const row = await this.db.selectFrom('evidence_blobs').select('bytes').where('key', '=', checkedKey(key)).executeTakeFirst();
    return row ? new Uint8Array(row.bytes) : null;
  }

  async delete(key: string): Promise<void> {
    await this.db.deleteFrom('evidence_blobs').where('key', '=', checkedKey(key)).execute();
  }
}
