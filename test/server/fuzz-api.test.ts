/**
 * Fuzzing the API from its OpenAPI document: every route with a JSON body gets arbitrary JSON,
 * near-valid bodies with one part broken (wrong types, huge strings, deep nesting, odd unicode,
 * 1e309, -0, "NaN"), malformed text and wrong content types; every route with path or query
 * parameters gets odd values there. As each role. Never a 500, always the error shape, and the
 * server still answers its health check afterwards.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import fc from 'fast-check';
import { formatPath } from '../../src/core/model/path.ts';
import { repositories } from '../../src/storage/repositories.ts';
import { seedEvaluations } from '../support/fixtures.ts';
import { forEachApi, PASSWORD, type Api, type Client, type Username } from './support/api-harness.ts';

interface Operation { method: string; path: string; json: boolean; query: string[] }

const ROLES: Array<Username | 'anonymous'> = ['preparer', 'preparer2', 'approver', 'reviewer', 'admin', 'anonymous'];
const DRAW_YEAR = 2042;

/** A valid body of each route, the start of the near-valid ones; an unknown route starts from {}. */
function validBody(op: Operation): unknown {
  const key = `${op.method} ${op.path}`;
  const evaluation = seedEvaluations()[0]!;
  switch (key) {
    case 'POST /api/login': return { username: 'preparer', password: PASSWORD };
    case 'POST /api/evaluations': return { evaluation };
    case 'PUT /api/evaluations/{id}': return { version: 1, evaluation };
    case 'POST /api/evaluations/{id}/transitions': return { action: 'submit', comment: '理由', version: 1 };
    case 'POST /api/rechecks': return { year: DRAW_YEAR, seed: 'fuzz', minimumShare: 50, flagThreshold: 5 };
    case 'PUT /api/rechecks/{id}/evaluations/{evaluationId}': return { scores: [{ indicator: 0, score: 1, reason: '复核' }] };
    case 'POST /api/evaluations/{id}/rectifications': return { problem: '问题', requirement: '要求', dueDate: '2099-12-31', indicator: 'x', recheckDraw: 'y' };
    case 'POST /api/rectifications/{id}/answer': return { measures: '措施', evidence: ['x'], version: 1 };
    case 'POST /api/rectifications/{id}/accept': return { comment: '同意', version: 1 };
    case 'POST /api/rectifications/{id}/send-back': return { reason: '理由', version: 1 };
    case 'PUT /api/evaluations/{id}/results-application': return { category: 'keep', text: '保持', version: 1 };
    default: return {};
  }
}

/**
 * Deep nesting is written into the JSON text in place of a marker string: as a value it would
 * overflow the stack of whatever prints a failing case.
 */
const DEEP = /"§deep-(array|object)-(\d+)"/gu;
const deepText = (json: string) =>
  json.replace(DEEP, (_, kind: string, n: string) => (kind === 'array' ? `${'['.repeat(Number(n))}1${']'.repeat(Number(n))}` : `${'{"a":'.repeat(Number(n))}1${'}'.repeat(Number(n))}`));

/** Values that break a field: wrong types, edge numbers, odd strings, deep and wide structures. */
const weird: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null, true, false, 0, -0, -1, 0.1, 1e308, -1e308, 5e-324, 2 ** 53 + 1, 1e21, 123456789.123456789,
    '', ' ', '1e309', '-1e309', 'NaN', 'Infinity', '-0', '0x10', '１２３', '１２.５%', '12,345.67', '∞',
    '\u0000', 'a\u0000b', '\ud800', '\udfff\ud800', '\u202e反转', '😀'.repeat(500), 'x'.repeat(200_000), '字'.repeat(70_000),
    '<script>alert(1)</script>', "'; drop table evaluations; --", '../../../etc/passwd', '%00', '__proto__',
    [], {}, [[[]]], { __proto__: { admin: true } }, { constructor: { prototype: { admin: true } } },
    Array.from({ length: 5000 }, (_, i) => i), Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, i])),
  ),
  fc.constantFrom('§deep-array-200', '§deep-array-2000', '§deep-array-20000', '§deep-object-200', '§deep-object-5000'),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.double(),
  fc.integer(),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Every place in a value (as key paths), the root included, down to a depth. */
function placesOf(value: unknown, path: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  out.push(path);
  if (path.length < 5 && value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) placesOf(v, [...path, Array.isArray(value) ? Number(k) : k], out);
  }
  return out;
}

/** The valid body with one place replaced, removed, or given an unknown neighbour. */
function mutate(body: unknown, pick: number, how: 'replace' | 'remove' | 'add', value: unknown): unknown {
  const copy = structuredClone(body);
  const places = placesOf(copy);
  const place = places[pick % places.length]!;
  if (place.length === 0) return how === 'replace' ? value : copy;
  let parent: any = copy;
  for (const k of place.slice(0, -1)) parent = parent[k];
  const last = place.at(-1)!;
  if (how === 'replace') parent[last] = value;
  else if (how === 'remove') Array.isArray(parent) ? parent.splice(Number(last), 1) : delete parent[last];
  else if (typeof parent === 'object' && !Array.isArray(parent)) parent[`unknown_${String(last)}`] = value;
  return copy;
}

const RAW_BODIES = ['', '{', '}', 'null', '[]', '"x"', '1e309', '-0', 'NaN', '{"a":1}{', '\u0000', '\ufeff{}', '{"evaluation":', '['.repeat(100_000), '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}'];
const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'application/json; charset=utf-16'];

const oddParam = fc.oneof(
  fc.constantFrom('', '0', '-1', '1e309', 'NaN', '99999999999999999999', '2021', '2021.5', 'draft', 'x'.repeat(5000), '%', '\u0000', '../..', "' or 1=1 --", '字', '[]', 'true'),
  fc.string({ maxLength: 30 }),
  fc.integer().map(String),
);

forEachApi('fuzzing every API route', (api) => {
  let operations: Operation[] = [];
  const counts = { runs: 0, byStatus: new Map<number, number>() };
  let drawId = '';
  let itemId = '';

  before(async () => {
    const document = (await (await api.app().request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, any>> };
    operations = Object.entries(document.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        method: method.toUpperCase(), path,
        json: Boolean(op.requestBody?.content?.['application/json']),
        query: (op.parameters ?? []).filter((p: any) => p.in === 'query').map((p: any) => p.name as string),
      })),
    );
    const document2042 = seedEvaluations()[0]!;
    document2042.year = DRAW_YEAR;
    await api.evaluation('office', 'approved', document2042);
    drawId = (await (await api.as('reviewer')).post('/api/rechecks', { year: DRAW_YEAR, seed: 'fuzz', minimumShare: 100 })).body.id;
    const sent = await api.evaluation('office', 'submitted');
    itemId = (await (await api.as('reviewer')).post(`/api/evaluations/${sent}/rectifications`, { problem: '问题', requirement: '要求', dueDate: '2099-12-31' })).body.id;
  });

  /** A path parameter: a fresh evaluation (of the unit or the other), the draw, a rectification item, or something odd. */
  async function param(name: string, choice: number, odd: string, path: string): Promise<string> {
    if (name === 'number') return choice % 2 ? '1' : encodeURIComponent(odd);
    if (path.startsWith('/api/rectifications/{id}') && choice % 5 < 3) return itemId;
    if (name === 'id' && choice % 5 === 4) return drawId;
    const ids = [() => api.evaluation('office', 'draft'), () => api.evaluation('office', 'submitted'), () => api.evaluation('center', 'draft'), async () => encodeURIComponent(odd) || 'x'];
    return ids[choice % ids.length]!();
  }

  async function send(client: Client, op: Operation, params: { choice: number; odd: string; query: Record<string, string> }, body: { text?: string; type: string } | null) {
    let path = op.path;
    for (const name of op.path.match(/\{(\w+)\}/gu) ?? []) path = path.replace(name, await param(name.slice(1, -1), params.choice, params.odd, op.path));
    const query = new URLSearchParams(Object.entries(params.query).filter(([k]) => op.query.includes(k))).toString();
    const answer = await client.request(op.method, `${path}${query ? `?${query}` : ''}`, body ? { rawBody: body.text ?? '', headers: { 'content-type': body.type } } : {});
    counts.runs++;
    counts.byStatus.set(answer.status, (counts.byStatus.get(answer.status) ?? 0) + 1);
    assert.notEqual(answer.status, 500, `${op.method} ${path}: ${JSON.stringify(answer.body)?.slice(0, 300)}\nbody: ${body?.text?.slice(0, 300)}`);
    assert.ok(answer.status < 500 || answer.status === 503, `${op.method} ${path}: ${answer.status}`);
    if (answer.status >= 400) assert.equal(typeof answer.body?.error?.code, 'string', `${op.method} ${path}: the error shape`);
  }

  const client = async (role: Username | 'anonymous', op: Operation) =>
    // Logging in ends the session the client came with: login is fuzzed without one.
    role === 'anonymous' || op.path === '/api/login' ? api.anonymous() : api.as(role);

  test('JSON bodies: arbitrary, near-valid with one part broken, malformed, wrongly typed — never a 500', { timeout: 120_000 }, async () => {
    const withBody = operations.filter((op) => op.json);
    assert.ok(withBody.length >= 6, `${withBody.length} routes with a JSON body`);
    const body = fc.oneof(
      { weight: 5, arbitrary: fc.record({ pick: fc.nat(), how: fc.constantFrom('replace', 'remove', 'add') as fc.Arbitrary<'replace' | 'remove' | 'add'>, value: weird }).map((m) => ({ mutation: m })) },
      { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((json) => ({ json })) },
      { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES).map((raw) => ({ raw })) },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: withBody.length - 1 }), fc.constantFrom(...ROLES), body, fc.constantFrom(...CONTENT_TYPES), fc.nat(), oddParam,
        async (which, role, shape, type, choice, odd) => {
          const op = withBody[which]!;
          const value = 'mutation' in shape ? mutate(validBody(op), shape.mutation.pick, shape.mutation.how, shape.mutation.value) : 'json' in shape ? shape.json : undefined;
          const text = 'raw' in shape ? shape.raw : deepText(JSON.stringify(value) ?? '');
          // Mostly the JSON content type, so that the body reaches the validation.
          await send(await client(role, op), op, { choice, odd, query: {} }, { text, type: choice % 4 === 0 ? type : 'application/json' });
        },
      ),
      { numRuns: api.dialect === 'sqlite' ? 300 : 150, seed: 20261126 },
    );
  });

  test('path and query parameters: odd values on every route — never a 500', { timeout: 120_000 }, async () => {
    const names = [...new Set(operations.flatMap((op) => op.query))];
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: operations.length - 1 }), fc.constantFrom(...ROLES), fc.nat(), oddParam, fc.dictionary(fc.constantFrom(...names), oddParam, { maxKeys: 4 }),
        async (which, role, choice, odd, query) => {
          const op = operations[which]!;
          if (op.path === '/api/logout') return; // would end the session the other runs use
          const body = op.json ? { text: JSON.stringify(validBody(op)), type: 'application/json' } : null;
          await send(await client(role, op), op, { choice, odd, query }, body);
        },
      ),
      { numRuns: api.dialect === 'sqlite' ? 200 : 100, seed: 20261127 },
    );
  });

  test('uploads: random bytes, odd names and odd form fields on POST /api/import — never a 500', { timeout: 120_000 }, async () => {
    const preparer = await api.as('preparer');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.uint8Array({ maxLength: 8192 }), fc.string({ unit: 'grapheme', maxLength: 500 }).map((t) => new TextEncoder().encode(t))),
        fc.oneof(fc.constantFrom('a.pdf', 'a.xlsx', '', '..\\..\\x.txt', '表\u0000.txt', 'x'.repeat(5000)), fc.string({ maxLength: 20 })),
        fc.constantFrom('file', 'files', ''),
        async (bytes, name, field) => {
          const form = new FormData();
          form.append(field, new File([bytes], name));
          const answer = await preparer.request('POST', '/api/import', { rawBody: form });
          counts.runs++;
          counts.byStatus.set(answer.status, (counts.byStatus.get(answer.status) ?? 0) + 1);
          assert.ok(answer.status < 500, `${answer.status} ${JSON.stringify(answer.body)?.slice(0, 200)}`);
          if (answer.status >= 400) assert.equal(typeof answer.body?.error?.code, 'string');
        },
      ),
      { numRuns: api.dialect === 'sqlite' ? 40 : 15, seed: 20261130 },
    );
  });

  test('NUL or an unpaired surrogate in any string of a body, a query or a path: 400 naming the place (PostgreSQL cannot store them)', async () => {
    const preparer = await api.as('preparer');
    const id = await api.evaluation('office', 'draft');
    const body = validBody({ method: 'PUT', path: '/api/evaluations/{id}', json: true, query: [] });
    const strings = placesOf(body).filter((place) => typeof place.reduce<any>((v, k) => v?.[k], body) === 'string');
    assert.ok(strings.length >= 20, `${strings.length} text fields`);
    for (const [i, place] of strings.entries()) {
      const bad = i % 2 ? 'a\u0000b' : '\ud800前';
      const answer = await preparer.put(`/api/evaluations/${id}`, mutate(body, placesOf(body).findIndex((p) => p.join() === place.join()), 'replace', bad));
      counts.runs++;
      assert.equal(answer.status, 400, `${place.join('.')}: ${JSON.stringify(answer.body)}`);
      assert.equal(answer.body.error.issues[0].path, formatPath(place), 'the very field is named');
    }
    for (const [method, path] of [['GET', '/api/evaluations?project=a%00b'], ['GET', '/api/dashboard/table?project=%00'], ['GET', `/api/evaluations/${id}%00`], ['GET', '/api/public/evaluations?unit=%00']] as const) {
      const answer = await preparer.request(method, path);
      counts.runs++;
      assert.equal(answer.status, 400, `${path}: ${JSON.stringify(answer.body)}`);
    }
    const login = await api.anonymous().post('/api/login', { username: 'pre\u0000parer', password: PASSWORD });
    assert.deepEqual([login.status, login.body.error.issues[0].path], [400, 'username']);
    assert.equal((await repositories(api.database().db).evaluations.get(id))?.version, 1, 'nothing stored');
  });

  test('the server still answers afterwards', async () => {
    const health = await api.app().request('/api/health');
    assert.equal(health.status, 200);
    const statuses = [...counts.byStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
    process.stdout.write(`# fuzz api [${api.dialect}]: ${operations.length} operations, ${counts.runs} requests (${statuses}), no 500\n`);
  });
});
