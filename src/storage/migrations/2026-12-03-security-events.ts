/**
 * Security events (issue 12): logins that succeeded and failed, logouts, passwords changed and
 * reset, users created, disabled, enabled, their role or unit changed, and downloads of documents
 * that are not public — who, when, from where, about whom. Read by the admin; rows are only added.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  await db.schema
    .createTable('security_events')
    .addColumn('id', pg ? 'bigserial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    // The user who acted (null: nobody logged in, as for a failed login).
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    // The username given at a login, as typed (also for names no account has).
    .addColumn('username', 'text')
    .addColumn('address', 'text')
    // The user the event is about (created, disabled, reset…).
    .addColumn('subject_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('detail', pg ? sql`jsonb` : sql`text`, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('security_events_at_idx').on('security_events').columns(['at', 'id']).execute();
  await db.schema.createIndex('security_events_action_at_idx').on('security_events').columns(['action', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('security_events').execute();
}
