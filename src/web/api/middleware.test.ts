/**
 * The typed client's middleware, in the order the app composes them (createApiClient), against a
 * fake server: the headers sent, the session ended on a 401, a busy answer waited out.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError, createApiClient, unwrap, type ApiClientOptions } from './client.ts';
import { retryPolicy } from './middleware.ts';
import { NO_RETRY } from './retry.ts';

interface Sent {
  method: string;
  path: string;
  headers: Headers;
  body: string;
}

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

/** A fake server answering each request with the next answer of `answers` (the last one for ever); records what it was sent. */
function fakeServer(answers: Answer[]) {
  const sent: Sent[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    sent.push({ method: request.method, path: url.pathname + url.search, headers: request.headers, body: await request.text() });
    const answer = answers[Math.min(sent.length - 1, answers.length - 1)]!;
    const body = answer.body === undefined ? null : JSON.stringify(answer.body);
    return new Response(body, { status: answer.status, headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...answer.headers } });
  };
  return { sent, fetch };
}

function makeClient(answers: Answer[], overrides: Partial<ApiClientOptions> = {}) {
  const server = fakeServer(answers);
  const events: string[] = [];
  const slept: number[] = [];
  const client = createApiClient({
    baseUrl: 'http://jixiao.test',
    fetch: server.fetch,
    language: () => 'en',
    csrfToken: () => 'token-1',
    unauthenticated: () => events.push('unauthenticated'),
    passwordChangeRequired: () => events.push('passwordChangeRequired'),
    sleep: async (ms) => void slept.push(ms),
    ...overrides,
  });
  return { client, sent: server.sent, events, slept };
}

const unit = { id: 'u1', code: '116001', name: '金融服务办公室', parentId: null, disabled: false, children: 0 };
const busy = (status: number, seconds: string | null, code = 'DATABASE_UNAVAILABLE'): Answer => ({
  status,
  body: { error: { code, message: 'later' } },
  headers: seconds === null ? {} : { 'Retry-After': seconds },
});

test('every request says the language; a mutating one carries the CSRF token, a read does not', async () => {
  const { client, sent } = makeClient([{ status: 200, body: unit }]);
  await unwrap(client.GET('/api/units/{id}', { params: { path: { id: 'u1' } } }));
  await unwrap(client.PATCH('/api/units/{id}', { params: { path: { id: 'u1' } }, body: { name: '新名称' } }));
  await unwrap(client.POST('/api/units', { body: { code: '1', name: 'x' } }));
  await unwrap(client.PUT('/api/years/{year}', { params: { path: { year: 2021 } }, body: { departmentReview: true, deadline: null } }));
  await unwrap(client.DELETE('/api/evaluations/{id}', { params: { path: { id: 'e1' } } }));
  assert.deepEqual(sent.map((s) => `${s.method} ${s.path} ${s.headers.get('x-csrf-token')} ${s.headers.get('accept-language')}`), [
    'GET /api/units/u1 null en',
    'PATCH /api/units/u1 token-1 en',
    'POST /api/units token-1 en',
    'PUT /api/years/2021 token-1 en',
    'DELETE /api/evaluations/e1 token-1 en',
  ]);
  assert.equal(sent[1]!.body, JSON.stringify({ name: '新名称' }));
  assert.equal(sent[1]!.headers.get('content-type'), 'application/json');
});

test('without a token (nobody logged in) no CSRF header is sent', async () => {
  const { client, sent } = makeClient([{ status: 200, body: { csrfToken: 't', user: {} } }], { csrfToken: () => null });
  await unwrap(client.POST('/api/login', { body: { username: 'a', password: 'b' } }));
  assert.equal(sent[0]!.headers.get('x-csrf-token'), null);
});

test('blank filters are left out of the query', async () => {
  const { client, sent } = makeClient([{ status: 200, body: { items: [], total: 0, limit: 50, offset: 0 } }]);
  await unwrap(client.GET('/api/evaluations', { params: { query: { year: 2021, unit: '', status: undefined, limit: 50, offset: 0 } } }));
  assert.equal(sent[0]!.path, '/api/evaluations?year=2021&limit=50&offset=0');
});

test('a 401 ends the session in the UI, but not the answer of the login itself or of /api/me', async () => {
  const refused = { status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'log in' } } };
  const { client, events } = makeClient([refused]);
  await assert.rejects(unwrap(client.POST('/api/login', { body: { username: 'a', password: 'wrong' } })), (e: unknown) => e instanceof ApiError && e.status === 401);
  await assert.rejects(unwrap(client.GET('/api/me')));
  assert.deepEqual(events, []);
  const error = await unwrap(client.GET('/api/evaluations/{id}', { params: { path: { id: 'e1' } } })).catch((e: unknown) => e);
  assert.deepEqual(events, ['unauthenticated']);
  assert.ok(error instanceof ApiError);
  assert.equal(error.code, 'UNAUTHENTICATED');
  assert.equal(error.message, 'log in');
});

test('a 403 PASSWORD_CHANGE_REQUIRED takes the user to the password page; another 403 does not', async () => {
  const { client, events } = makeClient([
    { status: 403, body: { error: { code: 'FORBIDDEN', message: 'no' } } },
    { status: 403, body: { error: { code: 'PASSWORD_CHANGE_REQUIRED', message: 'change it' } } },
  ]);
  await assert.rejects(unwrap(client.GET('/api/units')), (e: unknown) => e instanceof ApiError && e.code === 'FORBIDDEN');
  assert.deepEqual(events, []);
  await assert.rejects(unwrap(client.GET('/api/units')), (e: unknown) => e instanceof ApiError && e.code === 'PASSWORD_CHANGE_REQUIRED');
  assert.deepEqual(events, ['passwordChangeRequired']);
});

test('a 503 with Retry-After is asked again after the wait, the same request (body and token) again, and the caller gets the answer that stands', async () => {
  const { client, sent, slept } = makeClient([busy(503, '5'), busy(429, '2', 'TOO_MANY_IMPORTS'), { status: 200, body: { version: 8 } }]);
  const waits: string[] = [];
  const answer = await unwrap(
    client.PUT('/api/evaluations/{id}', {
      params: { path: { id: 'e1' } },
      body: { version: 7, evaluation: { schema: 'jixiao/evaluation@1', template: 't', year: 2021, project: { name: 'p' }, indicators: [] } },
      middleware: [retryPolicy({ onWait: (s, n) => waits.push(`wait ${s}s before ${n}`), onResend: (n) => waits.push(`send ${n}`) })],
    }),
  );
  assert.deepEqual(answer, { version: 8 });
  assert.deepEqual(slept, [5000, 2000]);
  assert.deepEqual(waits, ['wait 5s before 2', 'send 2', 'wait 2s before 3', 'send 3']);
  assert.equal(sent.length, 3);
  assert.ok(sent.every((s) => s.method === 'PUT' && s.body === sent[0]!.body && s.headers.get('x-csrf-token') === 'token-1'), 'the same request each time');
  assert.match(sent[0]!.body, /"version":7/u);
});

test('the retries are bounded: 4 calls in all by default, then the busy answer is the caller’s, with its Retry-After', async () => {
  const { client, sent, slept, events } = makeClient([busy(503, '1')]);
  const error = await unwrap(client.GET('/api/units')).catch((e: unknown) => e);
  assert.equal(sent.length, 4);
  assert.deepEqual(slept, [1000, 1000, 1000]);
  assert.ok(error instanceof ApiError);
  assert.equal(error.status, 503);
  assert.equal(error.code, 'DATABASE_UNAVAILABLE');
  assert.equal(error.retryAfter, 1);
  assert.deepEqual(events, []);
});

test('the total wait is bounded: a Retry-After that would pass 30 s in all is not waited', async () => {
  const { client, sent, slept } = makeClient([busy(503, '20')]);
  await assert.rejects(unwrap(client.GET('/api/units')), (e: unknown) => e instanceof ApiError && e.status === 503 && e.retryAfter === 20);
  assert.deepEqual(slept, [20_000], 'one wait of 20 s; a second would make 40');
  assert.equal(sent.length, 2);
  const long = makeClient([busy(429, '60', 'TOO_MANY_ATTEMPTS')]);
  await assert.rejects(unwrap(long.client.GET('/api/units')));
  assert.deepEqual(long.slept, [], 'a minute is longer than the client waits by itself');
});

test('only 429 and 503 with a Retry-After are waited out; other failures are the caller’s at once', async () => {
  for (const answer of [busy(503, null), busy(500, '1'), { status: 400, body: { error: { code: 'VALIDATION', message: 'bad', issues: [{ path: 'name', message: 'required' }] } } }]) {
    const { client, sent, slept } = makeClient([answer]);
    const error = await unwrap(client.GET('/api/units')).catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, answer.status);
    assert.equal(sent.length, 1);
    assert.deepEqual(slept, []);
  }
});

test('a request may choose its own policy: the autosave and the login ask once', async () => {
  const { client, sent } = makeClient([busy(503, '5'), { status: 200, body: { version: 2 } }]);
  await assert.rejects(
    unwrap(client.POST('/api/login', { body: { username: 'a', password: 'b' }, middleware: [retryPolicy(NO_RETRY)] })),
    (e: unknown) => e instanceof ApiError && e.status === 503 && e.retryAfter === 5,
  );
  assert.equal(sent.length, 1);
});

test('a wait ends when the request is aborted (the page left)', async () => {
  const controller = new AbortController();
  const { client, sent } = makeClient([busy(503, '5')], {
    sleep: (_ms, signal) =>
      new Promise((_resolve, reject) => {
        signal?.addEventListener('abort', () => reject(signal.reason));
        controller.abort(new Error('left'));
      }),
  });
  await assert.rejects(unwrap(client.GET('/api/units', { signal: controller.signal })), /left/u);
  assert.equal(sent.length, 1);
});

test('a network failure is the caller’s (no answer to wait out)', async () => {
  const client = createApiClient({
    baseUrl: 'http://jixiao.test',
    fetch: async () => {
      throw new TypeError('fetch failed');
    },
    language: () => 'zh',
    csrfToken: () => null,
    unauthenticated: () => {},
    passwordChangeRequired: () => {},
  });
  await assert.rejects(unwrap(client.GET('/api/units')), TypeError);
});
