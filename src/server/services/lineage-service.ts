/**
 * Across years and beside the self score: last year's target, actual and score of each indicator
 * (indicator lineage), and the re-check scores of a form (抽查复核). Both read only, both answer
 * 404 for an evaluation the user may not see (a deleted one: all but the admin), as the evaluation does.
 *
 * Last year's evaluation is, in this order:
 *  1. the one this form was copied from (the copy's audit entry names it: `copiedFrom`), when it is
 *     of the same unit and of the year before, and the user may see it;
 *  2. otherwise the unit's evaluation of the year before with the same project name (normalised as
 *     indicator words are: src/core/lineage/lineage-key.ts) among those the user may see; of several,
 *     the furthest in the workflow (published first), then the latest changed.
 * The lineage is read from the audit log rather than stored beside the form: the copy already records
 * it there, and a form typed anew or imported has none to store.
 *
 * Re-check scores: reviewers and the admin see every draw that drew the form, with the scores so
 * far. The unit (its preparers and approvers) sees a draw only once the re-check of its form is
 * complete (every indicator scored) — before that, not even that the form was drawn.
 */
import { matchPreviousYear, type MatchedBy } from '../../core/lineage/match-previous-year.ts';
import { previousForm } from '../../core/lineage/previous-form.ts';
import { formGap } from '../../core/recheck/gap-report.ts';
import { recheckIndicators } from '../../core/recheck/recheck-scores.ts';
import { canSee, visibleScope, type Actor } from '../../core/workflow/workflow.ts';
import { repositories, type Repositories } from '../../storage/repositories.ts';
import type { StoredEvaluation } from '../../storage/repositories/evaluation-repository.ts';
import type { User } from '../../storage/repositories/user-repository.ts';
import { actorOf, type ServiceContext } from '../service-context.ts';
import { visibleEvaluation } from './evaluation-service.ts';

export type PreviousVia = 'copy' | 'name';

/** Audit actions whose `copiedFrom` names last year's form: a copy to next year, and a form the year's set-up carried over. */
const COPIED = new Set(['copy', 'setup']);

export class LineageService {
  constructor(private readonly ctx: ServiceContext) {}

  async previousYear(user: User, id: string) {
    const repos = repositories(this.ctx.db);
    const actor = actorOf(user);
    const current = await visibleEvaluation(repos, actor, id);
    const found = await this.previousOf(repos, actor, current);
    const indicators = current.document.indicators;
    if (!found) return { previous: null, indicators: indicators.map(() => null) };
    const { previous, via } = found;
    const before = previous.document.indicators;
    return {
      previous: {
        id: previous.id,
        year: previous.year,
        project: previous.project,
        status: previous.status,
        via,
        indicators: before.map((i, index) => ({
          index,
          id: i.id ?? null,
          category: i.category ?? null,
          subcategory: i.subcategory ?? null,
          name: i.name,
          target: i.target ?? null,
          actual: i.actual ?? null,
          weight: i.weight ?? null,
          score: i.score ?? null,
        })),
      },
      indicators: matchPreviousYear(indicators, before).map((match) => {
        if (!match) return null;
        const p = before[match.previousIndex]!;
        return {
          previousIndex: match.previousIndex,
          previousName: p.name,
          previousTarget: p.target ?? null,
          previousActual: p.actual ?? null,
          previousScore: p.score ?? null,
          matchedBy: match.matchedBy satisfies MatchedBy,
        };
      }),
    };
  }

  async recheckScores(user: User, id: string) {
    const repos = repositories(this.ctx.db);
    const actor = actorOf(user);
    const current = await visibleEvaluation(repos, actor, id);
    const { rechecks } = repositories(this.ctx.db);
    const bureau = actor.role === 'reviewer' || actor.role === 'admin';
    const indicators = recheckIndicators(current.document);
    const draws = [];
    for (const draw of await rechecks.drawsOf(id)) {
      const scores = await rechecks.scores(draw.drawId, id);
      const gap = formGap(
        { evaluationId: id, unit: current.unit, project: current.project, indicators, scores: scores.map((s) => ({ indicator: s.indicator, score: s.score, reason: s.reason })) },
        draw.flagThreshold,
      );
      if (!bureau && !gap.complete) continue;
      draws.push({
        drawId: draw.drawId,
        year: draw.year,
        drawnAt: draw.drawnAt,
        evaluationVersion: draw.evaluationVersion,
        complete: gap.complete,
        selfTotal: gap.selfTotal,
        recheckTotal: gap.recheckTotal,
        gap: gap.gap,
        indicators: gap.indicators.map((i) => ({ index: i.index, selfScore: i.selfScore, recheckScore: i.recheckScore, reason: i.reason })),
      });
    }
    return { draws };
  }

  private async previousOf(repos: Repositories, actor: Actor, current: StoredEvaluation): Promise<{ previous: StoredEvaluation; via: PreviousVia } | null> {
    const copiedFrom = (await repos.audit.list(current.id))
      .find((entry) => COPIED.has(entry.action))
      ?.changes.find((c) => c.path === 'copiedFrom')?.to;
    if (typeof copiedFrom === 'string') {
      const source = await repos.evaluations.get(copiedFrom);
      // A deleted source is no longer last year's evaluation, even for the admin who may still read it.
      const usable = source && source.deletedAt === null && source.unit.id === current.unit.id && source.year === current.year - 1;
      if (usable && canSee(actor, { unitId: source.unit.id, unitPath: source.unitPath, status: source.status })) return { previous: source, via: 'copy' };
    }
    const candidates = await repos.evaluations.list(visibleScope(actor), { year: current.year - 1, unitId: current.unit.id });
    const chosen = previousForm(candidates, current.project, current.id);
    const best = chosen && (await repos.evaluations.get(chosen.id));
    return best ? { previous: best, via: 'name' } : null;
  }
}
