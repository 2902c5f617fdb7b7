import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { template } from '../../../test/support/fixtures.ts';
import type { Indicator } from '../model/evaluation.ts';
import { suggestScore } from './suggest-score.ts';

const shanghai = template('shanghai-2021');
const indicator = (target: string, actual: string | undefined, weight = 10, extra: Partial<Indicator> = {}): Indicator => ({
  name: '指标',
  target,
  ...(actual === undefined ? {} : { actual }),
  weight,
  ...extra,
});

describe('positive targets: actual ≥ target → full, else weight × actual / target', () => {
  const cases: Array<[string, string, number, number]> = [
    ['=10场', '10场', 3, 3],
    ['=10场', '12场', 3, 3],
    ['=10场', '8场', 3, 2.4],
    ['》=50家', '49家', 3, 2.94],
    ['≥95%', '90%', 10, 9.47],
    ['》=1000万', '800万', 9, 7.2],
    ['》=1000万', '8000000', 9, 7.2],
    ['>5个', '0个', 4, 0],
    ['=3', '1', 1, 0.33],
  ];
  for (const [target, actual, weight, expected] of cases) {
    test(`${target} with ${actual} of ${weight}`, () => {
      const s = suggestScore(indicator(target, actual, weight), shanghai);
      assert.equal(s.basis, 'positive');
      assert.equal(s.score, expected);
    });
  }
});

describe('reverse targets: ≤ target full, to 2 × target linear, beyond 0', () => {
  const cases: Array<[string, string, number, number]> = [
    ['≤5天', '5天', 10, 10],
    ['≤5天', '3天', 10, 10],
    ['≤5天', '6天', 10, 8],
    ['《=5天', '7.5天', 10, 5],
    ['<100万元', '200万元', 10, 0],
    ['≤10万元', '300000元', 10, 0],
    ['≤0起', '1起', 5, 0],
    ['≤0起', '0起', 5, 5],
  ];
  for (const [target, actual, weight, expected] of cases) {
    test(`${target} with ${actual} of ${weight}`, () => {
      const s = suggestScore(indicator(target, actual, weight), shanghai);
      assert.equal(s.basis, 'reverse');
      assert.equal(s.score, expected);
    });
  }

  test('the zero point is a template setting', () => {
    const lenient = { ...shanghai, scoring: { ...shanghai.scoring, reverseZeroAtMultiple: 3 } };
    assert.equal(suggestScore(indicator('≤5天', '7.5天'), lenient).score, 7.5);
  });
});

describe('qualitative targets: a level gives a band of the weight', () => {
  test('a picked level gives its band', () => {
    assert.deepEqual(suggestScore(indicator('健全', undefined, 10, { level: 'partial' }), shanghai).range, [6, 8]);
    assert.deepEqual(suggestScore(indicator('健全', undefined, 10, { level: 'notAchieved' }), shanghai).range, [0, 6]);
    const achieved = suggestScore(indicator('健全', undefined, 5, { level: 'achieved' }), shanghai);
    assert.deepEqual([achieved.range, achieved.score], [[4, 5], 5]);
  });

  test('the actual on the target’s scale gives the level', () => {
    assert.equal(suggestScore(indicator('较满意', '满意'), shanghai).level, 'achieved');
    assert.equal(suggestScore(indicator('满意', '较满意'), shanghai).level, 'partial');
    assert.equal(suggestScore(indicator('很满意', '基本满意'), shanghai).level, 'notAchieved');
    assert.equal(suggestScore(indicator('良好', '优秀'), shanghai).level, 'achieved');
    assert.equal(suggestScore(indicator('及时', '及时'), shanghai).level, 'achieved');
  });

  test('without a level or a comparable actual it asks for a level', () => {
    const s = suggestScore(indicator('入选组委会刊', undefined), shanghai);
    assert.equal(s.basis, 'none');
    assert.equal(s.working.key, 'suggest.pickLevel');
    assert.equal(suggestScore(indicator('良好', '满意'), shanghai).basis, 'none');
  });
});

describe('deadlines', () => {
  test('done by the deadline scores full, late falls in the 未达成 band', () => {
    assert.equal(suggestScore(indicator('每年12月底前', '12月20日'), shanghai).score, 10);
    assert.equal(suggestScore(indicator('每年12月底前', '按时'), shanghai).score, 10);
    assert.equal(suggestScore(indicator('6月30日前', '2021年6月30日'), shanghai).score, 10);
    const late = suggestScore(indicator('6月30日前', '2021-07-02'), shanghai);
    assert.deepEqual([late.basis, late.score, late.range], ['deadline', undefined, [0, 6]]);
  });
});

describe('no suggestion, with the reason', () => {
  const cases: Array<[Indicator, string]> = [
    [indicator('=10场', undefined), 'suggest.noActual'],
    [indicator('=10场', '很多'), 'suggest.actualNotNumber'],
    [indicator('=10场', '10次'), 'suggest.unitsDiffer'],
    [indicator('≥95%', '96'), 'suggest.unitsDiffer'],
    [indicator('', '10'), 'suggest.noTarget'],
    [{ name: 'x', target: '=1' }, 'suggest.noWeight'],
  ];
  for (const [input, key] of cases) {
    test(key + ' ' + (input.actual ?? ''), () => assert.equal(suggestScore(input, shanghai).working.key, key));
  }
});
