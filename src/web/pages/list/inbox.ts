/**
 * 待我处理: what needs the user's action now, asked of the server (`needsMyAction=1`): the server
 * applies the core's rule (`awaiting` in the workflow: per role, from the same table as the
 * transitions, with each year's department tier), so the inbox is a page of the server's list, not a
 * guess of statuses here. The statuses a role's inbox may hold only make its status filter's options.
 * The admin has no inbox.
 */
import { awaiting } from '../../../core/workflow/workflow.ts';
import { STATUSES, type Role, type Status } from '../../api/types.ts';

/** The statuses the role's inbox may hold (in either kind of year), or null: the role has no inbox. */
export function inboxStatuses(role: Role | undefined): readonly Status[] | null {
  if (!role) return null;
  // Any unit stands in for the user's: the statuses depend on the role only.
  const waiting = awaiting({ role, unitId: 'unit', unitPath: '/unit/' });
  if (!waiting) return null;
  const all = new Set<Status>([...waiting.always, ...waiting.withDepartment, ...waiting.withoutDepartment]);
  return STATUSES.filter((s) => all.has(s));
}

/**
 * The list's query for the view: the inbox asks for `needsMyAction` and narrows it by one of its
 * statuses when that is the filter; the full list takes the filter as it is (blank: every status).
 */
export function listQuery(inbox: readonly Status[] | null, filter: string): { needsMyAction?: '1'; status?: string } {
  if (!inbox) return filter ? { status: filter } : {};
  return inbox.includes(filter as Status) ? { needsMyAction: '1', status: filter } : { needsMyAction: '1' };
}
