/** The reviewer's inbox: what waits for them (submitted) first, then by last change, newest first. */
import type { Status, Summary } from '../../api/types.ts';

const PRIORITY: Record<Status, number> = { submitted: 0, returned: 1, approved: 2, published: 3, draft: 4 };

export function inboxOrder(items: readonly Summary[]): Summary[] {
  return [...items].sort((a, b) => PRIORITY[a.status] - PRIORITY[b.status] || b.updatedAt.localeCompare(a.updatedAt));
}
