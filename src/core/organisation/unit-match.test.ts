import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sameUnitName, unitMismatch } from './unit-match.ts';

const OFFICE = { unit: '上海市普陀区金融服务中心', department: '上海市普陀区金融服务办公室' };

test('names agree whatever the spaces, full-width characters and letter case', () => {
  assert.equal(sameUnitName(' 上海市普陀区 金融服务中心 ', '上海市普陀区金融服务中心'), true);
  assert.equal(sameUnitName('ＡＢＣ区　体育局', 'abc区体育局'), true, 'full-width letters and an ideographic space (NFKC)');
  assert.equal(sameUnitName('上海市普陀区体育局', '上海市普陀区金融服务中心'), false);
});

test('the file\'s unit is the user\'s unit or its department: no mismatch', () => {
  assert.equal(unitMismatch('上海市普陀区金融服务中心', OFFICE), null);
  assert.equal(unitMismatch('上海市普陀区金融服务办公室', OFFICE), null, 'the national form names the department (主管部门) in this field');
  assert.equal(unitMismatch('上海市普陀区 金融服务中心\u00a0', OFFICE), null);
});

test('another unit: both named, what the file says and whose the form will be', () => {
  assert.deepEqual(unitMismatch(' 上海市普陀区体育局 ', OFFICE), { file: '上海市普陀区体育局', unit: OFFICE.unit, department: OFFICE.department });
  assert.deepEqual(unitMismatch('上海市普陀区体育局', { unit: '上海市普陀区金融服务办公室', department: null }), { file: '上海市普陀区体育局', unit: '上海市普陀区金融服务办公室', department: null });
});

test('a blank field, or a user without a unit, says nothing', () => {
  assert.equal(unitMismatch(undefined, OFFICE), null);
  assert.equal(unitMismatch('  ', OFFICE), null);
  assert.equal(unitMismatch('上海市普陀区体育局', null), null);
});
