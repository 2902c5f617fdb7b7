/**
 * The organisation as a tree (PRODUCT.md, "The organisation"): the finance bureau at the root (not a
 * row: a unit without a parent stands directly under it — a 主管部门), departments, their budget
 * units, and below them as the budget system has it. Each unit has the budget system's code
 * (单位代码), a name and a parent, and carries its path in the tree (`/deptId/unitId/`), which is
 * how a department's reviewer finds the forms of every unit below it.
 *
 * `planUnits` takes the units there are and rows to apply (a spreadsheet's, or one unit typed in the
 * admin's page) and answers either every problem, each with its row, or what to write: all rows or
 * none. A row whose code exists changes that unit (name, parent); a new code is a new unit. A parent
 * may come later in the same rows. Pure: ids come from `newId`.
 */
import { explain, type Explanation } from '../explanation.ts';

export interface TreeUnit {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  disabled: boolean;
}

export interface UnitRow {
  /** The row number as the file shows it (1 is the header), or 0 for a unit typed in a form. */
  row: number;
  code: string;
  name: string;
  /** The parent's code; blank: directly under the finance bureau. */
  parentCode: string;
}

export interface RowProblem {
  row: number;
  /** The column the problem is in: code, name, parent (and for users: username, role, unit…). */
  field: string;
  message: Explanation;
}

export interface UnitWrite {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  path: string;
  isNew: boolean;
}

export type UnitPlan =
  | { ok: true; writes: UnitWrite[]; created: number; updated: number; unchanged: number }
  | { ok: false; problems: RowProblem[] };

/** Deeper than any budget system's tree (bureau → department → unit → sub-unit …), and a bound on every walk. */
export const MAX_UNIT_DEPTH = 8;
export const UNIT_NAME_MAX_LENGTH = 200;
const CODE = /^[\p{L}\p{N}._-]{1,50}$/u;

/** The path of a unit under a parent whose path is `parentPath` (null: under the bureau). */
export const unitPath = (parentPath: string | null, id: string): string => `${parentPath ?? '/'}${id}/`;

/** Folded for comparing names: what reads the same is the same name. */
const nameKey = (name: string) => name.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();

interface Node {
  id: string;
  code: string;
  name: string;
  parentCode: string;
  disabled: boolean;
  isNew: boolean;
  /** The row that set it, when one did. */
  row: number | null;
}

export function planUnits(existing: readonly TreeUnit[], rows: readonly UnitRow[], newId: () => string): UnitPlan {
  const problems: RowProblem[] = [];
  const codeOf = new Map(existing.map((u) => [u.id, u.code]));
  const nodes = new Map<string, Node>(
    existing.map((u) => [u.code, { id: u.id, code: u.code, name: u.name, parentCode: u.parentId === null ? '' : codeOf.get(u.parentId) ?? '', disabled: u.disabled, isNew: false, row: null }]),
  );
  const before = new Map([...nodes].map(([code, node]) => [code, { ...node }]));
  const firstRowOfCode = new Map<string, number>();

  for (const row of rows) {
    const code = row.code.trim();
    const name = row.name.trim();
    const parentCode = row.parentCode.trim();
    const rowProblems = checkRow(row, code, name, parentCode);
    const seen = firstRowOfCode.get(code);
    if (code && seen !== undefined) rowProblems.push({ row: row.row, field: 'code', message: explain('units.duplicateCode', { code, first: seen }) });
    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      continue;
    }
    firstRowOfCode.set(code, row.row);
    const node = nodes.get(code);
    if (node) nodes.set(code, { ...node, name, parentCode, row: row.row });
    else nodes.set(code, { id: newId(), code, name, parentCode, disabled: false, isNew: true, row: row.row });
  }
  problems.push(...parentProblems(nodes), ...nameProblems(nodes));
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.row - b.row) };

  const paths = pathsOf(nodes);
  let created = 0;
  let updated = 0;
  const writes: UnitWrite[] = [];
  for (const node of nodes.values()) {
    const old = before.get(node.code);
    const parentId = node.parentCode ? nodes.get(node.parentCode)!.id : null;
    const path = paths.get(node.code)!;
    const oldPath = old ? paths.get(`\u0000old:${node.code}`) : undefined;
    const changed = !old || old.name !== node.name || old.parentCode !== node.parentCode || oldPath !== path;
    if (!changed) continue;
    writes.push({ id: node.id, code: node.code, name: node.name, parentId, path, isNew: node.isNew });
    if (node.isNew) created += 1;
    else if (node.row !== null) updated += 1;
  }
  const unchanged = rows.length - created - updated;
  return { ok: true, writes, created, updated, unchanged };

  /** Paths now and (under `\0old:code`) before: a unit moved moves the paths of all below it. */
  function pathsOf(all: Map<string, Node>): Map<string, string> {
    const result = new Map<string, string>();
    const walk = (map: Map<string, Node>, code: string, key: (c: string) => string): string => {
      const cached = result.get(key(code));
      if (cached !== undefined) return cached;
      const node = map.get(code)!;
      const path = unitPath(node.parentCode ? walk(map, node.parentCode, key) : null, node.id);
      result.set(key(code), path);
      return path;
    };
    for (const code of all.keys()) walk(all, code, (c) => c);
    for (const code of before.keys()) walk(before, code, (c) => `\u0000old:${c}`);
    return result;
  }
}

function checkRow(row: UnitRow, code: string, name: string, parentCode: string): RowProblem[] {
  const problems: RowProblem[] = [];
  if (!code) problems.push({ row: row.row, field: 'code', message: explain('units.codeRequired') });
  else if (!CODE.test(code)) problems.push({ row: row.row, field: 'code', message: explain('units.codeInvalid', { code }) });
  if (!name) problems.push({ row: row.row, field: 'name', message: explain('units.nameRequired') });
  else if ([...name].length > UNIT_NAME_MAX_LENGTH) problems.push({ row: row.row, field: 'name', message: explain('units.nameTooLong', { max: UNIT_NAME_MAX_LENGTH }) });
  if (code && parentCode === code) problems.push({ row: row.row, field: 'parent', message: explain('units.ownParent', { code }) });
  return problems;
}

/** Every parent named exists, is not disabled for a new unit, and no chain of parents loops or runs too deep. */
function parentProblems(nodes: Map<string, Node>): RowProblem[] {
  const problems: RowProblem[] = [];
  for (const node of nodes.values()) {
    if (node.row === null || !node.parentCode) continue;
    const parent = nodes.get(node.parentCode);
    if (!parent) {
      problems.push({ row: node.row, field: 'parent', message: explain('units.unknownParent', { parent: node.parentCode }) });
      continue;
    }
    if (parent.disabled && node.isNew) problems.push({ row: node.row, field: 'parent', message: explain('units.disabledParent', { parent: node.parentCode }) });
    let depth = 1;
    let at: Node | undefined = node;
    const seen = new Set<string>();
    while (at && at.parentCode && depth <= MAX_UNIT_DEPTH) {
      if (seen.has(at.code)) break;
      seen.add(at.code);
      at = nodes.get(at.parentCode);
      depth += 1;
      if (at?.code === node.code) {
        problems.push({ row: node.row, field: 'parent', message: explain('units.cycle', { code: node.code, parent: node.parentCode }) });
        break;
      }
    }
    if (depth > MAX_UNIT_DEPTH) problems.push({ row: node.row, field: 'parent', message: explain('units.tooDeep', { max: MAX_UNIT_DEPTH }) });
  }
  return problems;
}

/** Two units may not read as the same name: people pick units by name. */
function nameProblems(nodes: Map<string, Node>): RowProblem[] {
  const byName = new Map<string, Node>();
  const problems: RowProblem[] = [];
  const ordered = [...nodes.values()].sort((a, b) => (a.row ?? -1) - (b.row ?? -1));
  for (const node of ordered) {
    const key = nameKey(node.name);
    const other = byName.get(key);
    if (other && node.row !== null) {
      problems.push({ row: node.row, field: 'name', message: explain('units.duplicateName', { name: node.name, other: other.code }) });
    } else if (!other) byName.set(key, node);
  }
  return problems;
}
