import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitForms } from './split-forms.ts';
import { classified } from './test-support.ts';

const HEADER = '一级指标 指标名称 目标值 权重 评分规则 自评分 备注';

test('forms are cut at the column header, with the bare labels above it', () => {
  const text = ['预算单位', HEADER, 'a =1 100 r 100', '2021年度财政项目绩效自评价', '项目名称 A', '', '预算单位', '是否为经常性项目', HEADER, 'b =1 100 r 100', '2021年度财政项目绩效自评价'].join('\n');
  const forms = splitForms(classified(text));
  assert.deepEqual(forms.map((f) => [f.lines[0]!.no, f.lines.at(-1)!.no]), [[1, 6], [7, 11]]);
});

test('without headers, titles cut; without either, one form', () => {
  assert.equal(splitForms(classified('2021年度财政项目绩效自评价\nx\n2021年度财政项目绩效自评价\ny')).length, 2);
  assert.equal(splitForms(classified('项目名称 A\n合计 100 95')).length, 1);
});
