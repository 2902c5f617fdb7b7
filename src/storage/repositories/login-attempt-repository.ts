/**
 * Failed logins, kept in the database so that every app process behind a load balancer counts
 * the same attempts.
 */
import type { Db } from '../open-database.ts';

export class LoginAttemptRepository {
  constructor(private readonly db: Db) {}

  async recordFailure(username: string, address: string, at: string): Promise<void> {
    await this.db.insertInto('login_attempts').values({ username, address, at }).execute();
  }

  /** Failures since `since` for the username and for the address, and the oldest of them (when the window frees up). */
  async failuresSince(username: string, address: string, since: string): Promise<{ byUsername: number; byAddress: number; oldest: string | null }> {
    const row = await this.db
      .selectFrom('login_attempts')
      .select((eb) => [
        eb.fn.sum<number | string | null>(eb.case().when('username', '=', username).then(1).else(0).end()).as('by_username'),
        eb.fn.sum<number | string | null>(eb.case().when('address', '=', address).then(1).else(0).end()).as('by_address'),
        eb.fn.min<string | null>('at').as('oldest'),
      ])
      .where('at', '>', since)
      .where((eb) => eb.or([eb('username', '=', username), eb('address', '=', address)]))
      .executeTakeFirstOrThrow();
    return { byUsername: Number(row.by_username ?? 0), byAddress: Number(row.by_address ?? 0), oldest: row.oldest };
  }

  async deleteBefore(at: string): Promise<void> {
    await this.db.deleteFrom('login_attempts').where('at', '<', at).execute();
  }
}
