import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classified, national } from './test-support.ts';

const kinds = (text: string) => classified(text).map((l) => l.is.kind);

test('title with year, wrapped column header, captions, notes', () => {
  assert.deepEqual(classified('2021年度财政项目绩效自评价')[0]!.is, { kind: 'title', year: 2021 });
  assert.deepEqual(kinds('一级指标 指标名称 目标值 权重 评分规则\n自评\n分\n\n备注\n企业服务满意度 良好 20'), ['header', 'header', 'header', 'blank', 'header', 'content']);
  assert.deepEqual(classified('产出指标\n(45分)').map((l) => l.is), [
    { kind: 'caption', category: 'output', points: null },
    { kind: 'caption', category: null, points: 45 },
  ]);
  assert.deepEqual(kinds('说明：1、依据本项目\n      2、绩效等级说明\n2021年金融服务中心'), ['note', 'note', 'content']);
});

test('label lines split into fields, also with a right-hand label on the line', () => {
  assert.deepEqual(classified('具体实施处 （科室） 金融服务科 是')[0]!.is, { kind: 'field', parts: [{ path: 'project.department', value: '金融服务科 是' }] });
  assert.deepEqual(classified('项目名称 普陀 预算单位 上海市普陀区')[0]!.is, {
    kind: 'field',
    parts: [
      { path: 'project.name', value: '普陀' },
      { path: 'project.budgetUnit', value: '上海市普陀区' },
    ],
  });
  assert.deepEqual(classified('项目名称：金融业务费用')[0]!.is, { kind: 'field', parts: [{ path: 'project.name', value: '金融业务费用' }] });
});

test('a label inside a word is not a label', () => {
  assert.deepEqual(kinds('绩效等级评定 健全 5 评定健全，得满分 5'), ['content']);
});

test('the national funding table', () => {
  const lines = classified('项目资金\n（元）\n年初预算数 全年预算数 全年执行数 分值 执行率 得分\n年度资金总额 1.00 1.00 1.00 10 100% 10', national);
  assert.deepEqual(lines.map((l) => l.is.kind), ['fundingHeading', 'fundingHeading', 'fundingHeader', 'fundingRow']);
});
