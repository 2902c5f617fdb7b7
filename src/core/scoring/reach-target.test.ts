import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reachesTarget } from './reach-target.ts';

// [target, value, reached?] — null: the two cannot be compared, and nothing is guessed.
const CASES: Array<[string, string, boolean | null]> = [
  ['≥10场', '10场', true],
  ['≥10场', '9场', false],
  ['》=50家', '50', true],
  ['>3台', '3台', false],
  ['=10场', '12场', true], // = on a count is positive
  ['=100%', '99.99%', false],
  ['≤5天', '5天', true],
  ['≤5天', '5.01天', false],
  ['<2起', '2起', false],
  ['不少于1.5万人次', '15000人次', true],
  ['90%-95%', '90%', true],
  ['90%-95%', '95.01%', false],
  ['5～10天', '4天', false],
  ['3至5个', '4个', true],
  ['12月底前', '12月31日', true],
  ['6月底前', '7月1日', false],
  ['较满意', '很满意', true],
  ['较满意', '基本满意', false],
  ['健全', '健全', true],
  ['不发生安全事故', '不发生 安全事故', true],
  ['入选组委会刊', '预计可入选', null],
  ['≥95%', '95场', null],
  ['≥95%', '较高', null],
  ['较满意', '优秀', null],
  ['≥10场', '', null],
  ['', '10场', null],
];

for (const [target, value, reached] of CASES) {
  test(`${target} ← ${value || '(blank)'}: ${reached}`, () => assert.equal(reachesTarget(target, value), reached));
}
