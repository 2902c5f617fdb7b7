/**
 * Whether a form read from a file belongs to the user's unit: its 预算单位 (or 主管部门, as the national
 * form calls the same field) names the user's unit or the department above it. Names are compared
 * as people type them differently (NFKC: full-width letters and digits; no spaces; letter case),
 * the way the previous-year lookup compares project names. A blank field says nothing either way.
 */
import { normalizeWords } from '../lineage/lineage-key.ts';

/** The user's unit and its department (the unit above it, none when the unit is itself under the bureau). */
export interface Owner {
  unit: string;
  department: string | null;
}

/** What the file says against whose the form will be: null when they agree (or the file says nothing). */
export interface UnitMismatch {
  file: string;
  unit: string;
  department: string | null;
}

export function sameUnitName(a: string, b: string): boolean {
  return normalizeWords(a) === normalizeWords(b);
}

export function unitMismatch(fileUnit: string | undefined, owner: Owner | null): UnitMismatch | null {
  const file = (fileUnit ?? '').trim();
  if (owner === null || normalizeWords(file) === '') return null;
  if (sameUnitName(file, owner.unit)) return null;
  if (owner.department !== null && sameUnitName(file, owner.department)) return null;
  return { file, unit: owner.unit, department: owner.department };
}
