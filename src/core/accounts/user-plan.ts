/**
 * New user accounts from rows (a spreadsheet's, one typed in the admin's page, or the command
 * line's): every problem with its row, or the accounts to create — all rows or none. Usernames are
 * compared ignoring case (two accounts that differ only in case would be told apart by no one).
 * Pure: the units are given by code.
 */
import { explain } from '../explanation.ts';
import type { RowProblem } from '../organisation/unit-plan.ts';
import type { Role } from '../workflow/workflow.ts';
import { DISPLAY_NAME_MAX_LENGTH, isUsername, parseRole, roleNeedsUnit, roleWords } from './accounts.ts';

export interface UserRow {
  row: number;
  username: string;
  /** Blank: the username is shown. */
  displayName: string;
  /** As written: the id or its Chinese or English name. */
  role: string;
  /** The unit's code; blank for the bureau's roles. */
  unitCode: string;
}

export interface PlannedUser {
  row: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
}

export type UserPlan = { ok: true; users: PlannedUser[] } | { ok: false; problems: RowProblem[] };

export interface UnitByCode {
  id: string;
  disabled: boolean;
}

const foldUsername = (name: string) => name.normalize('NFKC').toLowerCase();

export function planUsers(existingUsernames: Iterable<string>, units: ReadonlyMap<string, UnitByCode>, rows: readonly UserRow[]): UserPlan {
  const taken = new Set([...existingUsernames].map(foldUsername));
  const firstRow = new Map<string, number>();
  const problems: RowProblem[] = [];
  const users: PlannedUser[] = [];
  for (const row of rows) {
    const username = row.username.trim();
    const displayName = row.displayName.trim() || username;
    const rowProblems: RowProblem[] = [];
    const problem = (field: string, key: string, params = {}) => rowProblems.push({ row: row.row, field, message: explain(key, params) });

    if (!username) problem('username', 'users.usernameRequired');
    else if (!isUsername(username)) problem('username', 'users.usernameInvalid', { username });
    else if (taken.has(foldUsername(username))) problem('username', 'users.usernameTaken', { username });
    else if (firstRow.has(foldUsername(username))) problem('username', 'users.duplicateUsername', { username, first: firstRow.get(foldUsername(username))! });
    if ([...displayName].length > DISPLAY_NAME_MAX_LENGTH) problem('name', 'users.nameTooLong', { max: DISPLAY_NAME_MAX_LENGTH });

    const role = parseRole(row.role);
    const unitCode = row.unitCode.trim();
    const unit = unitCode ? units.get(unitCode) : undefined;
    if (!row.role.trim()) problem('role', 'users.roleRequired');
    else if (!role) problem('role', 'users.unknownRole', { role: row.role.trim() });
    else if (roleNeedsUnit(role) && !unitCode) problem('unit', 'users.unitRequired', { role: roleWords(role) });
    else if (!roleNeedsUnit(role) && unitCode) problem('unit', 'users.unitNotAllowed', { unit: unitCode });
    if (unitCode && !unit) problem('unit', 'users.unknownUnit', { unit: unitCode });
    else if (unit?.disabled) problem('unit', 'users.disabledUnit', { unit: unitCode });

    if (username && !firstRow.has(foldUsername(username))) firstRow.set(foldUsername(username), row.row);
    if (rowProblems.length > 0) problems.push(...rowProblems);
    else users.push({ row: row.row, username, displayName, role: role!, unitId: unit?.id ?? null });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, users };
}
