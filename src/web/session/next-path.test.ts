/** The address after login: back where the user was, only to a path of this application. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_LANDING, safeNext } from './next-path.ts';

test('a path of the application comes back as it was, with its query and hash', () => {
  assert.equal(safeNext('/evaluations/42'), '/evaluations/42');
  assert.equal(safeNext('/evaluations?year=2021&status=draft'), '/evaluations?year=2021&status=draft');
  assert.equal(safeNext('/rechecks/3#gap'), '/rechecks/3#gap');
  assert.equal(safeNext('/evaluations/%E9%87%91'), '/evaluations/%E9%87%91');
});

test('nothing asked for: the list', () => {
  for (const next of [null, undefined, '']) assert.equal(safeNext(next), DEFAULT_LANDING);
});

test('another site, a scheme or a trick that a browser reads as another site: the list', () => {
  for (const next of [
    'https://evil.example/evaluations/1',
    'http:evil.example',
    '//evil.example/x',
    '///evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    'javascript:alert(1)',
    'evaluations/1',
    ' /evaluations/1',
    `/${'a'.repeat(3000)}`,
  ]) assert.equal(safeNext(next), DEFAULT_LANDING, JSON.stringify(next));
});

test('the login page itself is no place to come back to', () => {
  assert.equal(safeNext('/login'), DEFAULT_LANDING);
  assert.equal(safeNext('/login/?next=/login'), DEFAULT_LANDING);
});

test('dot segments are resolved and stay on the site', () => {
  assert.equal(safeNext('/evaluations/../admin/users'), '/admin/users');
  assert.equal(safeNext('/../../evaluations/1'), '/evaluations/1');
});
