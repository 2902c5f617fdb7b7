import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { readTextForms } from '../text/read-text-forms.ts';

const FIXTURE = new URL('../../../test/fixtures/pdftotext/national-2023-example.layout.txt', import.meta.url);

// The 效益指标 block with its 二级指标 caption 社会效益指标 set in the 一级指标 column instead of
// 效益指标 (pdftotext moves a merged cell's text left, or a page break repeats it there):
//            社会效益指标 市民健身便利程度      明显提升      明显提升      15     15
//  社会效益指标
//            可持续影响指标 设施维护长效机制    健全          健全          15     15
// The template says which block that 二级指标 stands under: the rows are given that block, not the
// caption's text, and both the caption and every indicator field are said (the columns moved).
test('a 二级指标 caption in the 一级指标 column gives its rows its block, and is said', async () => {
  const text = readFileSync(FIXTURE, 'utf8').replace(/^ 效益指标$/mu, ' 社会效益指标');
  const result = await readTextForms({ file: 'form.txt', bytes: new TextEncoder().encode(text) });
  const indicators = result.forms[0]!.evaluation.indicators;
  assert.deepEqual(indicators.map((i) => i.category), ['output', 'output', 'output', 'output', 'output', 'effect', 'effect', 'satisfaction']);
  const keyed = (key: string) => result.diagnostics.filter((d) => d.message.key === key).map((d) => d.path);
  assert.deepEqual(keyed('grid.subcategoryAsCategory'), ['evaluations[0].indicators[5].category', 'evaluations[0].indicators[6].category']);
  for (let i = 0; i < indicators.length; i++) assert.ok(keyed('layout.captionOutOfColumn').includes(`evaluations[0].indicators[${i}].name`), `indicators[${i}].name`);
});
