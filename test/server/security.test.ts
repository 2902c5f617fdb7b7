/**
 * Sessions and the defences around them: the cookie's attributes, a new session at every login
 * (no fixation), logout, CSRF on every mutating request, the login rate limit kept in the
 * database, and the security headers on every response.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { repositories } from '../../src/storage/repositories.ts';
import { seedEvaluations } from '../support/fixtures.ts';
import { Client, forEachApi, freshAddress, PASSWORD, type Username } from './support/api-harness.ts';

forEachApi('security', (api) => {
  const loginRaw = (username: string, password: string, address: string, cookie?: string) =>
    api.app().request('/api/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ username, password }),
    });

  test('login sets an HttpOnly, SameSite=Strict session cookie and returns the CSRF token and the user', async () => {
    const res = await loginRaw('preparer', PASSWORD, freshAddress());
    assert.equal(res.status, 200);
    const cookie = res.headers.get('set-cookie')!;
    assert.match(cookie, /^jixiao_session=[\w-]{40,};/u);
    assert.match(cookie, /HttpOnly/u);
    assert.match(cookie, /SameSite=Strict/u);
    assert.match(cookie, /Path=\//u);
    assert.doesNotMatch(cookie, /Secure/u, 'plain http in tests');
    const body = (await res.json()) as any;
    assert.equal(typeof body.csrfToken, 'string');
    assert.equal(body.user.username, 'preparer');
    assert.equal(body.user.role, 'preparer');
    assert.equal(typeof body.user.unit.name, 'string');
  });

  test('the cookie is Secure when served over HTTPS (behind a proxy that says so)', async () => {
    const res = await api.app().request('https://jixiao.example/api/login', {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': freshAddress() },
      body: JSON.stringify({ username: 'admin', password: PASSWORD }),
    });
    assert.match(res.headers.get('set-cookie')!, /Secure/u);
  });

  test('session fixation: the session id changes at login and the one presented is ended', async () => {
    const before = await api.login('preparer');
    const res = await loginRaw('preparer', PASSWORD, freshAddress(), before.cookie!);
    const after = res.headers.get('set-cookie')!.split(';')[0]!;
    assert.notEqual(after, before.cookie);
    assert.equal((await before.get('/api/me')).status, 401, 'the old session no longer works');
    assert.equal((await new Client(api, after, null).get('/api/me')).status, 200);
  });

  test('session fixation: a session id chosen before login (planted cookie) is never adopted', async () => {
    const planted = `jixiao_session=${'A'.repeat(43)}`;
    const res = await loginRaw('preparer', PASSWORD, freshAddress(), planted);
    assert.equal(res.status, 200);
    const issued = res.headers.get('set-cookie')!.split(';')[0]!;
    assert.notEqual(issued, planted);
    assert.equal((await new Client(api, planted, null).get('/api/me')).status, 401, 'the planted id is no session');
    assert.equal((await new Client(api, issued, null).get('/api/me')).status, 200);
  });

  test('a session ended by logout stays ended: its cookie and CSRF token no longer work', async () => {
    const client = await api.login('preparer');
    assert.equal((await client.post('/api/logout')).status, 204);
    assert.equal((await client.get('/api/evaluations')).status, 401);
    const id = await api.evaluation('office', 'draft');
    const put = await client.put(`/api/evaluations/${id}`, { version: 1, evaluation: seedEvaluations()[0] });
    assert.equal(put.status, 401);
  });

  test('another unit\'s evaluation: every evaluation route of the OpenAPI document answers as for an id that does not exist', async () => {
    const document = (await (await api.app().request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/api/evaluations/{id}'))
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })));
    assert.ok(operations.length >= 10, `${operations.length} operations`);
    // A valid body for each route that takes one: the answer must come from the form being out of reach, not from the body.
    const bodies: Array<[RegExp, unknown]> = [
      [/^PUT \/api\/evaluations\/\{id\}$/u, { version: 1, evaluation: seedEvaluations()[0] }],
      [/\/transitions$/u, { action: 'submit', version: 1 }],
      [/\/public$/u, { public: true }],
      [/^POST .*\/rectifications$/u, { problem: '目标值偏低', requirement: '说明原因', dueDate: '2099-12-31' }],
      [/^PUT .*\/results-application$/u, { category: 'keep', text: '保持预算' }],
    ];
    const bodyOf = (path: string, method: string) => bodies.find(([route]) => route.test(`${method} ${path}`))?.[1];
    const query = (path: string) => (path.endsWith('/diff') ? '?from=current&to=current' : '');
    for (const [who, unit] of [['preparer2', 'office'], ['approver2', 'office'], ['preparer', 'center']] as const) {
      const client = await api.login(who as Username);
      const theirs = await api.evaluation(unit, 'draft');
      for (const { method, path } of operations) {
        const url = (id: string) => path.replace('{id}', id).replace('{number}', '1') + query(path);
        const other = await client.request(method, url(theirs), { ...(bodyOf(path, method) ? { body: bodyOf(path, method) } : {}) });
        const missing = await client.request(method, url(crypto.randomUUID()), { ...(bodyOf(path, method) ? { body: bodyOf(path, method) } : {}) });
        // The bureau's own record is refused to every unit role whatever the form (403 for any id, one that exists or not).
        const expected = path.endsWith('/results-application') ? 403 : 404;
        assert.equal(other.status, expected, `${who} ${method} ${path}: ${JSON.stringify(other.body)}`);
        assert.deepEqual(other.body, missing.body, `${who} ${method} ${path}: the same answer as for no such id`);
      }
      const stored = await repositories(api.database().db).evaluations.get(theirs);
      assert.deepEqual([stored?.version, stored?.status], [1, 'draft'], 'nothing changed');
    }
  });

  test('wrong password and unknown user: 401 INVALID_CREDENTIALS, the same answer', async () => {
    const wrong = await loginRaw('preparer', 'nope', freshAddress());
    const unknown = await loginRaw('nobody', 'nope', freshAddress());
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    assert.deepEqual(await wrong.json(), await unknown.json());
  });

  test('logout ends the session', async () => {
    const client = await api.login('reviewer');
    const res = await client.post('/api/logout');
    assert.equal(res.status, 204);
    assert.match(res.headers.get('set-cookie') ?? '', /jixiao_session=;/u);
    assert.equal((await client.get('/api/me')).status, 401);
  });

  test('CSRF: a mutating request without the token or with a wrong one → 403 CSRF, nothing written', async () => {
    const preparer = await api.login('preparer');
    const id = await api.evaluation('office', 'draft');
    const evaluation = seedEvaluations()[0]!;
    evaluation.problems = 'csrf';
    const countBefore = (await repositories(api.database().db).evaluations.list({ nothing: false, unitId: null, subtreePath: null, statuses: null })).length;
    const attempts = [
      preparer.put(`/api/evaluations/${id}`, { version: 1, evaluation }, { csrf: false }),
      preparer.put(`/api/evaluations/${id}`, { version: 1, evaluation }, { csrf: 'wrong-token' }),
      preparer.post('/api/evaluations', { evaluation }, { csrf: false }),
      preparer.post('/api/evaluations', { evaluation }, { csrf: (await api.login('preparer')).csrfToken! }),
      preparer.post(`/api/evaluations/${id}/copy-to-next-year`, undefined, { csrf: false }),
      (await api.login('approver')).post(`/api/evaluations/${id}/transitions`, { action: 'submit', version: 1 }, { csrf: '' }),
      preparer.post('/api/logout', undefined, { csrf: false }),
    ];
    for (const answer of await Promise.all(attempts)) {
      assert.equal(answer.status, 403);
      assert.equal(answer.body.error.code, 'CSRF');
    }
    const stored = await repositories(api.database().db).evaluations.get(id);
    assert.deepEqual([stored?.version, stored?.status], [1, 'draft']);
    assert.equal((await repositories(api.database().db).evaluations.list({ nothing: false, unitId: null, subtreePath: null, statuses: null })).length, countBefore);
    assert.equal((await preparer.get('/api/me')).status, 200, 'the refused logout did not end the session');
  });

  test('a username with many failures is slowed down, never locked: the right password still gets in, from anywhere', async () => {
    const { createApp } = await import('../../src/server/app.ts');
    // The delays of production (1 s, 2 s, 4 s … 10 s) scaled down: 100 ms a failure past the fifth.
    // Every delay the app decided, in order: whom a delay applies to is read from here, not from a clock.
    const delays: number[] = [];
    const slowed = createApp({ database: api.database(), trustProxy: true, loginDelayMs: (n) => { const ms = n < 5 ? 0 : 100 * (n - 4); delays.push(ms); return ms; } });
    // A user of its own: the failures stay in the database for 15 minutes and would slow the demo's users in later tests.
    const created = await (await api.as('admin')).post('/api/users', { username: 'slowed.user', role: 'approver', unitId: api.unitId('office') });
    const username = 'slowed.user';
    const changed = await loginRaw(username, created.body.oneTimePassword, freshAddress());
    const session = new Client(api, changed.headers.get('set-cookie')!.split(';')[0]!, ((await changed.json()) as any).csrfToken);
    assert.equal((await session.post('/api/me/password', { currentPassword: created.body.oneTimePassword, newPassword: PASSWORD })).status, 200);
    const attempt = (password: string, as = username) => slowed.request('/api/login', {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': freshAddress() }, body: JSON.stringify({ username: as, password }),
    });
    for (let i = 0; i < 12; i++) assert.equal((await attempt(`wrong ${i}`)).status, 401, 'each from another address: no address limit');
    const started = performance.now();
    const right = await attempt(PASSWORD);
    const waited = performance.now() - started;
    assert.equal(right.status, 200, 'never refused: no one can lock the user out by failing on purpose');
    assert.ok(waited >= 100 * 8, `slowed by the 12 failures before it: ${waited.toFixed(0)} ms`);
    assert.equal(delays.at(-1), 800, 'the right password waited for the 12 failures before it');
    // Another user on the same app right after: no delay of its own. (Timed, this was flaky: on a busy
    // machine one scrypt hash alone can take longer than the slowed user's delay.)
    assert.equal((await attempt(PASSWORD, 'admin')).status, 200);
    assert.equal(delays.at(-1), 0, 'other users are not slowed');
  });

  test('the login limit cannot be raced: 60 wrong logins at once from one address, only 10 are checked', async () => {
    const address = freshAddress();
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => loginRaw(`racer${i}`, 'wrong', address)));
    const statuses = answers.map((r) => r.status);
    assert.equal(statuses.filter((s) => s === 401).length, 10, statuses.join(' '));
    assert.equal(statuses.filter((s) => s === 429).length, 50);
    assert.equal((await loginRaw('reviewer', PASSWORD, address)).status, 429);
  });

  test('behind the proxy the address is the one the proxy appended: a client cannot choose its own, nor lock another out', async () => {
    const attacker = freshAddress();
    const victim = freshAddress();
    // The client writes any X-Forwarded-For it likes; the proxy appends the address it saw.
    for (let i = 0; i < 10; i++) assert.equal((await loginRaw(`guess${i}`, 'x', `${freshAddress()}, ${attacker}`)).status, 401);
    assert.equal((await loginRaw('guess', 'x', `${freshAddress()}, ${attacker}`)).status, 429, 'a new first entry does not escape the limit');
    for (let i = 0; i < 10; i++) await loginRaw(`guess${i}`, 'x', `${victim}, ${freshAddress()}`);
    assert.equal((await loginRaw('reviewer', PASSWORD, victim)).status, 200, 'failures that name the victim first are not the victim\'s');
  });

  test('login rate limit: after 10 failures from one address → 429 for any username from it', async () => {
    const address = freshAddress();
    for (let i = 0; i < 10; i++) assert.equal((await loginRaw(`guess${i}`, 'x', address)).status, 401);
    assert.equal((await loginRaw('reviewer', PASSWORD, address)).status, 429);
    assert.equal((await loginRaw('reviewer', PASSWORD, freshAddress())).status, 200);
  });

  test('the limit lives in the database: a second app on the same database refuses too', async () => {
    const { createApp } = await import('../../src/server/app.ts');
    const other = createApp({ database: api.database(), trustProxy: true });
    const address = freshAddress();
    for (let i = 0; i < 10; i++) await loginRaw(`someone${i}`, 'x', address);
    const res = await other.request('/api/login', {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ username: 'preparer', password: PASSWORD }),
    });
    assert.equal(res.status, 429);
  });

  test('the window passes: an address\'s failures older than a minute no longer count', async () => {
    const { createApp } = await import('../../src/server/app.ts');
    const later = createApp({ database: api.database(), trustProxy: true, now: () => new Date(Date.now() + 61_000) });
    const address = freshAddress();
    for (let i = 0; i < 10; i++) await loginRaw(`window${i}`, 'x', address);
    assert.equal((await loginRaw('preparer2', PASSWORD, address)).status, 429);
    const res = await later.request('/api/login', {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ username: 'preparer2', password: PASSWORD }),
    });
    assert.equal(res.status, 200);
  });

  test('security headers on every response: API, errors, not found, public, OpenAPI', async () => {
    const responses = await Promise.all([
      api.app().request('/api/health'),
      api.app().request('/api/me'),
      api.app().request('/api/nowhere'),
      api.app().request('/api/public/evaluations'),
      api.app().request('/api/openapi.json'),
      api.app().request('/api/login', { method: 'POST', body: '{', headers: { 'content-type': 'application/json' } }),
    ]);
    for (const res of responses) {
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'self'/u, res.url);
      assert.match(csp, /frame-ancestors 'none'/u);
      assert.match(csp, /script-src 'self'(;|$)/u, 'no inline scripts');
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('x-frame-options'), 'DENY');
      assert.equal(res.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
      assert.equal(res.headers.get('cache-control'), 'no-store');
    }
    assert.deepEqual(responses.map((r) => r.status), [200, 401, 404, 200, 200, 400]);
  });
});

/** A built UI of two files, enough to serve static files and the SPA fallback. */
const webRoot = mkdtempSync(join(tmpdir(), 'jixiao-web-'));
mkdirSync(join(webRoot, 'assets'));
writeFileSync(join(webRoot, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>');
writeFileSync(join(webRoot, 'assets/app.js'), 'console.log("app");');

forEachApi('security headers on every kind of response', (api) => {
  test('UI files, the SPA fallback, 404s, errors, API answers, public pages and every export', async () => {
    const preparer = await api.as('preparer');
    const reviewer = await api.as('reviewer');
    const draft = await api.evaluation('office', 'draft');
    const published = await api.evaluation('office', 'published');
    const app = api.app();
    const withSession = (client: Client) => ({ headers: { cookie: client.cookie! } });
    const requests: Array<[string, Response | Promise<Response>, number]> = [
      ['UI index', app.request('/'), 200],
      ['UI asset', app.request('/assets/app.js'), 200],
      ['UI SPA fallback', app.request(`/evaluations/${draft}`), 200],
      ['UI public page', app.request('/public'), 200],
      ['API 404', app.request('/api/nowhere'), 404],
      ['API 401', app.request('/api/evaluations'), 401],
      ['API 403', app.request('/api/rechecks', withSession(preparer)), 403],
      ['API 400', app.request('/api/login', { method: 'POST', body: '{', headers: { 'content-type': 'application/json' } }), 400],
      ['API 413', app.request('/api/evaluations', { method: 'POST', headers: { cookie: preparer.cookie!, 'x-csrf-token': preparer.csrfToken!, 'content-type': 'application/json', 'content-length': String(6 * 1024 * 1024) }, body: '{}' }), 413],
      ['API 200', app.request('/api/evaluations', withSession(preparer)), 200],
      ['public list', app.request('/api/public/evaluations'), 200],
      ['public PDF', app.request(`/api/public/evaluations/${published}/export.pdf`), 200],
      ['export PDF', app.request(`/api/evaluations/${draft}/export.pdf`, withSession(preparer)), 200],
      ['export XLSX', app.request(`/api/evaluations/${draft}/export.xlsx`, withSession(preparer)), 200],
      ['dashboard CSV', app.request('/api/dashboard/export.csv', withSession(reviewer)), 200],
      ['dashboard XLSX', app.request('/api/dashboard/export.xlsx', withSession(reviewer)), 200],
      ['OpenAPI', app.request('/api/openapi.json'), 200],
    ];
    for (const [what, pending, status] of requests) {
      const res = await pending;
      assert.equal(res.status, status, what);
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'self'/u, what);
      assert.match(csp, /script-src 'self'(;|$)/u, what);
      assert.match(csp, /frame-ancestors 'none'/u, what);
      assert.match(csp, /object-src 'none'/u, what);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', what);
      assert.equal(res.headers.get('x-frame-options'), 'DENY', what);
      assert.equal(res.headers.get('referrer-policy'), 'strict-origin-when-cross-origin', what);
      if (what.startsWith('UI')) assert.match(res.headers.get('content-type') ?? '', /text\/html|javascript/u, what);
      else assert.equal(res.headers.get('cache-control'), 'no-store', `${what}: per-user answers are not cached`);
      await res.arrayBuffer();
    }
  });
}, { webRoot });
