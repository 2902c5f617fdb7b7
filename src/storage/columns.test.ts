import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decimalText, fenToYuan, readJson, yuanToFen } from './columns.ts';

test('money: decimal strings in 元 ↔ whole fen, exactly', () => {
  assert.equal(yuanToFen('414400.00'), 41440000);
  assert.equal(yuanToFen('0.1'), 10);
  assert.equal(yuanToFen('-2.05'), -205);
  assert.equal(yuanToFen(''), null);
  assert.equal(yuanToFen(undefined), null);
  assert.equal(fenToYuan(41440000), '414400.00');
  assert.equal(fenToYuan('114770200'), '1147702.00');
  assert.equal(fenToYuan(-205), '-2.05');
  assert.equal(fenToYuan(null), null);
  // A sum of many amounts from PostgreSQL, past 2^53 fen: still to the fen.
  assert.equal(fenToYuan('900719925474099317'), '9007199254740993.17');
  assert.equal(yuanToFen('12345678901234.00'), null);
});

test('NUMERIC and JSON columns in one shape', () => {
  assert.equal(decimalText(62.16), '62.16');
  assert.equal(decimalText('62.16'), '62.16');
  assert.equal(decimalText(100), '100.00');
  assert.equal(decimalText('-0.5'), '-0.50');
  assert.deepEqual(readJson('{"a":1}'), { a: 1 });
  assert.deepEqual(readJson({ a: 1 }), { a: 1 });
});
