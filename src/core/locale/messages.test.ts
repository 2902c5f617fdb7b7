import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHECKS, CYCLE_CHECKS } from '../checks/finding.ts';
import { explain } from '../explanation.ts';
import { catalogKeys, render } from './messages.ts';

test('both languages say everything', () => {
  assert.deepEqual(catalogKeys('zh').sort(), catalogKeys('en').sort());
});

test('every check code has a message in both languages', () => {
  for (const code of [...Object.keys(CHECKS), ...Object.keys(CYCLE_CHECKS)]) {
    const keys = catalogKeys('zh').filter((k) => k === code || k.startsWith(`${code}.`));
    assert.ok(keys.length > 0, code);
  }
});

test('parameters are filled in, labels in the right language, levels in words', () => {
  const message = explain('MISSING_FIELD', { field: { zh: '项目名称', en: 'Project name' } });
  assert.equal(render(message, 'zh'), '“项目名称”未填写');
  assert.equal(render(message, 'en'), '"Project name" is empty');
  assert.equal(render(explain('suggest.qualitative.picked', { level: 'partial', min: 6, max: 8 }), 'zh'), '定性指标，所选达成程度“部分达成”：6–8 分');
});
