import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeExtractedText, radicalToIdeograph } from './cjk-radicals.ts';

const isRadical = (ch: string) => /[\u2E80-\u2FDF]/u.test(ch);

test('Kangxi radicals become the ideographs they stand for', () => {
  assert.equal(normalizeExtractedText('项⽬名称'), '项目名称');
  assert.equal(normalizeExtractedText('⾦融'), '金融');
});

test('simplified supplement radicals become ideographs (部⻔, ⻓效)', () => {
  assert.equal(normalizeExtractedText('部⻔配合度'), '部门配合度');
  assert.equal(normalizeExtractedText('⻓效管理'), '长效管理');
  assert.equal(normalizeExtractedText('⺟'), '母');
});

test('every Kangxi radical maps to a non-radical', () => {
  for (let cp = 0x2f00; cp <= 0x2fd5; cp++) {
    const ch = String.fromCodePoint(cp);
    assert.ok(!isRadical(radicalToIdeograph(ch)), ch);
  }
});

test('every mapped supplement radical maps to a non-radical', () => {
  for (let cp = 0x2e80; cp <= 0x2eff; cp++) {
    const ch = String.fromCodePoint(cp);
    const mapped = radicalToIdeograph(ch);
    if (mapped !== ch) assert.ok(!isRadical(mapped), ch);
  }
});

test('punctuation is kept as printed', () => {
  assert.equal(normalizeExtractedText('得满分，（元）》=50家'), '得满分，（元）》=50家');
});
