/**
 * The shapes of docs/api.md, as the UI reads them: names for the schemas of the server's OpenAPI
 * document (schema.ts, generated: `npm run generate:api`), so that a change on the server shows up
 * here as a type error. The evaluation document itself is the core's type (the same zod schema the
 * server validates with), and so are the words of the workflow: roles, statuses, actions.
 */
import type { Evaluation } from '../../core/model/evaluation.ts';
import type { Monitoring } from '../../core/model/monitoring.ts';
import type { Targets } from '../../core/model/targets.ts';
import type { Action, Role, Status } from '../../core/workflow/workflow.ts';
import type { components, paths } from './schema.ts';

// Roles, statuses, actions and the progress columns are the core's: the server answers with exactly these words.
export { ROLES, STATUSES, UNIT_ROLES } from '../../core/workflow/workflow.ts';
export type { Action, Role, Status, TransitionAction as Transition } from '../../core/workflow/workflow.ts';
export { PROGRESS_COLUMNS } from '../../core/year/progress.ts';

type Schemas = components['schemas'];

/** The server's schema and the core name the same words (a type error here when they part). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const SCHEMA_AGREES_WITH_CORE: [Same<Schemas['Status'], Status>, Same<Schemas['Role'], Role>, Same<Schemas['Action'], Action>] = [true, true, true];

/** The JSON of a 200 (or `status`) answer of a route, for answers without a named schema. */
export type Answer<P extends keyof paths, M extends 'get' | 'post' | 'put' | 'patch' | 'delete', S extends number = 200> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

/** The query of a route. */
export type Query<P extends keyof paths, M extends 'get' = 'get'> = NonNullable<paths[P][M] extends { parameters: { query?: infer Q } } ? Q : never>;

/** The document as the core reads it in place of the schema's copy of it. */
type WithEvaluation<T> = Omit<T, 'evaluation'> & { evaluation: Evaluation };

export type Unit = Schemas['Unit'];
export type User = Schemas['User'];

/** POST /api/login, GET /api/me, POST /api/me/password. */
export type SessionAnswer = Answer<'/api/login', 'post'>;

/** A page of a list: `total` rows on all pages (the schema's `…Page` components, by their items). */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** A unit of the tree: `parentId` null is a 主管部门, directly under the finance bureau; `children` counts the units directly below. */
export type UnitRecord = Schemas['UnitRecord'];
export type UserRecord = Schemas['UserRecord'];
/** POST /api/users: the one-time password is shown this once. */
export type CreatedUser = Schemas['CreatedUser'];
/** POST /api/units/import. */
export type UnitImport = Schemas['UnitImport'];
export type YearSettings = Schemas['YearSettings'];
/** POST /api/years/:year/projects (`dryRun`: what would happen, nothing written). */
export type ProjectImport = Schemas['ProjectImport'];

/** GET /api/years/:year/progress. */
export type Progress = Schemas['Progress'];
export type ProgressCounts = Progress['totals'];
export type ProgressUnit = Progress['departments'][number]['unit'];

export type ServerFinding = Schemas['Finding'];
/** `jixiao check --json`'s computed part. */
export type ServerComputed = Schemas['Computed'];
export type Summary = Schemas['Summary'];
export type EvaluationDetail = WithEvaluation<Schemas['EvaluationDetail']>;
export type PublicEvaluation = WithEvaluation<Schemas['PublicEvaluation']>;

export type AuditEntry = Schemas['AuditEntry'];
/** A field-level change; one inside an indicator names it. */
export type FieldChange = Schemas['FieldChange'];
export type VersionSummary = Schemas['VersionListItem'];
export type VersionDiff = Schemas['VersionDiff'];
export type DeletedSummary = Schemas['DeletedSummary'];

export type ImportPreview = Omit<Schemas['ImportPreview'], 'forms'> & { forms: WithEvaluation<Schemas['ImportPreview']['forms'][number]>[] };
export type ImportDiagnostic = ImportPreview['diagnostics'][number];

/** The server names a unit by `{id, name}`; a plain name is read too. */
export type UnitRef = Unit | string;
export function unitName(unit: UnitRef): string {
  return typeof unit === 'string' ? unit : unit.name;
}

/** GET /api/dashboard: the year at a glance (small at any size: the table is paged apart). */
export type Dashboard = Schemas['Dashboard'];
/** Execution rate against score as cells `bin` wide; `rate`/`score` are a cell's lower bounds. */
export type ScatterCell = Dashboard['scatter']['cells'][number];

export type DashboardSort = NonNullable<Query<'/api/dashboard/table'>['sort']>;
export const DASHBOARD_SORTS = ['project', 'unit', 'status', 'budget', 'executionRate', 'score', 'grade', 'updatedAt'] as const satisfies readonly DashboardSort[];

/** GET /api/dashboard/table: one page of the year's table. */
export type DashboardTable = Schemas['DashboardTable'];

/** One security event: who acted (null: nobody logged in), the username typed at a login, from where, about whom. */
export type SecurityEvent = Schemas['SecurityEvent'];
export type SecurityAction = SecurityEvent['action'];
export type SecurityPerson = NonNullable<SecurityEvent['user']>;
/** The actions of GET /api/admin/security-events, as the server names them (docs/api.md). */
export const SECURITY_ACTIONS = [
  'login.succeeded', 'login.failed', 'logout', 'password.changed', 'password.reset',
  'user.created', 'user.disabled', 'user.enabled', 'user.roleChanged', 'user.unitChanged', 'download',
] as const satisfies readonly SecurityAction[];

// The cycle (issue 16): targets (绩效目标申报) and mid-year monitoring (绩效运行监控). The documents
// themselves are the core's types, as the evaluation is.
type WithDocument<T, K extends string, D> = Omit<T, K> & { [key in K]: D };
export type CycleStatus = Schemas['CycleStatus'];
export type CycleAction = Schemas['CycleAction'];
export type CycleSummary = Schemas['TargetsSummary'];
export type TargetsDetail = WithDocument<Schemas['TargetsDetail'], 'targets', Targets>;
export type MonitoringDetail = WithDocument<Schemas['MonitoringDetail'], 'monitoring', Monitoring>;
export type CycleVersion = Schemas['TargetsVersion'];
export const CYCLE_STATUSES = ['draft', 'submitted', 'forwarded', 'returned', 'approved', 'adjusting', 'accepted'] as const satisfies readonly CycleStatus[];

// After the review (issue 17): rectification items (整改) and the results application (结果应用).
export { RECTIFICATION_FILTERS, RESULTS_CATEGORIES } from '../../core/followup/rectification.ts';
export type { RectificationAction, RectificationFilter } from '../../core/followup/rectification.ts';
export type Rectification = Schemas['Rectification'];
export type RectificationStatus = Schemas['RectificationStatus'];
/** GET /api/evaluations/:id/rectifications: the form's items, its project's unclosed ones of earlier years, and whether the user may raise one. */
export type FormRectifications = Schemas['FormRectifications'];
export type FollowupAuditEntry = Schemas['FollowupAuditEntry'];
export type ResultsCategory = Schemas['ResultsCategory'];
export type ResultsApplication = Schemas['ResultsApplication'];
