/** The year's project list from the budget system (money in whole fen), each with its evaluation. */
import type { ProjectFacts, YearProject } from '../../core/year/project-plan.ts';
import { fenToYuan, yuanToFen } from '../columns.ts';
import type { Db } from '../open-database.ts';

export interface NewProject extends YearProject {
  year: number;
}

export class ProjectRepository {
  constructor(private readonly db: Db) {}

  async forYear(year: number): Promise<YearProject[]> {
    const rows = await this.db.selectFrom('projects').selectAll().where('year', '=', year).execute();
    return rows.map((r) => ({
      id: r.id,
      unitId: r.unit_id,
      code: r.code,
      name: r.name,
      budget: fenToYuan(r.budget_fen) ?? '',
      previousBudget: fenToYuan(r.previous_budget_fen) ?? '',
      department: r.department,
      recurring: r.recurring === null ? null : Number(r.recurring) === 1,
      template: r.template,
      evaluationId: r.evaluation_id,
    }));
  }

  /** The evaluations made for the year's projects of the given codes, by code (a code may recur across units). */
  async evaluationsByCode(year: number, codes: readonly string[]): Promise<Array<{ code: string; unitId: string; evaluationId: string }>> {
    const found: Array<{ code: string; unitId: string; evaluationId: string }> = [];
    const wanted = [...new Set(codes.filter((c) => c !== ''))];
    for (let i = 0; i < wanted.length; i += 500) {
      const rows = await this.db
        .selectFrom('projects')
        .select(['code', 'unit_id', 'evaluation_id'])
        .where('year', '=', year)
        .where('code', 'in', wanted.slice(i, i + 500))
        .where('evaluation_id', 'is not', null)
        .execute();
      found.push(...rows.map((r) => ({ code: r.code, unitId: r.unit_id, evaluationId: r.evaluation_id! })));
    }
    return found;
  }

  async insertMany(projects: readonly NewProject[], at: string): Promise<void> {
    for (let i = 0; i < projects.length; i += 200) {
      await this.db
        .insertInto('projects')
        .values(projects.slice(i, i + 200).map((p) => ({
          id: p.id, year: p.year, unit_id: p.unitId, template: p.template, evaluation_id: p.evaluationId,
          ...factColumns(p), created_at: at, updated_at: at,
        })))
        .execute();
    }
  }

  async updateFacts(id: string, facts: ProjectFacts, at: string): Promise<void> {
    await this.db.updateTable('projects').set({ ...factColumns(facts), updated_at: at }).where('id', '=', id).execute();
  }
}

function factColumns(f: ProjectFacts) {
  return {
    code: f.code,
    name: f.name,
    budget_fen: f.budget === '' ? null : yuanToFen(f.budget),
    previous_budget_fen: f.previousBudget === '' ? null : yuanToFen(f.previousBudget),
    department: f.department,
    recurring: f.recurring === null ? null : f.recurring ? 1 : 0,
  };
}
