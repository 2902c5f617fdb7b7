/** Every repository over one connection or transaction: services take them together from here. */
import type { Db } from './open-database.ts';
import { AuditRepository } from './repositories/audit-repository.ts';
import { CycleRepository } from './repositories/cycle-repository.ts';
import { DashboardRepository } from './repositories/dashboard-repository.ts';
import { EvidenceRepository } from './repositories/evidence-repository.ts';
import { FollowupRepository } from './repositories/followup-repository.ts';
import { EvaluationRepository } from './repositories/evaluation-repository.ts';
import { MonitoringViewRepository } from './repositories/monitoring-view-repository.ts';
import { LoginAttemptRepository } from './repositories/login-attempt-repository.ts';
import { ProgressRepository } from './repositories/progress-repository.ts';
import { ProjectRepository } from './repositories/project-repository.ts';
import { RecheckRepository } from './repositories/recheck-repository.ts';
import { ReportRepository } from './repositories/report-repository.ts';
import { SecurityEventRepository } from './repositories/security-event-repository.ts';
import { SessionRepository } from './repositories/session-repository.ts';
import { UnitRepository } from './repositories/unit-repository.ts';
import { UserRepository } from './repositories/user-repository.ts';
import { VersionRepository } from './repositories/version-repository.ts';
import { YearRepository } from './repositories/year-repository.ts';

export interface Repositories {
  units: UnitRepository;
  users: UserRepository;
  sessions: SessionRepository;
  loginAttempts: LoginAttemptRepository;
  evaluations: EvaluationRepository;
  audit: AuditRepository;
  versions: VersionRepository;
  years: YearRepository;
  projects: ProjectRepository;
  progress: ProgressRepository;
  securityEvents: SecurityEventRepository;
  rechecks: RecheckRepository;
  dashboard: DashboardRepository;
  evidence: EvidenceRepository;
  /** The cycle's targets and monitoring documents (issue 16). */
  cycle: CycleRepository;
  /** The dashboard's monitoring view (issue 16). */
  monitoringView: MonitoringViewRepository;
  /** Rectification items, results applications and their audit (issue 17). */
  followup: FollowupRepository;
  /** The year's results report's aggregates (issue 17). */
  report: ReportRepository;
}

export function repositories(db: Db): Repositories {
  return {
    units: new UnitRepository(db),
    users: new UserRepository(db),
    sessions: new SessionRepository(db),
    loginAttempts: new LoginAttemptRepository(db),
    evaluations: new EvaluationRepository(db),
    audit: new AuditRepository(db),
    versions: new VersionRepository(db),
    years: new YearRepository(db),
    projects: new ProjectRepository(db),
    progress: new ProgressRepository(db),
    securityEvents: new SecurityEventRepository(db),
    rechecks: new RecheckRepository(db),
    dashboard: new DashboardRepository(db),
    evidence: new EvidenceRepository(db),
    cycle: new CycleRepository(db),
    monitoringView: new MonitoringViewRepository(db),
    followup: new FollowupRepository(db),
    report: new ReportRepository(db),
  };
}

/** Runs `work` in one transaction with repositories bound to it: all of it is written, or none. */
export function inTransaction<T>(db: Db, work: (repos: Repositories) => Promise<T>): Promise<T> {
  return db.transaction().execute((trx) => work(repositories(trx)));
}
