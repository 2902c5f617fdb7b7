import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashPassword, UNUSABLE_HASH, verifyPassword } from './passwords.ts';

test('passwords: salted scrypt hashes, verified, wrong ones refused', async () => {
  const a = await hashPassword('秘密 secret');
  const b = await hashPassword('秘密 secret');
  assert.notEqual(a, b, 'a new salt each time');
  assert.match(a, /^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/u);
  assert.equal(await verifyPassword('秘密 secret', a), true);
  assert.equal(await verifyPassword('秘密 secreT', a), false);
  assert.equal(await verifyPassword('', UNUSABLE_HASH), false);
  assert.equal(await verifyPassword('x', 'plain-text'), false);
});
