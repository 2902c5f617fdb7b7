/**
 * People over HTTP on each database: the admin creates users with one-time passwords, which must be
 * changed before anything else; everyone changes their own password under the rules; disabling a
 * user, changing or resetting a password ends that user's sessions; sessions end after the idle
 * timeout and 12 hours in all; the last admin stays.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { templateRegistry } from '../../src/core/templates/registry.ts';
import { createApp } from '../../src/server/app.ts';
import { Client, forEachApi, freshAddress, PASSWORD, type Api } from './support/api-harness.ts';

const unique = (prefix: string) => `${prefix}${crypto.randomUUID().slice(0, 6)}`;

/** Logs a user in with a password: the client, or the error answer. */
async function login(api: Api, username: string, password: string, app = api.app()) {
  const res = await app.request('/api/login', {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': freshAddress() }, body: JSON.stringify({ username, password }),
  });
  const body = (await res.json()) as any;
  const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? null;
  return { status: res.status, body, client: new Client({ ...api, app: () => app }, cookie, body.csrfToken ?? null, body.user) };
}

forEachApi('accounts: users, passwords, sessions', (api) => {
  describe('a new user with a one-time password', () => {
    test('is made to change it before anything else; the rules hold; the old sessions end', async () => {
      const admin = await api.as('admin');
      const username = unique('zhang.');
      const created = await admin.post('/api/users', { username, displayName: '张三', role: 'preparer', unitId: api.unitId('office') });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const otp = created.body.oneTimePassword as string;
      assert.match(otp, /^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/u);
      assert.deepEqual([created.body.user.role, created.body.user.unit.id, created.body.user.mustChangePassword], ['preparer', api.unitId('office'), true]);

      const first = await login(api, username, otp);
      assert.equal(first.status, 200);
      assert.equal(first.body.user.mustChangePassword, true);
      const blocked = await first.client.get('/api/evaluations');
      assert.deepEqual([blocked.status, blocked.body.error.code], [403, 'PASSWORD_CHANGE_REQUIRED']);
      assert.equal((await first.client.post('/api/evaluations', { evaluation: {} })).status, 403);
      assert.equal((await first.client.get('/api/me')).status, 200, 'who am I still answers');

      const change = (currentPassword: string, newPassword: string, client = first.client) => client.post('/api/me/password', { currentPassword, newPassword });
      const refusal = async (current: string, next: string) => {
        const answer = await change(current, next);
        assert.equal(answer.status, 400);
        return `${answer.body.error.issues[0].path}: ${answer.body.error.issues[0].message}`;
      };
      assert.equal(await refusal(otp, 'short'), 'newPassword: 密码至少 10 个字符');
      assert.equal(await refusal(otp, username), 'newPassword: 密码不能与用户名相同');
      assert.equal(await refusal(otp, 'password123'), 'newPassword: 密码过于常见，请换一个');
      assert.equal(await refusal(otp, otp), 'newPassword: 新密码不能与当前密码相同');
      assert.equal(await refusal('not-the-otp-at-all', 'a-good-new-password'), 'currentPassword: 当前密码不正确');

      const second = await login(api, username, otp);
      const changed = await change(otp, 'a-good-new-password');
      assert.equal(changed.status, 200);
      assert.equal(changed.body.user.mustChangePassword, false);
      assert.equal((await first.client.get('/api/me')).status, 401, 'the session that changed it was replaced');
      assert.equal((await second.client.get('/api/me')).status, 401, 'every other session of the user ended');
      const fresh = new Client(api, changed.headers.get('set-cookie')!.split(';')[0]!, changed.body.csrfToken);
      assert.equal((await fresh.get('/api/evaluations')).status, 200, 'the new session works, unblocked');
      assert.equal((await login(api, username, otp)).status, 401, 'the one-time password is gone');
      assert.equal((await login(api, username, 'a-good-new-password')).body.user.mustChangePassword, false);
    });

    test('roles and units: unit roles need a unit, the bureau\'s have none; usernames unique ignoring case', async () => {
      const admin = await api.as('admin');
      const path = async (body: unknown) => (await admin.post('/api/users', body)).body.error?.issues?.map((i: any) => i.path);
      assert.deepEqual(await path({ username: unique('a'), role: 'preparer' }), ['unitId']);
      assert.deepEqual(await path({ username: unique('a'), role: 'department' }), ['unitId']);
      assert.deepEqual(await path({ username: unique('a'), role: 'reviewer', unitId: api.unitId('office') }), ['unitId']);
      assert.deepEqual(await path({ username: 'PREPARER', role: 'reviewer' }), ['username']);
      assert.deepEqual(await path({ username: 'a b', role: 'reviewer' }), ['username']);
      const department = await admin.post('/api/users', { username: unique('dept'), role: 'department', unitId: api.unitId('office') });
      assert.equal(department.status, 201);
      const listed = await admin.get(`/api/users?q=${department.body.user.username}`);
      assert.deepEqual(listed.body.items.map((u: any) => [u.username, u.role, u.unitCode]), [[department.body.user.username, 'department', '117']]);
    });
  });

  describe('the admin disables users and resets passwords', () => {
    test('disabling ends the sessions and refuses the login; enabling lets the user back in', async () => {
      const admin = await api.as('admin');
      const created = await admin.post('/api/users', { username: unique('li.'), role: 'approver', unitId: api.unitId('center') });
      const { username } = created.body.user;
      const session = (await login(api, username, created.body.oneTimePassword)).client;
      await session.post('/api/me/password', { currentPassword: created.body.oneTimePassword, newPassword: 'li-si-password-2026' });
      const active = (await login(api, username, 'li-si-password-2026')).client;
      const disabled = await admin.request('PATCH', `/api/users/${created.body.user.id}`, { body: { disabled: true } });
      assert.equal(disabled.body.disabled, true);
      assert.equal((await active.get('/api/me')).status, 401);
      const refused = await login(api, username, 'li-si-password-2026');
      assert.deepEqual([refused.status, refused.body.error.code], [403, 'ACCOUNT_DISABLED']);
      assert.equal((await login(api, username, 'a-wrong-password')).status, 401, 'a wrong password says nothing of the account');
      await admin.request('PATCH', `/api/users/${created.body.user.id}`, { body: { disabled: false } });
      assert.equal((await login(api, username, 'li-si-password-2026')).status, 200);
    });

    test('a reset gives a new one-time password and ends the sessions', async () => {
      const admin = await api.as('admin');
      const created = await admin.post('/api/users', { username: unique('wang.'), role: 'reviewer' });
      const session = (await login(api, created.body.user.username, created.body.oneTimePassword)).client;
      const reset = await admin.post(`/api/users/${created.body.user.id}/reset-password`);
      assert.equal(reset.status, 200);
      assert.notEqual(reset.body.oneTimePassword, created.body.oneTimePassword);
      assert.equal((await session.get('/api/me')).status, 401);
      assert.equal((await login(api, created.body.user.username, created.body.oneTimePassword)).status, 401);
      assert.equal((await login(api, created.body.user.username, reset.body.oneTimePassword)).body.user.mustChangePassword, true);
    });

    test('the last admin who can log in is neither disabled nor demoted', async () => {
      const admin = await api.as('admin');
      const self = (await admin.get('/api/me')).body.user;
      const others = (await admin.get('/api/users?role=admin&disabled=false')).body.items.filter((u: any) => u.id !== self.id);
      for (const other of others) await admin.request('PATCH', `/api/users/${other.id}`, { body: { disabled: true } });
      const demote = await admin.request('PATCH', `/api/users/${self.id}`, { body: { role: 'reviewer' } });
      assert.deepEqual([demote.status, demote.body.error.code], [409, 'LAST_ADMIN']);
      assert.equal((await admin.request('PATCH', `/api/users/${self.id}`, { body: { disabled: true } })).status, 409);
      const second = await admin.post('/api/users', { username: unique('admin'), role: 'admin' });
      const demoted = await admin.request('PATCH', `/api/users/${second.body.user.id}`, { body: { role: 'reviewer' } });
      assert.deepEqual([demoted.status, demoted.body.role], [200, 'reviewer']);
      assert.equal((await admin.get('/api/me')).status, 200);
    });
  });

  describe('sessions end when idle and after 12 hours', () => {
    test('30 minutes without a request ends a session; use keeps it alive up to 12 hours', async () => {
      let now = Date.parse('2030-06-01T08:00:00Z');
      const app = createApp({ database: api.database(), templates: templateRegistry(), now: () => new Date(now) });
      const { client } = await login(api, 'reviewer', PASSWORD, app);
      const minutes = (n: number) => { now += n * 60_000; };
      minutes(29);
      assert.equal((await client.get('/api/me')).status, 200);
      minutes(29);
      assert.equal((await client.get('/api/me')).status, 200, '58 minutes after login, 29 after its last use');
      minutes(31);
      assert.equal((await client.get('/api/me')).status, 401, '31 minutes idle');

      now = Date.parse('2030-06-02T08:00:00Z');
      const { client: busy } = await login(api, 'reviewer', PASSWORD, app);
      for (let elapsed = 0; elapsed < 11 * 60 + 40; elapsed += 20) {
        minutes(20);
        assert.equal((await busy.get('/api/me')).status, 200, `in use, ${elapsed + 20} minutes in`);
      }
      minutes(21);
      assert.equal((await busy.get('/api/me')).status, 401, 'past 12 hours, however busy');
    });
  });

  test('a password hashed at the old cost is hashed again at the next login', async () => {
    const salt = Buffer.from('fedcba9876543210');
    const { scryptSync } = await import('node:crypto');
    const old = ['scrypt', 16384, 8, 1, salt.toString('base64url'), scryptSync('old-cost-password', salt, 32, { N: 16384, r: 8, p: 1 }).toString('base64url')].join('$');
    const repos = (await import('../../src/storage/repositories.ts')).repositories(api.database().db);
    const id = crypto.randomUUID();
    await repos.users.create({ id, username: unique('legacy'), displayName: 'legacy', role: 'reviewer', unitId: null, passwordHash: old }, new Date().toISOString());
    const username = (await repos.users.get(id))!.username;
    assert.equal((await login(api, username, 'old-cost-password')).status, 200);
    const rehashed = (await repos.users.passwordHash(id))!;
    assert.match(rehashed, /^scrypt\$16384\$8\$5\$/u);
    assert.equal((await login(api, username, 'old-cost-password')).status, 200, 'the same password, the new hash');
  });
});
