import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readLayoutText } from './read-layout-forms.ts';
import { at, HEAD, TITLES } from './layout-excerpt.testing.ts';

const read = (lines: string[]) => readLayoutText({ file: 'form.txt', bytes: new Uint8Array() }, lines.join('\n'));

test('the short last line of a wrapped remark, its centre under the 自评分 title, stays with its cell (seed 2026, form 19)', async () => {
  // 备注 is set left in its column, which starts left of its centred title: the first line's centre
  // lies under 备注, the last line's (加强, two characters) under 自评分. A line of the row's
  // single-line cells is printed between the two: the remark is centred on its row.
  const result = await read([
    ...HEAD,
    ...TITLES,
    at([0, '产出指标(100分)'], [16, '开放天数'], [34, '≥250天'], [46, '60'], [54, '开放满250天'], [77, '60']),
    '',
    at([34, '≥92%'], [54, '合格率达到92%'], [77, '30']),
    at([80, '健全服务机制，']),
    at([16, '验收合格率'], [46, '30']),
    at([80, '加强']),
    '',
    at([16, '完成设备更新'], [34, '完成'], [46, '10'], [54, '完成得满分'], [77, '10']),
    '',
    at([18, '合计'], [46, '100'], [77, '100']),
  ]);
  const evaluation = result.forms[0]!.evaluation;
  assert.deepEqual(
    evaluation.indicators.map((i) => [i.name, i.weight, i.score, i.remark ?? '']),
    [
      ['开放天数', 60, 60, ''],
      ['验收合格率', 30, 30, '健全服务机制，加强'],
      ['完成设备更新', 10, 10, ''],
    ],
  );
});
