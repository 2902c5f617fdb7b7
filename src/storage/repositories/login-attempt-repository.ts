/**
 * Login attempts, kept in the database so that every app process behind a load balancer counts
 * the same ones. An attempt is written before its password is checked (so that parallel attempts
 * count one another) and removed when it succeeds: what stays are the failures.
 */
import type { Db } from '../open-database.ts';

export class LoginAttemptRepository {
  constructor(private readonly db: Db) {}

  /** Records an attempt; its id orders it among parallel ones. */
  async record(username: string, address: string, at: string): Promise<number> {
    const row = await this.db.insertInto('login_attempts').values({ username, address, at }).returning('id').executeTakeFirstOrThrow();
    return Number(row.id);
  }

  /** The attempt succeeded: it is not a failure. */
  async forget(id: number): Promise<void> {
    await this.db.deleteFrom('login_attempts').where('id', '=', id).execute();
  }

  /** Failures (and attempts still in progress) recorded before attempt `id` since `since`, from the address; and the oldest of them. */
  async beforeFromAddress(id: number, address: string, since: string): Promise<{ count: number; oldest: string | null }> {
    const row = await this.db
      .selectFrom('login_attempts')
      .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.min<string | null>('at').as('oldest')])
      .where('address', '=', address)
      .where('at', '>', since)
      .where('id', '<', id)
      .executeTakeFirstOrThrow();
    return { count: Number(row.n), oldest: row.oldest };
  }

  /** Failures (and attempts in progress) recorded before attempt `id` since `since`, for the username. */
  async beforeForUsername(id: number, username: string, since: string): Promise<number> {
    const row = await this.db
      .selectFrom('login_attempts')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('username', '=', username)
      .where('at', '>', since)
      .where('id', '<', id)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async deleteBefore(at: string): Promise<void> {
    await this.db.deleteFrom('login_attempts').where('at', '<', at).execute();
  }
}
