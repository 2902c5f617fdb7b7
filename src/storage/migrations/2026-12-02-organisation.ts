/**
 * The organisation and the year's set-up (issue 11):
 * - units form a tree: the budget system's code (单位代码, unique), a parent (none: directly under
 *   the finance bureau), the path from the root (`/deptId/unitId/`, how a department finds the units
 *   below it), and `disabled_at` (kept with its forms, hidden from new work). Units stored before get
 *   their id as code and stand under the bureau, to be put in place by the admin;
 * - users: the role `department` (主管部门审核人), `disabled_at`, `must_change_password` (a one-time
 *   password was given), `password_changed_at`;
 * - sessions: `last_seen_at`, for the idle timeout;
 * - evaluations: the status `forwarded` (the department passed the form on to the finance bureau);
 * - years: per year, whether the department reviews first, and the deadline (填报截止日期);
 * - projects: the year's project list from the budget system, each with the evaluation made for it.
 */
import { sql, type Kysely } from 'kysely';
import { widenCheck } from './widen-check.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('units').addColumn('code', 'text').execute();
  await db.schema.alterTable('units').addColumn('parent_id', 'text', (c) => c.references('units.id')).execute();
  await db.schema.alterTable('units').addColumn('path', 'text').execute();
  await db.schema.alterTable('units').addColumn('disabled_at', 'text').execute();
  await sql`update units set code = id, path = '/' || id || '/'`.execute(db);
  await db.schema.createIndex('units_code_idx').on('units').column('code').unique().execute();
  await db.schema.createIndex('units_parent_id_idx').on('units').column('parent_id').execute();

  await widenCheck(db, {
    table: 'users', column: 'role',
    before: "role in ('preparer', 'approver', 'reviewer', 'admin')",
    after: "role in ('preparer', 'approver', 'department', 'reviewer', 'admin')",
  });
  await db.schema.alterTable('users').addColumn('disabled_at', 'text').execute();
  await db.schema.alterTable('users').addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('users').addColumn('password_changed_at', 'text').execute();

  await db.schema.alterTable('sessions').addColumn('last_seen_at', 'text').execute();
  await sql`update sessions set last_seen_at = created_at`.execute(db);

  await widenCheck(db, {
    table: 'evaluations', column: 'status',
    before: "status in ('draft', 'submitted', 'returned', 'approved', 'published')",
    after: "status in ('draft', 'submitted', 'forwarded', 'returned', 'approved', 'published')",
  });

  await db.schema
    .createTable('years')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('department_review', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('deadline', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .execute();

  await db.schema
    .createTable('projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('budget_fen', 'bigint')
    .addColumn('previous_budget_fen', 'bigint')
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('recurring', 'integer')
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('evaluation_id', 'text', (c) => c.references('evaluations.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('projects_year_unit_idx').on('projects').columns(['year', 'unit_id']).execute();
  await db.schema.createIndex('projects_evaluation_id_idx').on('projects').column('evaluation_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('projects').execute();
  await db.schema.dropTable('years').execute();
  throw new Error('the organisation migration is not undone further: roles and statuses in use would be lost');
}
