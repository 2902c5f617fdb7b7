import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { withoutWhiteSpace } from '../../../../test/support/compare.ts';
import { catalogKeys } from '../../../core/locale/messages.ts';
import { templateRegistry } from '../../../core/templates/registry.ts';
import { validateEvaluation } from '../../../core/model/validate.ts';
import type { FileImport } from '../../import-result.ts';
import { readTextForms } from '../read-text-forms.ts';
import fc from 'fast-check';
import { labelKey } from '../../labels/label-key.ts';
import { normalizeExtractedText } from '../cjk-radicals.ts';
import { detectFlavour, keyLengthAtLeast, mayHaveFlavour } from './flavour.ts';
import { rawLines } from './raw-lines.ts';
import { readRowCells } from './row-cells.ts';

const FIXTURES = new URL('../../../../test/fixtures/pdftotext/', import.meta.url);
const SEED = new URL('../../../../test/fixtures/seed/000_876b01381dae6b1b.txt', import.meta.url);
const REAL = new URL('../../../../test/fixtures/real-2022-putuo-sports.json', import.meta.url);
const NAMES = ['seed-2021-putuo', 'real-2022-putuo-sports', 'national-2023-example'];
const templates = (() => {
  const registry = templateRegistry();
  return registry.ids().map((id) => registry.get(id)!);
})();

const fixture = (file: string): string => readFileSync(new URL(file, FIXTURES), 'utf8');
const read = (text: string, file = 'form.txt'): Promise<FileImport> => readTextForms({ file, bytes: new TextEncoder().encode(text) });
const flavourOf = (text: string) => detectFlavour(rawLines(text), templates)?.flavour;

function assertRefused(result: FileImport, line: number, key = 'rawtext.orderLost'): void {
  assert.deepEqual(result.forms, []);
  assert.deepEqual(
    result.diagnostics.map((d) => [d.severity, d.code, d.location, d.message.key]),
    [['error', 'TEXT_ORDER_LOST', `line ${line}`, key]],
  );
  for (const lang of ['zh', 'en'] as const) assert.ok(catalogKeys(lang).includes(key), `${key} in ${lang}`);
}

describe('flavour: pdftotext -raw and default mode, not the seed nor -layout', () => {
  for (const name of NAMES) {
    test(name, () => {
      assert.equal(flavourOf(fixture(`${name}.raw.txt`)), 'pdftotext-raw');
      assert.equal(flavourOf(fixture(`${name}.default.txt`)), 'pdftotext-default');
      assert.equal(flavourOf(fixture(`${name}.layout.txt`)), undefined);
    });
  }
  test('the seed is its own style', () => assert.equal(flavourOf(readFileSync(SEED, 'utf8')), undefined));
});

describe('the six fixtures', () => {
  test('real-2022-putuo-sports.raw: read exactly (every cell in place but wrapped captions, given back by order)', async () => {
    const result = await read(fixture('real-2022-putuo-sports.raw.txt'));
    const expected = JSON.parse(readFileSync(REAL, 'utf8')).evaluations as unknown[];
    assert.equal(result.forms.length, 1);
    assert.deepEqual(withoutWhiteSpace(result.forms[0]!.evaluation), withoutWhiteSpace(expected[0]));
    assert.equal(validateEvaluation(result.forms[0]!.evaluation).ok, true);
    assert.deepEqual(result.diagnostics, []);
    // 服务对象满意度指标 wraps in its cell and is drawn after the table.
    assert.equal(result.forms[0]!.locations['indicators[4].subcategory'], 'line 26');
    assert.equal(result.forms[0]!.locations['totals.score'], 'line 19');
  });
  // The goal and outcome texts, and the targets, actuals and remark of rows 1, 2 and 5, are drawn after the table.
  test('national-2023-example.raw: refused', async () => assertRefused(await read(fixture('national-2023-example.raw.txt')), 29));
  // Row 18's name, targets and rules of most rows, and all of 一级指标 are drawn after the rows of the page.
  test('seed-2021-putuo.raw: refused', async () => assertRefused(await read(fixture('seed-2021-putuo.raw.txt')), 24));
  test('default mode: refused at the first column title standing alone', async () => {
    assertRefused(await read(fixture('seed-2021-putuo.default.txt')), 36);
    assertRefused(await read(fixture('real-2022-putuo-sports.default.txt')), 27);
    assertRefused(await read(fixture('national-2023-example.default.txt')), 21);
  });
});

describe('raw rows: only the one possible reading', () => {
  const national = ['name', 'target', 'actual', 'weight', 'score', 'remark'];
  const shanghai = ['name', 'target', 'weight', 'rule', 'score', 'remark'];
  test('a full row, and a remark of several words', () => {
    assert.deepEqual(readRowCells(['设施完好率', '≥95%', '96%', '10', '10'], national), {
      ok: true,
      cells: new Map([['name', '设施完好率'], ['target', '≥95%'], ['actual', '96%'], ['weight', '10'], ['score', '10']]),
    });
    const r = readRowCells(['社会影响', '明显', '35', '影响明显', '得满分', '30', '影响面', '有待扩大'], shanghai);
    assert.ok(r.ok);
    assert.equal(r.cells.get('rule'), '影响明显 得满分');
    assert.equal(r.cells.get('remark'), '影响面 有待扩大');
  });
  test('one text cell where two columns could take it is no reading', () => {
    assert.deepEqual(readRowCells(['单个苑点更新成本', '≤4万元', '5', '5'], national), { ok: false, readings: 2 });
  });
  test('no name, or no score, is no reading', () => {
    assert.deepEqual(readRowCells(['9', '9'], shanghai), { ok: false, readings: 0 });
    assert.deepEqual(readRowCells(['受理企业融资需求', '3'], shanghai), { ok: false, readings: 0 });
  });
});

/** A national form other than the fixtures: more rows, a merged 二级指标, two wrapped ones and a wrapped funding source drawn later, 万元. */
const NATIONAL = `项目支出绩效自评表
项目名称 全民健身赛事补贴
主管部门 上海市某区体育局 实施单位 上海市某区体育总会
项目资金（万元）
年初预算数 全年预算数 全年执行数 分值 执行率 得分
年度资金总额 80.00 80.00 76.00 10 95.00% 9.50
60.00 60.00 58.00
上年结转资金 20.00 20.00 18.00
其他资金
年度总体目标
预期目标 实际完成情况
举办赛事12场。 已举办赛事12场。
一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分
产出指标
数量指标
赛事场次 =12 12 20 20
参赛人数 >=3000 3200 10 10
质量指标 赛事安全事故数 =0 0 10 10
时效指标 赛事按期举办率 =100% 100% 5 5
成本指标 单场赛事成本 <=6 5.8 5 5
效益指标
社会效益指标 市民参与度 提升 提升 20 18 部分赛事报名不足，下年加强宣传
长效机制建设 健全 健全 10 10
满意度指标 参赛者满意度 >=90% 88% 10 9
总分 100 96.5
绩效等级 优
（2023年度）
其中：当年财政
拨款
偏差原因分析及改进措
施
可持续影响
指标
服务对象满意度
指标
\f`;

/** A Shanghai form whose cells are all in place but the block captions, which carry their points and are drawn later. */
const SHANGHAI = `项目名称 测试项目 预算单位 上海市某区某局
具体实施处（科室） 某科 是否为经常性项目 否
当年预算数（元） 100,000.00 上年预算金额（元） 90,000.00
预算执行数（元） 95,000.00 预算执行率（%） 95.00%
项目年度总目标 完成年度工作
一级指标 指标名称 目标值 权重 评分规则 自评分 备注
活动场次 =10 25 满10场得满分 25
活动质量 良好 20 达到良好得满分 20
社会影响 明显 35 影响明显得满分 30 影响面有待扩大
服务满意度 较满意 20 较满意及以上得满分 20
合计 100 95
自评时间 2022.3.2 绩效等级 优秀
主要绩效 完成
主要问题 无
改进措施 无
2021年度财政项目绩效自评价
产出指标(45分)
效益指标(35分)
满意度指标(20分)
\f`;

describe('raw text of other forms', () => {
  test('national: captions and the funding source given back by order, amounts in 万元', async () => {
    const result = await read(NATIONAL);
    assert.deepEqual(result.diagnostics, []);
    const e = result.forms[0]!.evaluation;
    assert.equal(e.year, 2023);
    assert.deepEqual(e.funding, [
      { source: '年度资金总额', initial: '800000.00', adjusted: '800000.00', executed: '760000.00' },
      { source: '其中：当年财政拨款', initial: '600000.00', adjusted: '600000.00', executed: '580000.00' },
      { source: '上年结转资金', initial: '200000.00', adjusted: '200000.00', executed: '180000.00' },
    ]);
    assert.deepEqual(
      e.indicators.map((i) => [i.category, i.subcategory, i.name, i.target, i.actual, i.weight, i.score, i.remark]),
      [
        ['output', '数量指标', '赛事场次', '=12', '12', 20, 20, ''],
        ['output', '数量指标', '参赛人数', '>=3000', '3200', 10, 10, ''],
        ['output', '质量指标', '赛事安全事故数', '=0', '0', 10, 10, ''],
        ['output', '时效指标', '赛事按期举办率', '=100%', '100%', 5, 5, ''],
        ['output', '成本指标', '单场赛事成本', '<=6', '5.8', 5, 5, ''],
        ['effect', '社会效益指标', '市民参与度', '提升', '提升', 20, 18, '部分赛事报名不足，下年加强宣传'],
        ['effect', '可持续影响指标', '长效机制建设', '健全', '健全', 10, 10, ''],
        ['satisfaction', '服务对象满意度指标', '参赛者满意度', '>=90%', '88%', 10, 9, ''],
      ],
    );
    assert.deepEqual([e.annualGoal, e.actualOutcome, e.totals, e.execution, e.grade], ['举办赛事12场。', '已举办赛事12场。', { weight: 100, score: 96.5 }, { weight: 10, score: 9.5 }, '优']);
  });

  test('shanghai: block captions given by the points they print, in order', async () => {
    const result = await read(SHANGHAI);
    assert.deepEqual(result.diagnostics, []);
    const e = result.forms[0]!.evaluation;
    assert.deepEqual(e.indicators.map((i) => [i.category, i.name, i.rule, i.score, i.remark]), [
      ['output', '活动场次', '满10场得满分', 25, ''],
      ['output', '活动质量', '达到良好得满分', 20, ''],
      ['effect', '社会影响', '影响明显得满分', 30, '影响面有待扩大'],
      ['satisfaction', '服务满意度', '较满意及以上得满分', 20, ''],
    ]);
    assert.deepEqual([e.year, e.project.department, e.project.recurring, e.project.executionRate, e.evaluatedOn], [2021, '某科', false, '95.00', '2022-03-02']);
  });

  test('a line left over that is no word of the template: refused there', async () => {
    assertRefused(await read(NATIONAL.replace('施\n', '施\n来历不明的一格\n')), 32);
    // A wrapped word cut by such a line is no word either.
    assertRefused(await read(NATIONAL.replace('偏差原因分析及改进措\n', '偏差原因分析及改进措\n来历不明的一格\n')), 30);
  });
  test('a row with a cell two columns could take: refused', async () => {
    assertRefused(await read(NATIONAL.replace('赛事场次 =12 12 20 20', '赛事场次 =12 20 20')), 16);
  });
  test('a reading that does not add up: refused', async () => {
    assertRefused(await read(SHANGHAI.replace('合计 100 95', '合计 100 96')), 11, 'rawtext.doesNotAddUp');
    assertRefused(await read(SHANGHAI.replace('活动质量 良好 20 达到良好得满分 20', '活动质量 良好 25 达到良好得满分 20')), 8);
    // With a row that reads in two ways, no reading adds up: the row is where the order is lost.
    assertRefused(await read(NATIONAL.replace('赛事场次 =12 12 20 20', '赛事场次 =12 12 25 25')), 17);
  });
  test('full-width digits read as their digits (they once threw in the row sums)', async () => {
    const wide = (text: string) => text.replace(/[0-9]/gu, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    for (const text of [NATIONAL, fixture('real-2022-putuo-sports.raw.txt')]) {
      const narrow = await read(text);
      const widened = await read(wide(text));
      assert.equal(narrow.forms.length, 1);
      assert.deepEqual(widened.forms.map((f) => [f.evaluation.indicators.map((x) => [x.weight, x.score]), f.evaluation.totals]), narrow.forms.map((f) => [f.evaluation.indicators.map((x) => [x.weight, x.score]), f.evaluation.totals]));
    }
  });
  test('printed totals that are no numbers: refused where the row is unsure, not thrown', async () => {
    assertRefused(await read(NATIONAL.replace('总分 100 96.5', '总分 一百 96.5%')), 17);
  });
  test('a wrapped subcategory with no row to take it: refused', async () => {
    assertRefused(await read(NATIONAL.replace('长效机制建设 健全 健全 10 10', '可持续影响指标 长效机制建设 健全 健全 10 10')), 24);
  });
});

test('the cheap pre-check lets through every text whose flavour is detected, and lets the seed go', () => {
  const texts = [readFileSync(SEED, 'utf8'), ...NAMES.flatMap((n) => ['raw', 'default', 'layout'].map((mode) => fixture(`${n}.${mode}.txt`)))];
  const variants = texts.flatMap((t) => {
    const lines = t.split('\n');
    return [t, lines.filter((l) => l.trim() !== '').join('\n'), lines.slice(0, lines.length >> 1).join('\n'), `\n\n${t}\n\n\f`, t.replace(/\n/gu, '\n：\n')];
  });
  for (const text of variants) if (detectFlavour(rawLines(text), templates)) assert.equal(mayHaveFlavour(text, templates), true, text.slice(0, 80));
  assert.equal(mayHaveFlavour(readFileSync(SEED, 'utf8'), templates), false);
});

test('a word\'s key is never shorter than the bound the pre-check skips long words by', () => {
  const alphabet = ['项', '目', 'a', 'e', '\u0301', '1', ',', ':', '：', '，', '（', ')', '\u2F6C', '\u00a0', 'ｆ', '〇', '\u3000', '\u1100', '\u1161', '\uFB01', '㍱', '—'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }), (chars) => {
      const word = chars.join('');
      assert.ok(keyLengthAtLeast(word) <= labelKey(normalizeExtractedText(word)).length, JSON.stringify(word));
    }),
    { numRuns: 20000, seed: 5 },
  );
});
