/**
 * The per-process session cache (src/server/session-cache.ts): within the process a logout, a
 * password changed or reset, a user disabled or changed, and a unit renamed take effect on the very
 * next request, although the session was read less than SESSION_CACHE_MS before; a change made
 * behind the process's back (another process, the command line) within SESSION_CACHE_MS.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { sessionId } from '../../src/server/services/auth-service.ts';
import { SESSION_CACHE_MS } from '../../src/server/session-cache.ts';
import { Client, forEachApi, freshAddress, type Api } from './support/api-harness.ts';

const unique = (prefix: string) => `${prefix}${crypto.randomUUID().slice(0, 6)}`;

/** A new user of the office with a chosen password, and a session of it just used (so cached). */
async function userWithSession(api: Api): Promise<{ id: string; username: string; password: string; session: Client }> {
  const admin = await api.as('admin');
  const created = await admin.post('/api/users', { username: unique('cache.'), role: 'preparer', unitId: api.unitId('office') });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const { id, username } = created.body.user;
  const password = 'cache-test-password-2026';
  const first = await login(api, username, created.body.oneTimePassword);
  assert.equal((await first.post('/api/me/password', { currentPassword: created.body.oneTimePassword, newPassword: password })).status, 200);
  const session = await login(api, username, password);
  assert.equal((await session.get('/api/evaluations')).status, 200, 'the session is read, and now cached');
  return { id, username, password, session };
}

async function login(api: Api, username: string, password: string): Promise<Client> {
  const res = await api.app().request('/api/login', {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': freshAddress() }, body: JSON.stringify({ username, password }),
  });
  assert.equal(res.status, 200);
  const body = (await res.json()) as any;
  return new Client(api, res.headers.get('set-cookie')!.split(';')[0]!, body.csrfToken, body.user);
}

forEachApi('the session cache', (api) => {
  test('a logout ends the session at once', async () => {
    const { session } = await userWithSession(api);
    assert.equal((await session.post('/api/logout')).status, 204);
    assert.equal((await session.get('/api/evaluations')).status, 401);
  });

  test('a password change ends the user\'s other sessions at once', async () => {
    const { username, password, session } = await userWithSession(api);
    const other = await login(api, username, password);
    assert.equal((await other.get('/api/me')).status, 200);
    assert.equal((await session.post('/api/me/password', { currentPassword: password, newPassword: 'another-password-2026' })).status, 200);
    assert.equal((await other.get('/api/me')).status, 401);
    assert.equal((await session.get('/api/me')).status, 401, 'the session that changed it was replaced');
  });

  test('disabling, a reset and a role change by the admin take effect at once', async () => {
    const admin = await api.as('admin');
    const disabled = await userWithSession(api);
    assert.equal((await admin.request('PATCH', `/api/users/${disabled.id}`, { body: { disabled: true } })).status, 200);
    assert.equal((await disabled.session.get('/api/me')).status, 401);

    const reset = await userWithSession(api);
    assert.equal((await admin.post(`/api/users/${reset.id}/reset-password`)).status, 200);
    assert.equal((await reset.session.get('/api/me')).status, 401);

    const promoted = await userWithSession(api);
    assert.equal((await admin.request('PATCH', `/api/users/${promoted.id}`, { body: { role: 'approver' } })).status, 200);
    assert.equal((await promoted.session.get('/api/me')).body.user.role, 'approver');
  });

  test('a unit renamed shows in its users\' sessions at once', async () => {
    const admin = await api.as('admin');
    const { session } = await userWithSession(api);
    const unit = (await admin.get(`/api/units/${api.unitId('office')}`)).body;
    const renamed = `${unit.name}（缓存）`;
    assert.equal((await admin.request('PATCH', `/api/units/${unit.id}`, { body: { name: renamed } })).status, 200);
    try {
      assert.equal((await session.get('/api/me')).body.user.unit.name, renamed);
    } finally {
      await admin.request('PATCH', `/api/units/${unit.id}`, { body: { name: unit.name } });
    }
  });

  test('a session ended behind the process\'s back (another process) is refused within SESSION_CACHE_MS', async () => {
    const { session } = await userWithSession(api);
    const token = session.cookie!.split('=')[1]!;
    await api.database().db.deleteFrom('sessions').where('id', '=', sessionId(token)).execute();
    await sleep(SESSION_CACHE_MS + 50);
    assert.equal((await session.get('/api/me')).status, 401);
  });
});
