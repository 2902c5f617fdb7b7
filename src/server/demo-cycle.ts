/**
 * The demo's cycle (issue 16): a few projects of the office and the centre with their performance
 * targets of 2022 (approved, their approved version frozen) and their mid-year monitoring as of
 * 2022-07-31 at different points of the workflow — some accepted, some waiting for the bureau, one
 * returned, one still a draft — chosen from the synthetic cycle so that the bureau's monitoring view
 * has projects off track and spending behind the time progress to show. Written with the history's
 * frozen versions and audit entries, as the demo's forms are.
 */
import { contentHash } from '../core/model/content-hash.ts';
import type { Monitoring } from '../core/model/monitoring.ts';
import type { Targets } from '../core/model/targets.ts';
import type { TemplateRegistry } from '../core/templates/registry.ts';
import type { CycleStatus } from '../core/workflow/cycle-workflow.ts';
import { summarizeMonitoring } from '../core/year/monitoring-summary.ts';
import { syntheticCycles, type SyntheticCycle } from '../demo/synthetic-cycle.ts';
import type { Repositories } from '../storage/repositories.ts';
import type { NewCycleRow, NewCycleVersion } from '../storage/repositories/cycle-repository.ts';

export const DEMO_CYCLE_YEAR = 2022;

/** Per unit, the monitoring's status in project order: what the bureau sees ranges from accepted to just arrived. */
const MONITORING_STATUSES: readonly CycleStatus[] = ['accepted', 'submitted', 'accepted', 'returned', 'submitted', 'draft'];
const RETURN_REASON = '偏差原因分析不充分，请补充完成目标的改进措施';

interface DemoCycleUnit {
  id: string;
  code: string;
  name: string;
  /** The unit's 主管部门. */
  department: string;
}

/** Projects of the synthetic cycle: off track ones, behind ones and on-track ones in turn, so the view has each. */
function pick(count: number, templates: TemplateRegistry): SyntheticCycle[] {
  const pool = [...syntheticCycles({ units: 6, projectsPerUnit: 12, years: [DEMO_CYCLE_YEAR, DEMO_CYCLE_YEAR], seed: 2022 }, templates.ids().map((id) => templates.get(id)!))].filter((c) => !c.intent.overspend);
  const kinds = [
    (c: SyntheticCycle) => c.intent.offTrackWithCause + c.intent.offTrackWithoutCause > 0,
    (c: SyntheticCycle) => c.intent.spendingBehind,
    (c: SyntheticCycle) => !c.intent.spendingBehind && c.intent.offTrackWithCause + c.intent.offTrackWithoutCause === 0 && !c.intent.overspend,
  ];
  const chosen: SyntheticCycle[] = [];
  for (let i = 0; chosen.length < count; i++) {
    const next = pool.filter(kinds[i % kinds.length]!).find((c) => !chosen.includes(c));
    if (!next) throw new Error('demo data: the synthetic cycle has too few projects of a kind');
    chosen.push(next);
  }
  return chosen;
}

function placed<D extends Targets | Monitoring>(document: D, unit: DemoCycleUnit, code: string): D {
  return { ...document, project: { ...document.project, code, budgetUnit: unit.name, department: unit.department } };
}

export async function loadDemoCycle(
  repos: Repositories,
  options: { units: readonly DemoCycleUnit[]; userOf: (role: 'preparer' | 'approver' | 'reviewer', unitCode: string) => string; templates: TemplateRegistry; at: string },
): Promise<void> {
  const documents: NewCycleRow[] = [];
  const versions: Array<NewCycleVersion & { number: number }> = [];
  const audit: Parameters<Repositories['cycle']['appendAuditMany']>[0][number][] = [];
  // Different projects for each unit, taken in turn from one pick.
  const picked = pick(MONITORING_STATUSES.length * options.units.length, options.templates);
  for (const [u, unit] of options.units.entries()) {
    const [preparer, approver, reviewer] = (['preparer', 'approver', 'reviewer'] as const).map((role) => options.userOf(role, unit.code));
    const ofUnit = picked.filter((_, k) => k % options.units.length === u);
    for (const [i, cycle] of ofUnit.entries()) {
      const code = `${DEMO_CYCLE_YEAR}${unit.code}${String(101 + i)}`;
      const targets = placed(cycle.targets, unit, code);
      const monitoring = placed(cycle.monitoring, unit, code);
      const template = options.templates.get(monitoring.template)!;
      const key = (d: Targets | Monitoring) => ({ year: DEMO_CYCLE_YEAR, projectCode: code, project: d.project.name, template: d.template, contentHash: contentHash(d) });
      const targetsId = crypto.randomUUID();
      const monitoringId = crypto.randomUUID();
      const status = MONITORING_STATUSES[i]!;
      // Targets: created, submitted, approved (two frozen versions). Monitoring: submitted, then returned or accepted.
      const monitoringSteps: Array<{ action: 'submit' | 'return' | 'accept'; to: CycleStatus; by: string }> = status === 'draft' ? [] : [
        { action: 'submit', to: 'submitted', by: approver! },
        ...(status === 'accepted' ? [{ action: 'accept' as const, to: 'accepted' as const, by: reviewer! }] : []),
        ...(status === 'returned' ? [{ action: 'return' as const, to: 'returned' as const, by: reviewer! }] : []),
      ];
      documents.push(
        { id: targetsId, kind: 'targets', unitId: unit.id, status: 'approved', version: 3, columns: key(targets), document: targets, userId: preparer!, at: options.at },
        {
          id: monitoringId, kind: 'monitoring', unitId: unit.id, status, version: monitoringSteps.length + 1, returnReason: status === 'returned' ? RETURN_REASON : null,
          columns: { ...key(monitoring), summary: summarizeMonitoring(monitoring, template) }, document: monitoring, userId: preparer!, at: options.at,
        },
      );
      const frozen = (documentId: string, document: unknown, number: number, action: NewCycleVersion['action'], to: CycleStatus, userId: string) =>
        versions.push({ documentId, number, action, status: to, document, contentHash: contentHash(document), reason: null, userId, at: options.at });
      frozen(targetsId, targets, 1, 'submit', 'submitted', approver!);
      frozen(targetsId, targets, 2, 'approve', 'approved', reviewer!);
      audit.push(
        { documentId: targetsId, at: options.at, userId: preparer!, action: 'create', comment: null, changes: [] },
        { documentId: targetsId, at: options.at, userId: approver!, action: 'submit', comment: null, changes: [{ path: 'status', from: 'draft', to: 'submitted' }, { path: 'frozenVersion', from: null, to: 1 }] },
        { documentId: targetsId, at: options.at, userId: reviewer!, action: 'approve', comment: null, changes: [{ path: 'status', from: 'submitted', to: 'approved' }, { path: 'frozenVersion', from: null, to: 2 }] },
        { documentId: monitoringId, at: options.at, userId: preparer!, action: 'create', comment: null, changes: [] },
      );
      let from: CycleStatus = 'draft';
      let number = 0;
      for (const step of monitoringSteps) {
        const changes: Array<{ path: string; from: unknown; to: unknown }> = [{ path: 'status', from, to: step.to }];
        if (step.action !== 'return') {
          frozen(monitoringId, monitoring, ++number, step.action, step.to, step.by);
          changes.push({ path: 'frozenVersion', from: null, to: number });
        }
        audit.push({ documentId: monitoringId, at: options.at, userId: step.by, action: step.action, comment: step.action === 'return' ? RETURN_REASON : null, changes });
        from = step.to;
      }
    }
  }
  await repos.cycle.insertMany(documents);
  await repos.cycle.freezeMany(versions);
  await repos.cycle.appendAuditMany(audit);
}
