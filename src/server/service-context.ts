/** What every service works with: the database, the templates, the clock (injected for tests), the session settings. */
import type { TemplateRegistry } from '../core/templates/registry.ts';
import type { Db } from '../storage/open-database.ts';
import type { User } from '../storage/repositories/user-repository.ts';
import type { Actor } from '../core/workflow/workflow.ts';
import { PUBLIC } from '../core/workflow/workflow.ts';

export interface ServiceContext {
  db: Db;
  templates: TemplateRegistry;
  now: () => Date;
  /** A session unused this long ends (default 30 minutes). */
  sessionIdleMs?: number;
  /** How long a login waits after a username's recent failures (default: auth-service's loginDelayMs; tests shorten it). */
  loginDelayMs?: (failures: number) => number;
}

/** The workflow's view of a user; no user is the public. */
export function actorOf(user: User | null): Actor {
  return user === null ? PUBLIC : { role: user.role, unitId: user.unit?.id ?? null, unitPath: user.unitPath };
}
