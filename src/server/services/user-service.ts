/**
 * People: the admin creates users (one from the admin's page or `jixiao users add`, or a whole list
 * with `jixiao users import` — all rows or none), changes their role or unit, disables them and
 * resets their password; everyone changes their own. A new user or a reset gets a one-time password,
 * shown once and stored only as a hash: its holder must choose a password at the next login. A
 * disabled user and a changed or reset password end that user's sessions. The last admin who can
 * log in is not disabled or demoted: someone must be able to manage users.
 */
import { randomInt } from 'node:crypto';
import { roleNeedsUnit, roleWords } from '../../core/accounts/accounts.ts';
import { passwordProblem } from '../../core/accounts/password-policy.ts';
import { planUsers, type UserRow } from '../../core/accounts/user-plan.ts';
import { explain } from '../../core/explanation.ts';
import type { Role } from '../../core/workflow/workflow.ts';
import { inTransaction, repositories, type Repositories } from '../../storage/repositories.ts';
import type { Page } from '../../storage/paging.ts';
import type { SecurityAction } from '../../storage/repositories/security-event-repository.ts';
import type { User, UserFilter, UserRecord } from '../../storage/repositories/user-repository.ts';
import { ApiError, notFound } from '../api-error.ts';
import { hashPassword } from '../passwords.ts';
import { sessionCache } from '../session-cache.ts';
import type { ServiceContext } from '../service-context.ts';
import { requireAdmin } from './organisation-service.ts';
import { invalidFields, invalidRows } from './row-problems.ts';

/** Letters and digits that cannot be mistaken for one another when read aloud or copied by hand (no 0/O, 1/l/I). */
const ONE_TIME_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** 4 groups of 4 (`xxxx-xxxx-xxxx-xxxx`): 31^16 ≈ 2^79, and it passes the password rules. */
export function oneTimePassword(): string {
  const group = () => Array.from({ length: 4 }, () => ONE_TIME_ALPHABET[randomInt(ONE_TIME_ALPHABET.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}

export interface NewUserInput {
  username: string;
  displayName?: string;
  role: Role;
  /** The unit by id (the admin's page) … */
  unitId?: string | null;
  /** … or by its code (the command line). */
  unitCode?: string;
  /** A password chosen by the admin (the command line's --password-stdin); otherwise a one-time one is made. */
  password?: string;
}

export interface CreatedUser {
  user: UserRecord;
  /** Shown once; null when the admin gave the password. */
  oneTimePassword: string | null;
}

export interface UserChange {
  displayName?: string;
  role?: Role;
  unitId?: string | null;
  disabled?: boolean;
}

const FIELDS = { username: 'username', name: 'displayName', role: 'role', unit: 'unitId', password: 'password' };

export class UserService {
  constructor(private readonly ctx: ServiceContext) {}

  async list(user: User, filter: UserFilter, page: Page) {
    requireAdmin(user);
    return repositories(this.ctx.db).users.page(filter, page);
  }

  async get(user: User, id: string): Promise<UserRecord> {
    requireAdmin(user);
    const found = await repositories(this.ctx.db).users.get(id);
    if (!found) throw notFound();
    return found;
  }

  async create(user: User, input: NewUserInput): Promise<CreatedUser> {
    requireAdmin(user);
    if (input.password !== undefined) {
      const problem = passwordProblem(input.password, input.username);
      if (problem) throw invalidFields([{ row: 0, field: 'password', message: explain(`password.${problem}`) }], FIELDS);
    }
    const password = input.password ?? oneTimePassword();
    const passwordHash = await hashPassword(password);
    return inTransaction(this.ctx.db, async (repos) => {
      const unitCode = input.unitCode ?? (input.unitId ? await unitCodeOf(repos, input.unitId) : '');
      const row: UserRow = { row: 0, username: input.username, displayName: input.displayName ?? '', role: input.role, unitCode };
      const [planned] = await this.plan(repos, [row], (problems) => invalidFields(problems, FIELDS));
      const id = crypto.randomUUID();
      await repos.users.create({ id, ...planned!, passwordHash, mustChangePassword: input.password === undefined }, this.now());
      await created(repos, user, id, planned!, this.now());
      return { user: (await repos.users.get(id))!, oneTimePassword: input.password === undefined ? password : null };
    });
  }

  /** A list of users (`jixiao users import`): all rows or none; each gets a one-time password. */
  async importRows(user: User, rows: readonly UserRow[]): Promise<Array<{ username: string; oneTimePassword: string }>> {
    requireAdmin(user);
    const planned = await this.plan(repositories(this.ctx.db), rows, (problems) => invalidRows('users', problems));
    const passwords = planned.map(() => oneTimePassword());
    const hashes = await Promise.all(passwords.map((p) => hashPassword(p)));
    await inTransaction(this.ctx.db, async (repos) => {
      // Planned again inside the transaction: a username taken meanwhile refuses the whole list.
      await this.plan(repos, rows, (problems) => invalidRows('users', problems));
      const at = this.now();
      const users = planned.map((p, i) => ({ id: crypto.randomUUID(), ...p, passwordHash: hashes[i]!, mustChangePassword: true }));
      await repos.users.createMany(users, at);
      for (const made of users) await created(repos, user, made.id, made, at);
    });
    return planned.map((p, i) => ({ username: p.username, oneTimePassword: passwords[i]! }));
  }

  async update(user: User, id: string, change: UserChange): Promise<UserRecord> {
    requireAdmin(user);
    const updated = await inTransaction(this.ctx.db, async (repos) => {
      const target = await repos.users.get(id);
      if (!target) throw notFound();
      const role = change.role ?? target.role;
      const unitId = change.unitId !== undefined ? change.unitId : roleNeedsUnit(role) ? target.unit?.id ?? null : null;
      if (change.role !== undefined || change.unitId !== undefined) await checkRoleAndUnit(repos, role, unitId);
      const losesAdmin = target.role === 'admin' && (role !== 'admin' || change.disabled === true);
      if (losesAdmin && !target.disabled && (await repos.users.activeAdmins()).length <= 1) throw new ApiError(409, 'LAST_ADMIN');
      await repos.users.update(id, { ...(change.displayName !== undefined ? { displayName: change.displayName.trim() || target.username } : {}), role, unitId });
      const event = (action: SecurityAction, detail: Record<string, unknown> = {}) =>
        repos.securityEvents.append({ at: this.now(), action, userId: user.id, subjectUserId: id, detail });
      if (role !== target.role) await event('user.roleChanged', { from: target.role, to: role });
      if (unitId !== (target.unit?.id ?? null)) await event('user.unitChanged', { from: target.unitCode, to: unitId === null ? null : (await repos.units.get(unitId))?.code ?? unitId });
      if (change.disabled !== undefined && change.disabled !== target.disabled) {
        await repos.users.setDisabled(id, change.disabled ? this.now() : null);
        if (change.disabled) await repos.sessions.deleteForUser(id);
        await event(change.disabled ? 'user.disabled' : 'user.enabled');
      }
      return (await repos.users.get(id))!;
    });
    // Role, unit, name or disabled: what every request of the user's sessions is checked against.
    sessionCache.forgetUser(id);
    return updated;
  }

  /** A new one-time password: the user's sessions end, and the next login must choose a password. */
  async resetPassword(user: User, id: string): Promise<{ oneTimePassword: string }> {
    requireAdmin(user);
    const password = oneTimePassword();
    const hash = await hashPassword(password);
    await inTransaction(this.ctx.db, async (repos) => {
      if (!(await repos.users.get(id))) throw notFound();
      await repos.users.setPassword(id, hash, true, this.now());
      await repos.sessions.deleteForUser(id);
      await repos.securityEvents.append({ at: this.now(), action: 'password.reset', userId: user.id, subjectUserId: id });
    });
    sessionCache.forgetUser(id);
    return { oneTimePassword: password };
  }

  /** Plans rows against the users and units there are; `refuse` makes the error of the problems. */
  private async plan(repos: Repositories, rows: readonly UserRow[], refuse: (problems: Parameters<typeof invalidRows>[1]) => ApiError) {
    const taken = await repos.users.takenUsernames(rows.map((r) => r.username.trim()).filter(Boolean));
    const units = new Map((await repos.units.tree()).map((u) => [u.code, { id: u.id, disabled: u.disabled }]));
    const plan = planUsers(taken, units, rows);
    if (!plan.ok) throw refuse(plan.problems);
    return plan.users.map(({ username, displayName, role, unitId }) => ({ username, displayName, role, unitId }));
  }

  private now(): string {
    return this.ctx.now().toISOString();
  }
}

/** A user made: the security event names who made whom, with which role and unit. */
async function created(repos: Repositories, actor: User, id: string, made: { role: Role; unitId: string | null }, at: string): Promise<void> {
  const unit = made.unitId === null ? null : (await repos.units.get(made.unitId))?.code ?? made.unitId;
  await repos.securityEvents.append({ at, action: 'user.created', userId: actor.id, subjectUserId: id, detail: { role: made.role, unit } });
}

async function unitCodeOf(repos: Repositories, unitId: string): Promise<string> {
  const unit = await repos.units.get(unitId);
  if (!unit) throw invalidFields([{ row: 0, field: 'unit', message: explain('users.unknownUnit', { unit: unitId }) }], FIELDS);
  return unit.code;
}

/** Unit roles need an enabled unit; the bureau's roles have none. */
async function checkRoleAndUnit(repos: Repositories, role: Role, unitId: string | null): Promise<void> {
  if (roleNeedsUnit(role) && unitId === null) throw invalidFields([{ row: 0, field: 'unit', message: explain('users.unitRequired', { role: roleWords(role) }) }], FIELDS);
  if (!roleNeedsUnit(role) && unitId !== null) throw invalidFields([{ row: 0, field: 'unit', message: explain('users.unitNotAllowed', { unit: unitId }) }], FIELDS);
  if (unitId === null) return;
  const unit = await repos.units.get(unitId);
  if (!unit) throw invalidFields([{ row: 0, field: 'unit', message: explain('users.unknownUnit', { unit: unitId }) }], FIELDS);
  if (unit.disabled) throw invalidFields([{ row: 0, field: 'unit', message: explain('users.disabledUnit', { unit: unit.code }) }], FIELDS);
}
