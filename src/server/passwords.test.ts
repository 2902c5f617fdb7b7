import assert from 'node:assert/strict';
import { scryptSync } from 'node:crypto';
import { test } from 'node:test';
import { hashPassword, needsRehash, UNUSABLE_HASH, verifyPassword } from './passwords.ts';

test('passwords: salted scrypt hashes at OWASP\'s cost, verified, wrong ones refused', async () => {
  const a = await hashPassword('秘密 secret');
  const b = await hashPassword('秘密 secret');
  assert.notEqual(a, b, 'a new salt each time');
  assert.match(a, /^scrypt\$16384\$8\$5\$[\w-]+\$[\w-]+$/u);
  assert.equal(await verifyPassword('秘密 secret', a), true);
  assert.equal(await verifyPassword('秘密 secreT', a), false);
  assert.equal(await verifyPassword('', UNUSABLE_HASH), false);
  assert.equal(await verifyPassword('x', 'plain-text'), false);
  assert.equal(needsRehash(a), false);
});

test('a hash of the old cost (p=1) still verifies and asks to be made again; an absurd stored cost is refused, not computed', async () => {
  const salt = Buffer.from('0123456789abcdef');
  const old = ['scrypt', 16384, 8, 1, salt.toString('base64url'), scryptSync('旧密码 old', salt, 32, { N: 16384, r: 8, p: 1 }).toString('base64url')].join('$');
  assert.equal(await verifyPassword('旧密码 old', old), true);
  assert.equal(needsRehash(old), true);
  const started = performance.now();
  assert.equal(await verifyPassword('x', `scrypt$${2 ** 30}$8$1$${salt.toString('base64url')}$AAAA`), false);
  assert.ok(performance.now() - started < 100, 'refused at once');
});
