/** Users and their roles; unit roles (preparer, approver, department) belong to a unit. */
import { sql } from 'kysely';
import type { Role } from '../../core/workflow/workflow.ts';
import { containing } from '../like.ts';
import type { Db } from '../open-database.ts';
import { count, paged, type Page } from '../paging.ts';
import type { Unit } from './unit-repository.ts';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unit: Unit | null;
  /** The unit's path in the tree: a department reviewer sees the forms of the units below it. */
  unitPath: string | null;
  /** A one-time password was given: the user must choose a password before anything else. */
  mustChangePassword: boolean;
}

/** A user as the admin's list shows it. */
export interface UserRecord extends User {
  unitCode: string | null;
  disabled: boolean;
  createdAt: string;
  passwordChangedAt: string | null;
}

export interface NewUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  passwordHash: string;
  mustChangePassword?: boolean;
}

export interface UserFilter {
  /** Part of the username or the name. */
  q?: string | undefined;
  role?: Role | undefined;
  unitId?: string | undefined;
  disabled?: boolean | undefined;
}

export class UserRepository {
  constructor(private readonly db: Db) {}

  private select() {
    return this.db
      .selectFrom('users')
      .leftJoin('units', 'units.id', 'users.unit_id')
      .select([
        'users.id', 'users.username', 'users.display_name', 'users.role', 'users.unit_id', 'users.password_hash',
        'users.must_change_password', 'users.disabled_at', 'users.created_at', 'users.password_changed_at',
        'units.name as unit_name', 'units.path as unit_path', 'units.code as unit_code',
      ]);
  }

  /** The user (disabled or not) and the stored password hash, for logging in. */
  async findByUsername(username: string): Promise<{ user: User; passwordHash: string; disabled: boolean } | undefined> {
    const row = await this.select().where('users.username', '=', username).executeTakeFirst();
    return row && { user: toUser(row), passwordHash: row.password_hash, disabled: row.disabled_at !== null };
  }

  async get(id: string): Promise<UserRecord | undefined> {
    const row = await this.select().where('users.id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  async passwordHash(id: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirst();
    return row?.password_hash;
  }

  private filtered(filter: UserFilter) {
    let query = this.select();
    if (filter.q) {
      const q = filter.q;
      query = query.where((eb) => eb.or([containing('users.username', q), containing('users.display_name', q)]));
    }
    if (filter.role !== undefined) query = query.where('users.role', '=', filter.role);
    if (filter.unitId !== undefined) query = query.where('users.unit_id', '=', filter.unitId);
    if (filter.disabled !== undefined) query = query.where('users.disabled_at', filter.disabled ? 'is not' : 'is', null);
    return query;
  }

  /** One page of users under the filter by username, and how many there are in all. */
  async page(filter: UserFilter, page: Page): Promise<{ items: UserRecord[]; total: number }> {
    const rows = await paged(this.filtered(filter).orderBy('users.username').orderBy('users.id'), page).execute();
    return { items: rows.map(toRecord), total: await count(this.filtered(filter)) };
  }

  /** Of the given usernames, those taken (compared ignoring case, as new accounts are). */
  async takenUsernames(usernames: readonly string[]): Promise<string[]> {
    const folded = [...new Set(usernames.map((u) => u.toLowerCase()))];
    const taken: string[] = [];
    for (let i = 0; i < folded.length; i += 500) {
      const rows = await this.db.selectFrom('users').select('username').where(sql<string>`lower(username)`, 'in', folded.slice(i, i + 500)).execute();
      taken.push(...rows.map((r) => r.username));
    }
    return taken;
  }

  async create(user: NewUser, at: string): Promise<void> {
    await this.createMany([user], at);
  }

  async createMany(users: readonly NewUser[], at: string): Promise<void> {
    for (let i = 0; i < users.length; i += 500) {
      await this.db
        .insertInto('users')
        .values(users.slice(i, i + 500).map((user) => ({
          id: user.id,
          username: user.username,
          display_name: user.displayName,
          role: user.role,
          unit_id: user.unitId,
          password_hash: user.passwordHash,
          must_change_password: user.mustChangePassword ? 1 : 0,
          created_at: at,
        })))
        .execute();
    }
  }

  async update(id: string, change: { displayName?: string; role?: Role; unitId?: string | null }): Promise<void> {
    await this.db
      .updateTable('users')
      .set({
        ...(change.displayName !== undefined ? { display_name: change.displayName } : {}),
        ...(change.role !== undefined ? { role: change.role } : {}),
        ...(change.unitId !== undefined ? { unit_id: change.unitId } : {}),
      })
      .where('id', '=', id)
      .execute();
  }

  async setDisabled(id: string, at: string | null): Promise<void> {
    await this.db.updateTable('users').set({ disabled_at: at }).where('id', '=', id).execute();
  }

  /** A new password hash; `mustChange` for a one-time password (the user must choose one at the next login). */
  async setPassword(id: string, passwordHash: string, mustChange: boolean, at: string): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ password_hash: passwordHash, must_change_password: mustChange ? 1 : 0, password_changed_at: at })
      .where('id', '=', id)
      .execute();
  }

  /** The same password hashed again (a higher cost): only if the stored hash is still `previous` (no password change raced it). */
  async replaceHash(id: string, previous: string, passwordHash: string): Promise<void> {
    await this.db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).where('password_hash', '=', previous).execute();
  }

  /** Admins not disabled (the last one is not disabled or demoted: someone must be able to manage users). */
  async activeAdmins(): Promise<string[]> {
    const rows = await this.db.selectFrom('users').select('id').where('role', '=', 'admin').where('disabled_at', 'is', null).execute();
    return rows.map((r) => r.id);
  }
}

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  unit_id: string | null;
  unit_name: string | null;
  unit_path: string | null;
  must_change_password: number | string;
}

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    unit: row.unit_id === null ? null : { id: row.unit_id, name: row.unit_name ?? '' },
    unitPath: row.unit_path,
    mustChangePassword: Number(row.must_change_password) === 1,
  };
}

function toRecord(row: UserRow & { unit_code: string | null; disabled_at: string | null; created_at: string; password_changed_at: string | null }): UserRecord {
  return { ...toUser(row), unitCode: row.unit_code, disabled: row.disabled_at !== null, createdAt: row.created_at, passwordChangedAt: row.password_changed_at };
}
