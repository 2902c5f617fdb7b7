/**
 * Logging in and out, and finding the session of a request. Sessions and failed attempts live in
 * the database, so any app process behind a load balancer can serve any request.
 */
import { createHash, randomBytes } from 'node:crypto';
import { repositories, inTransaction } from '../../storage/repositories.ts';
import type { StoredSession } from '../../storage/repositories/session-repository.ts';
import type { User } from '../../storage/repositories/user-repository.ts';
import { ApiError } from '../api-error.ts';
import { UNUSABLE_HASH, verifyPassword } from '../passwords.ts';
import type { ServiceContext } from '../service-context.ts';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
export const LOGIN_WINDOW_MS = 60 * 1000;
export const MAX_FAILED_LOGINS = 10;
/** Failed attempts older than this are of no use to the limit and are deleted. */
const ATTEMPT_RETENTION_MS = 24 * 60 * 60 * 1000;

/** The session's key in the database: the token's hash, never the token. */
export const sessionId = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

export interface LoggedIn {
  token: string;
  csrfToken: string;
  user: User;
}

export class AuthService {
  constructor(private readonly ctx: ServiceContext) {}

  async resolve(token: string | undefined): Promise<StoredSession | null> {
    if (!token) return null;
    return (await repositories(this.ctx.db).sessions.findValid(sessionId(token), this.ctx.now().toISOString())) ?? null;
  }

  async login(input: { username: string; password: string; address: string; previousToken?: string | undefined }): Promise<LoggedIn> {
    const now = this.ctx.now();
    const repos = repositories(this.ctx.db);
    await this.refuseWhileLimited(input.username, input.address, now);

    const found = await repos.users.findByUsername(input.username);
    const valid = await verifyPassword(input.password, found?.passwordHash ?? UNUSABLE_HASH);
    if (!found || !valid) {
      await repos.loginAttempts.recordFailure(input.username, input.address, now.toISOString());
      throw new ApiError(401, 'INVALID_CREDENTIALS');
    }

    // A new session id at every login, and the one the browser came with is ended: no fixation.
    const token = newToken();
    const csrfToken = newToken();
    await inTransaction(this.ctx.db, async (trx) => {
      if (input.previousToken) await trx.sessions.delete(sessionId(input.previousToken));
      await trx.sessions.create({
        id: sessionId(token),
        userId: found.user.id,
        csrfToken,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
      });
      await trx.sessions.deleteExpired(now.toISOString());
      await trx.loginAttempts.deleteBefore(new Date(now.getTime() - ATTEMPT_RETENTION_MS).toISOString());
    });
    return { token, csrfToken, user: found.user };
  }

  async logout(token: string | undefined): Promise<void> {
    if (token) await repositories(this.ctx.db).sessions.delete(sessionId(token));
  }

  /** 429 after MAX_FAILED_LOGINS failures within the window, for the username or for the address. */
  private async refuseWhileLimited(username: string, address: string, now: Date): Promise<void> {
    const since = new Date(now.getTime() - LOGIN_WINDOW_MS).toISOString();
    const failures = await repositories(this.ctx.db).loginAttempts.failuresSince(username, address, since);
    if (failures.byUsername < MAX_FAILED_LOGINS && failures.byAddress < MAX_FAILED_LOGINS) return;
    const freeAt = (failures.oldest ? Date.parse(failures.oldest) : now.getTime()) + LOGIN_WINDOW_MS;
    const seconds = Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000));
    throw new ApiError(429, 'TOO_MANY_ATTEMPTS', { params: { seconds }, headers: { 'Retry-After': String(seconds) } });
  }
}
