import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cutRows, tableLines } from './indicator-rows.ts';
import { classified } from './test-support.ts';

const SHANGHAI = { maxWeight: 100, scoreFollowsWeight: false, actualBeforeWeight: false };

function rows(text: string, options = SHANGHAI) {
  return cutRows(tableLines(classified(text), new Set()), options);
}

test('a row on one line, and one wrapped with the score on a line of its own', () => {
  const { rows: cut, unfinished } = rows('防范金融风险宣传场次 =10场 3 宣传场次满10场，得满分 3\n\n受理企业融资需求 》=50家 3\n受理企业融资需求满50家，得\n满分\n\n2');
  assert.equal(unfinished, null);
  assert.deepEqual(cut.map((r) => [r.before.map((p) => p.text), r.weight?.value, r.between.map((p) => p.text), r.score?.value]), [
    [['防范金融风险宣传场次 =10场'], 3, ['宣传场次满10场，得满分'], 3],
    [['受理企业融资需求 》=50家'], 3, ['受理企业融资需求满50家，得', '满分'], 2],
  ]);
});

test('chunks and the weight line are kept for splitting name from target', () => {
  const [row] = rows('企业服务投入数\n小于企业区域经济贡\n\n献\n7\n\n企业服务投入小于企业区域经济贡献\n度，得满分\n\n7').rows;
  assert.deepEqual(row!.before.map((p) => [p.text, p.chunk, p.withWeight]), [
    ['企业服务投入数', 1, false],
    ['小于企业区域经济贡', 1, false],
    ['献', 2, false],
  ]);
});

test('a number in the rule with words after it, above the weight, is text', () => {
  const [row] = rows('宣传 =10场 3 宣传满 10 场得满分 3').rows;
  assert.deepEqual(row!.between.map((p) => p.text), ['宣传满 10 场得满分']);
  assert.equal(row!.score?.value, 3);
});

test('a row cut off before its score is unfinished', () => {
  const { rows: cut, unfinished } = rows('金洽会组织收益\n获金洽会组委会优秀\n\n5\n获金洽会组委会优秀组织奖，');
  assert.equal(cut.length, 0);
  assert.equal(unfinished?.weight?.value, 5);
});

test('national: a bare actual before weight and score is text', () => {
  const [row] = rows('产出指标 数量指标 培训人次 》=100 120 10 10', { maxWeight: 100, scoreFollowsWeight: true, actualBeforeWeight: true }).rows;
  assert.deepEqual(row!.before.map((p) => p.text), ['产出指标 数量指标 培训人次 》=100 120']);
  assert.deepEqual([row!.weight?.value, row!.score?.value], [10, 10]);
});
