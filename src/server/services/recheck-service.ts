/**
 * Re-check (抽查复核) for the finance bureau's reviewers only: draw a year's sample, record re-check
 * scores beside the self scores, report the gap per unit. Access is checked first; each change runs
 * in one transaction with its entry in the re-check audit log.
 */
import { randomInt } from 'node:crypto';
import { format, type Lang } from '../../core/locale/messages.ts';
import { BUDGET_BANDS } from '../../core/recheck/budget-bands.ts';
import { DEFAULT_MINIMUM_SHARE, drawSample } from '../../core/recheck/draw.ts';
import { DEFAULT_FLAG_THRESHOLD, gapReport, type GapReport } from '../../core/recheck/gap-report.ts';
import { recheckIndicators, scoreProblems, type RecheckScore } from '../../core/recheck/recheck-scores.ts';
import { fenToYuan } from '../../storage/columns.ts';
import type { Page } from '../../storage/paging.ts';
import { inTransaction, repositories } from '../../storage/repositories.ts';
import type { DrawnEvaluation, DrawRecord, StoredRecheckScore } from '../../storage/repositories/recheck-repository.ts';
import type { User } from '../../storage/repositories/user-repository.ts';
import { ApiError, forbidden, notFound } from '../api-error.ts';
import type { ServiceContext } from '../service-context.ts';

export interface DrawRequest {
  year: number;
  seed?: string | undefined;
  minimumShare?: number | undefined;
  flagThreshold?: number | undefined;
}

/** Only the finance bureau's reviewers re-check (others: 403; the anonymous are 401 before this). */
function requireReviewer(user: User): void {
  if (user.role !== 'reviewer') throw forbidden();
}

const bandLabel = (key: string, lang: Lang) => {
  const label = format(`recheck.band.${key}`, {}, lang);
  return label === `recheck.band.${key}` ? key : label;
};

export class RecheckService {
  constructor(private readonly ctx: ServiceContext) {}

  async draw(user: User, request: DrawRequest, lang: Lang) {
    requireReviewer(user);
    // Without a seed, a random one; it is stored and shown, so the draw can be redone.
    const seed = request.seed ?? String(randomInt(100_000_000, 1_000_000_000));
    const minimumShare = request.minimumShare ?? DEFAULT_MINIMUM_SHARE;
    const flagThreshold = request.flagThreshold ?? DEFAULT_FLAG_THRESHOLD;
    const id = crypto.randomUUID();
    const at = this.ctx.now().toISOString();
    await inTransaction(this.ctx.db, async ({ rechecks }) => {
      const population = await rechecks.population(request.year);
      if (population.length === 0) throw new ApiError(422, 'NOTHING_TO_DRAW', { params: { year: request.year } });
      const result = drawSample(population, { seed, minimumShare, bands: BUDGET_BANDS });
      const versions = new Map(population.map((p) => [p.id, p.version]));
      await rechecks.insertDraw({
        id, year: request.year, seed,
        parameters: { minimumShare, flagThreshold, bands: BUDGET_BANDS.map((b) => ({ ...b })) },
        strata: result.strata, population: result.population, drawnBy: user.id, drawnAt: at,
        items: result.evaluationIds.map((evaluationId) => ({ evaluationId, version: versions.get(evaluationId)! })),
      });
      await rechecks.appendAudit({
        drawId: id, evaluationId: null, at, userId: user.id, action: 'draw', comment: null,
        changes: [
          { path: 'seed', from: null, to: seed },
          { path: 'minimumShare', from: null, to: minimumShare },
          { path: 'evaluations', from: null, to: result.evaluationIds },
        ],
      });
    });
    return this.get(user, id, lang);
  }

  /** The years with approved or published forms or with draws, newest first (the page's year choices). */
  async years(user: User) {
    requireReviewer(user);
    return { years: await repositories(this.ctx.db).rechecks.years() };
  }

  /** The draws, newest first, one page at a time. */
  async list(user: User, year: number | undefined, lang: Lang, page: Page) {
    requireReviewer(user);
    const { rechecks } = repositories(this.ctx.db);
    const draws = await rechecks.list(year, page);
    const units = await this.unitNames();
    return { items: draws.map((draw) => this.drawView(draw, units, lang)), total: await rechecks.count(year), ...page };
  }

  /** A draw with one page of its forms (in draw order) and their re-check scores. */
  async get(user: User, id: string, lang: Lang, page: Page = { limit: 50, offset: 0 }) {
    requireReviewer(user);
    const { rechecks } = repositories(this.ctx.db);
    const draw = await rechecks.get(id);
    if (!draw) throw notFound();
    const items = await rechecks.items(id);
    const ids = items.slice(page.offset, page.offset + page.limit).map((i) => i.evaluationId);
    const found = new Map((await rechecks.drawnEvaluations(ids)).map((e) => [e.id, e]));
    const byEvaluation = groupScores(await rechecks.scores(id, ids));
    return {
      ...this.drawView(draw, await this.unitNames(), lang),
      evaluations: ids.flatMap((evaluationId) => {
        const e = found.get(evaluationId);
        return e ? [formView(e, byEvaluation.get(e.id) ?? [])] : [];
      }),
      evaluationsTotal: items.length,
      ...page,
    };
  }

  async record(user: User, id: string, evaluationId: string, scores: RecheckScore[], lang: Lang) {
    requireReviewer(user);
    return inTransaction(this.ctx.db, async ({ rechecks }) => {
      const draw = await rechecks.get(id);
      if (!draw) throw notFound();
      if (!(await rechecks.items(id)).some((item) => item.evaluationId === evaluationId)) throw notFound();
      const [evaluation] = await rechecks.drawnEvaluations([evaluationId]);
      if (!evaluation) throw notFound();
      const indicators = recheckIndicators(evaluation.document);
      const problems = scoreProblems(indicators, scores);
      if (problems.length > 0) {
        throw new ApiError(400, 'VALIDATION', { issues: problems.map((p) => ({ path: p.path, message: format(p.message.key, p.message.params, lang) })) });
      }
      const normalized = scores.map((s) => ({ indicator: s.indicator, score: s.score, reason: s.reason?.trim() ? s.reason.trim() : null }));
      const before = new Map((await rechecks.scores(id, evaluationId)).map((s) => [s.indicator, s]));
      const changes = normalized.flatMap((s) => {
        const old = before.get(s.indicator);
        const path = `indicators[${s.indicator}]`;
        return [
          ...(old?.score !== s.score ? [{ path: `${path}.recheckScore`, from: old?.score ?? null, to: s.score }] : []),
          ...((old?.reason ?? null) !== s.reason ? [{ path: `${path}.recheckReason`, from: old?.reason ?? null, to: s.reason }] : []),
        ];
      });
      if (changes.length > 0) {
        const at = this.ctx.now().toISOString();
        await rechecks.putScores(id, evaluationId, normalized.filter((s) => { const old = before.get(s.indicator); return old?.score !== s.score || (old?.reason ?? null) !== s.reason; }), user.id, at);
        await rechecks.appendAudit({ drawId: id, evaluationId, at, userId: user.id, action: 'recheck', comment: null, changes });
      }
      return formView(evaluation, await rechecks.scores(id, evaluationId));
    });
  }

  async report(user: User, id: string, threshold: number | undefined): Promise<GapReport & { drawId: string; year: number; seed: string }> {
    requireReviewer(user);
    const { draw, evaluations, scores } = await this.load(id);
    const byEvaluation = groupScores(scores);
    const report = gapReport(
      evaluations.map((e) => ({
        evaluationId: e.id, unit: e.unit, project: e.project,
        indicators: recheckIndicators(e.document),
        scores: (byEvaluation.get(e.id) ?? []).map((s) => ({ indicator: s.indicator, score: s.score, reason: s.reason })),
      })),
      threshold ?? draw.parameters.flagThreshold,
    );
    return { drawId: draw.id, year: draw.year, seed: draw.seed, ...report };
  }

  /** The draw's audit log, oldest first, one page at a time. */
  async audit(user: User, id: string, page: Page) {
    requireReviewer(user);
    const { rechecks } = repositories(this.ctx.db);
    if (!(await rechecks.get(id))) throw notFound();
    return { items: await rechecks.audit(id, page), total: await rechecks.auditCount(id), ...page };
  }

  private async load(id: string): Promise<{ draw: DrawRecord; evaluations: DrawnEvaluation[]; scores: StoredRecheckScore[] }> {
    const { rechecks } = repositories(this.ctx.db);
    const draw = await rechecks.get(id);
    if (!draw) throw notFound();
    const items = await rechecks.items(id);
    const found = new Map((await rechecks.drawnEvaluations(items.map((i) => i.evaluationId))).map((e) => [e.id, e]));
    return { draw, evaluations: items.map((i) => found.get(i.evaluationId)!).filter(Boolean), scores: await rechecks.scores(id) };
  }

  private async unitNames(): Promise<Map<string, string>> {
    return new Map((await repositories(this.ctx.db).units.tree()).map((u) => [u.id, u.name]));
  }

  private drawView(draw: DrawRecord, units: Map<string, string>, lang: Lang) {
    return {
      id: draw.id,
      year: draw.year,
      seed: draw.seed,
      parameters: {
        minimumShare: draw.parameters.minimumShare,
        flagThreshold: draw.parameters.flagThreshold,
        bands: draw.parameters.bands.map((b) => ({ key: b.key, from: fenToYuan(b.fromFen)!, label: bandLabel(b.key, lang) })),
      },
      population: draw.population,
      drawn: draw.drawn,
      strata: draw.strata.map((s) => ({
        unit: { id: s.unitId, name: units.get(s.unitId) ?? s.unitId },
        band: s.band,
        bandLabel: bandLabel(s.band, lang),
        population: s.population,
        evaluationIds: s.drawn,
      })),
      drawnBy: draw.drawnBy,
      drawnAt: draw.drawnAt,
    };
  }
}

function groupScores(scores: readonly StoredRecheckScore[]): Map<string, StoredRecheckScore[]> {
  const map = new Map<string, StoredRecheckScore[]>();
  for (const s of scores) map.set(s.evaluationId, [...(map.get(s.evaluationId) ?? []), s]);
  return map;
}

/** A drawn form: its indicators with the self score beside the re-check score. */
function formView(e: DrawnEvaluation, scores: readonly StoredRecheckScore[]) {
  const byIndicator = new Map(scores.map((s) => [s.indicator, s]));
  const indicators = recheckIndicators(e.document).map((i) => ({
    ...i,
    recheckScore: byIndicator.get(i.index)?.score ?? null,
    reason: byIndicator.get(i.index)?.reason ?? null,
  }));
  return {
    id: e.id,
    unit: e.unit,
    project: e.project,
    template: e.template,
    status: e.status,
    version: e.version,
    score: e.score,
    budget: e.budget,
    complete: indicators.every((i) => i.recheckScore !== null),
    indicators,
  };
}
