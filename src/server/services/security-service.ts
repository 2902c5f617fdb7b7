/**
 * Security events: what the other services and the download routes record, and the admin's view
 * of them. Recording never fails the action it records for a reason of its own beyond the
 * database's: it is one INSERT in the same place as the action.
 */
import { repositories } from '../../storage/repositories.ts';
import type { SecurityEventFilter } from '../../storage/repositories/security-event-repository.ts';
import type { Page } from '../../storage/paging.ts';
import type { User } from '../../storage/repositories/user-repository.ts';
import type { ServiceContext } from '../service-context.ts';
import { requireAdmin } from './organisation-service.ts';

/** The downloads that are recorded: documents that are not public. */
export type Download = 'evaluation.pdf' | 'evaluation.xlsx' | 'dashboard.csv' | 'dashboard.xlsx' | 'recheck.xlsx' | 'progress.xlsx' | 'results-report.pdf' | 'results-report.xlsx' | 'evidence' | 'rectifications.xlsx';

export class SecurityService {
  constructor(private readonly ctx: ServiceContext) {}

  async list(user: User, filter: SecurityEventFilter, page: Page) {
    requireAdmin(user);
    return repositories(this.ctx.db).securityEvents.page(filter, page);
  }

  /** A document that is not public left the server: what, for whom. */
  async downloaded(user: User, what: Download, detail: Record<string, unknown>, address: string | null): Promise<void> {
    await repositories(this.ctx.db).securityEvents.append({ at: this.ctx.now().toISOString(), action: 'download', userId: user.id, address, detail: { what, ...detail } });
  }
}
