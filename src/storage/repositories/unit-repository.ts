/**
 * Units (预算单位, 主管部门) as a tree: each with the budget system's code, a parent (none: under the
 * finance bureau) and its path from the root, which makes "every unit below a department" one
 * prefix condition. Disabled units keep their forms and leave new work.
 */
import type { TreeUnit, UnitWrite } from '../../core/organisation/unit-plan.ts';
import { unitPath } from '../../core/organisation/unit-plan.ts';
import type { Db } from '../open-database.ts';
import { containing, startingWith } from '../like.ts';
import { count, paged, type Page } from '../paging.ts';

/** A unit as other records name it. */
export interface Unit {
  id: string;
  name: string;
}

export interface UnitRecord extends Unit {
  code: string;
  parentId: string | null;
  path: string;
  disabled: boolean;
  /** How many units stand directly below it. */
  children: number;
}

export interface NewUnit {
  id: string;
  name: string;
  /** Default: the id. */
  code?: string;
  parentId?: string | null;
  /** Default: under the parent's path given, or directly under the bureau. */
  path?: string;
}

export interface UnitFilter {
  /** Only this unit (a preparer's or an approver's). */
  onlyId?: string | undefined;
  /** Only the units at or below this path (a department's). */
  subtreePath?: string | undefined;
  /** Only the units directly under this one; `null`: the departments (directly under the bureau). */
  parentId?: string | null | undefined;
  /** Part of the name or the code. */
  q?: string | undefined;
  disabled?: boolean | undefined;
}

export class UnitRepository {
  constructor(private readonly db: Db) {}

  private filtered(filter: UnitFilter) {
    let query = this.db.selectFrom('units');
    if (filter.onlyId !== undefined) query = query.where('units.id', '=', filter.onlyId);
    if (filter.subtreePath !== undefined) query = query.where(startingWith('units.path', filter.subtreePath));
    if (filter.parentId !== undefined) query = query.where('units.parent_id', filter.parentId === null ? 'is' : '=', filter.parentId);
    if (filter.q) {
      const q = filter.q;
      query = query.where((eb) => eb.or([containing('units.name', q), containing('units.code', q)]));
    }
    if (filter.disabled !== undefined) query = query.where('units.disabled_at', filter.disabled ? 'is not' : 'is', null);
    return query;
  }

  /** One page of the units under the filter, ordered by path depth then code (a tree read top-down), and how many there are in all. */
  async page(filter: UnitFilter, page: Page): Promise<{ items: UnitRecord[]; total: number }> {
    const rows = this.filtered(filter)
      .select((eb) => [
        'units.id', 'units.code', 'units.name', 'units.parent_id', 'units.path', 'units.disabled_at',
        eb.selectFrom('units as child').whereRef('child.parent_id', '=', 'units.id').select((c) => c.fn.countAll<number>().as('n')).as('children'),
      ])
      .orderBy('units.code')
      .orderBy('units.id');
    return { items: (await paged(rows, page).execute()).map(toRecord), total: await count(this.filtered(filter)) };
  }

  /** Every unit, for planning a change of the tree (a bureau has thousands at most). */
  async tree(): Promise<TreeUnit[]> {
    const rows = await this.db.selectFrom('units').select(['id', 'code', 'name', 'parent_id', 'disabled_at']).execute();
    return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, parentId: r.parent_id, disabled: r.disabled_at !== null }));
  }

  async get(id: string): Promise<UnitRecord | undefined> {
    const row = await this.db
      .selectFrom('units')
      .select((eb) => [
        'units.id', 'units.code', 'units.name', 'units.parent_id', 'units.path', 'units.disabled_at',
        eb.selectFrom('units as child').whereRef('child.parent_id', '=', 'units.id').select((c) => c.fn.countAll<number>().as('n')).as('children'),
      ])
      .where('units.id', '=', id)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  /** The units of the given ids, with their names (to name them in answers). */
  async names(ids: readonly string[]): Promise<Map<string, UnitRecord>> {
    const result = new Map<string, UnitRecord>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.db
        .selectFrom('units')
        .select(['id', 'code', 'name', 'parent_id', 'path', 'disabled_at'])
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
      for (const row of rows) result.set(row.id, toRecord({ ...row, children: 0 }));
    }
    return result;
  }

  async create(unit: NewUnit, at: string): Promise<void> {
    await this.createMany([unit], at);
  }

  async createMany(units: readonly NewUnit[], at: string): Promise<void> {
    for (let i = 0; i < units.length; i += 1000) {
      await this.db.insertInto('units').values(units.slice(i, i + 1000).map((u) => rowOf(u, at))).execute();
    }
  }

  /** Applies a plan of src/core/organisation: new units inserted, changed ones updated. */
  async apply(writes: readonly UnitWrite[], at: string): Promise<void> {
    const created = writes.filter((w) => w.isNew);
    // Parents first: a new unit's parent may be new too (the path orders them top-down).
    created.sort((a, b) => a.path.length - b.path.length);
    await this.createMany(created.map((w) => ({ id: w.id, code: w.code, name: w.name, parentId: w.parentId, path: w.path })), at);
    for (const w of writes) {
      if (w.isNew) continue;
      await this.db.updateTable('units').set({ code: w.code, name: w.name, parent_id: w.parentId, path: w.path }).where('id', '=', w.id).execute();
    }
  }

  async setDisabled(id: string, at: string | null): Promise<void> {
    await this.db.updateTable('units').set({ disabled_at: at }).where('id', '=', id).execute();
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

function rowOf(u: NewUnit, at: string) {
  return { id: u.id, code: u.code ?? u.id, name: u.name, parent_id: u.parentId ?? null, path: u.path ?? unitPath(null, u.id), created_at: at };
}

function toRecord(r: { id: string; code: string; name: string; parent_id: string | null; path: string; disabled_at: string | null; children: number | string | null }): UnitRecord {
  return { id: r.id, code: r.code, name: r.name, parentId: r.parent_id, path: r.path, disabled: r.disabled_at !== null, children: Number(r.children ?? 0) };
}
