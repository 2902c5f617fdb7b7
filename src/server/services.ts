/** The services of one app, over one database. */
import type { ImportLimits } from '../import/import-limits.ts';
import { AuthService } from './services/auth-service.ts';
import { DashboardService } from './services/dashboard-service.ts';
import { MonitoringDashboardService } from './services/monitoring-dashboard-service.ts';
import { CycleService } from './services/cycle-service.ts';
import { EvaluationService } from './services/evaluation-service.ts';
import type { Monitoring } from '../core/model/monitoring.ts';
import type { Targets } from '../core/model/targets.ts';
import { DEFAULT_EVIDENCE_LIMITS, EvidenceService, type EvidenceOptions } from './services/evidence-service.ts';
import { DatabaseEvidenceStore } from '../storage/evidence-store/database-store.ts';
import { ExportService } from './services/export-service.ts';
import { ImportService } from './services/import-service.ts';
import { LineageService } from './services/lineage-service.ts';
import { OrganisationService } from './services/organisation-service.ts';
import { RecheckService } from './services/recheck-service.ts';
import { RectificationService } from './services/rectification-service.ts';
import { ResultsApplicationService } from './services/results-application-service.ts';
import { ReportService } from './services/report-service.ts';
import { SecurityService } from './services/security-service.ts';
import { UserService } from './services/user-service.ts';
import { VersionService } from './services/version-service.ts';
import { YearService } from './services/year-service.ts';
import type { ServiceContext } from './service-context.ts';

export interface Services {
  auth: AuthService;
  units: OrganisationService;
  users: UserService;
  years: YearService;
  evaluations: EvaluationService;
  dashboard: DashboardService;
  /** The dashboard's monitoring view (issue 16). */
  monitoringDashboard: MonitoringDashboardService;
  imports: ImportService;
  exports: ExportService;
  rechecks: RecheckService;
  /** The year's results report (issue 17). */
  reports: ReportService;
  lineage: LineageService;
  versions: VersionService;
  security: SecurityService;
  evidence: EvidenceService;
  /** The cycle's documents (issue 16). */
  targets: CycleService<Targets>;
  monitoring: CycleService<Monitoring>;
  /** Rectification items (整改, issue 17). */
  rectifications: RectificationService;
  /** The bureau's results application (结果应用, issue 17). */
  resultsApplications: ResultsApplicationService;
}

export function createServices(ctx: ServiceContext, importLimits?: Readonly<ImportLimits>, evidence?: EvidenceOptions): Services {
  const evaluations = new EvaluationService(ctx);
  return {
    auth: new AuthService(ctx),
    units: new OrganisationService(ctx),
    users: new UserService(ctx),
    years: new YearService(ctx),
    evaluations,
    dashboard: new DashboardService(ctx),
    monitoringDashboard: new MonitoringDashboardService(ctx),
    imports: new ImportService(ctx, importLimits),
    exports: new ExportService(ctx, evaluations),
    rechecks: new RecheckService(ctx),
    reports: new ReportService(ctx),
    lineage: new LineageService(ctx),
    versions: new VersionService(ctx),
    security: new SecurityService(ctx),
    evidence: new EvidenceService(ctx, evidence ?? { store: new DatabaseEvidenceStore(ctx.db), ...DEFAULT_EVIDENCE_LIMITS }),
    targets: new CycleService<Targets>(ctx, 'targets', evaluations),
    monitoring: new CycleService<Monitoring>(ctx, 'monitoring', evaluations),
    rectifications: new RectificationService(ctx),
    resultsApplications: new ResultsApplicationService(ctx),
  };
}
