/**
 * 待审核: what waits for the user's role, asked of the server as a status list (the server pages,
 * so the inbox is a filter, not an order of one page). The finance reviewer takes forwarded forms,
 * and submitted ones in a year without the department tier; a department reviewer takes submitted
 * ones; a unit's approver sends drafts and returned forms. Other roles have no inbox.
 */
import type { Role, Status } from '../../api/types.ts';

const WAITING: Partial<Record<Role, readonly Status[]>> = {
  reviewer: ['forwarded', 'submitted'],
  department: ['submitted'],
  approver: ['draft', 'returned'],
};

export function inboxStatuses(role: Role | undefined): readonly Status[] | null {
  return (role && WAITING[role]) ?? null;
}

/**
 * The `status` to ask for: in the inbox, one of its statuses when that is the filter, else all of
 * them; in the full list, the filter as it is (blank: every status).
 */
export function statusQuery(inbox: readonly Status[] | null, filter: string): string {
  if (!inbox) return filter;
  return inbox.includes(filter as Status) ? filter : inbox.join(',');
}
