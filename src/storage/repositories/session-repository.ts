/** Sessions, keyed by the hash of the cookie's token; each holds its CSRF token. */
import type { Db } from '../open-database.ts';
import { toUser, type User } from './user-repository.ts';

export interface StoredSession {
  id: string;
  csrfToken: string;
  user: User;
}

export class SessionRepository {
  constructor(private readonly db: Db) {}

  async create(session: { id: string; userId: string; csrfToken: string; createdAt: string; expiresAt: string }): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({ id: session.id, user_id: session.userId, csrf_token: session.csrfToken, created_at: session.createdAt, expires_at: session.expiresAt })
      .execute();
  }

  async findValid(id: string, now: string): Promise<StoredSession | undefined> {
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .leftJoin('units', 'units.id', 'users.unit_id')
      .select(['sessions.id as session_id', 'sessions.csrf_token', 'users.id', 'users.username', 'users.display_name', 'users.role', 'users.unit_id', 'units.name as unit_name'])
      .where('sessions.id', '=', id)
      .where('sessions.expires_at', '>', now)
      .executeTakeFirst();
    return row && { id: row.session_id, csrfToken: row.csrf_token, user: toUser(row) };
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  async deleteExpired(now: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  }
}
