import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Evaluation, Indicator } from '../model/evaluation.ts';
import { indicatorIds, withIndicatorIds } from './indicator-ids.ts';

const counter = (prefix = 'new') => {
  let n = 0;
  return () => `${prefix}-${++n}`;
};

const evaluation = (indicators: Indicator[]): Evaluation => ({ schema: 'jixiao/evaluation@1', template: 'shanghai-2021', year: 2021, project: { name: 'p' }, indicators });
const strip = (indicators: readonly Indicator[]) => indicators.map(({ id: _id, ...rest }) => rest);

const indicatorArb = fc.record({
  category: fc.constantFrom('产出指标', '效益指标', '满意度指标'),
  subcategory: fc.constantFrom('数量指标', '质量指标', '时效指标', ''),
  name: fc.constantFrom('培训场次', '参训人数', '满意度', '覆盖率', '完成及时率'),
  id: fc.option(fc.constantFrom('a', 'b', 'c', 'd', ''), { nil: undefined }),
}).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as Indicator);

test('every indicator gets an id, no two alike, the ones sent kept', () => {
  fc.assert(
    fc.property(fc.array(indicatorArb, { maxLength: 12 }), (indicators) => {
      const ids = indicatorIds(indicators, [], counter());
      assert.equal(ids.length, indicators.length);
      assert.equal(new Set(ids).size, ids.length, 'distinct');
      const seen = new Set<string>();
      indicators.forEach((indicator, i) => {
        if (indicator.id && !seen.has(indicator.id)) assert.equal(ids[i], indicator.id, 'a sent id is kept');
        if (indicator.id) seen.add(indicator.id);
      });
    }),
  );
});

test('an evaluation whose indicators all have distinct ids comes back as it was, and assigning twice changes nothing', () => {
  fc.assert(
    fc.property(fc.array(indicatorArb, { maxLength: 12 }), (indicators) => {
      const once = withIndicatorIds(evaluation(indicators), undefined, counter());
      assert.equal(withIndicatorIds(once, undefined, counter('other')), once);
    }),
  );
});

test('an update that drops every id gets the stored ids back, whatever the rows (repeated words included)', () => {
  fc.assert(
    fc.property(fc.array(indicatorArb, { maxLength: 12 }), (indicators) => {
      const stored = withIndicatorIds(evaluation(indicators), undefined, counter());
      const again = withIndicatorIds(evaluation(strip(stored.indicators)), stored, counter('other'));
      assert.deepEqual(again.indicators.map((i) => i.id), stored.indicators.map((i) => i.id));
    }),
  );
});

test('rows without ids, reordered and some removed, keep their ids by their words', () => {
  const stored = evaluation([
    { id: 'id-1', category: '产出指标', subcategory: '数量指标', name: '培训场次' },
    { id: 'id-2', category: '产出指标', subcategory: '质量指标', name: '合格率' },
    { id: 'id-3', category: '效益指标', subcategory: '社会效益指标', name: '覆盖 率' },
  ]);
  const sent = evaluation([
    { category: '效益指标', subcategory: '社会效益指标', name: '覆盖率' },
    { category: '产出指标', subcategory: '数量指标', name: '培训场次' },
    { category: '产出指标', subcategory: '数量指标', name: '新增指标' },
  ]);
  const result = withIndicatorIds(sent, stored, counter());
  assert.deepEqual(result.indicators.map((i) => i.id), ['id-3', 'id-1', 'new-1']);
});

test('a blank 二级指标, a row renamed in place, a repeated id', () => {
  const stored = evaluation([
    { id: 'id-1', category: '产出指标', subcategory: '数量指标', name: '培训场次' },
    { id: 'id-2', category: '产出指标', subcategory: '质量指标', name: '合格率' },
    { id: 'id-3', category: '满意度指标', name: '满意度' },
  ]);
  const sent = evaluation([
    { category: '产出指标', name: '培训场次' },
    { category: '产出指标', subcategory: '质量指标', name: '验收合格率' },
    { id: 'id-1', category: '满意度指标', name: '满意度' },
  ]);
  // id-1 is sent on the third row, so the first row (same words as stored id-1) cannot have it;
  // the renamed second row takes id-2 by position; the first row gets a new id.
  assert.deepEqual(withIndicatorIds(sent, stored, counter()).indicators.map((i) => i.id), ['new-1', 'id-2', 'id-1']);
  const twice = evaluation([{ id: 'x', name: 'a' }, { id: 'x', name: 'b' }, { id: '  ', name: 'c' }]);
  assert.deepEqual(withIndicatorIds(twice, undefined, counter()).indicators.map((i) => i.id), ['x', 'new-1', 'new-2']);
});

test('a generator that repeats itself never gives an id twice; other fields are untouched', () => {
  let n = 0;
  const repeating = () => `r-${Math.floor(n++ / 3)}`;
  const result = withIndicatorIds(evaluation([{ name: 'a', target: '≥10场' }, { name: 'b' }, { id: 'r-1', name: 'c' }]), undefined, repeating);
  const ids = result.indicators.map((i) => i.id);
  assert.equal(new Set(ids).size, 3);
  assert.equal(ids[2], 'r-1');
  assert.deepEqual(strip(result.indicators), [{ name: 'a', target: '≥10场' }, { name: 'b' }, { name: 'c' }]);
});
