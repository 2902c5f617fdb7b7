/**
 * Setting up a year from the budget system (PRODUCT.md, "The organisation"): the year's project list
 * (单位代码, 项目代码, 项目名称, 当年预算数, 上年预算金额, 具体实施处室, 是否经常性项目, 模板) becomes one
 * draft evaluation per project for its unit. Run again, it updates what the budget system owns
 * (name, budgets, department, recurring) and adds new projects, without touching what units wrote.
 *
 * `planProjects` matches the rows with the year's projects already set up — by unit and 项目代码,
 * or by unit and name where the list has no code — and answers every problem with its row (all rows
 * or none) or the projects to create and to update. Pure.
 */
import { normalizeWords } from '../lineage/lineage-key.ts';
import { explain } from '../explanation.ts';
import type { RowProblem } from '../organisation/unit-plan.ts';

/** What the budget system says of a project, as stored for the year. */
export interface ProjectFacts {
  code: string;
  name: string;
  /** 元 decimal strings with 2 decimals; '' when blank. */
  budget: string;
  previousBudget: string;
  department: string;
  recurring: boolean | null;
}

/** A row as read from the list (text as written: trimmed by the planner). */
export interface ProjectRow extends ProjectFacts {
  row: number;
  unitCode: string;
  /** A template id; blank: the template of last year's form. */
  template: string;
}

export interface YearProject extends ProjectFacts {
  id: string;
  unitId: string;
  template: string;
  evaluationId: string | null;
}

export interface UnitForProjects {
  id: string;
  disabled: boolean;
}

export interface ProjectCreate {
  row: ProjectRow;
  unitId: string;
}

export interface ProjectUpdate {
  row: ProjectRow;
  project: YearProject;
  /** The facts that differ from what was stored, by name. */
  changed: Array<keyof ProjectFacts>;
}

export type ProjectPlan =
  | { ok: true; creates: ProjectCreate[]; updates: ProjectUpdate[]; unchanged: number; notices: RowProblem[] }
  | { ok: false; problems: RowProblem[] };

export const PROJECT_NAME_MAX_LENGTH = 200;
const CODE = /^[\p{L}\p{N}._-]{1,50}$/u;
const FACTS: ReadonlyArray<keyof ProjectFacts> = ['code', 'name', 'budget', 'previousBudget', 'department', 'recurring'];

/** A project's identity within its unit: its code, or its name where it has none. */
export const projectKey = (unitId: string, code: string, name: string): string =>
  `${unitId}\u0000${code.trim() ? `c:${code.trim()}` : `n:${normalizeWords(name)}`}`;

export function factsOf(row: ProjectRow): ProjectFacts {
  return { code: row.code.trim(), name: row.name.trim(), budget: row.budget, previousBudget: row.previousBudget, department: row.department.trim(), recurring: row.recurring };
}

export function planProjects(
  units: ReadonlyMap<string, UnitForProjects>,
  templates: ReadonlySet<string>,
  existing: readonly YearProject[],
  rows: readonly ProjectRow[],
): ProjectPlan {
  const stored = new Map<string, YearProject>();
  for (const p of existing) {
    stored.set(projectKey(p.unitId, p.code, p.name), p);
    // A project set up without a code is found by its name when the list now gives it one.
    if (p.code) stored.set(projectKey(p.unitId, '', p.name), p);
  }
  const firstRow = new Map<string, number>();
  const problems: RowProblem[] = [];
  const notices: RowProblem[] = [];
  const creates: ProjectCreate[] = [];
  const updates: ProjectUpdate[] = [];
  let unchanged = 0;

  for (const row of rows) {
    const rowProblems = checkRow(row, units, templates);
    const unit = units.get(row.unitCode.trim());
    if (rowProblems.length > 0 || !unit) {
      problems.push(...rowProblems);
      continue;
    }
    const key = projectKey(unit.id, row.code, row.name);
    const seen = firstRow.get(key);
    if (seen !== undefined) {
      problems.push({ row: row.row, field: row.code.trim() ? 'code' : 'name', message: explain('projects.duplicate', { first: seen }) });
      continue;
    }
    firstRow.set(key, row.row);
    const project = stored.get(key) ?? (row.code.trim() ? stored.get(projectKey(unit.id, '', row.name)) : undefined);
    if (!project || (project.code && row.code.trim() && project.code !== row.code.trim())) {
      creates.push({ row, unitId: unit.id });
      continue;
    }
    if (row.template.trim() && row.template.trim() !== project.template) {
      notices.push({ row: row.row, field: 'template', message: explain('projects.templateKept', { template: project.template }) });
    }
    // A list without codes does not take away the code a project was set up with.
    const facts = { ...factsOf(row), ...(row.code.trim() ? {} : { code: project.code }) };
    const changed = FACTS.filter((f) => facts[f] !== project[f]);
    if (changed.length === 0) unchanged += 1;
    else updates.push({ row, project, changed });
  }
  return problems.length > 0 ? { ok: false, problems: problems.sort((a, b) => a.row - b.row) } : { ok: true, creates, updates, unchanged, notices };
}

function checkRow(row: ProjectRow, units: ReadonlyMap<string, UnitForProjects>, templates: ReadonlySet<string>): RowProblem[] {
  const problems: RowProblem[] = [];
  const problem = (field: string, key: string, params = {}) => problems.push({ row: row.row, field, message: explain(key, params) });
  const unitCode = row.unitCode.trim();
  const unit = units.get(unitCode);
  if (!unitCode) problem('unit', 'projects.unitRequired');
  else if (!unit) problem('unit', 'projects.unknownUnit', { unit: unitCode });
  else if (unit.disabled) problem('unit', 'projects.disabledUnit', { unit: unitCode });
  if (row.code.trim() && !CODE.test(row.code.trim())) problem('code', 'projects.codeInvalid', { code: row.code.trim() });
  if (!row.name.trim()) problem('name', 'projects.nameRequired');
  else if ([...row.name.trim()].length > PROJECT_NAME_MAX_LENGTH) problem('name', 'projects.nameTooLong', { max: PROJECT_NAME_MAX_LENGTH });
  if ([...row.department].length > PROJECT_NAME_MAX_LENGTH) problem('department', 'projects.departmentTooLong', { max: PROJECT_NAME_MAX_LENGTH });
  if (row.template.trim() && !templates.has(row.template.trim())) problem('template', 'projects.unknownTemplate', { template: row.template.trim(), known: [...templates].join(', ') });
  return problems;
}
