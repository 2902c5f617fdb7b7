import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shanghai, national } from './test-support.ts';

test('labels come from the template, with aliases, as keys', () => {
  assert.equal(shanghai.fields.get('具体实施处(科室)'), 'project.department');
  assert.equal(shanghai.fields.get('预算执行率(%)'), 'project.executionRate');
  assert.equal(national.fields.get('预期目标'), 'annualGoal');
  assert.equal(shanghai.columns.get('指标解释'), 'target');
  assert.equal(shanghai.fields.has('合计权重'), false);
});

test('title, subtitle, caption and the yes/no words from the template', () => {
  assert.equal(shanghai.title.exec('2021年度财政项目绩效自评价')?.groups?.year, '2021');
  assert.equal(national.subtitle?.exec('(2022年度)')?.groups?.year, '2022');
  assert.equal(shanghai.caption.exec('产出指标(45分)')?.groups?.points, '45');
  assert.equal(shanghai.captionPoints?.exec('(20分)')?.groups?.points, '20');
  assert.deepEqual([shanghai.yesNo.yes, shanghai.yesNo.no], [['是'], ['否']]);
  assert.equal(shanghai.notesStart, '说明:');
});
