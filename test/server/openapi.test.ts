/** The OpenAPI document lists every route of docs/api.md (and no other). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ROOT } from '../support/fixtures.ts';
import { forEachApi } from './support/api-harness.ts';

/** `GET /api/evaluations/{id}` for every route in the table of docs/api.md (`a` / `b` rows give both). */
function documentedRoutes(): string[] {
  const doc = readFileSync(`${ROOT}docs/api.md`, 'utf8');
  const routes: string[] = [];
  for (const line of doc.split('\n')) {
    const m = /^\| (GET|POST|PUT|PATCH|DELETE) `([^`]+)`(?: \/ `([^`]+)`)?/u.exec(line);
    if (!m) continue;
    const path = m[2]!.replace(/:(\w+)/gu, '{$1}');
    routes.push(`${m[1]} ${path}`);
    if (m[3]) routes.push(`${m[1]} ${path.replace(/[^/]+$/u, m[3])}`);
  }
  return routes.sort();
}

forEachApi('OpenAPI', (api) => {
  test('every route of docs/api.md is in /api/openapi.json, with its method', async () => {
    const answer = await api.anonymous().get('/api/openapi.json');
    assert.equal(answer.status, 200);
    assert.match(answer.body.openapi, /^3\./u);
    const listed = Object.entries(answer.body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    const documented = documentedRoutes();
    assert.ok(documented.length >= 21, `read ${documented.length} routes from docs/api.md`);
    assert.deepEqual([...listed, 'GET /api/openapi.json'].sort(), documented);
    for (const name of ['Evaluation', 'Summary', 'User', 'Finding', 'Computed', 'Error']) assert.ok(answer.body.components.schemas[name], name);
  });

  test('every operation declares the 503 a database outage gives', async () => {
    const { paths } = (await api.anonymous().get('/api/openapi.json')).body as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    for (const [path, methods] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(methods)) assert.ok(operation.responses['503'], `${method.toUpperCase()} ${path}`);
    }
  });
});
