import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { readLayoutText } from './read-layout-forms.ts';
import { at, HEAD, readIndicatorField, TITLES } from './layout-excerpt.testing.ts';

const read = (lines: string[]) => readLayoutText({ file: 'form.txt', bytes: new Uint8Array() }, lines.join('\n'));

/** The indicators read from a form of the committed layout corpus's `pdftotext -layout` text. */
async function sampleIndicators(form: string) {
  const text = readFileSync(new URL(`../../../test/fixtures/layout-corpus/${form}.txt`, import.meta.url), 'utf8');
  return (await readLayoutText({ file: `${form}.txt`, bytes: new Uint8Array() }, text)).forms[0]!.evaluation.indicators;
}

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

test('a tall remark set at the top of its row, its row\'s other cells centred below it, is that row\'s (seed 16, form 86)', async () => {
  // pdftotext squeezes the blank lines around a row: the remark, set at the top of the second row,
  // starts two lines under the first row's cells and ends a line above the second row's centred
  // cells, so the middle between the borders fits neither. The second row's cells show its middle.
  const remark = ['部分工作受客观因素', '影响推进较慢，预算', '执行进度有待提高，', '全年完成主要工作任', '务，服务对象满意度', '较高，管理制度健全', '，实际完成数略低于', '目标，年内完成验收'];
  const result = await read([
    ...HEAD,
    ...TITLES,
    at([0, '产出指标(100分)'], [16, '开放天数'], [34, '≥250天'], [46, '60'], [54, '开放满250天'], [77, '60']),
    '',
    ...remark.map((line) => at([86, line])),
    '',
    at([16, '验收合格率'], [34, '≥92%'], [46, '30'], [54, '达到92%'], [77, '20']),
    '',
    '',
    '',
    '',
    at([16, '完成设备更新'], [34, '完成'], [46, '10'], [54, '完成得满分'], [77, '10']),
    '',
    at([18, '合计'], [46, '100'], [77, '90']),
  ]);
  const evaluation = result.forms[0]!.evaluation;
  assert.deepEqual(
    evaluation.indicators.map((i) => [i.name, i.remark ?? '']),
    [
      ['开放天数', ''],
      ['验收合格率', remark.join('')],
      ['完成设备更新', ''],
    ],
  );
});

test('every row is given a name: two names a line apart are not one row\'s while the next row has none (seed 16, form 13)', async () => {
  // 节能减排量 (the second row's name, centred on its wrapped rule) and 带动社会投资 (the third's)
  // print a line apart, the rule's last line between: one block of the names' column, which the
  // second row would keep whole, leaving the third without a name.
  const result = await read([
    ...HEAD,
    ...TITLES,
    at([0, '产出指标(100分)'], [16, '开放天数'], [34, '≥250天'], [46, '60'], [54, '开放满250天'], [77, '60']),
    '',
    '',
    at([34, '≥155吨'], [46, '30'], [77, '30']),
    at([54, '完成年度各项工作任务，提升']),
    at([16, '节能减排量'], [86, '完成年度各项工作。']),
    at([54, '服务质量']),
    at([16, '带动社会投资']),
    at([34, '组织开展'], [46, '10'], [54, '达到147万元'], [77, '10']),
    '',
    at([18, '合计'], [46, '100'], [77, '100']),
  ]);
  const evaluation = result.forms[0]!.evaluation;
  assert.deepEqual(
    evaluation.indicators.map((i) => i.name),
    ['开放天数', '节能减排量', '带动社会投资'],
  );
});

test("the last row's score printed a line under its row, above 合计 and in the score column, stays the row's; the weights' total printed under 合计 is the totals' (seed 16, form 54)", async () => {
  const result = await read([
    ...HEAD,
    ...TITLES,
    at([0, '产出指标(100分)'], [16, '开放天数'], [34, '≥250天'], [46, '60'], [54, '开放满250天'], [77, '60']),
    '',
    at([16, '验收合格率'], [34, '≥92%'], [46, '38.5'], [54, '合格率达到92%'], [77, '30']),
    '',
    at([16, '完成设备更新'], [34, '完成'], [46, '1.5'], [54, '完成得满分']),
    at([77, '1.5']),
    '',
    '',
    at([18, '合计'], [77, '91.5']),
    '',
    at([46, '100']),
  ]);
  const evaluation = result.forms[0]!.evaluation;
  assert.deepEqual(evaluation.indicators.map((i) => [i.name, i.weight, i.score]), [
    ['开放天数', 60, 60],
    ['验收合格率', 38.5, 30],
    ['完成设备更新', 1.5, 1.5],
  ]);
  assert.deepEqual([evaluation.totals?.weight, evaluation.totals?.score], [100, 91.5]);
});

test("both totals printed on one line under a bare 合计: the last row's score printed a line low above 合计 stays the row's (seed 777, form 195)", async () => {
  const result = await read([
    ...HEAD,
    ...TITLES,
    at([0, '产出指标(100分)'], [16, '开放天数'], [34, '≥250天'], [46, '60'], [54, '开放满250天'], [77, '60']),
    '',
    at([16, '验收合格率'], [34, '≥92%'], [46, '26'], [54, '合格率达到92%'], [77, '26']),
    '',
    at([16, '完成设备更新'], [34, '完成'], [46, '14'], [54, '完成得满分']),
    at([77, '14']),
    '',
    '',
    at([18, '合计']),
    '',
    at([46, '100'], [77, '100']),
  ]);
  const evaluation = result.forms[0]!.evaluation;
  assert.deepEqual(evaluation.indicators.map((i) => [i.name, i.weight, i.score]), [
    ['开放天数', 60, 60],
    ['验收合格率', 26, 26],
    ['完成设备更新', 14, 14],
  ]);
  assert.deepEqual([evaluation.totals?.weight, evaluation.totals?.score], [100, 100]);
});

test('a single-line cell a line under the row above\'s, one line of other text between, is the lower row\'s when that row has none (seed 777, form 210)', async () => {
  // The two targets (健全, 健全) are one column's lines with a line of other text between them: one
  // block, which the row above could take whole; the row below, printing no target, would lose its.
  const result = await read([
    ...HEAD,
    ...TITLES,
    at([0, '产出指标(100分)'], [16, '开放天数'], [34, '≥250天'], [46, '60'], [54, '开放满250天'], [77, '60']),
    '',
    at([16, '全年完成任务'], [34, '健全'], [46, '20'], [54, '健全'], [77, '20']),
    at([0, '效益指标']),
    at([34, '健全']),
    at([16, '落实各项制度'], [46, '10'], [54, '健全'], [77, '10']),
    '',
    at([16, '完成设备更新'], [34, '完成'], [46, '10'], [54, '完成得满分'], [77, '10']),
    '',
    at([18, '合计'], [46, '100'], [77, '100']),
  ]);
  const evaluation = result.forms[0]!.evaluation;
  assert.deepEqual(
    evaluation.indicators.map((i) => [i.name, i.target, i.rule]),
    [
      ['开放天数', '≥250天', '开放满250天'],
      ['全年完成任务', '健全', '健全'],
      ['落实各项制度', '健全', '健全'],
      ['完成设备更新', '完成', '完成得满分'],
    ],
  );
});


/**
 * Two 产出指标 rows (30 and 15 points) whose remark and target run into each other: the first row's
 * remark wraps onto the line under it, the second row's 3-line target starts a line above its row,
 * `between` the two.
 */
const interleavedOutputRows = (between: string[]): string[] => [
  at([0, '产出指标(45分)'], [16, '开放天数'], [34, '≥250天'], [46, '30'], [54, '开放满250天'], [77, '30'], [86, '部分任务顺延至']),
  at([86, '下年度']),
  ...between,
  at([34, '资料归档']),
  at([16, '验收合格率'], [34, '完整率达'], [46, '15'], [54, '达到92%'], [77, '15'], [86, '按计划推进项目']),
  at([34, '到92%'], [86, '实施']),
];

test('wrapped cells of one column in two rows, the border between them loose over blank lines only, are not doubted', async () => {
  // Three blank lines part the rows: the border may lie on any of them at nearly the same cost (a
  // row's cells set at its top or in its middle), but wherever it lies, every line of text stays in
  // its row. A doubt is said only where a border nearly as good would move a line (seed 4444, form
  // 95 and seed 2222, form 70 in layout-rows-rebuilt.test.ts); before, these were doubted anyway.
  const result = await read([
    ...HEAD,
    ...TITLES,
    ...interleavedOutputRows(['', '', '']),
    '',
    at([0, '效益指标(35分)'], [16, '阅读习惯'], [34, '逐步养成'], [46, '35'], [54, '逐步养成'], [77, '35']),
    '',
    at([0, '满意度指标(20分)'], [16, '读者满意度'], [34, '较满意'], [46, '20'], [54, '反馈较满意'], [77, '20']),
    '',
    at([18, '合计'], [46, '100'], [77, '100']),
  ]);
  assert.deepEqual(result.forms[0]!.evaluation.indicators.map((i) => i.remark ?? ''), ['部分任务顺延至下年度', '按计划推进项目实施', '', '']);
  const unclear = result.diagnostics.filter((d) => d.code === 'LAYOUT_CELL_UNCLEAR').map((d) => d.path);
  assert.deepEqual(unclear, []);
});

test("the last row's cells set in the middle of a tall row, lines above 合计 and far below the row's first line, are that row's, not the totals' (seed 7007, form 100)", async () => {
  // The name, weight and score are set at the top of the row; its target and a long remark are
  // centred, lines lower, nearer 合计 than the row's first line: the totals row took them, and the
  // target was lost (the row's actual read in its place).
  const remark = ['细化绩效目标，强化过', '程管理和结果运用，年', '内完成验收、审计和归', '档，加强预算编制的科', '学性，及时跟踪预算执'];
  const result = await read([
    ...HEAD,
    ...TITLES,
    at([0, '产出指标(45分)'], [16, '开放天数'], [34, '≥250天'], [46, '45'], [54, '开放满250天'], [77, '45']),
    '',
    at([0, '效益指标(35分)'], [16, '阅读习惯'], [34, '逐步养成'], [46, '35'], [54, '逐步养成'], [77, '35']),
    '',
    at([0, '满意度指标(20分)'], [16, '读者满意度'], [46, '20'], [77, '18']),
    '',
    '',
    '',
    ...remark.slice(0, 2).map((line) => at([86, line])),
    at([34, '≥90%'], [54, '达到90%得满分'], [86, remark[2]!]),
    ...remark.slice(3).map((line) => at([86, line])),
    '',
    '',
    '',
    at([18, '合计'], [46, '100'], [77, '98']),
  ]);
  const last = result.forms[0]!.evaluation.indicators.at(-1)!;
  assert.deepEqual([last.name, last.target, last.rule, last.remark], ['读者满意度', '≥90%', '达到90%得满分', remark.join('')]);
  assert.deepEqual([result.forms[0]!.evaluation.totals?.weight, result.forms[0]!.evaluation.totals?.score], [100, 98]);
});

test("the last row's cells set low in a tall row stay that row's where the rows stand as their weights' lines give them", async () => {
  // In the first table block a remark and a target run into each other across the border between
  // their rows, so no border keeps every block whole and the rows stand as the weights' lines give
  // them. The last row's target, rule and remark, set in its middle nearer 合计, are still that
  // row's: not left in the totals row, and not dropped.
  const result = await read([
    ...HEAD,
    ...TITLES,
    ...interleavedOutputRows([]),
    '',
    at([0, '效益指标(35分)'], [16, '阅读习惯'], [34, '逐步养成'], [46, '35'], [54, '逐步养成'], [77, '35']),
    '',
    at([0, '满意度指标(20分)'], [16, '读者满意度'], [46, '20'], [77, '18']),
    '',
    '',
    '',
    at([86, '细化绩效目标，强化过']),
    at([34, '≥90%'], [54, '达到90%得满分'], [86, '程管理和结果运用']),
    at([86, '内完成验收、审计']),
    '',
    '',
    '',
    at([18, '合计'], [46, '100'], [77, '98']),
  ]);
  const last = result.forms[0]!.evaluation.indicators.at(-1)!;
  assert.deepEqual([last.name, last.target, last.rule, last.remark], ['读者满意度', '≥90%', '达到90%得满分', '细化绩效目标，强化过程管理和结果运用内完成验收、审计']);
});

test('titles set columns away from their cells (another font): the rows are cut in the columns the cells show (sample form 32)', async () => {
  // 年度指标值 prints at column 37, its cells from column 27, 实际完成值 at 57 over cells at 42: in
  // the titles' columns the target's last line (期, under 40万元's line) fell in the 三级指标
  // column and went to the next row, 印制宣传材料's.
  const indicators = await sampleIndicators('form-0032-national-2020');
  assert.deepEqual(
    indicators.slice(0, 2).map((i) => [i.name, i.target, i.actual]),
    [
      ['单次活动成本', '个别指标完成情况未达预期', '40万元'],
      ['印制宣传材料', '实施进度滞。', '141份'],
    ],
  );
});

test('a wrapped line short of its cell\'s lines above it ends the cell: the next line, right under it, is the next row\'s (sample form 19)', async () => {
  // 组织开展专项检查2次， / 年。 is one target, a line of the row's single-line cells between; 较满意,
  // on the line right under 年。, is the next row's target, set at the top of its row. Both print in
  // one column with no line between: only 年。 being short of the cell's width tells them apart.
  const result = await read([
    ...HEAD,
    ...TITLES,
    at([0, '产出指标(100分)'], [16, '开放天数'], [34, '≥250天'], [46, '30'], [54, '开放满250天'], [77, '30']),
    '',
    at([46, '40'], [54, '完成得满分']),
    at([34, '组织开展专项检查2次，']),
    at([16, '专项检查'], [77, '40']),
    at([34, '年。']),
    at([34, '较满意'], [54, '达到较满意，得满分']),
    at([16, '读者满意度'], [46, '30'], [77, '30']),
    '',
    at([18, '合计'], [46, '100'], [77, '100']),
  ]);
  assert.deepEqual(
    result.forms[0]!.evaluation.indicators.map((i) => [i.name, i.target]),
    [
      ['开放天数', '≥250天'],
      ['专项检查', '组织开展专项检查2次，年。'],
      ['读者满意度', '较满意'],
    ],
  );
});

test('the last line of a wrapped name under the 二级指标 title stays with its cell past a line of other text in its column (sample form 28)', async () => {
  // 两级 / 工: the name starts left of its centred title, so 工 has its centre in the 二级指标
  // column (by 益指标). Its cell is the name two lines above, though the line between holds text
  // the page's columns put in the name's column too: 工 is no text of the row below (群众满意度).
  const indicators = await sampleIndicators('form-0028-national-2020');
  assert.deepEqual([indicators[15]!.name, indicators[16]!.name], ['实施进度滞后，按照市区两级工', '群众满意度']);
});

test('a wrapped line pdftotext set after a neighbour\'s text, out of line with the rest of its cell, shares its column with them (sample forms 40 and 15)', async () => {
  // 制。 落实《实施方案》各 / 项任。: the actual's first line printed on the target's last, set right
  // after it, nine columns left of its second line; neither overlaps the other, so they were two
  // cells, and the first went to the target. 新增服务点位 滞: the target's last character set a space
  // after the name's line, one column left of the target's other lines, went to the name.
  const form40 = await sampleIndicators('form-0040-national-2020');
  assert.deepEqual([form40[2]!.target, form40[2]!.actual], ['健全“一网通办”服务机制。', '落实《实施方案》各项任。']);
  const form15 = await sampleIndicators('form-0015-shanghai-2021');
  assert.deepEqual([form15[8]!.name, form15[8]!.target?.endsWith('实施进度滞')], ['覆盖全区15个街镇，新增服务点位8个/年，新增服务点位8个/年，部分工作', true]);
});

test('a one-line remark centred in a tall row, lines below its text, is that row\'s, not set at the top of a short row below (seed 16, form 139)', async () => {
  // pdftotext prints at most four blank lines: 完成第3。 lies four blank lines under the tall row's
  // text and, past the 一级指标 caption, as far above the short row's, whose cells are all one line.
  // Set at the top of the short row, it would make that row many times as tall as any of its cells
  // needs; centred, it is the middle of the tall row.
  const { read, expected } = await readIndicatorField('seed-16-form-0139-shanghai-2021', (i) => i.remark ?? '');
  assert.deepEqual(read, expected);
});

test('a tall row\'s cells set at its top do not pull its middle up from its centred cells: a remark set at the top of the row below stays there (seed 16, form 61)', async () => {
  // The tall row prints its name, its rule (fourteen lines) and its score from its first line, its
  // target, weight and remark far below, centred; the next row's remark is set at its top, four
  // blank lines under them. With the middle taken from all six cells, the tall row seemed to end
  // past that remark as cheaply.
  const rule = ['资金拨付率达到100%，', '全年完成主要工作任务，', '服务对象满意度较高，', '管理制度进一步健全，', '覆盖全区15个街镇，', '围绕年度重点工作，', '按计划推进项目实施，', '按期完成既定目标，', '新增服务点位8个/年，', '围绕年度重点工作，', '按计划推进项目实施，', '按期完成既定目标，', '新增服务点位8个/年，', '受疫情影响部分活动。'];
  const result = await read([
    ...HEAD,
    ...TITLES,
    at([0, '产出指标(100分)'], [16, '开放天数'], [34, '≥250天'], [46, '60'], [54, '开放满250天'], [77, '60']),
    '',
    at([16, '加强预算编制'], [54, rule[0]!], [77, '1']),
    ...rule.slice(1).map((line) => at([54, line])),
    '',
    '',
    '',
    '',
    at([34, '≥185吨'], [46, '2.5'], [86, '新增服务点']),
    '',
    '',
    '',
    '',
    at([86, '实施进度滞后，细化绩效']),
    at([86, '目标，强化过程管理']),
    at([54, '群众知晓率达到']),
    at([16, '群众知晓率'], [34, '≥97%'], [46, '37.5'], [77, '37.5']),
    at([54, '97%，得满分']),
    '',
    at([18, '合计'], [46, '100'], [77, '99.5']),
  ]);
  assert.deepEqual(
    result.forms[0]!.evaluation.indicators.map((i) => [i.name, i.remark ?? '']),
    [
      ['开放天数', ''],
      ['加强预算编制', '新增服务点'],
      ['群众知晓率', '实施进度滞后，细化绩效目标，强化过程管理'],
    ],
  );
  const remarks = await readIndicatorField('seed-16-form-0061-shanghai-2021', (i) => i.remark ?? '');
  assert.deepEqual(remarks.read, remarks.expected);
});

test('a remark whose short last line ends its cell stays apart from the next row\'s remark under it, where both fits cost the same (seed 16, forms 194 and 20)', async () => {
  // 组织开展专项检查2次， / 资。 around its row's line, then 推进数字化转型；提 / 治理效能，年内 from the next
  // row's top: as one block the four lines fit the upper row as well as parted after 资。.
  // 围绕年度重点工作，按计划推 / 进项目实, a caption's line, 部分工作受客: as one block, at no cost.
  for (const form of ['seed-16-form-0194-national-2020', 'seed-16-form-0020-national-2020']) {
    const { read, expected } = await readIndicatorField(form, (i) => i.remark ?? '');
    assert.deepEqual(read, expected, form);
  }
});
