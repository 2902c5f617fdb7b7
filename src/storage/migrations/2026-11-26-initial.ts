/** The first schema: units, users, sessions, login attempts, evaluations and their audit log. */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const json = pg ? sql`jsonb` : sql`text`;
  const serial = (table: string) =>
    db.schema.createTable(table).addColumn('id', pg ? 'bigserial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()));

  await db.schema
    .createTable('units')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('preparer', 'approver', 'reviewer', 'admin')`))
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_id_idx').on('sessions').column('user_id').execute();
  await db.schema.createIndex('sessions_expires_at_idx').on('sessions').column('expires_at').execute();

  // Failed logins only: the rate limit counts them per username and per address over the last minute.
  await serial('login_attempts')
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_attempts_username_at_idx').on('login_attempts').columns(['username', 'at']).execute();
  await db.schema.createIndex('login_attempts_address_at_idx').on('login_attempts').columns(['address', 'at']).execute();

  await db.schema
    .createTable('evaluations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('project', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'submitted', 'returned', 'approved', 'published')`))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('score', 'numeric(14, 2)', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('execution_rate', 'numeric(14, 2)')
    .addColumn('budget_fen', 'bigint')
    .addColumn('executed_fen', 'bigint')
    .addColumn('return_reason', 'text')
    .addColumn('document', json, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The list, the dashboard and the public pages filter by year, status and unit.
  await db.schema.createIndex('evaluations_year_status_idx').on('evaluations').columns(['year', 'status']).execute();
  await db.schema.createIndex('evaluations_unit_year_idx').on('evaluations').columns(['unit_id', 'year']).execute();
  await db.schema.createIndex('evaluations_status_idx').on('evaluations').column('status').execute();

  await serial('audit_log')
    .addColumn('evaluation_id', 'text', (c) => c.notNull().references('evaluations.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('changes', json, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_evaluation_id_idx').on('audit_log').columns(['evaluation_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['audit_log', 'evaluations', 'login_attempts', 'sessions', 'users', 'units']) {
    await db.schema.dropTable(table).execute();
  }
}
