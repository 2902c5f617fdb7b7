/**
 * After the review (issue 17): rectification items (整改) and results application (结果应用).
 * A rectification item is raised by the finance bureau's reviewer or a department reviewer on a form,
 * on one of its indicators (by lineage id) or from a re-check result (the draw it came from); the unit
 * answers with its measures and evidence files (the form's `evidence_files`, listed by id in
 * `evidence`), the reviewer accepts it (closed) or sends it back (open again, with the reason).
 * "Overdue" is not stored: an item still open after its due date is overdue on the day it is read.
 * The project's code and name are copied so that next year's form of the same project finds the items
 * its predecessor left open. A results application is the bureau's record of what follows from a
 * form's grade (budget kept, reduced, project stopped…): one per form, the bureau's own (never shown
 * to the unit). `followup_audit` is the audit log of both.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const json = pg ? sql`jsonb` : sql`text`;

  await db.schema
    .createTable('rectification_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('evaluation_id', 'text', (c) => c.notNull().references('evaluations.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    // 项目代码 ('' when the form has none) and 项目名称, as on the form when the item was raised.
    .addColumn('project_code', 'text', (c) => c.notNull())
    .addColumn('project', 'text', (c) => c.notNull())
    // The indicator's lineage id and its name when raised (null: the item is on the whole form).
    .addColumn('indicator_id', 'text')
    .addColumn('indicator_name', 'text')
    // Set when the item comes from a re-check result.
    .addColumn('recheck_draw_id', 'text', (c) => c.references('recheck_draws.id'))
    .addColumn('problem', 'text', (c) => c.notNull())
    .addColumn('requirement', 'text', (c) => c.notNull())
    // YYYY-MM-DD.
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'answered', 'closed')`))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('measures', 'text')
    // The evidence file ids (of the form's evidence_files) the answer cites, a JSON array.
    .addColumn('evidence', json, (c) => c.notNull())
    .addColumn('send_back_reason', 'text')
    .addColumn('raised_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('answered_by', 'text', (c) => c.references('users.id'))
    .addColumn('answered_at', 'text')
    .addColumn('closed_by', 'text', (c) => c.references('users.id'))
    .addColumn('closed_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rectification_items_list_idx').on('rectification_items').columns(['year', 'unit_id', 'status', 'due_date']).execute();
  await db.schema.createIndex('rectification_items_evaluation_idx').on('rectification_items').columns(['evaluation_id']).execute();
  await db.schema.createIndex('rectification_items_project_idx').on('rectification_items').columns(['unit_id', 'project_code', 'project', 'year']).execute();

  await db.schema
    .createTable('results_applications')
    .addColumn('evaluation_id', 'text', (c) => c.primaryKey().references('evaluations.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull().check(sql`category in ('keep', 'increase', 'reduce', 'stop', 'rectify-first', 'other')`))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('results_applications_year_idx').on('results_applications').columns(['year', 'category']).execute();

  await db.schema
    .createTable('followup_audit')
    .addColumn('id', pg ? 'bigserial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('subject', 'text', (c) => c.notNull().check(sql`subject in ('rectification', 'results-application')`))
    // The rectification item's id, or the evaluation's id for its results application.
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('evaluation_id', 'text', (c) => c.notNull().references('evaluations.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('changes', json, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('followup_audit_subject_idx').on('followup_audit').columns(['subject', 'subject_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('followup_audit').execute();
  await db.schema.dropTable('results_applications').execute();
  await db.schema.dropTable('rectification_items').execute();
}
