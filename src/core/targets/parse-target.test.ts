import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseTarget } from './parse-target.ts';

type Numeric = [text: string, operator: string, value: string, unit: string, percent?: boolean];

// Every operator spelling of PRODUCT.md, with full-width and word forms people type.
const NUMERIC: Numeric[] = [
  ['=10场', 'eq', '10', '场'],
  ['＝10场', 'eq', '10', '场'],
  ['=8', 'eq', '8', ''],
  ['≥50家', 'gte', '50', '家'],
  ['>=50家', 'gte', '50', '家'],
  ['》=50家', 'gte', '50', '家'],
  ['＞=50家', 'gte', '50', '家'],
  ['＞＝50家', 'gte', '50', '家'],
  ['≤5天', 'lte', '5', '天'],
  ['<=5天', 'lte', '5', '天'],
  ['《=5天', 'lte', '5', '天'],
  ['＜=5天', 'lte', '5', '天'],
  ['>3台', 'gt', '3', '台'],
  ['＞3台', 'gt', '3', '台'],
  ['》3台', 'gt', '3', '台'],
  ['<2起', 'lt', '2', '起'],
  ['＜2起', 'lt', '2', '起'],
  ['《2起', 'lt', '2', '起'],
  ['》=1000万', 'gte', '10000000', ''],
  ['≥1.5亿元', 'gte', '150000000', '元'],
  ['=300,000册', 'eq', '300000', '册'],
  ['=72平方米', 'eq', '72', '平方米'],
  ['≥95%', 'gte', '95', '', true],
  ['>=90％', 'gte', '90', '', true],
  ['100%', 'eq', '100', '', true],
  ['不少于10场', 'gte', '10', '场'],
  ['不低于98%', 'gte', '98', '', true],
  ['不超过5万元', 'lte', '50000', '元'],
  ['90%以上', 'gte', '90', '', true],
  ['5天以内', 'lte', '5', '天'],
  ['完成率≥95%', 'gte', '95', '', true],
  ['≥ 12 人次', 'gte', '12', '人次'],
];

describe('numeric targets', () => {
  for (const [text, operator, value, unit, percent = false] of NUMERIC) {
    test(text, () => {
      const target = parseTarget(text);
      assert.equal(target.kind, 'numeric');
      if (target.kind !== 'numeric') return;
      assert.equal(target.operator, operator);
      assert.equal(target.quantity.value, value);
      assert.equal(target.quantity.unit, unit);
      assert.equal(target.quantity.percent, percent);
      assert.equal(target.direction, operator === 'lte' || operator === 'lt' ? 'reverse' : 'positive');
    });
  }
});

describe('deadlines', () => {
  const cases: Array<[string, number, number | null, number | null]> = [
    ['每年12月底前', 12, null, null],
    ['12月31日前', 12, 31, null],
    ['6月底前完成', 6, null, null],
    ['年底前', 12, null, null],
    ['2021年底前', 12, null, 2021],
    ['2021年完成', 12, null, 2021],
  ];
  for (const [text, month, day, year] of cases) {
    test(text, () => assert.deepEqual(parseTarget(text), { kind: 'deadline', month, day, year }));
  }
});

describe('qualitative targets', () => {
  const cases: Array<[string, string | null]> = [
    ['较满意', 'satisfaction'],
    ['良好', 'quality'],
    ['健全', 'soundness'],
    ['及时', 'timeliness'],
    ['不发生大规模群体性事件', null],
    ['入选组委会刊', null],
    ['小于企业区域经济贡献', null],
    ['市金融办、市金融业联合会领导到展台参观', null],
  ];
  for (const [text, scale] of cases) {
    test(text, () => {
      const target = parseTarget(text);
      assert.equal(target.kind, 'qualitative');
      if (target.kind === 'qualitative') assert.equal(target.scale?.scale ?? null, scale);
    });
  }
});

test('blank targets are empty', () => {
  assert.deepEqual(parseTarget(''), { kind: 'empty' });
  assert.deepEqual(parseTarget('  '), { kind: 'empty' });
  assert.deepEqual(parseTarget(undefined), { kind: 'empty' });
});
