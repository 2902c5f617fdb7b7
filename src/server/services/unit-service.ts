/** The units a user may see, by the same scope as the evaluations: a unit's own people see their unit, the finance bureau and admins all. */
import { visibleScope } from '../../core/workflow/workflow.ts';
import { repositories } from '../../storage/repositories.ts';
import type { User } from '../../storage/repositories/user-repository.ts';
import { actorOf, type ServiceContext } from '../service-context.ts';

export class UnitService {
  constructor(private readonly ctx: ServiceContext) {}

  async list(user: User) {
    const scope = visibleScope(actorOf(user));
    if (scope.nothing) return [];
    return repositories(this.ctx.db).units.list(scope.unitId);
  }
}
