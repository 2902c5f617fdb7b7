/**
 * Logging in and out, changing one's password, and finding the session of a request. Sessions and
 * failed attempts live in the database, so any app process behind a load balancer can serve any
 * request. A session ends at logout, 12 hours after login, after a setting's minutes without a
 * request (30 by default), and when its user is disabled or a password of the user changes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { passwordProblem } from '../../core/accounts/password-policy.ts';
import { explain } from '../../core/explanation.ts';
import { inTransaction, repositories, type Repositories } from '../../storage/repositories.ts';
import type { StoredSession } from '../../storage/repositories/session-repository.ts';
import type { User } from '../../storage/repositories/user-repository.ts';
import { ApiError } from '../api-error.ts';
import { hashPassword, UNUSABLE_HASH, verifyPassword } from '../passwords.ts';
import type { ServiceContext } from '../service-context.ts';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
export const DEFAULT_SESSION_IDLE_MS = 30 * 60 * 1000;
export const LOGIN_WINDOW_MS = 60 * 1000;
export const MAX_FAILED_LOGINS = 10;
/** Failed attempts older than this are of no use to the limit and are deleted. */
const ATTEMPT_RETENTION_MS = 24 * 60 * 60 * 1000;
/** A session's last use is written at most this often: a write per request would cost every request. */
const TOUCH_INTERVAL_MS = 60 * 1000;

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

  private get idleMs(): number {
    return this.ctx.sessionIdleMs ?? DEFAULT_SESSION_IDLE_MS;
  }

  async resolve(token: string | undefined): Promise<StoredSession | null> {
    if (!token) return null;
    const now = this.ctx.now();
    const repos = repositories(this.ctx.db);
    const session = await repos.sessions.findValid(sessionId(token), now.toISOString(), new Date(now.getTime() - this.idleMs).toISOString());
    if (!session) return null;
    if (now.getTime() - Date.parse(session.lastSeenAt) >= TOUCH_INTERVAL_MS) await repos.sessions.touch(session.id, now.toISOString());
    return session;
  }

  async login(input: { username: string; password: string; address: string; previousToken?: string | undefined }): Promise<LoggedIn> {
    const repos = repositories(this.ctx.db);
    await this.refuseWhileLimited(input.username, input.address);
    const found = await repos.users.findByUsername(input.username);
    const valid = await verifyPassword(input.password, found?.passwordHash ?? UNUSABLE_HASH);
    if (!found || !valid) await this.failed(input.username, input.address);
    // Told only to someone who knows the password: the account exists and is disabled.
    if (found!.disabled) throw new ApiError(403, 'ACCOUNT_DISABLED');
    return inTransaction(this.ctx.db, (trx) => this.newSession(trx, found!.user, input.previousToken));
  }

  async logout(token: string | undefined): Promise<void> {
    if (token) await repositories(this.ctx.db).sessions.delete(sessionId(token));
  }

  /**
   * The user's own password (`POST /api/me/password`): the current one is checked (a wrong one counts
   * against the login limit), the new one must pass the rules. Every session of the user ends; the
   * caller gets a new one.
   */
  async changePassword(user: User, input: { currentPassword: string; newPassword: string; address: string; token?: string | undefined }): Promise<LoggedIn> {
    const repos = repositories(this.ctx.db);
    await this.refuseWhileLimited(user.username, input.address);
    if (!(await verifyPassword(input.currentPassword, (await repos.users.passwordHash(user.id)) ?? UNUSABLE_HASH))) {
      await repos.loginAttempts.recordFailure(user.username, input.address, this.ctx.now().toISOString());
      throw new ApiError(400, 'VALIDATION', { issues: [{ path: 'currentPassword', message: explain('password.WRONG_CURRENT') }] });
    }
    const problem = passwordProblem(input.newPassword, user.username);
    if (problem) throw new ApiError(400, 'VALIDATION', { issues: [{ path: 'newPassword', message: explain(`password.${problem}`) }] });
    if (input.newPassword === input.currentPassword) throw new ApiError(400, 'VALIDATION', { issues: [{ path: 'newPassword', message: explain('password.SAME_AS_CURRENT') }] });
    const hash = await hashPassword(input.newPassword);
    return inTransaction(this.ctx.db, async (trx) => {
      await trx.users.setPassword(user.id, hash, false, this.ctx.now().toISOString());
      await trx.sessions.deleteForUser(user.id);
      return this.newSession(trx, { ...user, mustChangePassword: false });
    });
  }

  /** A new session id at every login, and the one the browser came with is ended: no fixation. */
  private async newSession(trx: Repositories, user: User, previousToken?: string): Promise<LoggedIn> {
    const now = this.ctx.now();
    const token = newToken();
    const csrfToken = newToken();
    if (previousToken) await trx.sessions.delete(sessionId(previousToken));
    await trx.sessions.create({
      id: sessionId(token),
      userId: user.id,
      csrfToken,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
    });
    await trx.sessions.deleteExpired(now.toISOString(), new Date(now.getTime() - this.idleMs).toISOString());
    await trx.loginAttempts.deleteBefore(new Date(now.getTime() - ATTEMPT_RETENTION_MS).toISOString());
    return { token, csrfToken, user };
  }

  private async failed(username: string, address: string): Promise<never> {
    await repositories(this.ctx.db).loginAttempts.recordFailure(username, address, this.ctx.now().toISOString());
    throw new ApiError(401, 'INVALID_CREDENTIALS');
  }

  /** 429 after MAX_FAILED_LOGINS failures within the window, for the username or for the address. */
  private async refuseWhileLimited(username: string, address: string): Promise<void> {
    const now = this.ctx.now();
    const since = new Date(now.getTime() - LOGIN_WINDOW_MS).toISOString();
    const failures = await repositories(this.ctx.db).loginAttempts.failuresSince(username, address, since);
    if (failures.byUsername < MAX_FAILED_LOGINS && failures.byAddress < MAX_FAILED_LOGINS) return;
    const freeAt = (failures.oldest ? Date.parse(failures.oldest) : now.getTime()) + LOGIN_WINDOW_MS;
    const seconds = Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000));
    throw new ApiError(429, 'TOO_MANY_ATTEMPTS', { params: { seconds }, headers: { 'Retry-After': String(seconds) } });
  }
}
