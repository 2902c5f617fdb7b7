import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { withoutWhiteSpace } from '../../../test/support/compare.ts';
import { catalogKeys } from '../../core/locale/messages.ts';
import { validateEvaluation } from '../../core/model/validate.ts';
import type { FileImport } from '../import-result.ts';
import { readTextForms } from '../text/read-text-forms.ts';
import { layoutLines, looksLikeLayout } from './layout-lines.ts';
import { layoutRows } from './layout-rows.ts';

const FIXTURES = new URL('../../../test/fixtures/pdftotext/', import.meta.url);
const SOURCES: Record<string, URL> = {
  'seed-2021-putuo': new URL('../../../demo/seed-2021-putuo.json', import.meta.url),
  'real-2022-putuo-sports': new URL('../../../test/fixtures/real-2022-putuo-sports.json', import.meta.url),
  'national-2023-example': new URL('../../../test/fixtures/pdf/national-2023-example.json', import.meta.url),
};

const read = (text: string | Uint8Array, file = 'form.txt'): Promise<FileImport> =>
  readTextForms({ file, bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text });

/**
 * What each fixture says besides its values. A 一级指标 caption is read from where it prints, the
 * spans of a column's captions chosen together (placeCaptions): a row next to a boundary that the
 * captions' lines leave in doubt is left to the template's points, and said so. (Until the spans
 * were chosen together, one such row per fixture was left so: real-2022-putuo-sports line 29,
 * national-2023-example line 47, seed-2021-putuo line 186; the captions now place them, as printed.
 * Until the weights under a caption were made to add up to its points, seed-2021-putuo left two
 * more, lines 68 and 168; those points now place them.)
 */
const EXPECTED_DIAGNOSTICS: Record<string, Array<[string, string, string]>> = {
  'seed-2021-putuo': [
    // 改进措施's text prints on the lines above and below its label, the line above right under
    // 主要问题's and starting where it does: that line may as well be 主要问题's second line. The
    // reading keeps it with 改进措施, and says so of both fields (主要问题 may have lost it).
    ['LAYOUT_CELL_UNCLEAR', 'line 114', 'evaluations[0].problems'],
    ['LAYOUT_CELL_UNCLEAR', 'line 115', 'evaluations[0].improvements'],
  ],
  'real-2022-putuo-sports': [],
  // 数量指标 prints on the line between its two rows, 质量指标 beside the row under them: the rows'
  // borders, each known to a line, let 数量指标 span one row or two at costs two lines apart: a tie,
  // kept with the nearer and reported. As close in seed 777 form 306 (2 lines) and seed 5151 form 94
  // (2.25), the other span was the right one.
  'national-2023-example': [
    ['LAYOUT_VALUE_UNCLEAR', 'line 38', 'evaluations[0].indicators[0].subcategory'],
    ['LAYOUT_VALUE_UNCLEAR', 'line 38', 'evaluations[0].indicators[1].subcategory'],
    ['LAYOUT_VALUE_UNCLEAR', 'line 43', 'evaluations[0].indicators[2].subcategory'],
  ],
};

describe('pdftotext -layout of the PDF fixtures', () => {
  for (const [name, source] of Object.entries(SOURCES)) {
    test(`${name}: gives the source JSON field by field`, async () => {
      const result = await read(readFileSync(new URL(`${name}.layout.txt`, FIXTURES)), `${name}.layout.txt`);
      const expected = JSON.parse(readFileSync(source, 'utf8')).evaluations as unknown[];
      assert.equal(result.forms.length, expected.length);
      result.forms.forEach((form, i) => assert.deepEqual(withoutWhiteSpace(form.evaluation), withoutWhiteSpace(expected[i]), `form ${i + 1}`));
      for (const form of result.forms) assert.equal(validateEvaluation(form.evaluation).ok, true);
      assert.deepEqual(result.diagnostics.map((d) => [d.code, d.location, d.path]), EXPECTED_DIAGNOSTICS[name]);
      for (const d of result.diagnostics) assert.ok(catalogKeys('zh').includes(d.message.key) && catalogKeys('en').includes(d.message.key), d.message.key);
    });
  }

  test('locations are line numbers of the text file', async () => {
    const result = await read(readFileSync(new URL('national-2023-example.layout.txt', FIXTURES)));
    const form = result.forms[0]!;
    assert.equal(form.locations['project.name'], 'line 3');
    assert.equal(form.locations['totals.score'], 'line 56');
  });
});

// A form of our own: a wrapped indicator name (its lines above and below the row's numbers),
// a wrapped rule, a blank department, columns set apart by a single space.
const OWN = [
  '                              2023年度财政项目绩效自评价',
  '  项目名称       社区图书角运营                                       预算单位             上海市某区文化局',
  '',
  '具体实施处（科室',
  '                                                           是否为经常性项目                  否',
  '   ）',
  '',
  '当年预算数（元）                              80,000.00        上年预算金额（元）                      60,000.00',
  '',
  '预算执行数（元）                              80,000.00         预算执行率（%）                           100.00%',
  '',
  ' 项目年度总目标     开放社区图书角，全年借阅不少于3000册次',
  '',
  '  一级指标           指标名称               目标值            权重         评分规则          自评分        备注',
  '',
  '             社区图书角开放天数与',
  '                             》=250天                25    开放满250天，得满分             25',
  '产出指标(45分)   服务时长',
  '                                                        借阅满3000册次，得满',
  '             全年借阅册次          》=3000册次              20                          20',
  '                                                        分',
  '',
  '效益指标(35分) 居民阅读习惯养成度         逐步养成                 35    逐步养成，得满分            35',
  '',
  '满意度指标(20分) 读者满意度           较满意                   20    读者反馈较满意及以上，得满分      20',
  '                    合计' + ' '.repeat(29) + '100' + ' '.repeat(27) + '100',
  '',
  '   自评时间                  2024.3.1                     绩效等级                 优秀',
  '',
  '   主要绩效      全年开放260天，借阅3200册次。',
  '   主要问题      无',
  '   改进措施      无',
].join('\n');

describe('a layout text of its own', () => {
  test('is taken for layout text', () => {
    assert.equal(looksLikeLayout(OWN), true);
    assert.equal(looksLikeLayout(readFileSync(new URL('../../../test/fixtures/seed/000_876b01381dae6b1b.txt', import.meta.url), 'utf8')), false);
  });

  test('reads the wrapped name, the wrapped rule and the blank department', async () => {
    const result = await read(OWN);
    assert.equal(result.forms.length, 1);
    const evaluation = result.forms[0]!.evaluation;
    assert.equal(evaluation.project.name, '社区图书角运营');
    assert.equal(evaluation.project.department ?? '', '');
    assert.equal(evaluation.project.recurring, false);
    assert.equal(evaluation.project.executionRate, '100.00');
    assert.deepEqual(
      evaluation.indicators.map((i) => [i.category, i.name, i.target, i.weight, i.rule, i.score]),
      [
        ['output', '社区图书角开放天数与服务时长', '》=250天', 25, '开放满250天，得满分', 25],
        ['output', '全年借阅册次', '》=3000册次', 20, '借阅满3000册次，得满分', 20],
        ['effect', '居民阅读习惯养成度', '逐步养成', 35, '逐步养成，得满分', 35],
        ['satisfaction', '读者满意度', '较满意', 20, '读者反馈较满意及以上，得满分', 20],
      ],
    );
    assert.deepEqual(evaluation.totals, { weight: 100, score: 100 });
    assert.equal(evaluation.grade, '优秀');
    // Nothing is read silently: at most a 一级指标 inferred from the template's points.
    assert.ok(result.diagnostics.every((d) => d.code === 'CATEGORY_INFERRED'), JSON.stringify(result.diagnostics.map((d) => d.code)));
  });

  test('a text block whose label wraps between its lines (主要绩 / 效) stays one cell: the line the label\'s end was printed on parts nothing (fresh seed 5555, form 103)', async () => {
    // 主要问题 reads blank, 改进措施 has text: the block's lines under 效 were given to 主要问题, with no doubt said.
    const achievements = ['细化绩效目标，强化过程管理和结果运用，部分工作受客观', '因素影响推进较慢，预算执行进度有待提高，实施进度滞', '后，实际完成数略低于目标，新增服务点位8个/年，健全', '服务机制，推进数字化转型；提升治理效能，资金拨付率', '达到100%，年内'];
    const text = OWN.split('\n').slice(0, -3).concat([
      `    ${achievements[0]}`,
      `    ${achievements[1]}`,
      '主要绩',
      `    ${achievements[2]}`,
      ' 效',
      `    ${achievements[3]}`,
      `    ${achievements[4]}`,
      '',
      '',
      '',
      '',
      '主要问',
      ' 题',
      '',
      '      细化绩效目标，强化过程管理和结果运用，新增服务点位',
      '      8个/年，按期完成既定目标。',
      '改进措',
      ' 施',
    ]);
    const evaluation = (await read(text.join('\n'))).forms[0]!.evaluation;
    assert.equal(evaluation.achievements, achievements.join(''));
    assert.equal(evaluation.problems ?? '', '');
    assert.equal(evaluation.improvements, '细化绩效目标，强化过程管理和结果运用，新增服务点位8个/年，按期完成既定目标。');
  });

  test('a value\'s last line that reads like the start of a table title (目标 of 目标值), printed under a wrapped label, is read or reported, not dropped', async () => {
    // 具体实施处（科 / 室）: the department's value wraps, and its last line 目标 prints on the label's
    // second line. 目标 begins 目标值, a title of the indicator table, which never prints up here.
    const text = OWN.replace('具体实施处（科室', '具体实施处（科 新增服务点位8个/年，实际完成数略低于').replace('\n   ）\n', '\n   室）   目标\n');
    assert.notEqual(text, OWN);
    const result = await read(text);
    const evaluation = result.forms[0]!.evaluation;
    const department = evaluation.project.department ?? '';
    const reported = result.diagnostics.some((d) => d.code === 'LAYOUT_CELL_UNCLEAR' && d.path === 'evaluations[0].project.department');
    assert.ok(department === '新增服务点位8个/年，实际完成数略低于目标' || reported, `${department}: read whole or reported`);
    // Since the label's row joins the row of 是否为经常性项目 beside it before values are placed, the
    // department is read whole (it used to be reported: the line 目标 was left to no field).
    assert.equal(department, '新增服务点位8个/年，实际完成数略低于目标');
  });

  test('a figure or a word that is no grade of the template, where the grade prints, is reported on its line and not taken', async () => {
    for (const printed of ['83', '良']) {
      const result = await read(OWN.replace('优秀', printed));
      assert.equal(result.forms[0]!.evaluation.grade ?? '', '');
      const said = result.diagnostics.filter((d) => d.path === 'evaluations[0].grade');
      assert.deepEqual(said.map((d) => [d.code, d.location, d.message.key]), [['UNREADABLE_VALUE', 'line 28', 'grid.notGrade']]);
    }
  });

  test('a wrapped line goes to the row it is centred on, a blank line is a border', () => {
    const text = ['a', '   x          1', '   y', '', '   z', '   w          2', '   v'].join('\n');
    const rows = layoutRows(layoutLines(text), (l) => l.pieces.some((p) => /^\d$/u.test(p.text)));
    assert.deepEqual(rows.map((r) => r.tokens.map((t) => t.text).join(' ')), ['a x 1 y', 'z w 2 v']);
  });
});

test('token columns count characters, a character beyond the BMP as one', () => {
  const [line] = layoutLines('𠀀𠀁  ab c\n');
  assert.deepEqual(line!.tokens.map((t) => [t.text, t.start, t.end]), [['𠀀𠀁', 0, 2], ['ab', 4, 6], ['c', 7, 8]]);
  assert.deepEqual(line!.pieces.map((t) => [t.text, t.start, t.end]), [['𠀀𠀁', 0, 2], ['ab c', 4, 8]]);
});

test('layout text with its blank lines removed never throws: what cannot be placed is reported', async () => {
  for (const name of ['national-2023-example', 'real-2022-putuo-sports', 'seed-2021-putuo']) {
    const text = readFileSync(new URL(`../../../test/fixtures/pdftotext/${name}.layout.txt`, import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .join('\n');
    const result = await readTextForms({ file: name, bytes: new TextEncoder().encode(text) });
    assert.ok(result.forms.length > 0 || result.diagnostics.some((d) => d.severity === 'error'), name);
  }
});
