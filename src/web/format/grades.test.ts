import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gradeWord } from './grades.ts';

test('the grades of both templates in English, from the templates’ own words', () => {
  assert.deepEqual(['优', '良', '中', '差'].map((g) => gradeWord(g, 'en')), ['Excellent', 'Good', 'Fair', 'Poor']);
  assert.deepEqual(['优秀', '良好', '合格'].map((g) => gradeWord(g, 'en')), ['Excellent', 'Good', 'Pass']);
  assert.notEqual(gradeWord('不合格', 'en'), '不合格');
});

test('in Chinese as stored; unknown words as they are; blank stays blank', () => {
  assert.equal(gradeWord('优', 'zh'), '优');
  assert.equal(gradeWord('甲等', 'en'), '甲等');
  assert.equal(gradeWord('', 'en'), '');
  assert.equal(gradeWord(null, 'en'), '');
});
