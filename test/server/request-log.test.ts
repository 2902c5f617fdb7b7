/**
 * The request log: one JSON line per request with its id (sent back as X-Request-Id), method, route
 * pattern, status, duration and user — and never a password, a cookie, a CSRF token or a body.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { pino } from 'pino';
import { createApp } from '../../src/server/app.ts';
import { forEachApi, freshAddress, PASSWORD } from './support/api-harness.ts';

/** A logger whose lines land in an array. */
function memoryLogger(level: string) {
  const lines: any[] = [];
  const stream = new Writable({ write(chunk, _encoding, done) { lines.push(...String(chunk).trim().split('\n').map((l) => JSON.parse(l))); done(); } });
  return { logger: pino({ level }, stream), lines };
}

forEachApi('request log', (api) => {
  test('one line per request: id, method, route, status, duration, user; nothing secret', async () => {
    const { logger, lines } = memoryLogger('info');
    const app = createApp({ database: api.database(), trustProxy: true, logger });
    const login = await app.request('/api/login', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': freshAddress() }, body: JSON.stringify({ username: 'preparer', password: PASSWORD }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken, user } = (await login.json()) as any;
    const id = await api.evaluation('office', 'draft');
    const read = await app.request(`/api/evaluations/${id}?lang=en`, { headers: { cookie, 'x-request-id': 'balancer-42' } });
    await app.request(`/api/evaluations/${id}`, { method: 'PUT', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: '{"version":"x"}' });
    await app.request('/api/login', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': freshAddress() }, body: JSON.stringify({ username: 'preparer', password: 'a-wrong-secret-1' }) });

    assert.equal(read.headers.get('x-request-id'), 'balancer-42', 'a sane id from the balancer is kept');
    assert.match(login.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/u);
    const requests = lines.filter((l) => l.msg === 'request');
    assert.equal(requests.length, 4);
    assert.deepEqual(requests.map((l) => [l.method, l.route, l.status]), [
      ['POST', '/api/login', 200], ['GET', '/api/evaluations/:id', 200], ['PUT', '/api/evaluations/:id', 400], ['POST', '/api/login', 401],
    ]);
    assert.deepEqual(requests.map((l) => l.userId), [null, user.id, user.id, null]);
    assert.equal(requests[1].reqId, 'balancer-42');
    assert.equal(requests[0].reqId, login.headers.get('x-request-id'));
    for (const l of requests) {
      assert.equal(typeof l.time, 'number');
      assert.ok(typeof l.ms === 'number' && l.ms >= 0);
      assert.equal(l.path.includes('?'), false);
    }
    const text = JSON.stringify(lines);
    for (const secret of [PASSWORD, 'a-wrong-secret-1', csrfToken, cookie.split('=')[1]!]) assert.ok(!text.includes(secret), 'no secret in the log');
  });

  test('LOG_LEVEL above info: no request lines; an unexpected error is logged with the request id', async () => {
    const { logger, lines } = memoryLogger('warn');
    const app = createApp({ database: api.database(), logger });
    app.get('/api/boom', () => { throw new Error('boom'); });
    const answer = await app.request('/api/boom', { headers: { 'x-request-id': 'trace-me' } });
    assert.equal(answer.status, 500);
    await app.request('/api/health');
    assert.deepEqual(lines.map((l) => [l.level, l.msg, l.reqId, l.err?.message]), [[50, 'unexpected error', 'trace-me', 'boom']]);
  });
});
