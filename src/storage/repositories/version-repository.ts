/**
 * Frozen versions of evaluations: the whole document at each submit and approve, numbered 1..n
 * per evaluation, with its content hash. Only inserted and read: the database refuses the rest.
 */
import type { ManifestEntry } from '../../core/evidence/manifest.ts';
import type { Evaluation } from '../../core/model/evaluation.ts';
import type { Status } from '../../core/workflow/workflow.ts';
import { readJson, writeJson } from '../columns.ts';
import type { Db } from '../open-database.ts';

export type FreezingAction = 'submit' | 'approve';

export interface VersionRecord {
  number: number;
  action: FreezingAction;
  status: Status;
  contentHash: string;
  frozenBy: { username: string; displayName: string };
  frozenAt: string;
  /** The evidence files frozen with it and their hash; null in a version frozen before evidence files existed. */
  evidence: ManifestEntry[] | null;
  evidenceHash: string | null;
}

export interface StoredVersion extends VersionRecord {
  document: Evaluation;
}

export interface NewVersion {
  evaluationId: string;
  number: number;
  action: FreezingAction;
  status: Status;
  document: Evaluation;
  contentHash: string;
  userId: string;
  at: string;
  evidence?: ManifestEntry[];
  evidenceHash?: string;
}

export class VersionRepository {
  constructor(private readonly db: Db) {}

  async insert(version: NewVersion): Promise<void> {
    await this.db
      .insertInto('evaluation_versions')
      .values({
        evaluation_id: version.evaluationId,
        number: version.number,
        action: version.action,
        status: version.status,
        document: writeJson(version.document),
        content_hash: version.contentHash,
        frozen_by: version.userId,
        frozen_at: version.at,
        ...(version.evidence ? { evidence: writeJson(version.evidence), evidence_hash: version.evidenceHash ?? null } : {}),
      })
      .execute();
  }

  /** The highest number so far (0 when none): the next version is this + 1. */
  async lastNumber(evaluationId: string): Promise<number> {
    const row = await this.db
      .selectFrom('evaluation_versions')
      .select((eb) => eb.fn.max<number | null>('number').as('last'))
      .where('evaluation_id', '=', evaluationId)
      .executeTakeFirst();
    return Number(row?.last ?? 0);
  }

  /** Every version, oldest first, with its document (to check each hash). */
  async list(evaluationId: string): Promise<StoredVersion[]> {
    const rows = await this.selectVersions().where('evaluation_versions.evaluation_id', '=', evaluationId).orderBy('evaluation_versions.number').execute();
    return rows.map(toVersion);
  }

  async get(evaluationId: string, number: number): Promise<StoredVersion | undefined> {
    const row = await this.selectVersions()
      .where('evaluation_versions.evaluation_id', '=', evaluationId)
      .where('evaluation_versions.number', '=', number)
      .executeTakeFirst();
    return row && toVersion(row);
  }

  private selectVersions() {
    return this.db
      .selectFrom('evaluation_versions')
      .innerJoin('users', 'users.id', 'evaluation_versions.frozen_by')
      .select([
        'evaluation_versions.number',
        'evaluation_versions.action',
        'evaluation_versions.status',
        'evaluation_versions.document',
        'evaluation_versions.content_hash',
        'evaluation_versions.frozen_at',
        'evaluation_versions.evidence',
        'evaluation_versions.evidence_hash',
        'users.username',
        'users.display_name',
      ]);
  }
}

function toVersion(r: {
  number: number; action: FreezingAction; status: Status; document: unknown; content_hash: string; frozen_at: string; username: string; display_name: string;
  evidence: unknown; evidence_hash: string | null;
}): StoredVersion {
  return {
    number: Number(r.number),
    action: r.action,
    status: r.status,
    contentHash: r.content_hash,
    frozenBy: { username: r.username, displayName: r.display_name },
    frozenAt: r.frozen_at,
    document: readJson<Evaluation>(r.document),
    evidence: r.evidence === null || r.evidence === undefined ? null : readJson<ManifestEntry[]>(r.evidence),
    evidenceHash: r.evidence_hash,
  };
}
