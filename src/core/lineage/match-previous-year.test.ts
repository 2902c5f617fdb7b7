import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Indicator } from '../model/evaluation.ts';
import { matchPreviousYear } from './match-previous-year.ts';

const NAMES = ['培训场次', '参训人数', '满意度', '覆盖率', '完成及时率', '合格率', '知晓率', '投诉率'];

/** Distinct indicators: each name once. */
const formArb = fc.uniqueArray(fc.constantFrom(...NAMES), { minLength: 0, maxLength: NAMES.length }).map((names) =>
  names.map((name, i): Indicator => ({ id: `id-${name}`, category: i % 2 ? '产出指标' : '效益指标', subcategory: '数量指标', name })),
);

test('a copy (ids kept), reordered: every indicator matched by id to the one it came from', () => {
  fc.assert(
    fc.property(formArb.chain((form) => fc.tuple(fc.constant(form), fc.shuffledSubarray(form, { minLength: form.length }))), ([previous, current]) => {
      const matches = matchPreviousYear(current, previous);
      current.forEach((indicator, i) => {
        assert.equal(matches[i]?.matchedBy, 'id');
        assert.equal(previous[matches[i]!.previousIndex], previous.find((p) => p.id === indicator.id));
      });
    }),
  );
});

test('forms without ids are matched by their words; each of last year’s indicators once', () => {
  fc.assert(
    fc.property(formArb, formArb, (previous, current) => {
      const strip = (list: Indicator[]) => list.map(({ id: _id, ...rest }) => rest);
      const matches = matchPreviousYear(strip(current), strip(previous));
      const used = matches.filter((m) => m !== null).map((m) => m!.previousIndex);
      assert.equal(new Set(used).size, used.length, 'no previous indicator twice');
      current.forEach((indicator, i) => {
        const same = previous.findIndex((p) => p.name === indicator.name && p.category === indicator.category);
        assert.deepEqual(matches[i], same === -1 ? null : { previousIndex: same, matchedBy: 'name' });
      });
    }),
  );
});

test('id first, then 一级+二级+三级, then 一级+三级 (normalised); repeated words pair in order', () => {
  const previous: Indicator[] = [
    { id: 'a', category: '产出指标', subcategory: '数量指标', name: '培训场次' },
    { category: '产出指标', subcategory: '质量指标', name: '合格率' },
    { category: '效益指标', subcategory: '社会效益指标', name: '覆盖率' },
    { category: '满意度指标', name: '满意度' },
    { category: '满意度指标', name: '满意度' },
  ];
  const current: Indicator[] = [
    { id: 'a', category: '产出指标', subcategory: '数量指标', name: '培训场次（场）' },
    { id: 'z', category: '产出指标', subcategory: '质量 指标', name: '合格率 ' },
    { category: '效益指标', name: '覆盖率' },
    { category: '满意度指标', name: '满意度' },
    { category: '满意度指标', name: '满意度' },
    { category: '产出指标', name: '覆盖率' },
  ];
  assert.deepEqual(matchPreviousYear(current, previous), [
    { previousIndex: 0, matchedBy: 'id' },
    { previousIndex: 1, matchedBy: 'name' },
    { previousIndex: 2, matchedBy: 'name' },
    { previousIndex: 3, matchedBy: 'name' },
    { previousIndex: 4, matchedBy: 'name' },
    null,
  ]);
});

test('an id matched elsewhere is not matched again by words', () => {
  const previous: Indicator[] = [{ id: 'a', category: 'x', name: 'n' }];
  const current: Indicator[] = [{ category: 'x', name: 'n' }, { id: 'a', category: 'x', name: 'renamed' }];
  assert.deepEqual(matchPreviousYear(current, previous), [null, { previousIndex: 0, matchedBy: 'id' }]);
});
