/**
 * The two documents of the cycle the UI edits, and their calls of the API: the typed client's
 * paths differ by kind only, so each kind's calls are written once here.
 */
import type { Monitoring } from '../../../core/model/monitoring.ts';
import type { Targets } from '../../../core/model/targets.ts';
import { client, unwrap } from '../../api/client.ts';
import type { CycleAction, CycleSummary, CycleVersion, MonitoringDetail, Page, TargetsDetail } from '../../api/types.ts';

export type CycleKind = 'targets' | 'monitoring';

/** The steps of the workflow (not `edit` or `createEvaluation`: those are a form and a button of their own). */
export type CycleStep = Extract<CycleAction, 'submit' | 'forward' | 'return' | 'approve' | 'adjust' | 'reject' | 'accept'>;

export interface ListFilter {
  year?: number | undefined;
  unit?: string | undefined;
  status?: string | undefined;
  code?: string | undefined;
  needsMyAction?: '1' | undefined;
  limit?: number;
  offset?: number;
}

export function listCycle(kind: CycleKind, query: ListFilter, signal?: AbortSignal): Promise<Page<CycleSummary>> {
  const q = query as never;
  return kind === 'targets'
    ? unwrap(client.GET('/api/targets', { params: { query: q }, signal }))
    : unwrap(client.GET('/api/monitoring', { params: { query: q }, signal }));
}

export function getTargets(id: string, signal?: AbortSignal): Promise<TargetsDetail> {
  return unwrap(client.GET('/api/targets/{id}', { params: { path: { id } }, signal })) as Promise<TargetsDetail>;
}

export function getMonitoring(id: string, signal?: AbortSignal): Promise<MonitoringDetail> {
  return unwrap(client.GET('/api/monitoring/{id}', { params: { path: { id } }, signal })) as Promise<MonitoringDetail>;
}

export function putTargets(id: string, targets: Targets, version: number): Promise<{ version: number }> {
  return unwrap(client.PUT('/api/targets/{id}', { params: { path: { id } }, body: { version, targets: targets as never } }));
}

export function putMonitoring(id: string, monitoring: Monitoring, version: number): Promise<{ version: number }> {
  return unwrap(client.PUT('/api/monitoring/{id}', { params: { path: { id } }, body: { version, monitoring: monitoring as never } }));
}

export function transitionCycle(kind: CycleKind, id: string, action: CycleStep, version: number, comment?: string): Promise<unknown> {
  const body = { action, version, ...(comment ? { comment } : {}) } as never;
  return kind === 'targets'
    ? unwrap(client.POST('/api/targets/{id}/transitions', { params: { path: { id } }, body }))
    : unwrap(client.POST('/api/monitoring/{id}/transitions', { params: { path: { id } }, body }));
}

export function listVersions(kind: CycleKind, id: string, signal?: AbortSignal): Promise<{ items: CycleVersion[] }> {
  return kind === 'targets'
    ? unwrap(client.GET('/api/targets/{id}/versions', { params: { path: { id } }, signal }))
    : (unwrap(client.GET('/api/monitoring/{id}/versions', { params: { path: { id } }, signal })) as Promise<{ items: CycleVersion[] }>);
}

export async function approvedTargets(id: string, version: number, signal?: AbortSignal): Promise<Targets> {
  const answer = await unwrap(client.GET('/api/targets/{id}/versions/{number}', { params: { path: { id, number: version } as never }, signal }));
  return (answer as { targets: Targets }).targets;
}

export function createTargets(targets: Targets): Promise<{ id: string }> {
  return unwrap(client.POST('/api/targets', { body: { targets: targets as never } }));
}

/** The monitoring draft made by the server from the newest approved targets, as of the year's monitoring date. */
export function createMonitoringFromTargets(id: string): Promise<{ id: string }> {
  return unwrap(client.POST('/api/targets/{id}/monitoring', { params: { path: { id } } }));
}

export function createEvaluationFromTargets(id: string): Promise<{ id: string }> {
  return unwrap(client.POST('/api/targets/{id}/evaluation', { params: { path: { id } } }));
}

/** The summary of the project's document of `kind` in the unit's year: by code, or by name where it has none. */
export async function findProjectDocument(kind: CycleKind, project: { year: number; unit: string; code: string; name: string }, signal?: AbortSignal): Promise<CycleSummary | null> {
  const page = await listCycle(kind, { year: project.year, unit: project.unit, code: project.code || undefined, limit: 100 }, signal);
  return page.items.find((s) => (project.code ? s.projectCode === project.code : s.projectCode === '' && s.project === project.name)) ?? null;
}
