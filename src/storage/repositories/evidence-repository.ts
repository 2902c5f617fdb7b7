/**
 * Evidence files (佐证材料): their records (the contents are in the evidence store, by key), and
 * which frozen versions list each file. Removal is soft: a removed file's record stays, out of lists.
 */
import { sql } from 'kysely';
import type { ManifestEntry } from '../../core/evidence/manifest.ts';
import { readJson } from '../columns.ts';
import { isPostgres } from '../dialect.ts';
import type { Db } from '../open-database.ts';

export interface EvidenceRecord {
  id: string;
  evaluationId: string;
  indicatorId: string | null;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  storageKey: string;
  uploadedBy: { username: string; displayName: string };
  uploadedAt: string;
  public: boolean;
  publicAt: string | null;
  deletedAt: string | null;
}

/** A file being recorded: what the record says of its contents, and who uploads it when. */
export type NewEvidence = Pick<EvidenceRecord, 'id' | 'evaluationId' | 'indicatorId' | 'fileName' | 'mediaType' | 'size' | 'sha256' | 'storageKey'> & {
  userId: string;
  at: string;
};

export class EvidenceRepository {
  constructor(private readonly db: Db) {}

  async insert(file: NewEvidence): Promise<void> {
    await this.db
      .insertInto('evidence_files')
      .values({
        id: file.id, evaluation_id: file.evaluationId, indicator_id: file.indicatorId, file_name: file.fileName, media_type: file.mediaType,
        size: file.size, sha256: file.sha256, storage_key: file.storageKey, uploaded_by: file.userId, uploaded_at: file.at,
      })
      .execute();
  }

  /** The form's files not removed, in upload order (`publicOnly`: those the reviewer marked public). */
  async list(evaluationId: string, options: { publicOnly?: boolean } = {}): Promise<EvidenceRecord[]> {
    let query = this.select().where('evidence_files.evaluation_id', '=', evaluationId).where('evidence_files.deleted_at', 'is', null);
    if (options.publicOnly) query = query.where('evidence_files.public', '=', 1);
    return (await query.orderBy('evidence_files.uploaded_at').orderBy('evidence_files.id').execute()).map(toRecord);
  }

  /** One file of the form, removed or not. */
  async get(evaluationId: string, fileId: string): Promise<EvidenceRecord | undefined> {
    const row = await this.select().where('evidence_files.evaluation_id', '=', evaluationId).where('evidence_files.id', '=', fileId).executeTakeFirst();
    return row && toRecord(row);
  }

  async count(evaluationId: string): Promise<number> {
    const row = await this.db
      .selectFrom('evidence_files')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('evaluation_id', '=', evaluationId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async remove(fileId: string, at: string, userId: string): Promise<void> {
    await this.db.updateTable('evidence_files').set({ deleted_at: at, deleted_by: userId }).where('id', '=', fileId).execute();
  }

  async setPublic(fileId: string, value: boolean, at: string, userId: string): Promise<void> {
    await this.db
      .updateTable('evidence_files')
      .set(value ? { public: 1, public_at: at, public_by: userId } : { public: 0, public_at: null, public_by: null })
      .where('id', '=', fileId)
      .execute();
  }

  /** Per file id, the numbers of the frozen versions that list it. */
  async frozenIn(evaluationId: string): Promise<Map<string, number[]>> {
    const rows = await this.db.selectFrom('evaluation_versions').select(['number', 'evidence']).where('evaluation_id', '=', evaluationId).orderBy('number').execute();
    const frozen = new Map<string, number[]>();
    for (const row of rows) {
      if (row.evidence === null || row.evidence === undefined) continue;
      for (const entry of readJson<ManifestEntry[]>(row.evidence)) frozen.set(entry.id, [...(frozen.get(entry.id) ?? []), Number(row.number)]);
    }
    return frozen;
  }

  /**
   * Holds the evaluation's row until the transaction ends (PostgreSQL; SQLite writes one transaction
   * at a time): an upload and a submit of the same form take turns, so a version lists every file
   * attached before it and none is attached to a form that has just left the unit.
   */
  async lockEvaluation(evaluationId: string): Promise<void> {
    if (isPostgres(this.db)) await sql`select id from evaluations where id = ${evaluationId} for update`.execute(this.db);
  }

  private select() {
    return this.db
      .selectFrom('evidence_files')
      .innerJoin('users', 'users.id', 'evidence_files.uploaded_by')
      .select([
        'evidence_files.id', 'evidence_files.evaluation_id', 'evidence_files.indicator_id', 'evidence_files.file_name', 'evidence_files.media_type',
        'evidence_files.size', 'evidence_files.sha256', 'evidence_files.storage_key', 'evidence_files.uploaded_at', 'evidence_files.public',
        'evidence_files.public_at', 'evidence_files.deleted_at', 'users.username', 'users.display_name',
      ]);
  }
}

function toRecord(r: {
  id: string; evaluation_id: string; indicator_id: string | null; file_name: string; media_type: string; size: number; sha256: string; storage_key: string;
  uploaded_at: string; public: number; public_at: string | null; deleted_at: string | null; username: string; display_name: string;
}): EvidenceRecord {
  return {
    id: r.id, evaluationId: r.evaluation_id, indicatorId: r.indicator_id, fileName: r.file_name, mediaType: r.media_type, size: Number(r.size),
    sha256: r.sha256, storageKey: r.storage_key, uploadedBy: { username: r.username, displayName: r.display_name }, uploadedAt: r.uploaded_at,
    public: Number(r.public) === 1, publicAt: r.public_at, deletedAt: r.deleted_at,
  };
}
