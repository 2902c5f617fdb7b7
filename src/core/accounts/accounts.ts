/**
 * Accounts: what a username may be, which roles need a unit, and roles as people write them in a
 * spreadsheet (the id or its Chinese or English name: 填报人, 单位审核人, 主管部门审核人, 财政审核人, 管理员).
 */
import { format, inBothLanguages } from '../locale/messages.ts';
import { isRole, ROLES, UNIT_ROLES, type Role } from '../workflow/workflow.ts';

/** Letters (any script), digits and . _ @ -: what login forms and spreadsheets carry without surprises. */
const USERNAME = /^[\p{L}\p{N}._@-]{2,64}$/u;

export const isUsername = (text: string): boolean => USERNAME.test(text);

export const DISPLAY_NAME_MAX_LENGTH = 100;

/** Preparers, approvers and department reviewers belong to a unit; the bureau's reviewers and admins to none. */
export const roleNeedsUnit = (role: Role): boolean => UNIT_ROLES.includes(role);

/** The role's name in both languages, as a message parameter. */
export const roleWords = (role: Role) => inBothLanguages(`role.${role}`);

const fold = (text: string) => text.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();

const ROLE_WORDS: ReadonlyMap<string, Role> = new Map(
  ROLES.flatMap((role) => [role, format(`role.${role}`, {}, 'zh'), format(`role.${role}`, {}, 'en')].map((word) => [fold(word), role] as const)),
);

/** The role a cell names, by id or by its Chinese or English name; undefined when it names none. */
export function parseRole(text: string): Role | undefined {
  const folded = fold(text);
  return isRole(folded) ? folded : ROLE_WORDS.get(folded);
}
