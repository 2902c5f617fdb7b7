/**
 * The bureau's set-up lists (README, "Setting up a bureau"): units, users and the year's projects,
 * each a table whose columns are found by their header, in Chinese or English, in any order
 * (`单位代码,单位名称,上级单位代码` or `code,name,parent`). A header may carry a hint in brackets
 * (`当年预算数（元）`). A required column that is missing, a header named twice, or a column no list
 * knows is reported; a cell that cannot be read is a problem of its row. Nothing is guessed.
 */
import { explain, type Explanation } from '../../core/explanation.ts';
import type { RowProblem, UnitRow } from '../../core/organisation/unit-plan.ts';
import type { UserRow } from '../../core/accounts/user-plan.ts';
import type { ProjectRow } from '../../core/year/project-plan.ts';
import { isUnreadable, readAmount, readYesNo } from '../../core/values/read-value.ts';
import { readTable, type Table, type TableRow } from './read-table.ts';

interface Column<K extends string> {
  key: K;
  /** The header as the list writes it, Chinese first; other spellings after. */
  names: readonly string[];
  required: boolean;
}

const UNIT_COLUMNS = [
  { key: 'code', names: ['单位代码', 'code'], required: true },
  { key: 'name', names: ['单位名称', 'name'], required: true },
  { key: 'parent', names: ['上级单位代码', 'parent', '上级代码'], required: false },
] as const satisfies ReadonlyArray<Column<string>>;

const USER_COLUMNS = [
  { key: 'username', names: ['用户名', 'username', '登录名'], required: true },
  { key: 'name', names: ['姓名', 'name', '显示名'], required: false },
  { key: 'role', names: ['角色', 'role'], required: true },
  { key: 'unit', names: ['单位代码', 'unit'], required: false },
] as const satisfies ReadonlyArray<Column<string>>;

const PROJECT_COLUMNS = [
  { key: 'unit', names: ['单位代码', 'unit'], required: true },
  { key: 'code', names: ['项目代码', 'code'], required: false },
  { key: 'name', names: ['项目名称', 'name'], required: true },
  { key: 'budget', names: ['当年预算数', 'budget', '当年预算金额'], required: true },
  { key: 'previousBudget', names: ['上年预算金额', 'previousBudget', '上年预算数'], required: false },
  { key: 'department', names: ['具体实施处室', 'department', '具体实施处', '实施处室'], required: false },
  { key: 'recurring', names: ['是否经常性项目', 'recurring', '是否为经常性项目'], required: false },
  { key: 'template', names: ['模板', 'template'], required: false },
] as const satisfies ReadonlyArray<Column<string>>;

export const SETUP_COLUMNS = { units: UNIT_COLUMNS, users: USER_COLUMNS, projects: PROJECT_COLUMNS };

export interface SetupRows<R> {
  rows: R[];
  /** Cells that could not be read: problems of their rows (nothing is written while there are any). */
  problems: RowProblem[];
  /** Columns no list knows: not read, and said so. */
  ignoredColumns: string[];
}

export type SetupRead<R> = { ok: true; read: SetupRows<R> } | { ok: false; message: Explanation };

/** A header folded: full-width forms, spaces, case, a bracketed hint and a required-marker `*` dropped. */
const foldHeader = (text: string) =>
  text.normalize('NFKC').replace(/[(（][^)）]*[)）]/gu, '').replace(/[\s*]/gu, '').toLowerCase();

function locate<K extends string>(table: Table, columns: ReadonlyArray<Column<K>>): { index: Map<K, number>; ignored: string[] } | Explanation {
  const index = new Map<K, number>();
  const ignored: string[] = [];
  for (const [i, header] of table.header.entries()) {
    if (!header) continue;
    const column = columns.find((c) => c.names.some((name) => foldHeader(name) === foldHeader(header)));
    if (!column) {
      ignored.push(header);
      continue;
    }
    if (index.has(column.key)) return explain('table.duplicateColumn', { column: header });
    index.set(column.key, i);
  }
  const missing = columns.filter((c) => c.required && !index.has(c.key)).map((c) => c.names.slice(0, 2).join(' / '));
  if (missing.length > 0) return explain('table.missingColumns', { columns: missing.join('，'), found: table.header.filter(Boolean).join('，') });
  return { index, ignored };
}

function readRows<K extends string, R>(table: Table, columns: ReadonlyArray<Column<K>>, toRow: (cell: (key: K) => string, row: TableRow, problems: RowProblem[]) => R): SetupRead<R> {
  const located = locate(table, columns);
  if ('key' in located) return { ok: false, message: located };
  const problems: RowProblem[] = [];
  const rows = table.rows.map((row) => {
    const cell = (key: K) => {
      const i = located.index.get(key);
      return i === undefined ? '' : (row.cells[i] ?? '').trim();
    };
    return toRow(cell, row, problems);
  });
  return { ok: true, read: { rows, problems, ignoredColumns: located.ignored } };
}

export function unitRows(table: Table): SetupRead<UnitRow> {
  return readRows(table, UNIT_COLUMNS, (cell, { row }) => ({ row, code: cell('code'), name: cell('name'), parentCode: cell('parent') }));
}

export function userRows(table: Table): SetupRead<UserRow> {
  return readRows(table, USER_COLUMNS, (cell, { row }) => ({ row, username: cell('username'), displayName: cell('name'), role: cell('role'), unitCode: cell('unit') }));
}

export function projectRows(table: Table): SetupRead<ProjectRow> {
  return readRows(table, PROJECT_COLUMNS, (cell, { row }, problems) => {
    const amount = (key: 'budget' | 'previousBudget'): string => {
      const text = cell(key);
      const parsed = readAmount(text, '元');
      if (parsed.ok && !parsed.value.yuan.startsWith('-')) return parsed.value.yuan;
      if (!parsed.ok && parsed.problem === 'blank') return '';
      problems.push({ row, field: key, message: explain(parsed.ok ? 'projects.negativeAmount' : 'projects.unreadableAmount', { text }) });
      return '';
    };
    const recurringText = cell('recurring');
    const recurring = readYesNo(recurringText);
    if (isUnreadable(recurring)) problems.push({ row, field: 'recurring', message: explain('projects.unreadableYesNo', { text: recurringText }) });
    return {
      row,
      unitCode: cell('unit'),
      code: cell('code'),
      name: cell('name'),
      budget: amount('budget'),
      previousBudget: amount('previousBudget'),
      department: cell('department'),
      recurring: recurring.ok ? recurring.value : null,
      template: cell('template'),
    };
  });
}

/** The header word of a column as problems name it (the Chinese name, then the English one). */
export function columnName(list: keyof typeof SETUP_COLUMNS, field: string): string {
  const column = (SETUP_COLUMNS[list] as ReadonlyArray<Column<string>>).find((c) => c.key === field);
  return column ? `${column.names[0]} (${column.names[1]})` : field;
}

export interface SetupRowOf {
  units: UnitRow;
  users: UserRow;
  projects: ProjectRow;
}

const READERS: { [L in keyof SetupRowOf]: (table: Table) => SetupRead<SetupRowOf[L]> } = { units: unitRows, users: userRows, projects: projectRows };

/** A set-up list from a file's bytes (CSV or XLSX): its rows, or why it cannot be read at all. */
export async function readSetupList<L extends keyof SetupRowOf>(bytes: Uint8Array, list: L): Promise<SetupRead<SetupRowOf[L]>> {
  const read = await readTable(bytes);
  return read.ok ? READERS[list](read.table) : read;
}
