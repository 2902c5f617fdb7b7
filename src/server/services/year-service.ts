/**
 * The year's work: its settings (the department tier, the deadline), its set-up from the budget
 * system's project list, and its progress. Everyone signed in reads the settings; the admin sets
 * them and sets the year up; the bureau (admin, reviewer) and the departments (for their units)
 * follow the progress.
 *
 * Set-up (`POST /api/years/:year/projects`, `jixiao projects import`): all rows or none. A new
 * project gets one draft evaluation for its unit — last year's form of the project carried over
 * (found by 项目代码 in last year's list, else by the project's name within the unit) on the same
 * template, else the blank form — audited as `setup` (with `copiedFrom` when carried over, which is
 * how the editor finds last year's figures). A project set up before has its facts updated where
 * the form still holds the old ones and is still with the unit; what the unit changed, and forms
 * already sent, are left alone and reported.
 */
import { explain } from '../../core/explanation.ts';
import { inBothLanguages } from '../../core/locale/messages.ts';
import { withIndicatorIds } from '../../core/lineage/indicator-ids.ts';
import { previousForm } from '../../core/lineage/previous-form.ts';
import type { Evaluation } from '../../core/model/evaluation.ts';
import type { RowProblem } from '../../core/organisation/unit-plan.ts';
import type { Template } from '../../core/templates/template.ts';
import { EDITABLE, visibleScope, type Scope } from '../../core/workflow/workflow.ts';
import { fieldChanges } from '../../core/workflow/field-changes.ts';
import { nameIndicators } from '../../core/workflow/named-changes.ts';
import { FACT_PATHS, projectDraft, projectDraftFromTargets, updateFacts } from '../../core/year/project-draft.ts';
import { createEvaluationFromTargets } from '../../core/year/evaluation-from-targets.ts';
import type { Targets } from '../../core/model/targets.ts';
import { factsOf, planProjects, type ProjectCreate, type ProjectRow, type ProjectUpdate } from '../../core/year/project-plan.ts';
import { chinaDate, yearProgress, type Progress, type ProgressUnit } from '../../core/year/progress.ts';
import { inTransaction, repositories, type Repositories } from '../../storage/repositories.ts';
import type { User } from '../../storage/repositories/user-repository.ts';
import type { YearSettings } from '../../storage/repositories/year-repository.ts';
import { ApiError, forbidden } from '../api-error.ts';
import { monitoringDateIn } from '../../core/year/monitoring-date.ts';
import { actorOf, type ServiceContext } from '../service-context.ts';
import { columnsOf } from '../../storage/evaluation-columns.ts';
import { approvedTargetsOfProject } from './cycle-service.ts';
import { requireAdmin } from './organisation-service.ts';
import { invalidRows } from './row-problems.ts';

export interface ProjectImportResult {
  year: number;
  /** Nothing was written (a preview). */
  dryRun: boolean;
  created: number;
  /** Of the created: carried over from last year's form. */
  carriedOver: number;
  /** Of the created: made from the project's approved targets of the year (issue 16). */
  fromTargets: number;
  updated: number;
  unchanged: number;
  /** What was left alone and why, by row. */
  notices: RowProblem[];
}

/** A new project with everything needed to make its form. */
interface Made {
  create: ProjectCreate;
  template: Template;
  previous: { id: string; document: Evaluation } | null;
  /** The unit's approved targets of the project this year, on the same template: the form is made from them and linked to them. */
  targets: { id: string; document: Targets } | null;
  budgetUnit: string;
}

export class YearService {
  constructor(private readonly ctx: ServiceContext) {}

  async list(): Promise<YearSettings[]> {
    return repositories(this.ctx.db).years.list();
  }

  async get(year: number): Promise<YearSettings> {
    return repositories(this.ctx.db).years.get(year);
  }

  /** `monitoringAsOf` left out: the stored one is kept; given, it must name a day of the year (422 INVALID_MONITORING_DATE). */
  async set(user: User, settings: Omit<YearSettings, 'monitoringAsOf'> & { monitoringAsOf?: string | null | undefined }): Promise<YearSettings> {
    requireAdmin(user);
    const { year, monitoringAsOf } = settings;
    if (monitoringAsOf != null && monitoringDateIn(year, monitoringAsOf) === null) {
      throw new ApiError(422, 'INVALID_MONITORING_DATE', {
        params: { year, value: monitoringAsOf },
        issues: [{ path: 'monitoringAsOf', message: `"${monitoringAsOf}" is no day of ${year} (expected "MM-DD" or "${year}-MM-DD")` }],
      });
    }
    const repos = repositories(this.ctx.db);
    await repos.years.set(settings, this.now(), user.id);
    return repos.years.get(year);
  }

  /** `rows` as read from the list, with the problems of cells that could not be read. */
  async importProjects(user: User, year: number, rows: readonly ProjectRow[], unreadable: readonly RowProblem[], dryRun: boolean): Promise<ProjectImportResult> {
    requireAdmin(user);
    const repos = repositories(this.ctx.db);
    const tree = await repos.units.tree();
    const unitsByCode = new Map(tree.map((u) => [u.code, { id: u.id, disabled: u.disabled }]));
    const plan = planProjects(unitsByCode, new Set(this.ctx.templates.ids()), await repos.projects.forYear(year), rows);
    const problems = [...unreadable, ...(plan.ok ? [] : plan.problems)];
    if (!plan.ok || problems.length > 0) throw invalidRows('projects', problems.sort((a, b) => a.row - b.row));

    const unitNames = new Map(tree.map((u) => [u.id, u.name]));
    const made = await this.prepare(repos, year, plan.creates, unitNames);
    if (!made.ok) throw invalidRows('projects', made.problems);
    const result: ProjectImportResult = {
      year, dryRun, created: made.items.length, carriedOver: made.items.filter((m) => m.previous && !m.targets).length, fromTargets: made.items.filter((m) => m.targets).length,
      updated: plan.updates.length, unchanged: plan.unchanged, notices: [...plan.notices],
    };
    if (dryRun) return result;
    await inTransaction(this.ctx.db, async (trx) => {
      const at = this.now();
      for (const m of made.items) await this.createForm(trx, user, year, m, at);
      for (const update of plan.updates) result.notices.push(...(await this.updateForm(trx, user, update, at)));
    });
    result.notices.sort((a, b) => a.row - b.row);
    return result;
  }

  /** The bureau's and the departments' view of the year: counts per department and unit, overdue after the deadline. */
  async progress(user: User, year: number): Promise<Progress> {
    if (!['admin', 'reviewer', 'department'].includes(user.role)) throw forbidden();
    return yearProgressOf(repositories(this.ctx.db), progressScope(user), year, chinaDate(this.ctx.now()));
  }

  /** The forms of the year still with their units (not started, draft, returned), for the overdue list. */
  async withUnits(user: User, year: number) {
    if (!['admin', 'reviewer', 'department'].includes(user.role)) throw forbidden();
    const repos = repositories(this.ctx.db);
    const scope = progressScope(user);
    const [drafts, returned] = [await repos.evaluations.list(scope, { year, status: 'draft' }), await repos.evaluations.list(scope, { year, status: 'returned' })];
    return [...drafts, ...returned];
  }

  /** Templates and last year's forms of the new projects; a project with neither a template nor last year's form is a problem. */
  private async prepare(repos: Repositories, year: number, creates: readonly ProjectCreate[], unitNames: ReadonlyMap<string, string>) {
    const byCode = await repos.projects.evaluationsByCode(year - 1, creates.map((c) => c.row.code.trim()));
    const candidates = await repos.evaluations.candidates(year - 1, creates.map((c) => c.unitId));
    const problems: RowProblem[] = [];
    const items: Made[] = [];
    for (const create of creates) {
      const code = create.row.code.trim();
      const coded = byCode.filter((p) => code !== '' && p.code === code).sort((a, b) => Number(b.unitId === create.unitId) - Number(a.unitId === create.unitId))[0];
      const previousId = coded?.evaluationId ?? previousForm(candidates.filter((c) => c.unitId === create.unitId), create.row.name)?.id;
      const stored = previousId ? await repos.evaluations.get(previousId) : undefined;
      const previous = stored && stored.deletedAt === null ? { id: stored.id, document: stored.document } : null;
      const targets = await approvedTargetsOfProject(repos, create.unitId, year, code, create.row.name);
      const templateId = create.row.template.trim() || targets?.document.template || previous?.document.template;
      const template = templateId ? this.ctx.templates.get(templateId) : undefined;
      if (!template) {
        problems.push({ row: create.row.row, field: 'template', message: explain('projects.templateRequired') });
        continue;
      }
      items.push({
        create, template, previous: previous?.document.template === template.id ? previous : null,
        targets: targets?.document.template === template.id ? targets : null, budgetUnit: unitNames.get(create.unitId) ?? '',
      });
    }
    return problems.length > 0 ? { ok: false as const, problems } : { ok: true as const, items };
  }

  private async createForm(trx: Repositories, user: User, year: number, m: Made, at: string): Promise<void> {
    const facts = factsOf(m.create.row);
    const context = { year, facts, budgetUnit: m.budgetUnit };
    // This year's approved targets come before last year's form: the evaluation answers to them (issue 16).
    const draft = m.targets
      ? projectDraftFromTargets(context, createEvaluationFromTargets(m.targets.document, m.template))
      : projectDraft(context, m.template, m.previous?.document ?? null);
    const document = withIndicatorIds(draft, undefined, () => crypto.randomUUID());
    const evaluationId = crypto.randomUUID();
    await trx.evaluations.insert({ id: evaluationId, unitId: m.create.unitId, status: 'draft', columns: columnsOf(document, m.template), document, at });
    await trx.audit.append({
      evaluationId, at, userId: user.id, action: 'setup', comment: null,
      changes: m.targets ? [{ path: 'targetsFrom', from: null, to: m.targets.id }] : m.previous ? [{ path: 'copiedFrom', from: null, to: m.previous.id }] : [],
    });
    if (m.targets) await trx.cycle.link(evaluationId, m.targets.id, user.id, at);
    await trx.projects.insertMany([{ id: crypto.randomUUID(), year, unitId: m.create.unitId, template: m.template.id, evaluationId, ...facts }], at);
  }

  /** The project's new facts stored, and written into its form where allowed; the notices of what was left alone. */
  private async updateForm(trx: Repositories, user: User, update: ProjectUpdate, at: string): Promise<RowProblem[]> {
    const after = { ...factsOf(update.row), ...(update.row.code.trim() ? {} : { code: update.project.code }) };
    await trx.projects.updateFacts(update.project.id, after, at);
    const stored = update.project.evaluationId ? await trx.evaluations.get(update.project.evaluationId) : undefined;
    if (!stored || stored.deletedAt !== null) return [];
    const notice = (key: string, params = {}) => ({ row: update.row.row, field: 'name', message: explain(key, params) });
    if (!EDITABLE.includes(stored.status)) return [notice('projects.formSent', { status: inBothLanguages(`status.${stored.status}`) })];
    const { document, applied, kept } = updateFacts(stored.document, update.project, after, update.changed);
    const notices = kept.map((fact) => ({ row: update.row.row, field: fact, message: explain('projects.keptUnitValue', { path: FACT_PATHS[fact] }) }));
    if (applied.length === 0) return notices;
    const template = this.ctx.templates.get(document.template);
    if (!template) return notices;
    const changes = fieldChanges(stored.document, document);
    const version = await trx.evaluations.update(stored.id, stored.version, { document, columns: columnsOf(document, template), at });
    if (version === null) throw new Error(`evaluation ${stored.id} changed during the set-up`);
    await trx.audit.append({ evaluationId: stored.id, at, userId: user.id, action: 'setup', comment: null, changes: nameIndicators(changes, stored.document, document) });
    return notices;
  }

  private now(): string {
    return this.ctx.now().toISOString();
  }
}

/**
 * The year's progress over what `scope` sees, on the bureau's day `today`: the counts grouped in SQL
 * (ProgressRepository), the units and their departments named. The progress route and the year's
 * results report (its coverage) read it from here.
 */
export async function yearProgressOf(repos: Repositories, scope: Scope, year: number, today: string): Promise<Progress> {
  const [settings, counts] = [await repos.years.get(year), await repos.progress.counts(scope, year)];
  const units = await progressUnits(repos, counts.map((c) => c.unitId));
  return yearProgress(year, settings.deadline, today, units, counts);
}

/** The units of `ids` and their departments (the first id of each path), as the progress names them. */
export async function progressUnits(repos: Repositories, ids: readonly string[]): Promise<Map<string, ProgressUnit>> {
  const records = await repos.units.names([...new Set(ids)]);
  const departments = await repos.units.names([...new Set([...records.values()].map((u) => u.path.split('/')[1]!))]);
  return new Map<string, ProgressUnit>([...records.values(), ...departments.values()].map((u) => [u.id, { id: u.id, code: u.code, name: u.name, path: u.path }]));
}

/** The progress reads what the workflow lets the user see, drafts included (counts, not contents) for the bureau and the departments. */
function progressScope(user: User) {
  const scope = visibleScope(actorOf(user));
  return scope.nothing ? scope : { ...scope, statuses: null };
}
