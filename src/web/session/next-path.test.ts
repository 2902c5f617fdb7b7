/** The address after login: back where the user was, only to a path of this application. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_LANDING, forgetSignedOut, nextFor, rememberSignedOut, safeNext } from './next-path.ts';

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

/** sessionStorage as a Map. */
function tab() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) };
}

test('the address belongs to who was signed out: another user starts at home, the same user comes back', () => {
  const store = tab();
  rememberSignedOut('preparer', store);
  assert.equal(nextFor('/evaluations/42', 'reviewer', store), DEFAULT_LANDING, 'another user: not the preparer’s form');
  assert.equal(nextFor('/evaluations/42', 'preparer', store), '/evaluations/42', 'the same user: back where they were');
  // Asked again at the next render: the same answer (the login page renders more than once).
  assert.equal(nextFor('/evaluations/42', 'reviewer', store), DEFAULT_LANDING);
});

test('nobody signed out here (a link opened before logging in): the address is followed, still only on this site', () => {
  const store = tab();
  assert.equal(nextFor('/rechecks/3', 'reviewer', store), '/rechecks/3');
  assert.equal(nextFor('//evil.example', 'reviewer', store), DEFAULT_LANDING);
  rememberSignedOut('preparer', store);
  forgetSignedOut(store);
  assert.equal(nextFor('/rechecks/3', 'reviewer', store), '/rechecks/3', 'forgotten once a user is in');
});

test('the last one signed out counts; without storage nobody is sent back to someone else’s page', () => {
  const store = tab();
  rememberSignedOut('preparer', store);
  rememberSignedOut('approver', store);
  assert.equal(nextFor('/evaluations/7', 'approver', store), '/evaluations/7');
  assert.equal(nextFor('/evaluations/7', 'preparer', store), DEFAULT_LANDING);
  assert.equal(nextFor('/evaluations/7', 'preparer', null), '/evaluations/7');
});
