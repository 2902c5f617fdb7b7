/**
 * Logging in and out, changing one's password, and finding the session of a request. Sessions and
 * failed attempts live in the database, so any app process behind a load balancer can serve any
 * request (a process answers from a session it read for at most SESSION_CACHE_MS, session-cache.ts). A session ends at logout, 12 hours after login, after a setting's minutes without a
 * request (30 by default), and when its user is disabled or a password of the user changes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { passwordProblem } from '../../core/accounts/password-policy.ts';
import { explain } from '../../core/explanation.ts';
import { inTransaction, repositories, type Repositories } from '../../storage/repositories.ts';
import type { NewSecurityEvent } from '../../storage/repositories/security-event-repository.ts';
import type { StoredSession } from '../../storage/repositories/session-repository.ts';
import type { User } from '../../storage/repositories/user-repository.ts';
import { ApiError } from '../api-error.ts';
import { hashPassword, needsRehash, UNUSABLE_HASH, verifyPassword } from '../passwords.ts';
import { sessionCache } from '../session-cache.ts';
import type { ServiceContext } from '../service-context.ts';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
export const DEFAULT_SESSION_IDLE_MS = 30 * 60 * 1000;
export const LOGIN_WINDOW_MS = 60 * 1000;
/** Failed logins from one address within the window before it is refused (429) for the rest of it. */
export const MAX_FAILED_LOGINS = 10;
/** A username's failures are counted over this window to slow its logins down. */
export const USERNAME_WINDOW_MS = 15 * 60 * 1000;
/**
 * How long a login of a username waits before its password is checked, after `failures` recent
 * failures: nothing for the first 5, then 1 s, 2 s, 4 s … up to 10 s. A username is slowed, never
 * locked: whoever has the right password still gets in, so no one can lock an account out for good
 * by failing on purpose; an address that fails is refused outright (it is the attacker's own).
 */
export function loginDelayMs(failures: number): number {
  return failures < 5 ? 0 : Math.min(1000 * 2 ** (failures - 5), 10_000);
}
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
    const id = sessionId(token);
    const cached = sessionCache.get(id, now.getTime());
    if (cached) {
      if (now.getTime() - Date.parse(cached.lastSeenAt) >= TOUCH_INTERVAL_MS) await this.touch(cached, now);
      return cached;
    }
    const mark = sessionCache.mark();
    const session = await repositories(this.ctx.db).sessions.findValid(id, now.toISOString(), new Date(now.getTime() - this.idleMs).toISOString());
    if (!session) return null;
    if (now.getTime() - Date.parse(session.lastSeenAt) >= TOUCH_INTERVAL_MS) await this.touch(session, now);
    sessionCache.keep(id, session, mark, now.getTime());
    return session;
  }

  /** The session's last use, written (at most once a TOUCH_INTERVAL_MS) and kept with the cached read. */
  private async touch(session: StoredSession, now: Date): Promise<void> {
    session.lastSeenAt = now.toISOString();
    await repositories(this.ctx.db).sessions.touch(session.id, session.lastSeenAt);
  }

  async login(input: { username: string; password: string; address: string; previousToken?: string | undefined }): Promise<LoggedIn> {
    const repos = repositories(this.ctx.db);
    const attempt = await this.attempt(input.username, input.address);
    const found = await repos.users.findByUsername(input.username);
    const valid = await verifyPassword(input.password, found?.passwordHash ?? UNUSABLE_HASH);
    const event = { username: input.username, address: input.address, subjectUserId: found?.user.id ?? null };
    if (!found || !valid) {
      await this.record({ ...event, action: 'login.failed', detail: { reason: found ? 'wrongPassword' : 'unknownUser' } });
      throw new ApiError(401, 'INVALID_CREDENTIALS');
    }
    await repos.loginAttempts.forget(attempt);
    // Told only to someone who knows the password: the account exists and is disabled.
    if (found.disabled) {
      await this.record({ ...event, action: 'login.failed', detail: { reason: 'disabled' } });
      throw new ApiError(403, 'ACCOUNT_DISABLED');
    }
    await this.record({ ...event, action: 'login.succeeded', userId: found.user.id });
    // A hash of an older, lower cost is made again now that the password is at hand.
    if (needsRehash(found.passwordHash)) await repos.users.replaceHash(found.user.id, found.passwordHash, await hashPassword(input.password));
    const loggedIn = await inTransaction(this.ctx.db, (trx) => this.newSession(trx, found.user, input.previousToken));
    if (input.previousToken) sessionCache.forget(sessionId(input.previousToken));
    return loggedIn;
  }

  /** Ends the session of the token; `user` (the session's, if it was valid) and the address go to the security events. */
  async logout(token: string | undefined, user: User | null, address: string): Promise<void> {
    if (token) {
      await repositories(this.ctx.db).sessions.delete(sessionId(token));
      sessionCache.forget(sessionId(token));
    }
    if (user) await this.record({ action: 'logout', userId: user.id, username: user.username, address });
  }

  /**
   * The user's own password (`POST /api/me/password`): the current one is checked (a wrong one counts
   * against the login limit), the new one must pass the rules. Every session of the user ends; the
   * caller gets a new one.
   */
  async changePassword(user: User, input: { currentPassword: string; newPassword: string; address: string; token?: string | undefined }): Promise<LoggedIn> {
    const repos = repositories(this.ctx.db);
    const attempt = await this.attempt(user.username, input.address);
    if (!(await verifyPassword(input.currentPassword, (await repos.users.passwordHash(user.id)) ?? UNUSABLE_HASH))) {
      await this.record({ action: 'login.failed', userId: user.id, username: user.username, address: input.address, subjectUserId: user.id, detail: { reason: 'wrongCurrentPassword' } });
      throw new ApiError(400, 'VALIDATION', { issues: [{ path: 'currentPassword', message: explain('password.WRONG_CURRENT') }] });
    }
    await repos.loginAttempts.forget(attempt);
    const problem = passwordProblem(input.newPassword, user.username);
    if (problem) throw new ApiError(400, 'VALIDATION', { issues: [{ path: 'newPassword', message: explain(`password.${problem}`) }] });
    if (input.newPassword === input.currentPassword) throw new ApiError(400, 'VALIDATION', { issues: [{ path: 'newPassword', message: explain('password.SAME_AS_CURRENT') }] });
    const hash = await hashPassword(input.newPassword);
    const loggedIn = await inTransaction(this.ctx.db, async (trx) => {
      await trx.users.setPassword(user.id, hash, false, this.ctx.now().toISOString());
      await trx.sessions.deleteForUser(user.id);
      await trx.securityEvents.append({ at: this.ctx.now().toISOString(), action: 'password.changed', userId: user.id, username: user.username, address: input.address, subjectUserId: user.id });
      return this.newSession(trx, { ...user, mustChangePassword: false });
    });
    sessionCache.forgetUser(user.id);
    return loggedIn;
  }

  private async record(event: Omit<NewSecurityEvent, 'at'>): Promise<void> {
    await repositories(this.ctx.db).securityEvents.append({ ...event, at: this.ctx.now().toISOString() });
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

  /**
   * Records the attempt before its password is checked — so that parallel attempts count each other
   * (60 at once from one address: the first 10 are checked) — then refuses an address over its limit
   * (429; the refused attempt is not kept) and slows a username with recent failures down. The
   * attempt stays recorded as a failure unless the caller forgets it on success.
   */
  private async attempt(username: string, address: string): Promise<number> {
    const repos = repositories(this.ctx.db);
    const now = this.ctx.now();
    const id = await repos.loginAttempts.record(username, address, now.toISOString());
    const fromAddress = await repos.loginAttempts.beforeFromAddress(id, address, new Date(now.getTime() - LOGIN_WINDOW_MS).toISOString());
    if (fromAddress.count >= MAX_FAILED_LOGINS) {
      await repos.loginAttempts.forget(id);
      const freeAt = (fromAddress.oldest ? Date.parse(fromAddress.oldest) : now.getTime()) + LOGIN_WINDOW_MS;
      const seconds = Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000));
      throw new ApiError(429, 'TOO_MANY_ATTEMPTS', { params: { seconds }, headers: { 'Retry-After': String(seconds) } });
    }
    const failures = await repos.loginAttempts.beforeForUsername(id, username, new Date(now.getTime() - USERNAME_WINDOW_MS).toISOString());
    const delay = (this.ctx.loginDelayMs ?? loginDelayMs)(failures);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    return id;
  }
}
