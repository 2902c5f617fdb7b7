import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Evaluation } from '../../core/model/evaluation.ts';
import { readXlsxForms } from '../../import/xlsx/read-xlsx.ts';
import { nationalEvaluation, ROOT, seedEvaluations, template } from '../../../test/support/fixtures.ts';
import { writeBlankTemplateWorkbook, writeEvaluationsWorkbook } from './workbook.ts';

const ownNational = (): Evaluation[] =>
  (JSON.parse(readFileSync(`${ROOT}test/fixtures/pdf/national-2023-example.json`, 'utf8')) as { evaluations: Evaluation[] }).evaluations;

async function roundTrip(evaluations: Evaluation[]) {
  const bytes = await writeEvaluationsWorkbook(evaluations);
  return readXlsxForms({ file: 'forms.xlsx', bytes });
}

async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

describe('writeEvaluationsWorkbook → readXlsxForms', () => {
  it('gives back the three seed forms exactly, without a diagnostic', async () => {
    const seed = seedEvaluations();
    const result = await roundTrip(seed);
    assert.deepEqual(result.diagnostics, []);
    assert.deepStrictEqual(result.forms.map((f) => f.evaluation), seed);
  });

  it('gives back the real national form (printed in 元)', async () => {
    const national = nationalEvaluation();
    const result = await roundTrip([national]);
    assert.deepEqual(result.diagnostics, []);
    assert.deepStrictEqual(result.forms.map((f) => f.evaluation), [national]);
  });

  it('gives back a national form in 万元 with several funding rows, a deduction with its remark and long texts', async () => {
    const own = ownNational();
    const result = await roundTrip(own);
    assert.deepEqual(result.diagnostics, []);
    assert.deepStrictEqual(result.forms.map((f) => f.evaluation), own);
  });

  it('records where each field was read', async () => {
    const result = await roundTrip(seedEvaluations().slice(0, 1));
    const locations = result.forms[0]!.locations;
    assert.equal(locations['project.name'], 'sheet 金融业务费用, cell B2');
    assert.match(locations['totals.score'] ?? '', /^sheet 金融业务费用, cell F\d+$/u);
    assert.match(locations['indicators[22].score'] ?? '', /^sheet 金融业务费用, cell F\d+$/u);
  });

  it('prints amounts as numbers: 元 under #,##0.00, 万元 exactly, the rate as a percentage', async () => {
    const workbook = await loadWorkbook(await writeEvaluationsWorkbook([...seedEvaluations().slice(0, 1), ...ownNational()]));
    const shanghai = workbook.worksheets[0]!;
    assert.equal(shanghai.getCell('B4').value, 414400);
    assert.equal(shanghai.getCell('B4').numFmt, '#,##0.00');
    assert.equal(shanghai.getCell('F5').value, 0.6216);
    assert.equal(shanghai.getCell('F5').numFmt, '0.00%');
    assert.equal(shanghai.getCell('A8').value, '产出指标(45分)');
    assert.ok(shanghai.getCell('A8').isMerged);
    const national = workbook.worksheets[1]!;
    assert.equal(national.getCell('A5').value, '项目资金（万元）');
    assert.equal(national.getCell('E6').value, 112.345678);
    assert.equal(national.pageSetup.paperSize, 9);
    assert.equal(national.pageSetup.fitToWidth, 1);
    assert.equal(national.pageSetup.orientation, 'portrait');
  });

  it('names sheets after projects, unique and at most 31 characters', async () => {
    const [first] = seedEvaluations();
    const long = { ...first!, project: { ...first!.project, name: '一个名称很长很长的项目：超过三十一个字符的工作表名称[测试]用' } };
    const workbook = await loadWorkbook(await writeEvaluationsWorkbook([first!, first!, long, long]));
    const names = workbook.worksheets.map((ws) => ws.name);
    assert.equal(new Set(names.map((n) => n.toLowerCase())).size, 4);
    for (const name of names) assert.ok([...name].length <= 31 && !/[[\]:*?/\\]/u.test(name), name);
  });
});

describe('writeBlankTemplateWorkbook', () => {
  for (const id of ['shanghai-2021', 'national-2020']) {
    it(`${id}: opens, has drop-downs and number checks, and reads back as an empty form`, async () => {
      const bytes = await writeBlankTemplateWorkbook(template(id));
      const workbook = await loadWorkbook(bytes);
      const [form, lists] = workbook.worksheets;
      assert.equal(lists?.state, 'hidden');
      const validations: { type: string; formulae: unknown[] }[] = [];
      form!.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.dataValidation?.type) validations.push(cell.dataValidation as never);
      }));
      const lists_ = validations.filter((v) => v.type === 'list').map((v) => String(v.formulae[0]));
      assert.ok(lists_.some((f) => f.startsWith('lists!$A$')), 'category drop-down');
      assert.ok(lists_.some((f) => f.startsWith('lists!$B$')), 'level drop-down');
      assert.ok(validations.some((v) => v.type === 'decimal'), 'number validation');
      assert.deepEqual(
        [1, 2, 3].map((r) => lists!.getCell(r, 2).value),
        ['达成', '部分达成', '未达成'],
      );
      const result = await readXlsxForms({ file: 'blank.xlsx', bytes });
      assert.equal(result.forms.length, 1);
      assert.equal(result.forms[0]!.evaluation.template, id);
      assert.deepEqual(result.forms[0]!.evaluation.indicators, []);
    });
  }
});

describe('the committed PDF fixtures (test/fixtures/pdf, made by scripts/make-pdf-fixtures.sh)', () => {
  const pairs: [string, () => Evaluation[]][] = [
    ['seed-2021-putuo', seedEvaluations],
    ['real-2022-putuo-sports', () => [nationalEvaluation()]],
    ['national-2023-example', ownNational],
  ];
  for (const [name, expected] of pairs) {
    it(`${name}.xlsx reads back as its JSON, and its PDF is there`, async () => {
      const bytes = readFileSync(`${ROOT}test/fixtures/pdf/${name}.xlsx`);
      const result = await readXlsxForms({ file: `${name}.xlsx`, bytes });
      assert.deepStrictEqual(result.forms.map((f) => f.evaluation), expected());
      assert.equal(readFileSync(`${ROOT}test/fixtures/pdf/${name}.pdf`).subarray(0, 5).toString('latin1'), '%PDF-');
    });
  }
});
