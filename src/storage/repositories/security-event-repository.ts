/** Security events: appended as they happen, read by the admin one page at a time (newest first). */
import { readJson, writeJson } from '../columns.ts';
import { containing } from '../like.ts';
import type { Db } from '../open-database.ts';
import { count, paged, type Page } from '../paging.ts';

export const SECURITY_ACTIONS = [
  'login.succeeded', 'login.failed', 'logout', 'password.changed', 'password.reset',
  'user.created', 'user.disabled', 'user.enabled', 'user.roleChanged', 'user.unitChanged', 'download',
] as const;
export type SecurityAction = (typeof SECURITY_ACTIONS)[number];

export interface NewSecurityEvent {
  at: string;
  action: SecurityAction;
  userId?: string | null;
  username?: string | null;
  address?: string | null;
  subjectUserId?: string | null;
  detail?: Record<string, unknown>;
}

interface Person {
  id: string;
  username: string;
  displayName: string;
}

export interface SecurityEvent {
  id: number;
  at: string;
  action: SecurityAction;
  user: Person | null;
  username: string | null;
  address: string | null;
  subject: Person | null;
  detail: Record<string, unknown>;
}

export interface SecurityEventFilter {
  action?: SecurityAction | undefined;
  /** Part of a username: the actor's, the one typed at a login, or the subject's. */
  username?: string | undefined;
  /** ISO times, from inclusive, to exclusive. */
  from?: string | undefined;
  to?: string | undefined;
}

export class SecurityEventRepository {
  constructor(private readonly db: Db) {}

  async append(event: NewSecurityEvent): Promise<void> {
    await this.db
      .insertInto('security_events')
      .values({
        at: event.at, action: event.action, user_id: event.userId ?? null, username: event.username ?? null, address: event.address ?? null,
        subject_user_id: event.subjectUserId ?? null, detail: writeJson(event.detail ?? {}),
      })
      .execute();
  }

  private filtered(filter: SecurityEventFilter) {
    let query = this.db
      .selectFrom('security_events')
      .leftJoin('users as actor', 'actor.id', 'security_events.user_id')
      .leftJoin('users as subject', 'subject.id', 'security_events.subject_user_id');
    if (filter.action) query = query.where('security_events.action', '=', filter.action);
    if (filter.from) query = query.where('security_events.at', '>=', filter.from);
    if (filter.to) query = query.where('security_events.at', '<', filter.to);
    if (filter.username) {
      const name = filter.username;
      query = query.where((eb) => eb.or([containing('actor.username', name), containing('security_events.username', name), containing('subject.username', name)]));
    }
    return query;
  }

  async page(filter: SecurityEventFilter, page: Page): Promise<{ items: SecurityEvent[]; total: number }> {
    const rows = this.filtered(filter)
      .select([
        'security_events.id', 'security_events.at', 'security_events.action', 'security_events.username', 'security_events.address', 'security_events.detail',
        'actor.id as actor_id', 'actor.username as actor_username', 'actor.display_name as actor_name',
        'subject.id as subject_id', 'subject.username as subject_username', 'subject.display_name as subject_name',
      ])
      .orderBy('security_events.at', 'desc')
      .orderBy('security_events.id', 'desc');
    const items = await paged(rows, page).execute();
    const person = (id: string | null, username: string | null, displayName: string | null): Person | null =>
      id === null ? null : { id, username: username ?? '', displayName: displayName ?? '' };
    return {
      items: items.map((r) => ({
        id: Number(r.id), at: r.at, action: r.action as SecurityAction, username: r.username, address: r.address,
        user: person(r.actor_id, r.actor_username, r.actor_name), subject: person(r.subject_id, r.subject_username, r.subject_name),
        detail: readJson<Record<string, unknown>>(r.detail),
      })),
      total: await count(this.filtered(filter)),
    };
  }
}
