/**
 * The reviewers' inbox: what waits for them first, then by last change, newest first. The finance
 * reviewer's turn is a forwarded form (and a submitted one in a year without the department tier);
 * a department reviewer's turn is a submitted one.
 */
import type { Role, Status, Summary } from '../../api/types.ts';

const BUREAU: Record<Status, number> = { forwarded: 0, submitted: 1, returned: 2, approved: 3, published: 4, draft: 5 };
const DEPARTMENT: Record<Status, number> = { submitted: 0, forwarded: 1, returned: 2, approved: 3, published: 4, draft: 5 };

export function inboxOrder(items: readonly Summary[], role: Role = 'reviewer'): Summary[] {
  const priority = role === 'department' ? DEPARTMENT : BUREAU;
  return [...items].sort((a, b) => priority[a.status] - priority[b.status] || b.updatedAt.localeCompare(a.updatedAt));
}
