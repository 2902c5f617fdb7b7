/**
 * Sessions, keyed by the hash of the cookie's token; each holds its CSRF token. A session is valid
 * before its absolute end, while it has been used within the idle timeout, and while its user is
 * not disabled.
 */
import type { Db } from '../open-database.ts';
import { toUser, type User } from './user-repository.ts';

export interface StoredSession {
  id: string;
  csrfToken: string;
  user: User;
  lastSeenAt: string;
}

export class SessionRepository {
  constructor(private readonly db: Db) {}

  async create(session: { id: string; userId: string; csrfToken: string; createdAt: string; expiresAt: string }): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        id: session.id, user_id: session.userId, csrf_token: session.csrfToken,
        created_at: session.createdAt, expires_at: session.expiresAt, last_seen_at: session.createdAt,
      })
      .execute();
  }

  /** The session if it has not ended by `now` and was last used after `idleSince`. */
  async findValid(id: string, now: string, idleSince: string): Promise<StoredSession | undefined> {
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .leftJoin('units', 'units.id', 'users.unit_id')
      .select([
        'sessions.id as session_id', 'sessions.csrf_token', 'sessions.last_seen_at',
        'users.id', 'users.username', 'users.display_name', 'users.role', 'users.unit_id', 'users.must_change_password',
        'units.name as unit_name', 'units.path as unit_path',
      ])
      .where('sessions.id', '=', id)
      .where('sessions.expires_at', '>', now)
      .where('sessions.last_seen_at', '>', idleSince)
      .where('users.disabled_at', 'is', null)
      .executeTakeFirst();
    return row && { id: row.session_id, csrfToken: row.csrf_token, user: toUser(row), lastSeenAt: row.last_seen_at };
  }

  async touch(id: string, at: string): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  /** Ends every session of the user (disabled, or a password changed). */
  async deleteForUser(userId: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }

  async deleteExpired(now: string, idleSince: string): Promise<void> {
    await this.db.deleteFrom('sessions').where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleSince)])).execute();
  }
}
