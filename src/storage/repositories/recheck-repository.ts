/**
 * Re-checks (抽查复核): draws, the evaluations they drew, re-check scores and the re-check audit log
 * (migration 2026-11-27-rechecks). Thin: the draw and the report are computed in src/core/recheck.
 */
import { sql } from 'kysely';
import type { Evaluation } from '../../core/model/evaluation.ts';
import type { Status } from '../../core/workflow/workflow.ts';
import { fenToYuan, pointsNumber, readJson, writeJson } from '../columns.ts';
import type { Db } from '../open-database.ts';
import { count, paged, type Page } from '../paging.ts';

/** What a draw was asked for, stored with it. */
export interface StoredDrawParameters {
  minimumShare: number;
  flagThreshold: number;
  bands: Array<{ key: string; fromFen: number }>;
}

export interface StoredStratum {
  unitId: string;
  band: string;
  population: number;
  drawn: string[];
}

export interface NewDraw {
  id: string;
  year: number;
  seed: string;
  parameters: StoredDrawParameters;
  strata: StoredStratum[];
  population: number;
  drawnBy: string;
  drawnAt: string;
  items: Array<{ evaluationId: string; version: number }>;
}

export interface DrawRecord {
  id: string;
  year: number;
  seed: string;
  parameters: StoredDrawParameters;
  strata: StoredStratum[];
  population: number;
  drawnBy: { username: string; displayName: string };
  drawnAt: string;
  drawn: number;
}

export interface DrawnEvaluation {
  id: string;
  unit: { id: string; name: string };
  project: string;
  template: string;
  status: Status;
  version: number;
  score: number;
  budget: string | null;
  document: Evaluation;
}

export interface DrawItem {
  evaluationId: string;
  position: number;
  evaluationVersion: number;
}

export interface StoredRecheckScore {
  evaluationId: string;
  indicator: number;
  score: number;
  reason: string | null;
  recordedBy: string;
  recordedAt: string;
}

export interface NewRecheckAudit {
  drawId: string;
  evaluationId: string | null;
  at: string;
  userId: string;
  action: string;
  comment: string | null;
  changes: Array<{ path: string; from: unknown; to: unknown }>;
}

export interface RecheckAuditEntry extends Omit<NewRecheckAudit, 'drawId' | 'userId'> {
  id: number;
  user: { username: string; displayName: string };
}

/** Rows per INSERT, far below both databases' parameter limits. */
const BATCH = 500;

export class RecheckRepository {
  constructor(private readonly db: Db) {}

  /**
   * The draw's population: the year's approved and published evaluations that are not deleted. A
   * form deleted after a draw stays in that draw (the draw is a record of what was drawn).
   */
  async population(year: number): Promise<Array<{ id: string; unitId: string; budgetFen: number | null; version: number }>> {
    const rows = await this.db
      .selectFrom('evaluations')
      .select(['id', 'unit_id', 'budget_fen', 'version'])
      .where('year', '=', year)
      .where('status', 'in', ['approved', 'published'])
      .where('deleted_at', 'is', null)
      .execute();
    return rows.map((r) => ({ id: r.id, unitId: r.unit_id, budgetFen: r.budget_fen === null ? null : Number(r.budget_fen), version: Number(r.version) }));
  }

  /**
   * The years there is something to re-check or look at: approved and published forms (the draw's
   * population) and draws made, each counted per year; two GROUP BYs over indexed columns.
   */
  async years(): Promise<Array<{ year: number; forms: number; draws: number }>> {
    const [forms, draws] = await Promise.all([
      this.db
        .selectFrom('evaluations')
        .select((eb) => ['year', eb.fn.countAll<number | string>().as('count')])
        .where('status', 'in', ['approved', 'published'])
        .where('deleted_at', 'is', null)
        .groupBy('year')
        .execute(),
      this.db.selectFrom('recheck_draws').select((eb) => ['year', eb.fn.countAll<number | string>().as('count')]).groupBy('year').execute(),
    ]);
    const years = new Map<number, { year: number; forms: number; draws: number }>();
    const at = (year: number) => years.get(year) ?? years.set(year, { year, forms: 0, draws: 0 }).get(year)!;
    for (const r of forms) at(Number(r.year)).forms = Number(r.count);
    for (const r of draws) at(Number(r.year)).draws = Number(r.count);
    return [...years.values()].sort((a, b) => b.year - a.year);
  }

  /** The drawn evaluations as the re-check shows them, in few queries (any order; the caller orders). */
  async drawnEvaluations(ids: readonly string[]): Promise<DrawnEvaluation[]> {
    const out: DrawnEvaluation[] = [];
    for (let i = 0; i < ids.length; i += BATCH) {
      const rows = await this.db
        .selectFrom('evaluations')
        .innerJoin('units', 'units.id', 'evaluations.unit_id')
        .select(['evaluations.id', 'evaluations.unit_id', 'units.name as unit_name', 'evaluations.project', 'evaluations.template', 'evaluations.status', 'evaluations.version', 'evaluations.score', 'evaluations.budget_fen', 'evaluations.document'])
        .where('evaluations.id', 'in', ids.slice(i, i + BATCH))
        .execute();
      for (const r of rows) {
        out.push({
          id: r.id,
          unit: { id: r.unit_id, name: r.unit_name },
          project: r.project,
          template: r.template,
          status: r.status,
          version: Number(r.version),
          score: pointsNumber(r.score),
          budget: fenToYuan(r.budget_fen === null ? null : Number(r.budget_fen)),
          document: readJson<Evaluation>(r.document),
        });
      }
    }
    return out;
  }

  async insertDraw(draw: NewDraw): Promise<void> {
    await this.db
      .insertInto('recheck_draws')
      .values({
        id: draw.id,
        year: draw.year,
        seed: draw.seed,
        parameters: writeJson(draw.parameters),
        strata: writeJson(draw.strata),
        population: draw.population,
        drawn_by: draw.drawnBy,
        drawn_at: draw.drawnAt,
      })
      .execute();
    for (let i = 0; i < draw.items.length; i += BATCH) {
      const values = draw.items.slice(i, i + BATCH).map((item, j) => ({ draw_id: draw.id, evaluation_id: item.evaluationId, position: i + j, evaluation_version: item.version }));
      await this.db.insertInto('recheck_items').values(values).execute();
    }
  }

  /** Newest first: all, or one page. */
  async list(year: number | undefined, page?: Page): Promise<DrawRecord[]> {
    let query = this.draws();
    if (year !== undefined) query = query.where('recheck_draws.year', '=', year);
    const rows = await paged(query.orderBy('recheck_draws.drawn_at', 'desc').orderBy('recheck_draws.id'), page).execute();
    return rows.map(toDraw);
  }

  async count(year: number | undefined): Promise<number> {
    let query = this.db.selectFrom('recheck_draws');
    if (year !== undefined) query = query.where('recheck_draws.year', '=', year);
    return count(query);
  }

  async get(id: string): Promise<DrawRecord | undefined> {
    const row = await this.draws().where('recheck_draws.id', '=', id).executeTakeFirst();
    return row && toDraw(row);
  }

  async items(drawId: string): Promise<DrawItem[]> {
    const rows = await this.db.selectFrom('recheck_items').select(['evaluation_id', 'position', 'evaluation_version']).where('draw_id', '=', drawId).orderBy('position').execute();
    return rows.map((r) => ({ evaluationId: r.evaluation_id, position: Number(r.position), evaluationVersion: Number(r.evaluation_version) }));
  }

  /** The draws that drew the evaluation, oldest first, with the version of the form each saw (lineage-service). */
  async drawsOf(evaluationId: string): Promise<Array<{ drawId: string; year: number; drawnAt: string; flagThreshold: number; evaluationVersion: number }>> {
    const rows = await this.db
      .selectFrom('recheck_items')
      .innerJoin('recheck_draws', 'recheck_draws.id', 'recheck_items.draw_id')
      .select(['recheck_draws.id', 'recheck_draws.year', 'recheck_draws.drawn_at', 'recheck_draws.parameters', 'recheck_items.evaluation_version'])
      .where('recheck_items.evaluation_id', '=', evaluationId)
      .orderBy('recheck_draws.drawn_at')
      .orderBy('recheck_draws.id')
      .execute();
    return rows.map((r) => ({
      drawId: r.id,
      year: Number(r.year),
      drawnAt: r.drawn_at,
      flagThreshold: readJson<StoredDrawParameters>(r.parameters).flagThreshold,
      evaluationVersion: Number(r.evaluation_version),
    }));
  }

  /** The scores of the draw: of every form, of one, or of some. */
  async scores(drawId: string, evaluationIds?: string | readonly string[]): Promise<StoredRecheckScore[]> {
    let query = this.db.selectFrom('recheck_scores').selectAll().where('draw_id', '=', drawId);
    if (typeof evaluationIds === 'string') query = query.where('evaluation_id', '=', evaluationIds);
    else if (evaluationIds !== undefined) query = evaluationIds.length === 0 ? query.where(sql<boolean>`1 = 0`) : query.where('evaluation_id', 'in', [...evaluationIds]);
    const rows = await query.orderBy('evaluation_id').orderBy('indicator').execute();
    return rows.map((r) => ({
      evaluationId: r.evaluation_id,
      indicator: Number(r.indicator),
      score: pointsNumber(r.score),
      reason: r.reason,
      recordedBy: r.recorded_by,
      recordedAt: r.recorded_at,
    }));
  }

  /** Sets the scores of the given indicators (others keep theirs). */
  async putScores(drawId: string, evaluationId: string, scores: ReadonlyArray<{ indicator: number; score: number; reason: string | null }>, by: string, at: string): Promise<void> {
    if (scores.length === 0) return;
    await this.db
      .deleteFrom('recheck_scores')
      .where('draw_id', '=', drawId)
      .where('evaluation_id', '=', evaluationId)
      .where('indicator', 'in', scores.map((s) => s.indicator))
      .execute();
    await this.db
      .insertInto('recheck_scores')
      .values(scores.map((s) => ({ draw_id: drawId, evaluation_id: evaluationId, indicator: s.indicator, score: s.score, reason: s.reason, recorded_by: by, recorded_at: at })))
      .execute();
  }

  async auditCount(drawId: string): Promise<number> {
    return count(this.db.selectFrom('recheck_audit').where('draw_id', '=', drawId));
  }

  async appendAudit(entry: NewRecheckAudit): Promise<void> {
    await this.db
      .insertInto('recheck_audit')
      .values({
        draw_id: entry.drawId,
        evaluation_id: entry.evaluationId,
        at: entry.at,
        user_id: entry.userId,
        action: entry.action,
        comment: entry.comment,
        changes: writeJson(entry.changes),
      })
      .execute();
  }

  /** Oldest first: all, or one page. */
  async audit(drawId: string, page?: Page): Promise<RecheckAuditEntry[]> {
    const rows = await paged(
      this.db
        .selectFrom('recheck_audit')
        .innerJoin('users', 'users.id', 'recheck_audit.user_id')
        .select(['recheck_audit.id', 'recheck_audit.evaluation_id', 'recheck_audit.at', 'recheck_audit.action', 'recheck_audit.comment', 'recheck_audit.changes', 'users.username', 'users.display_name'])
        .where('recheck_audit.draw_id', '=', drawId)
        .orderBy('recheck_audit.id'),
      page,
    ).execute();
    return rows.map((r) => ({
      id: Number(r.id),
      evaluationId: r.evaluation_id,
      at: r.at,
      user: { username: r.username, displayName: r.display_name },
      action: r.action,
      comment: r.comment,
      changes: readJson(r.changes),
    }));
  }

  private draws() {
    return this.db
      .selectFrom('recheck_draws')
      .innerJoin('users', 'users.id', 'recheck_draws.drawn_by')
      .select((eb) => [
        'recheck_draws.id',
        'recheck_draws.year',
        'recheck_draws.seed',
        'recheck_draws.parameters',
        'recheck_draws.strata',
        'recheck_draws.population',
        'recheck_draws.drawn_at',
        'users.username',
        'users.display_name',
        eb.selectFrom('recheck_items').whereRef('recheck_items.draw_id', '=', 'recheck_draws.id').select((e) => e.fn.countAll<number>().as('n')).as('drawn'),
      ]);
  }
}

function toDraw(r: {
  id: string; year: number; seed: string; parameters: unknown; strata: unknown; population: number;
  drawn_at: string; username: string; display_name: string; drawn: number | string | null;
}): DrawRecord {
  return {
    id: r.id,
    year: Number(r.year),
    seed: r.seed,
    parameters: readJson<StoredDrawParameters>(r.parameters),
    strata: readJson<StoredStratum[]>(r.strata),
    population: Number(r.population),
    drawnBy: { username: r.username, displayName: r.display_name },
    drawnAt: r.drawn_at,
    drawn: Number(r.drawn ?? 0),
  };
}
