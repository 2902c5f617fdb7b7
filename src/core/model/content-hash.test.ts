import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { canonicalJson, contentHash } from './content-hash.ts';

test('canonical JSON sorts keys at every depth and keeps array order', () => {
  assert.equal(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } }), '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
  assert.equal(canonicalJson([2, 1]), '[2,1]');
});

test('key order does not change the hash; a value, an array order or a key does', () => {
  const a = { project: { name: '项目', executed: '10.00' }, indicators: [{ name: '甲', score: 9.5 }] };
  const reordered = { indicators: [{ score: 9.5, name: '甲' }], project: { executed: '10.00', name: '项目' } };
  assert.equal(contentHash(a), contentHash(reordered));
  assert.notEqual(contentHash(a), contentHash({ ...a, project: { ...a.project, executed: '10.01' } }));
  assert.notEqual(contentHash({ x: [1, 2] }), contentHash({ x: [2, 1] }));
  assert.notEqual(contentHash({ x: 1 }), contentHash({ y: 1 }));
  assert.notEqual(contentHash({ x: '1' }), contentHash({ x: 1 }), 'a string is not a number');
});

test('the hash is the SHA-256 hex of the canonical text; undefined members are left out as JSON leaves them', () => {
  const text = '{"a":1,"b":"二"}';
  assert.equal(contentHash({ b: '二', a: 1, c: undefined }), createHash('sha256').update(text, 'utf8').digest('hex'));
  assert.match(contentHash({}), /^[0-9a-f]{64}$/u);
});

test('a document hashes the same after a JSON round trip (what a database gives back)', () => {
  const doc = { year: 2022, weight: 0.5, nested: { list: [{ b: null, a: true }] }, text: 'line\n"quoted"' };
  assert.equal(contentHash(JSON.parse(JSON.stringify(doc))), contentHash(doc));
});
