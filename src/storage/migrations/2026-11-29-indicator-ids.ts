/**
 * Indicator ids for the forms stored before ids were given (src/core/lineage/indicator-ids.ts):
 * every indicator without one gets a new UUID, so that a copy to next year of any form keeps a
 * lineage by id. Only the document changes — not the version, the time or the audit log: an id is
 * not a change of the form's content, and the frozen snapshots (evaluation_versions) are left as
 * they were. Read in pages by id, so a large database is not held in memory.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { withIndicatorIds } from '../../core/lineage/indicator-ids.ts';
import type { Evaluation } from '../../core/model/evaluation.ts';
import { readJson, writeJson } from '../columns.ts';

const PAGE = 500;

export async function up(db: Kysely<any>): Promise<void> {
  let after = '';
  for (;;) {
    const rows: Array<{ id: string; document: unknown }> = await db.selectFrom('evaluations').select(['id', 'document']).where('id', '>', after).orderBy('id').limit(PAGE).execute();
    for (const row of rows) {
      const document = readJson<Evaluation>(row.document);
      if (!Array.isArray(document?.indicators)) continue;
      const withIds = withIndicatorIds(document, undefined, randomUUID);
      if (withIds !== document) await db.updateTable('evaluations').set({ document: writeJson(withIds) }).where('id', '=', row.id).execute();
    }
    if (rows.length < PAGE) return;
    after = rows.at(-1)!.id;
  }
}

/** Ids are harmless to keep: nothing to undo. */
export async function down(): Promise<void> {}
