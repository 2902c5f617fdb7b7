/**
 * `jixiao gen --units N --projects-per-unit M --years Y1-Y2 [--seed S]`: writes a synthetic
 * province into the database of `DATABASE_URL` (migrated first) through the storage layer's
 * repositories, in multi-row INSERTs and one transaction per batch of units. Deterministic for a
 * seed: the same forms (src/demo/synthetic-evaluations.ts), ids, statuses and times.
 *
 * Statuses are spread as a finance bureau sees them: past years mostly published or approved, the
 * latest year in every status (drafts and submitted forms most). The audit log of generated data is
 * minimal: one `create` entry per evaluation by the user `jixiao-gen` (an admin who cannot log in),
 * whose comment says the form was generated and its status set directly, without the transitions.
 *
 * The latest year is a whole cycle (issue 16; src/demo/synthetic-cycle.ts, as syntheticCycles
 * makes it): each project also has its targets, approved with their approved version frozen, the
 * year's evaluation made from them (indicator ids kept, linked in evaluation_targets), and its
 * mid-year monitoring in a spread of statuses with its summary's columns. The three documents of a
 * project carry a 项目代码 (P001 …). Earlier years are as before.
 *
 * The latest year's follow-up (issue 17; src/demo/synthetic-followup.ts): rectification items on some
 * reviewed and returned forms (open, some overdue, answered, closed) and the bureau's results
 * applications on most reviewed forms, so that the year's results report has content.
 */
import { createHash } from 'node:crypto';
import { BUILT_IN_TEMPLATES, templateRegistry, type TemplateRegistry } from '../../core/templates/registry.ts';
import { STATUSES, type Status } from '../../core/workflow/workflow.ts';
import { contentHash } from '../../core/model/content-hash.ts';
import type { CycleStatus } from '../../core/workflow/cycle-workflow.ts';
import { summarizeMonitoring } from '../../core/year/monitoring-summary.ts';
import { cycleRandom, syntheticCycle } from '../../demo/synthetic-cycle.ts';
import { randomSource, syntheticEvaluations, syntheticUnitName } from '../../demo/synthetic-evaluations.ts';
import { syntheticFollowup } from '../../demo/synthetic-followup.ts';
import type { FollowupTables } from '../../storage/followup-tables.ts';
import type { Insertable } from 'kysely';
import type { NewCycleRow, NewCycleVersion } from '../../storage/repositories/cycle-repository.ts';
import { UNUSABLE_HASH } from '../../server/passwords.ts';
import { columnsOf } from '../../storage/evaluation-columns.ts';
import { migrateToLatest } from '../../storage/migrate.ts';
import { openDatabase, type Database } from '../../storage/open-database.ts';
import { inTransaction, repositories } from '../../storage/repositories.ts';
import type { NewEvaluationRow } from '../../storage/repositories/evaluation-repository.ts';
import type { NewAuditEntry } from '../../storage/repositories/audit-repository.ts';
import { parseCommandArgs } from '../args.ts';
import { readConfig } from '../../config.ts';
import { CliInputError, EXIT } from '../cli-error.ts';
import type { CommandIo } from '../command.ts';
import type { Monitoring } from '../../core/model/monitoring.ts';
import type { Targets } from '../../core/model/targets.ts';
import type { MonitoringSummary } from '../../core/year/monitoring-summary.ts';

export const genUsage = 'jixiao gen --units N --projects-per-unit M --years Y1-Y2 [--seed S]';

export const GEN_USERNAME = 'jixiao-gen';

export interface GenOptions {
  units: number;
  projectsPerUnit: number;
  years: readonly [number, number];
  seed: number;
}

export interface GenResult {
  units: number;
  evaluations: number;
  /** The latest year's approved targets (each with its frozen approved version) and monitoring. */
  targets: number;
  monitoring: number;
  monitoringByStatus: Partial<Record<CycleStatus, number>>;
  /** The latest year's rectification items by status, and results applications. */
  rectificationsByStatus: Record<string, number>;
  applications: number;
  auditEntries: number;
  byStatus: Record<Status, number>;
  byTemplate: Record<string, number>;
  ms: number;
}

/** Evaluations per transaction (whole units): large enough that commits cost little, small enough to stream. */
const FORMS_PER_TRANSACTION = 2_500;

const RETURN_REASONS = [
  '绩效指标未细化量化，请补充数量指标的目标值',
  '扣分指标未说明偏差原因，请补充改进措施',
  '预算执行率偏低，请说明原因',
  '满意度指标缺少调查依据，请补充',
];

const MONITORING_RETURN_REASONS = ['偏差原因分析不充分，请补充', '预算执行进度滞后，请说明原因和整改措施'];

/** The monitoring's status as of a few weeks after 7月31日: most sent, some accepted, some still with the unit. */
function monitoringStatusOf(random: ReturnType<typeof randomSource>): { status: CycleStatus; steps: number } {
  const r = random.next();
  if (r < 0.2) return { status: 'draft', steps: 0 };
  if (r < 0.5) return { status: 'submitted', steps: 1 };
  if (r < 0.6) return { status: 'returned', steps: 2 };
  return { status: 'accepted', steps: 2 };
}

/** A UUID-shaped id that depends only on the seed and the key: the same seed gives the same ids. */
function stableId(seed: number, key: string): string {
  const h = createHash('sha256').update(`jixiao-gen:${seed}:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The status of a form and how many steps got it there (its version is steps + 1). */
function statusOf(random: ReturnType<typeof randomSource>, latest: boolean): { status: Status; steps: number } {
  const r = random.next();
  if (!latest) {
    if (r < 0.8) return { status: 'published', steps: 3 };
    if (r < 0.98) return { status: 'approved', steps: 2 };
    return { status: 'submitted', steps: 1 };
  }
  if (r < 0.35) return { status: 'draft', steps: 0 };
  if (r < 0.65) return { status: 'submitted', steps: 1 };
  if (r < 0.75) return { status: 'returned', steps: 2 };
  if (r < 0.93) return { status: 'approved', steps: 2 };
  return { status: 'published', steps: 3 };
}

const pad = (n: number) => String(n).padStart(2, '0');

export async function generate(database: Database, options: GenOptions, templates: TemplateRegistry = templateRegistry()): Promise<GenResult> {
  const started = performance.now();
  const { db } = database;
  const repos = repositories(db);
  const unitNames = Array.from({ length: options.units }, (_, i) => syntheticUnitName(i));
  for (let i = 0; i < unitNames.length; i += 500) {
    const taken = await db.selectFrom('units').select('name').where('name', 'in', unitNames.slice(i, i + 500)).executeTakeFirst();
    if (taken) throw new CliInputError(`the database already has the unit "${taken.name}": generate into an empty database (or one without these units)`);
  }
  const genAt = `${options.years[1] + 1}-01-01T00:00:00.000Z`;
  let genUserId = (await repos.users.findByUsername(GEN_USERNAME))?.user.id;
  if (genUserId === undefined) {
    genUserId = stableId(options.seed, 'user');
    await repos.users.create({ id: genUserId, username: GEN_USERNAME, displayName: '生成数据', role: 'admin', unitId: null, passwordHash: UNUSABLE_HASH }, genAt);
    // A name in the audit log, not an account: never counted as an admin who can manage users.
    await repos.users.setDisabled(genUserId, genAt);
  }

  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const byTemplate: Record<string, number> = {};
  const statusRandom = randomSource(options.seed * 104729 + 17);
  const perUnit = options.projectsPerUnit * (options.years[1] - options.years[0] + 1);

  let units: Array<{ id: string; name: string }> = [];
  let rows: NewEvaluationRow[] = [];
  let audit: NewAuditEntry[] = [];
  let cycle = emptyCycleBatch();
  let followup = emptyFollowupBatch();
  let written = 0;
  const flush = async () => {
    if (units.length === 0) return;
    const [u, r, a, c, f] = [units, rows, audit, cycle, followup];
    followup = emptyFollowupBatch();
    units = [];
    rows = [];
    audit = [];
    cycle = emptyCycleBatch();
    await inTransaction(db, async (trx) => {
      await trx.units.createMany(u, genAt);
      await trx.evaluations.insertMany(r);
      await trx.audit.appendMany(a);
      await trx.cycle.insertMany(c.documents);
      await trx.cycle.freezeMany(c.versions);
      await trx.cycle.appendAuditMany(c.audit);
      await trx.cycle.linkMany(c.links);
    });
    await writeFollowup(db, f);
    written += r.length;
  };
  const monitoringRandom = randomSource(options.seed * 15485863 + 29);
  const monitoringByStatus: Partial<Record<CycleStatus, number>> = {};
  let targetsWritten = 0;
  const followupRandom = randomSource(options.seed * 32452843 + 41);
  const rectificationsByStatus: Record<string, number> = {};
  let applications = 0;

  let index = 0;
  for (const plain of syntheticEvaluations(options, BUILT_IN_TEMPLATES)) {
    const unit = Math.floor(index / perUnit);
    const projectYear = index % perUnit;
    // The latest year's project as its whole cycle (the same generator as syntheticCycles, at the same index).
    const latest = plain.year === options.years[1];
    const made = latest ? syntheticCycle(cycleRandom(options.seed, index), plain, templates.get(plain.template)!) : null;
    index++;
    const evaluation = made ? withCode(made.evaluation, `P${String(Math.floor(projectYear / (options.years[1] - options.years[0] + 1)) + 1).padStart(3, '0')}`) : plain;
    if (projectYear === 0) {
      if (rows.length >= FORMS_PER_TRANSACTION) await flush();
      units.push({ id: stableId(options.seed, `unit:${unit}`), name: unitNames[unit]! });
    }
    const template = templates.get(evaluation.template)!;
    const { status, steps } = statusOf(statusRandom, evaluation.year === options.years[1]);
    const month = 1 + Math.floor(statusRandom.next() * 3);
    const createdAt = `${evaluation.year + 1}-${pad(month)}-${pad(1 + Math.floor(statusRandom.next() * 28))}T0${1 + Math.floor(statusRandom.next() * 8)}:00:00.000Z`;
    const updatedAt = steps === 0 ? createdAt : `${evaluation.year + 1}-${pad(month + Math.min(steps, 3))}-${pad(1 + Math.floor(statusRandom.next() * 28))}T0${1 + Math.floor(statusRandom.next() * 8)}:30:00.000Z`;
    const id = stableId(options.seed, `evaluation:${unit}:${projectYear}`);
    rows.push({
      id,
      unitId: units[units.length - 1]!.id,
      status,
      version: steps + 1,
      returnReason: status === 'returned' ? RETURN_REASONS[Math.floor(statusRandom.next() * RETURN_REASONS.length)]! : null,
      columns: columnsOf(evaluation, template),
      document: evaluation,
      at: createdAt,
      updatedAt,
    });
    audit.push({
      evaluationId: id, at: createdAt, userId: genUserId, action: 'create',
      comment: `jixiao gen --seed ${options.seed}: 生成的数据，状态直接设为 ${status}（generated; status set directly, without the transitions）`,
      changes: [],
    });
    byStatus[status]++;
    if (latest) {
      const { grade } = rows[rows.length - 1]!.columns;
      const unitId = units[units.length - 1]!.id;
      const follow = syntheticFollowup(followupRandom, { year: evaluation.year, status, grade });
      follow.items.forEach((item, n) => {
        const key = `rectification:${unit}:${projectYear}:${n}`;
        followup.items.push({
          id: stableId(options.seed, key), evaluation_id: id, unit_id: unitId, year: evaluation.year, project_code: evaluation.project.code ?? '', project: evaluation.project.name,
          indicator_id: null, indicator_name: null, recheck_draw_id: null, problem: item.problem, requirement: item.requirement, due_date: item.dueDate, status: item.status,
          version: item.status === 'open' ? 1 : item.status === 'answered' ? 2 : 3, measures: item.measures, evidence: '[]', send_back_reason: null,
          raised_by: genUserId, raised_at: item.raisedAt, answered_by: item.answeredAt ? genUserId : null, answered_at: item.answeredAt,
          closed_by: item.closedAt ? genUserId : null, closed_at: item.closedAt, updated_at: item.closedAt ?? item.answeredAt ?? item.raisedAt,
        });
        rectificationsByStatus[item.status] = (rectificationsByStatus[item.status] ?? 0) + 1;
      });
      if (follow.application) {
        followup.applications.push({ evaluation_id: id, unit_id: unitId, year: evaluation.year, category: follow.application.category, text: follow.application.text, version: 1, recorded_by: genUserId, recorded_at: follow.application.recordedAt });
        applications++;
      }
    }
    byTemplate[evaluation.template] = (byTemplate[evaluation.template] ?? 0) + 1;
    if (made) {
      const code = evaluation.project.code!;
      const place = { unitId: units[units.length - 1]!.id, userId: genUserId, key: `${unit}:${projectYear}` };
      const monitoringStatus = monitoringStatusOf(monitoringRandom);
      const monitoring = withCode(made.monitoring, code);
      const reason = monitoringStatus.status === 'returned' ? MONITORING_RETURN_REASONS[Math.floor(monitoringRandom.next() * MONITORING_RETURN_REASONS.length)]! : null;
      addCycle(cycle, options.seed, place, { targets: withCode(made.targets, code), evaluationId: id, monitoring, monitoringStatus, returnReason: reason, summary: summarizeMonitoring(monitoring, template) });
      monitoringByStatus[monitoringStatus.status] = (monitoringByStatus[monitoringStatus.status] ?? 0) + 1;
      targetsWritten++;
    }
  }
  await flush();
  const monitoringWritten = Object.values(monitoringByStatus).reduce((a, b) => a + b, 0);
  return {
    units: options.units, evaluations: written, targets: targetsWritten, monitoring: monitoringWritten, monitoringByStatus, rectificationsByStatus, applications,
    auditEntries: written + targetsWritten + monitoringWritten, byStatus, byTemplate, ms: performance.now() - started,
  };
}

interface FollowupBatch {
  items: Array<Insertable<FollowupTables['rectification_items']>>;
  applications: Array<Insertable<FollowupTables['results_applications']>>;
}

const emptyFollowupBatch = (): FollowupBatch => ({ items: [], applications: [] });

/** Rows per INSERT: 22 columns × 400 stays under SQLite's limit of bound parameters. */
const FOLLOWUP_ROWS_PER_INSERT = 400;

/** The batch's rectification items and results applications, in one transaction, a few multi-row INSERTs. */
async function writeFollowup(db: Database['db'], batch: FollowupBatch): Promise<void> {
  if (batch.items.length === 0 && batch.applications.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < batch.items.length; i += FOLLOWUP_ROWS_PER_INSERT) await trx.insertInto('rectification_items').values(batch.items.slice(i, i + FOLLOWUP_ROWS_PER_INSERT)).execute();
    for (let i = 0; i < batch.applications.length; i += FOLLOWUP_ROWS_PER_INSERT) await trx.insertInto('results_applications').values(batch.applications.slice(i, i + FOLLOWUP_ROWS_PER_INSERT)).execute();
  });
}

interface CycleBatch {
  documents: NewCycleRow[];
  versions: Array<NewCycleVersion & { number: number }>;
  audit: Array<{ documentId: string; at: string; userId: string; action: string; comment: string | null; changes: [] }>;
  links: Array<{ evaluationId: string; targetsId: string; userId: string; at: string }>;
}

const emptyCycleBatch = (): CycleBatch => ({ documents: [], versions: [], audit: [], links: [] });

/** A document of the project with its 项目代码 (one targets and one monitoring per unit, year and project). */
function withCode<D extends { project: { code?: string | undefined } }>(document: D, code: string): D {
  return { ...document, project: { ...document.project, code } };
}

/**
 * The project's targets (approved in March of the year: their approved version frozen, the
 * evaluation linked to them) and its monitoring as of 7月31日 (summarised, in its status; sent in August).
 */
function addCycle(
  batch: CycleBatch,
  seed: number,
  place: { unitId: string; userId: string; key: string },
  c: { targets: Targets; evaluationId: string; monitoring: Monitoring; monitoringStatus: { status: CycleStatus; steps: number }; returnReason: string | null; summary: MonitoringSummary },
): void {
  const year = c.targets.year;
  const targetsId = stableId(seed, `targets:${place.key}`);
  const monitoringId = stableId(seed, `monitoring:${place.key}`);
  const [declared, approved, monitored, sent] = [`${year}-01-15T02:00:00.000Z`, `${year}-03-10T02:00:00.000Z`, `${year}-08-05T02:00:00.000Z`, `${year}-08-20T02:00:00.000Z`];
  const key = (d: Targets | Monitoring) => ({ year, projectCode: d.project.code ?? '', project: d.project.name, template: d.template, contentHash: contentHash(d) });
  const targetsColumns = key(c.targets);
  batch.documents.push(
    { id: targetsId, kind: 'targets', unitId: place.unitId, status: 'approved', version: 3, columns: targetsColumns, document: c.targets, userId: place.userId, at: declared, updatedAt: approved },
    {
      id: monitoringId, kind: 'monitoring', unitId: place.unitId, status: c.monitoringStatus.status, version: c.monitoringStatus.steps + 1, returnReason: c.returnReason,
      columns: { ...key(c.monitoring), summary: c.summary }, document: c.monitoring, userId: place.userId, at: monitored, updatedAt: c.monitoringStatus.steps === 0 ? monitored : sent,
    },
  );
  batch.versions.push({ documentId: targetsId, number: 1, action: 'approve', status: 'approved', document: c.targets, contentHash: targetsColumns.contentHash, reason: null, userId: place.userId, at: approved });
  const comment = (status: string) => `jixiao gen --seed ${seed}: 生成的数据，状态直接设为 ${status}（generated; status set directly, without the transitions）`;
  batch.audit.push(
    { documentId: targetsId, at: declared, userId: place.userId, action: 'create', comment: comment('approved'), changes: [] },
    { documentId: monitoringId, at: monitored, userId: place.userId, action: 'create', comment: comment(c.monitoringStatus.status), changes: [] },
  );
  batch.links.push({ evaluationId: c.evaluationId, targetsId, userId: place.userId, at: approved });
}

function count(value: unknown, name: string, min: number): number {
  const text = String(value ?? '');
  if (!/^\d+$/u.test(text) || Number(text) < min) throw new CliInputError(`--${name} must be a whole number ≥ ${min}, not "${text}"\nusage: ${genUsage}`);
  return Number(text);
}

function yearsOption(value: unknown): [number, number] {
  const m = /^(\d{4})(?:-(\d{4}))?$/u.exec(String(value ?? ''));
  if (!m || Number(m[2] ?? m[1]) < Number(m[1])) throw new CliInputError(`--years must be YYYY or YYYY-YYYY (first ≤ last), not "${String(value ?? '')}"\nusage: ${genUsage}`);
  return [Number(m[1]), Number(m[2] ?? m[1])];
}

export function parseGenOptions(argv: string[]): GenOptions {
  const { values, positionals } = parseCommandArgs(argv, genUsage, {
    units: { type: 'string' },
    'projects-per-unit': { type: 'string' },
    years: { type: 'string' },
    seed: { type: 'string' },
  });
  if (positionals.length > 0) throw new CliInputError(`unexpected argument "${positionals[0]}"\nusage: ${genUsage}`);
  return {
    units: count(values.units, 'units', 1),
    projectsPerUnit: count(values['projects-per-unit'], 'projects-per-unit', 1),
    years: yearsOption(values.years),
    seed: values.seed === undefined ? 1 : count(values.seed, 'seed', 0),
  };
}

const thousands = (n: number) => n.toLocaleString('en-US');

export async function genCommand(argv: string[], io: CommandIo): Promise<number> {
  const options = parseGenOptions(argv);
  const database = openDatabase(readConfig().DATABASE_URL);
  try {
    await migrateToLatest(database.db);
    const result = await generate(database, options);
    const statuses = Object.entries(result.byStatus).map(([s, n]) => `${s} ${thousands(n)}`).join(', ');
    const templates = Object.entries(result.byTemplate).map(([t, n]) => `${t} ${thousands(n)}`).join(', ');
    io.out(
      `jixiao gen: wrote ${thousands(result.units)} units, ${thousands(result.evaluations)} evaluations (${statuses}; ${templates}), ` +
        `${thousands(result.targets)} approved targets and ${thousands(result.monitoring)} monitoring (${Object.entries(result.monitoringByStatus).map(([s, n]) => `${s} ${thousands(n)}`).join(', ')}) of ${options.years[1]}, ` +
        `${thousands(Object.values(result.rectificationsByStatus).reduce((n, c) => n + c, 0))} rectification items (${Object.entries(result.rectificationsByStatus).map(([s, n]) => `${s} ${thousands(n)}`).join(', ')}) and ${thousands(result.applications)} results applications of ${options.years[1]}, ` +
        `and ${thousands(result.auditEntries)} audit entries (one generated "create" entry per document) ` +
        `to ${database.dialect} in ${(result.ms / 1000).toFixed(1)} s (${thousands(Math.round(result.evaluations / (result.ms / 1000)))} evaluations/s), seed ${options.seed}`,
    );
    return EXIT.ok;
  } finally {
    await database.close();
  }
}
