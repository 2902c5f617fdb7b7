/**
 * Results application (结果应用, issue 17): what the finance bureau decides from a form's results
 * (budget kept, reduced, project stopped…), one record per form, the bureau's own. The reviewer
 * writes it (approved or published forms), the reviewer and the admin read it; every unit role and
 * the departments get 403, and no answer they can read carries it. Access is checked first; each
 * write is versioned (409 on a stale one) and audited in `followup_audit`.
 */
import type { ResultsCategory } from '../../core/followup/rectification.ts';
import { inBothLanguages } from '../../core/locale/messages.ts';
import { inTransaction, repositories } from '../../storage/repositories.ts';
import type { ResultsApplicationRecord } from '../../storage/repositories/followup-repository.ts';
import type { User } from '../../storage/repositories/user-repository.ts';
import { ApiError, forbidden } from '../api-error.ts';
import { actorOf, type ServiceContext } from '../service-context.ts';
import { visibleEvaluation } from './evaluation-service.ts';

const FINAL = ['approved', 'published'];

export class ResultsApplicationService {
  constructor(private readonly ctx: ServiceContext) {}

  /** The form's record, or null when none is recorded yet: the reviewer and the admin. */
  async get(user: User, evaluationId: string): Promise<{ application: ResultsApplicationRecord | null }> {
    if (user.role !== 'reviewer' && user.role !== 'admin') throw forbidden();
    const repos = repositories(this.ctx.db);
    await visibleEvaluation(repos, actorOf(user), evaluationId);
    return { application: (await repos.followup.getResultsApplication(evaluationId)) ?? null };
  }

  /**
   * Records or changes the form's results application: the reviewer, on an approved or published
   * form. `version` is the record's as read (absent: there was none); anything else is 409.
   */
  async put(user: User, evaluationId: string, body: { category: ResultsCategory; text: string; version?: number | undefined }): Promise<ResultsApplicationRecord> {
    if (user.role !== 'reviewer') throw forbidden();
    return inTransaction(this.ctx.db, async (repos) => {
      await repos.evidence.lockEvaluation(evaluationId);
      const stored = await visibleEvaluation(repos, actorOf(user), evaluationId);
      const before = await repos.followup.getResultsApplication(evaluationId);
      if ((before?.version ?? null) !== (body.version ?? null)) throw conflict(before);
      if (!FINAL.includes(stored.status)) throw new ApiError(409, 'RESULTS_NOT_FINAL', { params: { status: inBothLanguages(`status.${stored.status}`) } });
      if (before && before.category === body.category && before.text === body.text) return before;
      const at = this.ctx.now().toISOString();
      const version = await repos.followup.putResultsApplication(
        { evaluationId, unitId: stored.unit.id, year: stored.year, category: body.category, text: body.text, userId: user.id, at },
        before?.version ?? null,
      );
      if (version === null) throw conflict(await repos.followup.getResultsApplication(evaluationId));
      await repos.followup.appendAudit({
        subject: 'results-application', subjectId: evaluationId, evaluationId, at, userId: user.id, action: before ? 'change' : 'record', comment: null,
        changes: {
          ...(before?.category !== body.category ? { category: { from: before?.category ?? null, to: body.category } } : {}),
          ...(before?.text !== body.text ? { text: { from: before?.text ?? null, to: body.text } } : {}),
        },
      });
      return (await repos.followup.getResultsApplication(evaluationId))!;
    });
  }
}

function conflict(current: ResultsApplicationRecord | undefined): ApiError {
  const version = current?.version ?? null;
  return new ApiError(409, 'RESULTS_APPLICATION_CONFLICT', { params: { version: version ?? 0 }, extra: { version, application: current ?? null } });
}
