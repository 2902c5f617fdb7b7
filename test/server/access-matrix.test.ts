/**
 * Every route × every role, allowed and refused: the preparer of the evaluation's unit and of
 * another unit, the unit's approver, the finance reviewer, the admin, and an anonymous visitor.
 * Each case runs on a fresh evaluation (of the office unit) in the status it names; a refused
 * request must leave the evaluation as it was.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Status } from '../../src/core/workflow/workflow.ts';
import { repositories } from '../../src/storage/repositories.ts';
import { seedEvaluations } from '../support/fixtures.ts';
import { createApp } from '../../src/server/app.ts';
import { openDatabase } from '../../src/storage/open-database.ts';
import { forEachApi, PASSWORD, type Answer, type Api, type Client, type Username } from './support/api-harness.ts';
import { nationalTextUpload } from './support/upload.ts';

const WHO = ['preparerOwn', 'preparerOther', 'approver', 'reviewer', 'admin', 'anonymous'] as const;
type Who = (typeof WHO)[number];
const USERNAMES: Record<Exclude<Who, 'anonymous'>, Username> = {
  preparerOwn: 'preparer', preparerOther: 'preparer2', approver: 'approver', reviewer: 'reviewer', admin: 'admin',
};

interface Case {
  route: string;
  /** The status of the evaluation the request is about, if any. */
  status?: Status;
  note?: string;
  /** A session of its own (for login and logout, which end the session they came with). */
  fresh?: boolean;
  /** A re-check draw made by the reviewer first (of one approved form of DRAW_YEAR): its id and the form's. */
  draw?: boolean;
  request: (client: Client, id: string, draw: { id: string; evaluationId: string }) => Promise<Answer>;
  /** Expected status for preparerOwn, preparerOther, approver, reviewer, admin, anonymous. */
  expect: [number, number, number, number, number, number];
}

const edited = () => {
  const evaluation = seedEvaluations()[0]!;
  evaluation.indicators[0]!.remark = 'changed in the matrix';
  return evaluation;
};

const ALL = (n: number): Case['expect'] => [n, n, n, n, n, n];
const SIGNED_IN = (n: number): Case['expect'] => [n, n, n, n, n, 401];
/** Re-checks are the finance reviewer's alone. */
const RECHECK = (n: number): Case['expect'] => [403, 403, 403, n, 403, 401];
/** The year of the forms drawn for re-check cases: none of the demo's, so the draw holds only the form made for it. */
const DRAW_YEAR = 2041;

export const CASES: Case[] = [
  { route: 'GET /api/health', request: (c) => c.get('/api/health'), expect: ALL(200) },
  { route: 'POST /api/login', fresh: true, request: (c) => c.post('/api/login', { username: 'reviewer', password: PASSWORD }), expect: ALL(200) },
  { route: 'POST /api/logout', fresh: true, request: (c) => c.post('/api/logout'), expect: ALL(204) },
  { route: 'GET /api/me', request: (c) => c.get('/api/me'), expect: SIGNED_IN(200) },
  { route: 'GET /api/units', request: (c) => c.get('/api/units'), expect: SIGNED_IN(200) },
  { route: 'GET /api/evaluations', request: (c) => c.get('/api/evaluations'), expect: SIGNED_IN(200) },
  { route: 'POST /api/evaluations', request: (c) => c.post('/api/evaluations', { evaluation: seedEvaluations()[2] }), expect: [201, 201, 403, 403, 403, 401] },
  { route: 'GET /api/evaluations/{id}', status: 'draft', request: (c, id) => c.get(`/api/evaluations/${id}`), expect: [200, 404, 200, 404, 200, 401] },
  { route: 'GET /api/evaluations/{id}', status: 'submitted', request: (c, id) => c.get(`/api/evaluations/${id}`), expect: [200, 404, 200, 200, 200, 401] },
  { route: 'PUT /api/evaluations/{id}', status: 'draft', request: (c, id) => c.put(`/api/evaluations/${id}`, { version: 1, evaluation: edited() }), expect: [200, 404, 403, 404, 403, 401] },
  { route: 'PUT /api/evaluations/{id}', status: 'returned', request: (c, id) => c.put(`/api/evaluations/${id}`, { version: 1, evaluation: edited() }), expect: [200, 404, 403, 403, 403, 401] },
  { route: 'PUT /api/evaluations/{id}', status: 'submitted', request: (c, id) => c.put(`/api/evaluations/${id}`, { version: 1, evaluation: edited() }), expect: [403, 404, 403, 403, 403, 401] },
  { route: 'PUT /api/evaluations/{id}', status: 'published', request: (c, id) => c.put(`/api/evaluations/${id}`, { version: 1, evaluation: edited() }), expect: [403, 404, 403, 403, 403, 401] },
  { route: 'POST /api/evaluations/{id}/transitions', status: 'draft', note: 'submit', request: (c, id) => c.post(`/api/evaluations/${id}/transitions`, { action: 'submit' }), expect: [403, 404, 200, 404, 403, 401] },
  { route: 'POST /api/evaluations/{id}/transitions', status: 'returned', note: 'submit', request: (c, id) => c.post(`/api/evaluations/${id}/transitions`, { action: 'submit' }), expect: [403, 404, 200, 403, 403, 401] },
  { route: 'POST /api/evaluations/{id}/transitions', status: 'submitted', note: 'return', request: (c, id) => c.post(`/api/evaluations/${id}/transitions`, { action: 'return', comment: 'reason' }), expect: [403, 404, 403, 200, 403, 401] },
  { route: 'POST /api/evaluations/{id}/transitions', status: 'submitted', note: 'approve', request: (c, id) => c.post(`/api/evaluations/${id}/transitions`, { action: 'approve' }), expect: [403, 404, 403, 200, 403, 401] },
  { route: 'POST /api/evaluations/{id}/transitions', status: 'approved', note: 'publish', request: (c, id) => c.post(`/api/evaluations/${id}/transitions`, { action: 'publish' }), expect: [403, 404, 403, 200, 403, 401] },
  { route: 'POST /api/evaluations/{id}/copy-to-next-year', status: 'published', request: (c, id) => c.post(`/api/evaluations/${id}/copy-to-next-year`), expect: [201, 404, 403, 403, 403, 401] },
  { route: 'POST /api/evaluations/{id}/copy-to-next-year', status: 'draft', request: (c, id) => c.post(`/api/evaluations/${id}/copy-to-next-year`), expect: [201, 404, 403, 404, 403, 401] },
  { route: 'GET /api/evaluations/{id}/audit', status: 'draft', request: (c, id) => c.get(`/api/evaluations/${id}/audit`), expect: [200, 404, 200, 404, 200, 401] },
  { route: 'GET /api/evaluations/{id}/audit', status: 'approved', request: (c, id) => c.get(`/api/evaluations/${id}/audit`), expect: [200, 404, 200, 200, 200, 401] },
  { route: 'GET /api/evaluations/{id}/export.pdf', status: 'submitted', request: (c, id) => c.get(`/api/evaluations/${id}/export.pdf`), expect: [200, 404, 200, 200, 200, 401] },
  { route: 'GET /api/evaluations/{id}/export.xlsx', status: 'draft', request: (c, id) => c.get(`/api/evaluations/${id}/export.xlsx`), expect: [200, 404, 200, 404, 200, 401] },
  { route: 'POST /api/import', request: (c) => c.request('POST', '/api/import', { rawBody: nationalTextUpload() }), expect: SIGNED_IN(200) },
  { route: 'GET /api/dashboard', request: (c) => c.get('/api/dashboard'), expect: SIGNED_IN(200) },
  { route: 'GET /api/dashboard/table', request: (c) => c.get('/api/dashboard/table'), expect: SIGNED_IN(200) },
  { route: 'GET /api/dashboard/export.csv', request: (c) => c.get('/api/dashboard/export.csv'), expect: SIGNED_IN(200) },
  { route: 'GET /api/dashboard/export.xlsx', request: (c) => c.get('/api/dashboard/export.xlsx'), expect: SIGNED_IN(200) },
  { route: 'GET /api/public/evaluations', request: (c) => c.get('/api/public/evaluations'), expect: ALL(200) },
  { route: 'GET /api/public/evaluations/{id}', status: 'published', request: (c, id) => c.get(`/api/public/evaluations/${id}`), expect: ALL(200) },
  { route: 'GET /api/public/evaluations/{id}', status: 'approved', request: (c, id) => c.get(`/api/public/evaluations/${id}`), expect: ALL(404) },
  { route: 'GET /api/public/evaluations/{id}/export.pdf', status: 'published', request: (c, id) => c.get(`/api/public/evaluations/${id}/export.pdf`), expect: ALL(200) },
  { route: 'GET /api/public/evaluations/{id}/export.pdf', status: 'draft', request: (c, id) => c.get(`/api/public/evaluations/${id}/export.pdf`), expect: ALL(404) },
  { route: 'GET /api/evaluations/{id}/previous-year', status: 'draft', request: (c, id) => c.get(`/api/evaluations/${id}/previous-year`), expect: [200, 404, 200, 404, 200, 401] },
  { route: 'GET /api/evaluations/{id}/previous-year', status: 'submitted', request: (c, id) => c.get(`/api/evaluations/${id}/previous-year`), expect: [200, 404, 200, 200, 200, 401] },
  { route: 'GET /api/evaluations/{id}/recheck-scores', status: 'approved', request: (c, id) => c.get(`/api/evaluations/${id}/recheck-scores`), expect: [200, 404, 200, 200, 200, 401] },
  { route: 'GET /api/evaluations/{id}/versions', status: 'draft', request: (c, id) => c.get(`/api/evaluations/${id}/versions`), expect: [200, 404, 200, 404, 200, 401] },
  { route: 'GET /api/evaluations/{id}/versions', status: 'approved', request: (c, id) => c.get(`/api/evaluations/${id}/versions`), expect: [200, 404, 200, 200, 200, 401] },
  { route: 'GET /api/evaluations/{id}/versions/{number}', status: 'submitted', note: 'none frozen yet: VERSION_NOT_FOUND to those who see it', request: (c, id) => c.get(`/api/evaluations/${id}/versions/1`), expect: [404, 404, 404, 404, 404, 401] },
  { route: 'GET /api/evaluations/{id}/diff', status: 'draft', request: (c, id) => c.get(`/api/evaluations/${id}/diff?from=current&to=current`), expect: [200, 404, 200, 404, 200, 401] },
  { route: 'GET /api/evaluations/{id}/diff', status: 'published', request: (c, id) => c.get(`/api/evaluations/${id}/diff?from=current&to=current`), expect: [200, 404, 200, 200, 200, 401] },
  { route: 'DELETE /api/evaluations/{id}', status: 'draft', request: (c, id) => c.request('DELETE', `/api/evaluations/${id}`), expect: [204, 404, 403, 404, 204, 401] },
  { route: 'DELETE /api/evaluations/{id}', status: 'submitted', request: (c, id) => c.request('DELETE', `/api/evaluations/${id}`), expect: [409, 404, 403, 403, 204, 401] },
  { route: 'POST /api/evaluations/{id}/restore', status: 'draft', note: 'not deleted', request: (c, id) => c.post(`/api/evaluations/${id}/restore`), expect: [403, 404, 403, 404, 409, 401] },
  { route: 'GET /api/admin/deleted', request: (c) => c.get('/api/admin/deleted'), expect: [403, 403, 403, 403, 200, 401] },
  { route: 'GET /api/dashboard/table', request: (c) => c.get('/api/dashboard/table'), expect: SIGNED_IN(200) },
  { route: 'POST /api/rechecks', draw: true, request: (c) => c.post('/api/rechecks', { year: DRAW_YEAR }), expect: RECHECK(201) },
  { route: 'GET /api/rechecks', request: (c) => c.get('/api/rechecks'), expect: RECHECK(200) },
  { route: 'GET /api/rechecks/{id}', draw: true, request: (c, _, d) => c.get(`/api/rechecks/${d.id}`), expect: RECHECK(200) },
  { route: 'PUT /api/rechecks/{id}/evaluations/{evaluationId}', draw: true, request: (c, _, d) => c.put(`/api/rechecks/${d.id}/evaluations/${d.evaluationId}`, { scores: [{ indicator: 0, score: 0, reason: 'matrix' }] }), expect: RECHECK(200) },
  { route: 'GET /api/rechecks/{id}/report', draw: true, request: (c, _, d) => c.get(`/api/rechecks/${d.id}/report`), expect: RECHECK(200) },
  { route: 'GET /api/rechecks/{id}/report.xlsx', draw: true, request: (c, _, d) => c.get(`/api/rechecks/${d.id}/report.xlsx`), expect: RECHECK(200) },
  { route: 'GET /api/rechecks/{id}/audit', draw: true, request: (c, _, d) => c.get(`/api/rechecks/${d.id}/audit`), expect: RECHECK(200) },
  { route: 'GET /api/openapi.json', request: (c) => c.get('/api/openapi.json'), expect: ALL(200) },
];

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
    describe(`${c.route}${c.note ? ` (${c.note})` : ''}${c.status ? ` on a ${c.status} evaluation` : ''}`, () => {
      WHO.forEach((who, i) => {
        const expected = c.expect[i]!;
        test(`${who} → ${expected}`, async () => {
          const client = who === 'anonymous' ? api.anonymous() : c.fresh ? await api.login(USERNAMES[who]) : await api.as(USERNAMES[who]);
          const id = c.status ? await api.evaluation('office', c.status) : '';
          const draw = c.draw ? await newDraw(api) : { id: '', evaluationId: '' };
          const answer = await c.request(client, id, draw);
          assert.equal(answer.status, expected, JSON.stringify(answer.body)?.slice(0, 300));
          if (expected >= 400) {
            assert.equal(typeof answer.body?.error?.code, 'string', 'the error shape of docs/api.md');
            if (id) {
              const stored = await repositories(api.database().db).evaluations.get(id);
              assert.deepEqual([stored?.version, stored?.status], [1, c.status], 'a refused request changes nothing');
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
