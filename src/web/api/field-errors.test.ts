import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from './client.ts';
import { fieldErrors } from './field-errors.ts';

const validation = (issues: { path: string; message: string }[]) => new ApiError(400, 'VALIDATION', 'bad', { error: { code: 'VALIDATION', message: 'bad', issues } }, null);

test('a 400 VALIDATION is shown on the fields the form has, several messages of one field together', () => {
  const error = validation([
    { path: 'code', message: 'taken' },
    { path: 'code', message: 'malformed' },
    { path: 'parentId', message: 'disabled' },
    { path: 'somewhere.else', message: 'not a field here' },
  ]);
  assert.deepEqual(fieldErrors(error, ['code', 'name', 'parentId']), [
    { name: 'code', errors: ['taken', 'malformed'] },
    { name: 'parentId', errors: ['disabled'] },
  ]);
});

test('other errors are not field errors', () => {
  assert.deepEqual(fieldErrors(new ApiError(409, 'LAST_ADMIN', 'no', null, null), ['role']), []);
  assert.deepEqual(fieldErrors(new Error('network'), ['role']), []);
});
