/** Users and their roles; a preparer or an approver belongs to a unit. */
import type { Role } from '../../core/workflow/workflow.ts';
import type { Db } from '../open-database.ts';
import type { Unit } from './unit-repository.ts';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unit: Unit | null;
}

export interface NewUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  passwordHash: string;
}

export class UserRepository {
  constructor(private readonly db: Db) {}

  private select() {
    return this.db
      .selectFrom('users')
      .leftJoin('units', 'units.id', 'users.unit_id')
      .select(['users.id', 'users.username', 'users.display_name', 'users.role', 'users.unit_id', 'users.password_hash', 'units.name as unit_name']);
  }

  /** The user and the stored password hash, for logging in. */
  async findByUsername(username: string): Promise<{ user: User; passwordHash: string } | undefined> {
    const row = await this.select().where('users.username', '=', username).executeTakeFirst();
    return row && { user: toUser(row), passwordHash: row.password_hash };
  }

  async get(id: string): Promise<User | undefined> {
    const row = await this.select().where('users.id', '=', id).executeTakeFirst();
    return row && toUser(row);
  }

  async create(user: NewUser, at: string): Promise<void> {
    await this.db
      .insertInto('users')
      .values({
        id: user.id,
        username: user.username,
        display_name: user.displayName,
        role: user.role,
        unit_id: user.unitId,
        password_hash: user.passwordHash,
        created_at: at,
      })
      .execute();
  }
}

export function toUser(row: { id: string; username: string; display_name: string; role: Role; unit_id: string | null; unit_name: string | null }): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    unit: row.unit_id === null ? null : { id: row.unit_id, name: row.unit_name ?? '' },
  };
}
