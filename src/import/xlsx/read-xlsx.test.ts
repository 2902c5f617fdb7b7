import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { writeEvaluationsWorkbook } from '../../export/xlsx/workbook.ts';
import { seedEvaluations } from '../../../test/support/fixtures.ts';
import { readXlsxForms } from './read-xlsx.ts';
import { BILLION_LAUGHS_WORKBOOK, bombEntry, makeZip } from './testing/make-zip.ts';

const BORDER = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as const;

/** A form as an office lays it out by hand: an empty first column, its own widths, 指标解释, 万元, a date cell. */
function officeSheet(workbook: ExcelJS.Workbook, name: string, project: string, score: number): void {
  const ws = workbook.addWorksheet(name);
  ws.columns = [{ width: 3 }, { width: 18 }, { width: 30 }, { width: 25 }, { width: 6 }, { width: 30 }, { width: 6 }, { width: 20 }];
  const rows: (string | number | Date | null)[][] = [
    [null, '2022年度财政项目绩效自评价'],
    [null, '项目名称', project, '预算单位', '上海市某区某局'],
    [null, '具体实施处\n（科室）', '综合科', '是否为经常性项目', '否'],
    [null, '当年预算数（万元）', 12.5, '上年预算金额（万元）', 10],
    [null, '预算执行数（万元）', 12.3456, '预算执行率（%）', 0.98765],
    [null, '项目年度总目标', '完成年度工作。'],
    [null, '一级指标', '指标名称', '指标解释', '权重', '评分规则', '自评分', '备注'],
    [null, '产出指标(45分)', '活动场次', '≥10场', 45, '满10场得满分', 45, ''],
    [null, '效益指标(35分)', '社会影响', '明显提升', 35, '明显提升得满分', 35, ''],
    [null, '满意度指标', '群众满意度', '≥90%', 20, '满90%得满分', score - 80, '略低于目标，下年加强宣传'],
    [null, '合计', null, null, 100, null, score, null],
    [null, '自评时间', new Date(Date.UTC(2023, 2, 2)), '绩效等级', '优秀'],
    [null, '主要绩效', '按期完成。'],
    [null, '主要问题', '无'],
    [null, '改进措施', '无'],
  ];
  rows.forEach((values, i) => {
    const row = ws.getRow(i + 1);
    values.forEach((v, j) => {
      if (v === null) return;
      const cell = row.getCell(j + 1);
      cell.value = v;
      if (i > 0) cell.border = BORDER;
    });
  });
  ws.getCell('E5').numFmt = '0.00%';
  ws.getCell('C12').numFmt = 'yyyy"年"m"月"d"日"';
}

async function officeWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  officeSheet(workbook, '表1', '社区活动经费', 98);
  officeSheet(workbook, '表2', '宣传经费', 99);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('readXlsxForms on a workbook laid out by hand', () => {
  it('reads one form per sheet by their labels', async () => {
    const result = await readXlsxForms({ file: 'office.xlsx', bytes: await officeWorkbook() });
    assert.deepEqual(result.diagnostics, []);
    assert.equal(result.forms.length, 2);
    const [first, second] = result.forms.map((f) => f.evaluation);
    assert.equal(first!.template, 'shanghai-2021');
    assert.equal(first!.year, 2022);
    assert.deepEqual(first!.project, {
      name: '社区活动经费',
      budgetUnit: '上海市某区某局',
      department: '综合科',
      recurring: false,
      budgetCurrentYear: '125000.00',
      budgetPreviousYear: '100000.00',
      executed: '123456.00',
      executionRate: '98.765',
      amountUnit: '万元',
    });
    assert.deepEqual(first!.indicators[0], { category: 'output', name: '活动场次', target: '≥10场', weight: 45, rule: '满10场得满分', score: 45, remark: '' });
    assert.equal(first!.indicators[2]!.remark, '略低于目标，下年加强宣传');
    assert.deepEqual(first!.totals, { weight: 100, score: 98 });
    assert.equal(first!.evaluatedOn, '2023-03-02');
    assert.equal(second!.project.name, '宣传经费');
    assert.equal(second!.totals?.score, 99);
    assert.equal(result.forms[1]!.locations['totals.score'], 'sheet 表2, cell G11');
    assert.equal(result.forms[0]!.locations['indicators[0].target'], 'sheet 表1, cell D8');
  });
});

async function refusal(bytes: Uint8Array): Promise<{ code: string; key: string }> {
  const result = await readXlsxForms({ file: 'bad.xlsx', bytes });
  assert.equal(result.forms.length, 0);
  assert.equal(result.diagnostics.length, 1);
  const [d] = result.diagnostics;
  assert.equal(d!.severity, 'error');
  return { code: d!.code, key: d!.message.key };
}

describe('readXlsxForms refuses bad files with a clear diagnostic', () => {
  it('an empty file', async () => {
    assert.deepEqual(await refusal(new Uint8Array()), { code: 'EMPTY_FILE', key: 'xlsx.empty' });
  });

  it('a truncated workbook', async () => {
    const whole = await writeEvaluationsWorkbook(seedEvaluations());
    assert.deepEqual(await refusal(whole.subarray(0, Math.floor(whole.length / 2))), { code: 'UNREADABLE_FILE', key: 'xlsx.truncated' });
  });

  it('a zip bomb: a few hundred kB that unpack to 300 MB', async () => {
    const entry = await bombEntry('xl/worksheets/sheet1.xml', 300);
    const bomb = makeZip([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }, entry]);
    assert.ok(bomb.length < 1024 * 1024);
    const before = process.memoryUsage();
    assert.equal((await refusal(bomb)).code, 'ZIP_BOMB');
    const after = process.memoryUsage();
    assert.ok(after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers < 64 * 1048576);
  });

  it('a zip bomb that declares a small size: stopped while inflating', async () => {
    const entry = await bombEntry('xl/media/image1.png', 50);
    const liar = makeZip([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }, { ...entry, declaredSize: 1000 }]);
    assert.equal((await refusal(liar)).code, 'UNREADABLE_FILE');
  });

  it('an XML entity bomb (billion laughs)', async () => {
    const zip = makeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from(BILLION_LAUGHS_WORKBOOK) },
    ]);
    assert.deepEqual(await refusal(zip), { code: 'XML_ENTITIES', key: 'xlsx.doctype' });
  });

  it('a zip that is no workbook, a password-protected workbook, and text', async () => {
    assert.equal((await refusal(makeZip([{ name: 'readme.txt', data: Buffer.from('hello') }]))).code, 'NOT_XLSX');
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    assert.deepEqual(await refusal(ole), { code: 'ENCRYPTED', key: 'xlsx.encryptedOrLegacy' });
    assert.equal((await refusal(Buffer.from('项目名称,金融业务费用'))).code, 'NOT_XLSX');
  });

  it('a workbook with no form on it', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').getCell('A1').value = 'hello';
    const result = await readXlsxForms({ file: 'other.xlsx', bytes: Buffer.from(await workbook.xlsx.writeBuffer()) });
    assert.deepEqual(result.diagnostics.map((d) => d.code), ['NOT_A_FORM']);
  });
});
