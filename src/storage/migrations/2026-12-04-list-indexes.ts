/**
 * Lists one page at a time (issue 12) in their order — year (newest first), project, id — read
 * from an index rather than sorted: the live forms (every signed-in list: the scope's unit and
 * status are in the index too), and the published ones (the public list, which anyone may ask for:
 * its default page must stay cheap on a province's 250,000 forms).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('evaluations_list_idx')
    .on('evaluations')
    .columns(['year desc', 'project', 'id', 'unit_id', 'status', 'deleted_at'])
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('evaluations_public_idx')
    .on('evaluations')
    .columns(['year desc', 'project', 'id', 'unit_id', 'status', 'deleted_at'])
    .where((eb) => eb.and([eb('status', '=', 'published'), eb('deleted_at', 'is', null)]))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('evaluations_public_idx').execute();
  await db.schema.dropIndex('evaluations_list_idx').execute();
}
