/**
 * Security events in the database, for the admin: logins (succeeded, failed: a wrong password, an
 * unknown user, a disabled account), logouts, passwords changed and reset, users created, disabled,
 * enabled, given another role or unit, and downloads of what is not public — filtered and paged.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client, forEachApi, freshAddress } from './support/api-harness.ts';

const unique = (prefix: string) => `${prefix}${crypto.randomUUID().slice(0, 6)}`;

forEachApi('security events', (api) => {
  test('what happens to accounts and what leaves the server is recorded, with who, whom and from where', async () => {
    const admin = await api.as('admin');
    const username = unique('evt.');
    const address = freshAddress();
    const login = (password: string) => api.app().request('/api/login', {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body: JSON.stringify({ username, password }),
    });
    const created = (await admin.post('/api/users', { username, role: 'preparer', unitId: api.unitId('office') })).body;
    assert.equal((await login('a-wrong-password')).status, 401);
    const first = await login(created.oneTimePassword);
    const session = new Client(api, first.headers.get('set-cookie')!.split(';')[0]!, ((await first.json()) as any).csrfToken);
    const changed = await session.post('/api/me/password', { currentPassword: created.oneTimePassword, newPassword: 'evt-new-password-1' });
    const after = new Client(api, changed.headers.get('set-cookie')!.split(';')[0]!, changed.body.csrfToken);
    const draft = await api.evaluation('office', 'draft');
    assert.equal((await after.get(`/api/evaluations/${draft}/export.xlsx`)).status, 200);
    assert.equal((await after.post('/api/logout')).status, 204);
    await admin.request('PATCH', `/api/users/${created.user.id}`, { body: { role: 'approver' } });
    await admin.request('PATCH', `/api/users/${created.user.id}`, { body: { disabled: true } });
    assert.equal((await login('evt-new-password-1')).status, 403);
    await admin.post(`/api/users/${created.user.id}/reset-password`);
    const published = await api.evaluation('office', 'published');
    assert.equal((await admin.get(`/api/evaluations/${published}/export.pdf`)).status, 200, 'a published form is public: no event');

    const events = (await admin.get(`/api/admin/security-events?username=${username}&limit=100`)).body;
    const lines = [...events.items].reverse().map((e: any) => [e.action, e.user?.username ?? null, e.subject?.username ?? null, e.address, e.detail.reason ?? e.detail.what ?? e.detail.to ?? null]);
    assert.deepEqual(lines, [
      ['user.created', 'admin', username, null, null],
      ['login.failed', null, username, address, 'wrongPassword'],
      ['login.succeeded', username, username, address, null],
      ['password.changed', username, username, 'unknown', null],
      ['download', username, null, 'unknown', 'evaluation.xlsx'],
      ['logout', username, null, 'unknown', null],
      ['user.roleChanged', 'admin', username, null, 'approver'],
      ['user.disabled', 'admin', username, null, null],
      ['login.failed', null, username, address, 'disabled'],
      ['password.reset', 'admin', username, null, null],
    ]);
    assert.equal(events.total, 10);
  });

  test('filtered by action and time, paged newest first; a login of no account is recorded by the name typed', async () => {
    const admin = await api.as('admin');
    const ghost = unique('ghost');
    await api.app().request('/api/login', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': freshAddress() }, body: JSON.stringify({ username: ghost, password: 'x-x-x-x-x-x' }) });
    const failed = (await admin.get(`/api/admin/security-events?action=login.failed&username=${ghost}`)).body;
    assert.deepEqual(failed.items.map((e: any) => [e.username, e.user, e.subject, e.detail.reason]), [[ghost, null, null, 'unknownUser']]);
    for (let i = 0; i < 3; i++) await api.login('reviewer');
    const page1 = (await admin.get('/api/admin/security-events?action=login.succeeded&limit=2&offset=0')).body;
    const page2 = (await admin.get('/api/admin/security-events?action=login.succeeded&limit=2&offset=2')).body;
    assert.equal(page1.items.length, 2);
    assert.ok(page1.total >= 3);
    assert.ok(page1.items[0].at >= page1.items[1].at && page1.items[1].at >= page2.items[0].at, 'newest first');
    assert.equal((await admin.get('/api/admin/security-events?from=2999-01-01')).body.total, 0);
    assert.equal((await admin.get('/api/admin/security-events?action=login.exploded')).status, 400);
    assert.equal((await (await api.as('reviewer')).get('/api/admin/security-events')).status, 403);
  });
});
