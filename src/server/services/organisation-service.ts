/**
 * The organisation: units as a tree (finance bureau → 主管部门 → 预算单位). Everyone reads the units
 * they may see (the admin and the bureau's reviewers all, a department its own and those below it,
 * a unit's people their unit); only the admin changes them — one unit from the admin's page, or a
 * whole list (`jixiao units import`, all rows or none). Every change goes through the planner of
 * src/core/organisation, so a form and a file obey the same rules.
 */
import { explain } from '../../core/explanation.ts';
import { planUnits, type TreeUnit, type UnitRow } from '../../core/organisation/unit-plan.ts';
import { canSeeUnit, visibleScope } from '../../core/workflow/workflow.ts';
import { inTransaction, repositories, type Repositories } from '../../storage/repositories.ts';
import { sessionCache } from '../session-cache.ts';
import type { Page } from '../../storage/paging.ts';
import type { UnitFilter, UnitRecord } from '../../storage/repositories/unit-repository.ts';
import type { User } from '../../storage/repositories/user-repository.ts';
import { forbidden, notFound } from '../api-error.ts';
import { actorOf, type ServiceContext } from '../service-context.ts';
import { invalidFields, invalidRows } from './row-problems.ts';

export interface UnitInput {
  code: string;
  name: string;
  /** null: directly under the finance bureau. */
  parentId: string | null;
}

export interface UnitImportResult {
  created: number;
  updated: number;
  unchanged: number;
}

/** The body's fields of a unit typed in a form, by the planner's column. */
const FIELDS = { code: 'code', name: 'name', parent: 'parentId' };

export class OrganisationService {
  constructor(private readonly ctx: ServiceContext) {}

  /** The units the user may see, one page at a time. */
  async list(user: User, filter: Omit<UnitFilter, 'onlyId' | 'subtreePath'>, page: Page): Promise<{ items: UnitRecord[]; total: number }> {
    const scope = visibleScope(actorOf(user));
    if (scope.nothing) return { items: [], total: 0 };
    const visible: UnitFilter = { ...filter, ...(scope.unitId !== null ? { onlyId: scope.unitId } : {}), ...(scope.subtreePath !== null ? { subtreePath: scope.subtreePath } : {}) };
    return repositories(this.ctx.db).units.page(visible, page);
  }

  async get(user: User, id: string): Promise<UnitRecord> {
    const unit = await repositories(this.ctx.db).units.get(id);
    if (!unit || !canSeeUnit(actorOf(user), unit)) throw notFound();
    return unit;
  }

  async create(user: User, input: UnitInput): Promise<UnitRecord> {
    requireAdmin(user);
    return inTransaction(this.ctx.db, async (repos) => {
      const tree = await repos.units.tree();
      const code = input.code.trim();
      if (tree.some((u) => u.code === code)) throw codeTaken(code);
      const row = { row: 0, code, name: input.name, parentCode: parentCodeOf(tree, input.parentId) };
      const plan = planUnits(tree, [row], () => crypto.randomUUID());
      if (!plan.ok) throw invalidFields(plan.problems, FIELDS);
      await repos.units.apply(plan.writes, this.now());
      return (await repos.units.get(plan.writes.find((w) => w.isNew)!.id))!;
    });
  }

  /** Name, code or parent changed (a move takes every unit below along), or disabled / enabled. */
  async update(user: User, id: string, change: Partial<UnitInput> & { disabled?: boolean }): Promise<UnitRecord> {
    requireAdmin(user);
    return this.unitsChanging(async (repos) => {
      const unit = await repos.units.get(id);
      if (!unit) throw notFound();
      if (change.code !== undefined || change.name !== undefined || change.parentId !== undefined) {
        const code = change.code?.trim() ?? unit.code;
        const tree = await repos.units.tree();
        if (tree.some((u) => u.code === code && u.id !== id)) throw codeTaken(code);
        // A new code is the same unit recoded in the budget system: the planner finds it by its new code.
        const recoded = tree.map((u) => (u.id === id ? { ...u, code } : u));
        const parentCode = parentCodeOf(recoded, change.parentId === undefined ? unit.parentId : change.parentId);
        const plan = planUnits(recoded, [{ row: 0, code, name: change.name ?? unit.name, parentCode }], () => crypto.randomUUID());
        if (!plan.ok) throw invalidFields(plan.problems, FIELDS);
        const writes = plan.writes.some((w) => w.id === id) || code === unit.code ? plan.writes : [...plan.writes, { id, code, name: change.name ?? unit.name, parentId: unit.parentId, path: unit.path, isNew: false }];
        await repos.units.apply(writes, this.now());
      }
      if (change.disabled !== undefined && change.disabled !== unit.disabled) await repos.units.setDisabled(id, change.disabled ? this.now() : null);
      return (await repos.units.get(id))!;
    });
  }

  /** A whole list of units (`jixiao units import`): all rows or none. */
  async importRows(user: User, rows: readonly UnitRow[]): Promise<UnitImportResult> {
    requireAdmin(user);
    return this.unitsChanging(async (repos) => {
      const plan = planUnits(await repos.units.tree(), rows, () => crypto.randomUUID());
      if (!plan.ok) throw invalidRows('units', plan.problems);
      await repos.units.apply(plan.writes, this.now());
      return { created: plan.created, updated: plan.updated, unchanged: plan.unchanged };
    });
  }

  /** Units renamed, moved or recoded: the sessions carry their user's unit, so this process reads them again. */
  private async unitsChanging<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    const result = await inTransaction(this.ctx.db, work);
    sessionCache.forgetAll();
    return result;
  }

  private now(): string {
    return this.ctx.now().toISOString();
  }
}

/** The code of the parent given by id ('' for none); an id of no unit is a problem of the field. */
function parentCodeOf(tree: readonly TreeUnit[], parentId: string | null): string {
  if (parentId === null) return '';
  const parent = tree.find((u) => u.id === parentId);
  if (!parent) throw invalidFields([{ row: 0, field: 'parent', message: explain('units.unknownParent', { parent: parentId }) }], FIELDS);
  return parent.code;
}

const codeTaken = (code: string) => invalidFields([{ row: 0, field: 'code', message: explain('units.codeTaken', { code }) }], FIELDS);

export function requireAdmin(user: User): void {
  if (user.role !== 'admin') throw forbidden();
}
