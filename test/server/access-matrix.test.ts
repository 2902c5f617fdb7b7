/**
 * Every route × every role, allowed and refused: the preparer of the evaluation's unit and of
 * another unit, the unit's approver, the finance reviewer, the admin, and an anonymous visitor.
 * Each case runs on a fresh evaluation (of the office unit) in the status it names; a refused
 * request must leave the evaluation as it was.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Status } from '../../src/core/workflow/workflow.ts';
import type { CycleKind, CycleStatus } from '../../src/core/workflow/cycle-workflow.ts';
import type { RectificationStatus } from '../../src/core/followup/rectification.ts';
import { contentHash } from '../../src/core/model/content-hash.ts';
import { nationalMonitoring, nationalTargets } from '../support/cycle-fixtures.ts';
import { repositories } from '../../src/storage/repositories.ts';
import { seedEvaluations } from '../support/fixtures.ts';
import { createApp } from '../../src/server/app.ts';
import { openDatabase } from '../../src/storage/open-database.ts';
import { forEachApi, PASSWORD, type Answer, type Api, type Client, type Username } from './support/api-harness.ts';
import { nationalTextUpload, upload } from './support/upload.ts';
import { evidenceUpload, pdfBytes } from './support/evidence-files.ts';
import { DatabaseEvidenceStore } from '../../src/storage/evidence-store/database-store.ts';
import { evidenceKey } from '../../src/storage/evidence-store/evidence-store.ts';

const WHO = ['preparerOwn', 'preparerOther', 'approver', 'department', 'reviewer', 'admin', 'anonymous'] as const;
type Who = (typeof WHO)[number];
const USERNAMES: Record<Exclude<Who, 'anonymous'>, Username> = {
  preparerOwn: 'preparer', preparerOther: 'preparer2', approver: 'approver', department: 'department', reviewer: 'reviewer', admin: 'admin',
};

interface Case {
  route: string;
  /** The status of the evaluation the request is about, if any. */
  status?: Status;
  note?: string;
  /** A session of its own (for login and logout, which end the session they came with). */
  fresh?: boolean;
  /** The evaluation is of TIER_YEAR, a year whose forms go to the department first. */
  tier?: boolean;
  /** A re-check draw made by the reviewer first (of one approved form of DRAW_YEAR): its id and the form's. */
  draw?: boolean;
  /** The evaluation's project has a name of its own (a copy to next year finds no earlier copy of it). */
  ownProject?: boolean;
  /** The request is about a new unit (under the office's department) or a new preparer of the office: `id` is theirs. */
  target?: 'unit' | 'user';
  /** An evidence file attached to the evaluation first (issue 14), marked public when `'public'`: its id is the request's `fileId`. */
  evidence?: true | 'public';
  /**
   * Issue 16: the request is about a targets or monitoring document of the office in this status
   * (`id` is its id), with an approved version frozen (`approved`), an adjustment under way
   * (`adjustment`), in a year with the department tier (`tier`).
   */
  cycle?: { kind: CycleKind; status: CycleStatus; approved?: boolean; adjustment?: boolean };
  /** Issue 17: a rectification item on the evaluation (raised by the reviewer) in this status: its id is the request's `itemId`. */
  rectification?: RectificationStatus;
  request: (client: Client, id: string, draw: { id: string; evaluationId: string }, fileId: string, itemId: string) => Promise<Answer>;
  /** Expected status for preparerOwn, preparerOther, approver, department (the office's), reviewer, admin, anonymous. */
  expect: [number, number, number, number, number, number, number];
}

const edited = () => {
  const evaluation = seedEvaluations()[0]!;
  evaluation.indicators[0]!.remark = 'changed in the matrix';
  return evaluation;
};

const ALL = (n: number): Case['expect'] => [n, n, n, n, n, n, n];
const SIGNED_IN = (n: number): Case['expect'] => [n, n, n, n, n, n, 401];
/** Re-checks are the finance reviewer's alone. */
const RECHECK = (n: number): Case['expect'] => [403, 403, 403, 403, n, 403, 401];
/** What only the admin does (units, users, the year's settings and set-up). */
const ADMIN = (n: number): Case['expect'] => [403, 403, 403, 403, 403, n, 401];
/** A unique code or username per request. */
const fresh = (prefix: string) => `${prefix}${crypto.randomUUID().slice(0, 8)}`;
/** The year's project list, one project of the office (unit code 117): a dry run writes nothing. */
const projectList = () => upload(`单位代码,项目代码,项目名称,当年预算数,模板\n117,${fresh('P')},矩阵测试项目,1000,shanghai-2021\n`, 'projects.csv');
const unitList = () => upload(`单位代码,单位名称,上级单位代码\n${fresh('M')},${fresh('矩阵单位')},117\n`, 'units.csv');
/** The year of the forms drawn for re-check cases: none of the demo's, so the draw holds only the form made for it. */
const DRAW_YEAR = 2041;
/** A year with the department tier. */
const TIER_YEAR = 2042;
/** A year the matrix sets up. */
const MATRIX_YEAR = 2043;
/** A rectification item's request (due far ahead of any clock). */
const RAISE = { problem: '矩阵问题', requirement: '矩阵要求', dueDate: '2099-12-31' };
/** The office's unit id (the department of the demo), known once the suite has started. */
let officeId = '';

export const CASES: Case[] = [
  { route: 'GET /api/health', request: (c) => c.get('/api/health'), expect: ALL(200) },
  { route: 'POST /api/login', fresh: true, request: (c) => c.post('/api/login', { username: 'reviewer', password: PASSWORD }), expect: ALL(200) },
  { route: 'POST /api/logout', fresh: true, request: (c) => c.post('/api/logout'), expect: ALL(204) },
  { route: 'GET /api/me', request: (c) => c.get('/api/me'), expect: SIGNED_IN(200) },
  { route: 'GET /api/units', request: (c) => c.get('/api/units'), expect: SIGNED_IN(200) },
  { route: 'GET /api/evaluations', request: (c) => c.get('/api/evaluations'), expect: SIGNED_IN(200) },
  { route: 'POST /api/evaluations', request: (c) => c.post('/api/evaluations', { evaluation: seedEvaluations()[2] }), expect: [201, 201, 403, 403, 403, 403, 401] },
  { route: 'GET /api/evaluations/{id}', status: 'draft', request: (c, id) => c.get(`/api/evaluations/${id}`), expect: [200, 404, 200, 404, 404, 200, 401] },
  { route: 'GET /api/evaluations/{id}', status: 'submitted', request: (c, id) => c.get(`/api/evaluations/${id}`), expect: [200, 404, 200, 200, 200, 200, 401] },
  { route: 'PUT /api/evaluations/{id}', status: 'draft', request: (c, id) => c.put(`/api/evaluations/${id}`, { version: 1, evaluation: edited() }), expect: [200, 404, 403, 404, 404, 403, 401] },
  { route: 'PUT /api/evaluations/{id}', status: 'returned', request: (c, id) => c.put(`/api/evaluations/${id}`, { version: 1, evaluation: edited() }), expect: [200, 404, 403, 403, 403, 403, 401] },
  { route: 'PUT /api/evaluations/{id}', status: 'submitted', request: (c, id) => c.put(`/api/evaluations/${id}`, { version: 1, evaluation: edited() }), expect: [403, 404, 403, 403, 403, 403, 401] },
  { route: 'PUT /api/evaluations/{id}', status: 'published', request: (c, id) => c.put(`/api/evaluations/${id}`, { version: 1, evaluation: edited() }), expect: [403, 404, 403, 403, 403, 403, 401] },
  { route: 'POST /api/evaluations/{id}/transitions', status: 'draft', note: 'submit', request: (c, id) => c.post(`/api/evaluations/${id}/transitions`, { action: 'submit', version: 1 }), expect: [403, 404, 200, 404, 404, 403, 401] },
  { route: 'POST /api/evaluations/{id}/transitions', status: 'returned', note: 'submit', request: (c, id) => c.post(`/api/evaluations/${id}/transitions`, { action: 'submit', version: 1 }), expect: [403, 404, 200, 403, 403, 403, 401] },
  { route: 'POST /api/evaluations/{id}/transitions', status: 'submitted', note: 'return', request: (c, id) => c.post(`/api/evaluations/${id}/transitions`, { action: 'return', comment: 'reason', version: 1 }), expect: [403, 404, 409, 403, 200, 403, 401] },
  { route: 'POST /api/evaluations/{id}/transitions', status: 'submitted', note: 'approve', request: (c, id) => c.post(`/api/evaluations/${id}/transitions`, { action: 'approve', version: 1 }), expect: [403, 404, 403, 403, 200, 403, 401] },
  // issue 14 (workflow): the approver returns a draft; the reviewer unpublishes; a stale version; the inbox; a second copy.
  { route: 'POST /api/evaluations/{id}/transitions', status: 'draft', note: 'return by the approver', request: (c, id) => c.post(`/api/evaluations/${id}/transitions`, { action: 'return', comment: 'reason', version: 1 }), expect: [403, 404, 200, 404, 404, 403, 401] },
  { route: 'POST /api/evaluations/{id}/transitions', status: 'published', note: 'unpublish', request: (c, id) => c.post(`/api/evaluations/${id}/transitions`, { action: 'unpublish', comment: 'reason', version: 1 }), expect: [403, 404, 403, 403, 200, 403, 401] },
  { route: 'POST /api/evaluations/{id}/transitions', status: 'draft', note: 'submit on a stale version: VERSION_CONFLICT to the one who may act', request: (c, id) => c.post(`/api/evaluations/${id}/transitions`, { action: 'submit', version: 2 }), expect: [403, 404, 409, 404, 404, 403, 401] },
  { route: 'GET /api/evaluations', note: 'needsMyAction=1, the inbox', request: (c) => c.get('/api/evaluations?needsMyAction=1'), expect: SIGNED_IN(200) },
  {
    route: 'POST /api/evaluations/{id}/copy-to-next-year', status: 'approved', ownProject: true, note: 'a second copy: ALREADY_COPIED',
    request: async (c, id) => (await c.post(`/api/evaluations/${id}/copy-to-next-year`), c.post(`/api/evaluations/${id}/copy-to-next-year`)),
    expect: [409, 404, 403, 403, 403, 403, 401],
  },
  { route: 'POST /api/evaluations/{id}/transitions', status: 'approved', note: 'publish', request: (c, id) => c.post(`/api/evaluations/${id}/transitions`, { action: 'publish', version: 1 }), expect: [403, 404, 403, 403, 200, 403, 401] },
  { route: 'POST /api/evaluations/{id}/copy-to-next-year', status: 'published', ownProject: true, request: (c, id) => c.post(`/api/evaluations/${id}/copy-to-next-year`), expect: [201, 404, 403, 403, 403, 403, 401] },
  { route: 'POST /api/evaluations/{id}/copy-to-next-year', status: 'draft', ownProject: true, request: (c, id) => c.post(`/api/evaluations/${id}/copy-to-next-year`), expect: [201, 404, 403, 404, 404, 403, 401] },
  { route: 'GET /api/evaluations/{id}/audit', status: 'draft', request: (c, id) => c.get(`/api/evaluations/${id}/audit`), expect: [200, 404, 200, 404, 404, 200, 401] },
  { route: 'GET /api/evaluations/{id}/audit', status: 'approved', request: (c, id) => c.get(`/api/evaluations/${id}/audit`), expect: [200, 404, 200, 200, 200, 200, 401] },
  { route: 'GET /api/evaluations/{id}/export.pdf', status: 'submitted', request: (c, id) => c.get(`/api/evaluations/${id}/export.pdf`), expect: [200, 404, 200, 200, 200, 200, 401] },
  { route: 'GET /api/evaluations/{id}/export.xlsx', status: 'draft', request: (c, id) => c.get(`/api/evaluations/${id}/export.xlsx`), expect: [200, 404, 200, 404, 404, 200, 401] },
  { route: 'POST /api/import', request: (c) => c.request('POST', '/api/import', { rawBody: nationalTextUpload() }), expect: SIGNED_IN(200) },
  { route: 'GET /api/templates', request: (c) => c.get('/api/templates'), expect: SIGNED_IN(200) },
  { route: 'GET /api/dashboard', request: (c) => c.get('/api/dashboard'), expect: SIGNED_IN(200) },
  { route: 'GET /api/dashboard/table', request: (c) => c.get('/api/dashboard/table'), expect: SIGNED_IN(200) },
  { route: 'GET /api/dashboard/export.csv', request: (c) => c.get('/api/dashboard/export.csv'), expect: SIGNED_IN(200) },
  { route: 'GET /api/dashboard/export.xlsx', request: (c) => c.get('/api/dashboard/export.xlsx'), expect: SIGNED_IN(200) },
  // issue 16: the monitoring view, over what each role's monitoring list shows it (a unit's roles: their unit).
  { route: 'GET /api/dashboard/monitoring', request: (c) => c.get(`/api/dashboard/monitoring?department=${officeId}`), expect: SIGNED_IN(200) },
  { route: 'GET /api/dashboard/monitoring/projects', request: (c) => c.get('/api/dashboard/monitoring/projects?list=behind'), expect: SIGNED_IN(200) },
  { route: 'GET /api/public/evaluations', request: (c) => c.get('/api/public/evaluations'), expect: ALL(200) },
  { route: 'GET /api/public/evaluations/{id}', status: 'published', request: (c, id) => c.get(`/api/public/evaluations/${id}`), expect: ALL(200) },
  { route: 'GET /api/public/evaluations/{id}', status: 'approved', request: (c, id) => c.get(`/api/public/evaluations/${id}`), expect: ALL(404) },
  { route: 'GET /api/public/evaluations/{id}/export.pdf', status: 'published', request: (c, id) => c.get(`/api/public/evaluations/${id}/export.pdf`), expect: ALL(200) },
  { route: 'GET /api/public/evaluations/{id}/export.pdf', status: 'draft', request: (c, id) => c.get(`/api/public/evaluations/${id}/export.pdf`), expect: ALL(404) },
  { route: 'GET /api/evaluations/{id}/previous-year', status: 'draft', request: (c, id) => c.get(`/api/evaluations/${id}/previous-year`), expect: [200, 404, 200, 404, 404, 200, 401] },
  { route: 'GET /api/evaluations/{id}/previous-year', status: 'submitted', request: (c, id) => c.get(`/api/evaluations/${id}/previous-year`), expect: [200, 404, 200, 200, 200, 200, 401] },
  { route: 'GET /api/evaluations/{id}/recheck-scores', status: 'approved', request: (c, id) => c.get(`/api/evaluations/${id}/recheck-scores`), expect: [200, 404, 200, 200, 200, 200, 401] },
  { route: 'GET /api/evaluations/{id}/versions', status: 'draft', request: (c, id) => c.get(`/api/evaluations/${id}/versions`), expect: [200, 404, 200, 404, 404, 200, 401] },
  { route: 'GET /api/evaluations/{id}/versions', status: 'approved', request: (c, id) => c.get(`/api/evaluations/${id}/versions`), expect: [200, 404, 200, 200, 200, 200, 401] },
  { route: 'GET /api/evaluations/{id}/versions/{number}', status: 'submitted', note: 'none frozen yet: VERSION_NOT_FOUND to those who see it', request: (c, id) => c.get(`/api/evaluations/${id}/versions/1`), expect: [404, 404, 404, 404, 404, 404, 401] },
  { route: 'GET /api/evaluations/{id}/diff', status: 'draft', request: (c, id) => c.get(`/api/evaluations/${id}/diff?from=current&to=current`), expect: [200, 404, 200, 404, 404, 200, 401] },
  { route: 'GET /api/evaluations/{id}/diff', status: 'published', request: (c, id) => c.get(`/api/evaluations/${id}/diff?from=current&to=current`), expect: [200, 404, 200, 200, 200, 200, 401] },
  { route: 'DELETE /api/evaluations/{id}', status: 'draft', request: (c, id) => c.request('DELETE', `/api/evaluations/${id}`), expect: [204, 404, 403, 404, 404, 204, 401] },
  { route: 'DELETE /api/evaluations/{id}', status: 'submitted', request: (c, id) => c.request('DELETE', `/api/evaluations/${id}`), expect: [409, 404, 403, 403, 403, 204, 401] },
  { route: 'POST /api/evaluations/{id}/restore', status: 'draft', note: 'not deleted', request: (c, id) => c.post(`/api/evaluations/${id}/restore`), expect: [403, 404, 403, 404, 404, 409, 401] },
  { route: 'GET /api/admin/deleted', request: (c) => c.get('/api/admin/deleted'), expect: [403, 403, 403, 403, 403, 200, 401] },
  { route: 'GET /api/dashboard/table', request: (c) => c.get('/api/dashboard/table'), expect: SIGNED_IN(200) },
  // issue 14 (bureau's screens): the years with data, for the dashboard and the re-check page; a scatter cell's table.
  { route: 'GET /api/dashboard/years', request: (c) => c.get('/api/dashboard/years'), expect: SIGNED_IN(200) },
  { route: 'GET /api/dashboard/table', note: 'a cell of the scatter', request: (c) => c.get('/api/dashboard/table?rateFrom=60&rateTo=62&scoreFrom=94&scoreTo=96'), expect: SIGNED_IN(200) },
  { route: 'GET /api/rechecks/years', request: (c) => c.get('/api/rechecks/years'), expect: RECHECK(200) },
  { route: 'POST /api/rechecks', draw: true, request: (c) => c.post('/api/rechecks', { year: DRAW_YEAR }), expect: RECHECK(201) },
  { route: 'GET /api/rechecks', request: (c) => c.get('/api/rechecks'), expect: RECHECK(200) },
  { route: 'GET /api/rechecks/{id}', draw: true, request: (c, _, d) => c.get(`/api/rechecks/${d.id}`), expect: RECHECK(200) },
  { route: 'PUT /api/rechecks/{id}/evaluations/{evaluationId}', draw: true, request: (c, _, d) => c.put(`/api/rechecks/${d.id}/evaluations/${d.evaluationId}`, { scores: [{ indicator: 0, score: 0, reason: 'matrix' }] }), expect: RECHECK(200) },
  { route: 'GET /api/rechecks/{id}/report', draw: true, request: (c, _, d) => c.get(`/api/rechecks/${d.id}/report`), expect: RECHECK(200) },
  { route: 'GET /api/rechecks/{id}/report.xlsx', draw: true, request: (c, _, d) => c.get(`/api/rechecks/${d.id}/report.xlsx`), expect: RECHECK(200) },
  { route: 'GET /api/rechecks/{id}/audit', draw: true, request: (c, _, d) => c.get(`/api/rechecks/${d.id}/audit`), expect: RECHECK(200) },
  { route: 'POST /api/evaluations/{id}/transitions', status: 'submitted', tier: true, note: 'forward, a year with the department tier', request: (c, id) => c.post(`/api/evaluations/${id}/transitions`, { action: 'forward', version: 1 }), expect: [403, 404, 403, 200, 403, 403, 401] },
  { route: 'POST /api/evaluations/{id}/transitions', status: 'submitted', tier: true, note: 'return, a year with the department tier', request: (c, id) => c.post(`/api/evaluations/${id}/transitions`, { action: 'return', comment: 'reason', version: 1 }), expect: [403, 404, 409, 200, 409, 403, 401] },
  { route: 'POST /api/evaluations/{id}/transitions', status: 'forwarded', tier: true, note: 'approve, a year with the department tier', request: (c, id) => c.post(`/api/evaluations/${id}/transitions`, { action: 'approve', version: 1 }), expect: [403, 404, 403, 403, 200, 403, 401] },
  { route: 'GET /api/units/{id}', note: 'the office', request: (c) => c.get(`/api/units/${officeId}`), expect: [200, 404, 200, 200, 200, 200, 401] },
  { route: 'POST /api/units', request: (c) => c.post('/api/units', { code: fresh('U'), name: fresh('新单位'), parentId: officeId }), expect: ADMIN(201) },
  { route: 'PATCH /api/units/{id}', target: 'unit', request: (c, id) => c.request('PATCH', `/api/units/${id}`, { body: { name: fresh('改名') } }), expect: ADMIN(200) },
  { route: 'POST /api/units/import', request: (c) => c.request('POST', '/api/units/import', { rawBody: unitList() }), expect: ADMIN(200) },
  { route: 'GET /api/users', request: (c) => c.get('/api/users'), expect: ADMIN(200) },
  { route: 'POST /api/users', request: (c) => c.post('/api/users', { username: fresh('u'), role: 'preparer', unitId: officeId }), expect: ADMIN(201) },
  { route: 'PATCH /api/users/{id}', target: 'user', request: (c, id) => c.request('PATCH', `/api/users/${id}`, { body: { displayName: '改名' } }), expect: ADMIN(200) },
  { route: 'POST /api/users/{id}/reset-password', target: 'user', request: (c, id) => c.post(`/api/users/${id}/reset-password`), expect: ADMIN(200) },
  { route: 'POST /api/me/password', note: 'a wrong current password', request: (c) => c.post('/api/me/password', { currentPassword: 'not-the-password', newPassword: 'a-new-password-1' }), expect: SIGNED_IN(400) },
  { route: 'GET /api/years', request: (c) => c.get('/api/years'), expect: SIGNED_IN(200) },
  { route: 'GET /api/years/{year}', request: (c) => c.get('/api/years/2021'), expect: SIGNED_IN(200) },
  { route: 'PUT /api/years/{year}', request: (c) => c.put(`/api/years/${MATRIX_YEAR}`, { departmentReview: false, deadline: '2046-03-31' }), expect: ADMIN(200) },
  { route: 'POST /api/years/{year}/projects', note: 'a dry run', request: (c) => c.request('POST', `/api/years/${MATRIX_YEAR}/projects?dryRun=true`, { rawBody: projectList() }), expect: ADMIN(200) },
  { route: 'GET /api/years/{year}/progress', request: (c) => c.get('/api/years/2021/progress'), expect: [403, 403, 403, 200, 200, 200, 401] },
  { route: 'GET /api/years/{year}/progress.xlsx', request: (c) => c.get('/api/years/2021/progress.xlsx'), expect: [403, 403, 403, 200, 200, 200, 401] },
  // issue 17: the year's results report, the finance bureau's only.
  { route: 'GET /api/years/{year}/report.pdf', request: (c) => c.get('/api/years/2021/report.pdf'), expect: [403, 403, 403, 403, 200, 200, 401] },
  { route: 'GET /api/years/{year}/report.xlsx', request: (c) => c.get('/api/years/2021/report.xlsx?lang=en'), expect: [403, 403, 403, 403, 200, 200, 401] },
  { route: 'GET /api/admin/security-events', request: (c) => c.get('/api/admin/security-events?action=login.succeeded&limit=5'), expect: ADMIN(200) },
  { route: 'GET /api/openapi.json', request: (c) => c.get('/api/openapi.json'), expect: ALL(200) },
  // issue 14: evidence files.
  { route: 'GET /api/evaluations/{id}/evidence', status: 'draft', request: (c, id) => c.get(`/api/evaluations/${id}/evidence`), expect: [200, 404, 200, 404, 404, 200, 401] },
  { route: 'GET /api/evaluations/{id}/evidence', status: 'submitted', request: (c, id) => c.get(`/api/evaluations/${id}/evidence`), expect: [200, 404, 200, 200, 200, 200, 401] },
  { route: 'POST /api/evaluations/{id}/evidence', status: 'draft', request: (c, id) => c.request('POST', `/api/evaluations/${id}/evidence`, { rawBody: evidenceUpload(pdfBytes(), 'matrix.pdf') }), expect: [201, 404, 201, 404, 404, 403, 401] },
  { route: 'POST /api/evaluations/{id}/evidence', status: 'returned', request: (c, id) => c.request('POST', `/api/evaluations/${id}/evidence`, { rawBody: evidenceUpload(pdfBytes(), 'matrix.pdf') }), expect: [201, 404, 201, 403, 403, 403, 401] },
  { route: 'POST /api/evaluations/{id}/evidence', status: 'submitted', request: (c, id) => c.request('POST', `/api/evaluations/${id}/evidence`, { rawBody: evidenceUpload(pdfBytes(), 'matrix.pdf') }), expect: [409, 404, 409, 403, 403, 403, 401] },
  { route: 'GET /api/evaluations/{id}/evidence/{fileId}', status: 'draft', evidence: true, request: (c, id, _, f) => c.get(`/api/evaluations/${id}/evidence/${f}`), expect: [200, 404, 200, 404, 404, 200, 401] },
  { route: 'GET /api/evaluations/{id}/evidence/{fileId}', status: 'published', evidence: true, request: (c, id, _, f) => c.get(`/api/evaluations/${id}/evidence/${f}`), expect: [200, 404, 200, 200, 200, 200, 401] },
  { route: 'DELETE /api/evaluations/{id}/evidence/{fileId}', status: 'draft', evidence: true, request: (c, id, _, f) => c.request('DELETE', `/api/evaluations/${id}/evidence/${f}`), expect: [204, 404, 204, 404, 404, 403, 401] },
  { route: 'DELETE /api/evaluations/{id}/evidence/{fileId}', status: 'approved', evidence: true, request: (c, id, _, f) => c.request('DELETE', `/api/evaluations/${id}/evidence/${f}`), expect: [409, 404, 409, 403, 403, 403, 401] },
  { route: 'POST /api/evaluations/{id}/evidence/{fileId}/public', status: 'draft', evidence: true, request: (c, id, _, f) => c.post(`/api/evaluations/${id}/evidence/${f}/public`, { public: true }), expect: [403, 404, 403, 404, 404, 403, 401] },
  { route: 'POST /api/evaluations/{id}/evidence/{fileId}/public', status: 'published', evidence: true, request: (c, id, _, f) => c.post(`/api/evaluations/${id}/evidence/${f}/public`, { public: true }), expect: [403, 404, 403, 403, 200, 403, 401] },
  { route: 'GET /api/public/evaluations/{id}/evidence/{fileId}', status: 'published', evidence: 'public', request: (c, id, _, f) => c.get(`/api/public/evaluations/${id}/evidence/${f}`), expect: ALL(200) },
  { route: 'GET /api/public/evaluations/{id}/evidence/{fileId}', status: 'published', evidence: true, note: 'not marked public', request: (c, id, _, f) => c.get(`/api/public/evaluations/${id}/evidence/${f}`), expect: ALL(404) },
  { route: 'GET /api/public/evaluations/{id}/evidence/{fileId}', status: 'approved', evidence: 'public', note: 'marked, not published', request: (c, id, _, f) => c.get(`/api/public/evaluations/${id}/evidence/${f}`), expect: ALL(404) },
  // issue 16: the cycle's targets and monitoring.
  ...(['targets', 'monitoring'] as const).flatMap((kind): Case[] => [
    { route: `GET /api/${kind}`, request: (c) => c.get(`/api/${kind}`), expect: SIGNED_IN(200) },
    { route: `GET /api/${kind}`, note: 'needsMyAction=1, the inbox', request: (c) => c.get(`/api/${kind}?needsMyAction=1`), expect: SIGNED_IN(200) },
    { route: `POST /api/${kind}`, request: (c) => c.post(`/api/${kind}`, { [kind]: cycleDocument(kind) }), expect: [201, 201, 403, 403, 403, 403, 401] },
    { route: `GET /api/${kind}/{id}`, cycle: { kind, status: 'draft' }, request: (c, id) => c.get(`/api/${kind}/${id}`), expect: [200, 404, 200, 404, 404, 200, 401] },
    { route: `GET /api/${kind}/{id}`, cycle: { kind, status: 'submitted' }, request: (c, id) => c.get(`/api/${kind}/${id}`), expect: [200, 404, 200, 200, 200, 200, 401] },
    { route: `PUT /api/${kind}/{id}`, cycle: { kind, status: 'draft' }, request: (c, id) => c.put(`/api/${kind}/${id}`, { version: 1, [kind]: cycleDocument(kind, '矩阵修改') }), expect: [200, 404, 403, 404, 404, 403, 401] },
    { route: `PUT /api/${kind}/{id}`, cycle: { kind, status: 'returned' }, request: (c, id) => c.put(`/api/${kind}/${id}`, { version: 1, [kind]: cycleDocument(kind, '矩阵修改') }), expect: [200, 404, 403, 403, 403, 403, 401] },
    { route: `PUT /api/${kind}/{id}`, cycle: { kind, status: 'submitted' }, request: (c, id) => c.put(`/api/${kind}/${id}`, { version: 1, [kind]: cycleDocument(kind, '矩阵修改') }), expect: [403, 404, 403, 403, 403, 403, 401] },
    { route: `POST /api/${kind}/{id}/transitions`, cycle: { kind, status: 'draft' }, note: 'submit', request: (c, id) => c.post(`/api/${kind}/${id}/transitions`, { action: 'submit', version: 1 }), expect: [403, 404, 200, 404, 404, 403, 401] },
    { route: `POST /api/${kind}/{id}/transitions`, cycle: { kind, status: 'draft' }, note: 'submit on a stale version', request: (c, id) => c.post(`/api/${kind}/${id}/transitions`, { action: 'submit', version: 2 }), expect: [403, 404, 409, 404, 404, 403, 401] },
    { route: `POST /api/${kind}/{id}/transitions`, cycle: { kind, status: 'submitted' }, note: 'return', request: (c, id) => c.post(`/api/${kind}/${id}/transitions`, { action: 'return', comment: 'reason', version: 1 }), expect: [403, 404, 403, 403, 200, 403, 401] },
    { route: `POST /api/${kind}/{id}/transitions`, cycle: { kind, status: 'submitted' }, note: kind === 'targets' ? 'approve' : 'accept', request: (c, id) => c.post(`/api/${kind}/${id}/transitions`, { action: kind === 'targets' ? 'approve' : 'accept', version: 1 }), expect: [403, 404, 403, 403, 200, 403, 401] },
    { route: `POST /api/${kind}/{id}/transitions`, cycle: { kind, status: 'submitted' }, tier: true, note: 'forward, a year with the department tier', request: (c, id) => c.post(`/api/${kind}/${id}/transitions`, { action: 'forward', version: 1 }), expect: [403, 404, 403, 200, 403, 403, 401] },
    { route: `GET /api/${kind}/{id}/versions`, cycle: { kind, status: 'draft' }, request: (c, id) => c.get(`/api/${kind}/${id}/versions`), expect: [200, 404, 200, 404, 404, 200, 401] },
    { route: `GET /api/${kind}/{id}/versions`, cycle: { kind, status: kind === 'targets' ? 'approved' : 'accepted', approved: true }, request: (c, id) => c.get(`/api/${kind}/${id}/versions`), expect: [200, 404, 200, 200, 200, 200, 401] },
    { route: `GET /api/${kind}/{id}/versions/{number}`, cycle: { kind, status: kind === 'targets' ? 'approved' : 'accepted', approved: true }, request: (c, id) => c.get(`/api/${kind}/${id}/versions/1`), expect: [200, 404, 200, 200, 200, 200, 401] },
    { route: `GET /api/${kind}/{id}/audit`, cycle: { kind, status: 'draft' }, request: (c, id) => c.get(`/api/${kind}/${id}/audit`), expect: [200, 404, 200, 404, 404, 200, 401] },
    { route: `GET /api/${kind}/{id}/audit`, cycle: { kind, status: 'submitted' }, request: (c, id) => c.get(`/api/${kind}/${id}/audit`), expect: [200, 404, 200, 200, 200, 200, 401] },
    { route: `DELETE /api/${kind}/{id}`, cycle: { kind, status: 'draft' }, request: (c, id) => c.request('DELETE', `/api/${kind}/${id}`), expect: [204, 404, 403, 404, 404, 403, 401] },
    { route: `DELETE /api/${kind}/{id}`, cycle: { kind, status: 'submitted' }, note: 'sent: on record', request: (c, id) => c.request('DELETE', `/api/${kind}/${id}`), expect: [409, 404, 403, 403, 403, 403, 401] },
    { route: 'POST /api/import/cycle', note: kind, request: (c) => c.post('/api/import/cycle', { kind, documents: [cycleDocument(kind)] }), expect: [200, 200, 403, 403, 403, 403, 401] },
  ]),
  { route: 'POST /api/targets/{id}/transitions', cycle: { kind: 'targets', status: 'approved', approved: true }, note: 'adjust (目标调整)', request: (c, id) => c.post(`/api/targets/${id}/transitions`, { action: 'adjust', comment: 'reason', version: 1 }), expect: [200, 404, 403, 403, 403, 403, 401] },
  { route: 'PUT /api/targets/{id}', cycle: { kind: 'targets', status: 'approved', approved: true }, note: 'approved targets are frozen', request: (c, id) => c.put(`/api/targets/${id}`, { version: 1, targets: cycleDocument('targets', '矩阵修改') }), expect: [403, 404, 403, 403, 403, 403, 401] },
  { route: 'PUT /api/targets/{id}', cycle: { kind: 'targets', status: 'adjusting', approved: true, adjustment: true }, request: (c, id) => c.put(`/api/targets/${id}`, { version: 1, targets: cycleDocument('targets', '矩阵修改') }), expect: [200, 404, 403, 403, 403, 403, 401] },
  { route: 'POST /api/targets/{id}/transitions', cycle: { kind: 'targets', status: 'submitted', approved: true, adjustment: true }, note: 'reject an adjustment', request: (c, id) => c.post(`/api/targets/${id}/transitions`, { action: 'reject', comment: 'reason', version: 1 }), expect: [403, 404, 403, 403, 200, 403, 401] },
  { route: 'POST /api/targets/{id}/evaluation', cycle: { kind: 'targets', status: 'approved', approved: true }, request: (c, id) => c.post(`/api/targets/${id}/evaluation`), expect: [201, 404, 403, 403, 403, 403, 401] },
  { route: 'POST /api/targets/{id}/evaluation', cycle: { kind: 'targets', status: 'submitted' }, note: 'not approved yet', request: (c, id) => c.post(`/api/targets/${id}/evaluation`), expect: [409, 404, 403, 403, 403, 403, 401] },
  { route: 'POST /api/targets/{id}/monitoring', cycle: { kind: 'targets', status: 'approved', approved: true }, request: (c, id) => c.post(`/api/targets/${id}/monitoring`), expect: [201, 404, 403, 403, 403, 403, 401] },
  { route: 'POST /api/targets/{id}/monitoring', cycle: { kind: 'targets', status: 'submitted' }, note: 'not approved yet', request: (c, id) => c.post(`/api/targets/${id}/monitoring`), expect: [409, 404, 403, 403, 403, 403, 401] },
  // issue 17: rectification items (整改) and the bureau's results application (结果应用).
  { route: 'POST /api/evaluations/{id}/rectifications', status: 'submitted', request: (c, id) => c.post(`/api/evaluations/${id}/rectifications`, RAISE), expect: [403, 404, 403, 201, 201, 403, 401] },
  { route: 'POST /api/evaluations/{id}/rectifications', status: 'draft', request: (c, id) => c.post(`/api/evaluations/${id}/rectifications`, RAISE), expect: [403, 404, 403, 404, 404, 403, 401] },
  { route: 'POST /api/evaluations/{id}/rectifications', status: 'returned', note: 'never submitted: FORM_NOT_SUBMITTED', request: (c, id) => c.post(`/api/evaluations/${id}/rectifications`, RAISE), expect: [403, 404, 403, 409, 409, 403, 401] },
  { route: 'GET /api/evaluations/{id}/rectifications', status: 'draft', request: (c, id) => c.get(`/api/evaluations/${id}/rectifications`), expect: [200, 404, 200, 404, 404, 200, 401] },
  { route: 'GET /api/evaluations/{id}/rectifications', status: 'submitted', rectification: 'open', request: (c, id) => c.get(`/api/evaluations/${id}/rectifications`), expect: [200, 404, 200, 200, 200, 200, 401] },
  { route: 'GET /api/rectifications', request: (c) => c.get('/api/rectifications?status=overdue'), expect: SIGNED_IN(200) },
  { route: 'GET /api/rectifications/export.xlsx', request: (c) => c.get('/api/rectifications/export.xlsx?status=open'), expect: SIGNED_IN(200) },
  { route: 'GET /api/rectifications/{id}', status: 'submitted', rectification: 'open', request: (c, _, __, ___, item) => c.get(`/api/rectifications/${item}`), expect: [200, 404, 200, 200, 200, 200, 401] },
  { route: 'GET /api/rectifications/{id}/audit', status: 'approved', rectification: 'closed', request: (c, _, __, ___, item) => c.get(`/api/rectifications/${item}/audit`), expect: [200, 404, 200, 200, 200, 200, 401] },
  { route: 'POST /api/rectifications/{id}/answer', status: 'submitted', rectification: 'open', request: (c, _, __, ___, item) => c.post(`/api/rectifications/${item}/answer`, { measures: '矩阵整改' }), expect: [200, 404, 200, 403, 403, 403, 401] },
  { route: 'POST /api/rectifications/{id}/answer', status: 'submitted', rectification: 'answered', request: (c, _, __, ___, item) => c.post(`/api/rectifications/${item}/answer`, { measures: '矩阵整改' }), expect: [409, 404, 409, 403, 403, 403, 401] },
  { route: 'POST /api/rectifications/{id}/answer', status: 'submitted', rectification: 'open', note: 'a stale version', request: (c, _, __, ___, item) => c.post(`/api/rectifications/${item}/answer`, { measures: '矩阵整改', version: 2 }), expect: [409, 404, 409, 403, 403, 403, 401] },
  { route: 'POST /api/rectifications/{id}/accept', status: 'approved', rectification: 'answered', request: (c, _, __, ___, item) => c.post(`/api/rectifications/${item}/accept`, {}), expect: [403, 404, 403, 200, 200, 403, 401] },
  { route: 'POST /api/rectifications/{id}/accept', status: 'approved', rectification: 'open', request: (c, _, __, ___, item) => c.post(`/api/rectifications/${item}/accept`, {}), expect: [403, 404, 403, 409, 409, 403, 401] },
  { route: 'POST /api/rectifications/{id}/send-back', status: 'approved', rectification: 'answered', request: (c, _, __, ___, item) => c.post(`/api/rectifications/${item}/send-back`, { reason: '矩阵退回' }), expect: [403, 404, 403, 200, 200, 403, 401] },
  { route: 'POST /api/rectifications/{id}/send-back', status: 'approved', rectification: 'closed', request: (c, _, __, ___, item) => c.post(`/api/rectifications/${item}/send-back`, { reason: '矩阵退回' }), expect: [403, 404, 403, 409, 409, 403, 401] },
  { route: 'GET /api/evaluations/{id}/results-application', status: 'approved', request: (c, id) => c.get(`/api/evaluations/${id}/results-application`), expect: [403, 403, 403, 403, 200, 200, 401] },
  { route: 'PUT /api/evaluations/{id}/results-application', status: 'published', request: (c, id) => c.put(`/api/evaluations/${id}/results-application`, { category: 'reduce', text: '矩阵：压减预算' }), expect: [403, 403, 403, 403, 200, 403, 401] },
  { route: 'PUT /api/evaluations/{id}/results-application', status: 'submitted', note: 'not approved yet: RESULTS_NOT_FINAL', request: (c, id) => c.put(`/api/evaluations/${id}/results-application`, { category: 'keep', text: '矩阵' }), expect: [403, 403, 403, 403, 409, 403, 401] },
];

/** A targets or monitoring document of a project of its own (one per unit, year and project); `goal` changes it. */
function cycleDocument(kind: CycleKind, goal?: string) {
  const document = kind === 'targets' ? nationalTargets() : nationalMonitoring();
  document.project.code = fresh('C');
  if (goal) document.annualGoal = goal;
  return document;
}

/** The case's targets or monitoring of the office, written straight to the database in its status. */
async function cycleFor(api: Api, c: Case): Promise<string> {
  const { kind, status, approved, adjustment } = c.cycle!;
  const db = api.database().db;
  const repos = repositories(db);
  const document = cycleDocument(kind);
  if (c.tier) {
    await repos.years.set({ year: TIER_YEAR, departmentReview: true, deadline: null }, new Date().toISOString(), null);
    document.year = TIER_YEAR;
  }
  const id = crypto.randomUUID();
  const at = new Date().toISOString();
  const userId = (await api.as('preparer')).user.id as string;
  const hash = contentHash(document);
  await repos.cycle.insert({ id, kind, unitId: api.unitId('office'), columns: { year: document.year, projectCode: document.project.code!, project: document.project.name, template: document.template, contentHash: hash }, document, userId, at });
  await db.updateTable('cycle_documents').set({ status, adjustment_reason: adjustment ? 'matrix' : null }).where('id', '=', id).execute();
  if (approved) await repos.cycle.freeze({ documentId: id, action: kind === 'targets' ? 'approve' : 'accept', status: kind === 'targets' ? 'approved' : 'accepted', document, contentHash: hash, reason: null, userId, at });
  return id;
}

/** An evidence file of the evaluation, written straight to the database and its (default) store. */
async function attachEvidence(api: Api, evaluationId: string, marked: boolean): Promise<string> {
  const repos = repositories(api.database().db);
  const fileId = crypto.randomUUID();
  const key = evidenceKey(evaluationId, fileId);
  const bytes = pdfBytes('matrix');
  await new DatabaseEvidenceStore(api.database().db).put(key, bytes);
  const at = new Date().toISOString();
  const uploader = (await api.as('preparer')).user.id as string;
  await repos.evidence.insert({ id: fileId, evaluationId, indicatorId: null, fileName: 'matrix.pdf', mediaType: 'application/pdf', size: bytes.byteLength, sha256: 'x', storageKey: key, userId: uploader, at });
  if (marked) await repos.evidence.setPublic(fileId, true, at, uploader);
  return fileId;
}

/** A rectification item on the evaluation in the status, raised by the reviewer, written straight to the database. */
async function rectificationFor(api: Api, evaluationId: string, status: RectificationStatus): Promise<string> {
  const repos = repositories(api.database().db);
  const stored = (await repos.evaluations.get(evaluationId))!;
  const id = crypto.randomUUID();
  const at = new Date().toISOString();
  const [reviewer, preparer] = [(await api.as('reviewer')).user.id as string, (await api.as('preparer')).user.id as string];
  await repos.followup.insertRectification({
    id, evaluationId, unitId: stored.unit.id, year: stored.year, projectCode: '', project: stored.project, indicatorId: null, indicatorName: null, recheckDrawId: null,
    problem: '矩阵问题', requirement: '矩阵要求', dueDate: '2099-12-31', raisedBy: reviewer, raisedAt: at, status,
    ...(status !== 'open' ? { measures: '矩阵措施', answeredBy: preparer, answeredAt: at } : {}),
    ...(status === 'closed' ? { closedBy: reviewer, closedAt: at } : {}),
  });
  return id;
}

const covered = new Set<string>();

/** An approved form of DRAW_YEAR and a draw of it by the reviewer. */
async function newDraw(api: Api): Promise<{ id: string; evaluationId: string }> {
  const document = seedEvaluations()[0]!;
  document.year = DRAW_YEAR;
  const evaluationId = await api.evaluation('office', 'approved', document);
  const drawn = await (await api.as('reviewer')).post('/api/rechecks', { year: DRAW_YEAR, seed: evaluationId, minimumShare: 100 });
  assert.equal(drawn.status, 201, JSON.stringify(drawn.body));
  return { id: drawn.body.id, evaluationId: drawn.body.evaluations.find((e: any) => e.id === evaluationId)?.id ?? drawn.body.evaluations[0].id };
}

/** The case's evaluation, in a year with the department tier when the case says so. */
async function evaluationFor(api: Api, c: Case): Promise<string> {
  if (c.ownProject) {
    const document = seedEvaluations()[0]!;
    document.project.name = fresh('矩阵复制项目');
    return api.evaluation('office', c.status!, document);
  }
  if (!c.tier) return api.evaluation('office', c.status!);
  await repositories(api.database().db).years.set({ year: TIER_YEAR, departmentReview: true, deadline: null }, new Date().toISOString(), null);
  const document = seedEvaluations()[0]!;
  document.year = TIER_YEAR;
  return api.evaluation('office', c.status!, document);
}

/** A new unit below the office, or a new preparer of the office: the subject of a unit or user route. */
async function newTarget(api: Api, target: 'unit' | 'user'): Promise<string> {
  const repos = repositories(api.database().db);
  const id = crypto.randomUUID();
  const at = new Date().toISOString();
  if (target === 'unit') {
    const office = (await repos.units.get(api.unitId('office')))!;
    await repos.units.create({ id, code: fresh('T'), name: fresh('目标单位'), parentId: office.id, path: `${office.path}${id}/` }, at);
  } else {
    await repos.users.create({ id, username: fresh('target'), displayName: 'target', role: 'preparer', unitId: api.unitId('office'), passwordHash: 'x' }, at);
  }
  return id;
}

test('every route of the OpenAPI document has its row in the matrix', async () => {
  const app = createApp({ database: openDatabase(':memory:') });
  const document = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
  const routes = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
  const inMatrix = new Set(CASES.map((c) => c.route));
  assert.deepEqual(routes.filter((route) => !inMatrix.has(route)), [], 'routes without a case: add rows to CASES');
  assert.deepEqual([...inMatrix].filter((route) => route !== 'GET /api/openapi.json' && !routes.includes(route)), [], 'cases of routes that no longer exist');
  assert.ok(routes.length >= 30);
});

forEachApi('access matrix: every route × every role', (api) => {
  for (const c of CASES) {
    describe(`${c.route}${c.note ? ` (${c.note})` : ''}${c.status ? ` on a ${c.status} evaluation` : ''}${c.cycle ? ` on ${c.cycle.status} ${c.cycle.kind}` : ''}`, () => {
      WHO.forEach((who, i) => {
        const expected = c.expect[i]!;
        test(`${who} → ${expected}`, async () => {
          const client = who === 'anonymous' ? api.anonymous() : c.fresh ? await api.login(USERNAMES[who]) : await api.as(USERNAMES[who]);
          officeId = api.unitId('office');
          const id = c.cycle ? await cycleFor(api, c) : c.status ? await evaluationFor(api, c) : c.target ? await newTarget(api, c.target) : '';
          const draw = c.draw ? await newDraw(api) : { id: '', evaluationId: '' };
          const fileId = c.evidence ? await attachEvidence(api, id, c.evidence === 'public') : '';
          const itemId = c.rectification ? await rectificationFor(api, id, c.rectification) : '';
          const answer = await c.request(client, id, draw, fileId, itemId);
          assert.equal(answer.status, expected, JSON.stringify(answer.body)?.slice(0, 300));
          if (expected >= 400) {
            assert.equal(typeof answer.body?.error?.code, 'string', 'the error shape of docs/api.md');
            const repos = repositories(api.database().db);
            if (c.status) {
              const stored = await repos.evaluations.get(id);
              assert.deepEqual([stored?.version, stored?.status], [1, c.status], 'a refused request changes nothing');
            }
            if (c.cycle) {
              const stored = await repos.cycle.get(id);
              assert.deepEqual([stored?.version, stored?.status], [1, c.cycle.status], 'a refused request changes nothing');
              if (c.route === 'POST /api/targets/{id}/evaluation') assert.equal(await repos.cycle.evaluationOf(id), null, 'no evaluation made');
              if (c.route === 'POST /api/targets/{id}/monitoring') {
                const document = stored!.document as { year: number; project: { code: string; name: string } };
                assert.equal(await repos.cycle.findProject('monitoring', api.unitId('office'), document.year, document.project.code, document.project.name), undefined, 'no monitoring made');
              }
              assert.equal(stored?.deletedAt, null, 'not deleted');
            }
            if (c.rectification) {
              const item = await repos.followup.getRectification(itemId);
              assert.deepEqual([item?.status, item?.version], [c.rectification, 1], 'a refused request changes nothing');
            }
            if (c.route === 'POST /api/evaluations/{id}/rectifications') assert.deepEqual(await repos.followup.ofEvaluation(id), [], 'no item raised');
            if (c.route === 'PUT /api/evaluations/{id}/results-application') assert.equal(await repos.followup.getResultsApplication(id), undefined, 'nothing recorded');
            if (c.target === 'unit') assert.match((await repos.units.get(id))!.name, /^目标单位/u, 'a refused request changes nothing');
            if (c.target === 'user') {
              const user = (await repos.users.get(id))!;
              assert.deepEqual([user.displayName, user.mustChangePassword, await repos.users.passwordHash(id)], ['target', false, 'x'], 'a refused request changes nothing');
            }
          }
          covered.add(`${c.route} ${who}`);
        });
      });
    });
  }
});

after(() => {
  const routes = new Set(CASES.map((c) => c.route));
  process.stdout.write(`# access matrix: ${routes.size} routes × ${WHO.length} roles (${CASES.length} cases, ${covered.size} route×role pairs checked per database)\n`);
});
