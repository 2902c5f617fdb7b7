/**
 * The same printed text gives the same value in every reader: a form's value cells are written
 * with the same texts into the text reader's input and into a grid (as the PDF, XLSX, HTML and
 * Word readers give it), and each field must come out equal — or unread, with a diagnostic, in both.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { writeEvaluationsWorkbook } from '../export/xlsx/workbook.ts';
import type { Evaluation } from '../core/model/evaluation.ts';
import type { Grid } from './grid/grid.ts';
import { recognizeForms } from './grid/recognize-forms.ts';
import type { FileImport } from './import-result.ts';
import { readTextFormsSync } from './text/read-text-forms.ts';
import { readXlsxGrids } from './xlsx/read-xlsx-grids.ts';

const fixture = (name: string) => readFileSync(new URL(`./text/fixtures/${name}`, import.meta.url), 'utf8');
const TEXT = fixture('variant-rewrapped-2022.txt');
const FORM = JSON.parse(fixture('variant-rewrapped-2022.json')).evaluations[0] as Evaluation;

/**
 * Each field, the fixture's text with a value printed in its place, and the texts to print. The
 * rate and 是/否 get their label's line: printed after another field's value, the text reader
 * tells them apart by their form (a rate without % could be a second amount, it says so with
 * EXTRA_VALUE; a word that is no 是/否 is the department's), which is no question of reading.
 */
const CASES: Array<{ path: string; print: (value: string) => string; texts: string[] }> = [
  {
    path: 'project.executionRate',
    print: (v) => replaced(replaced(TEXT, '预算执行率（%）\n', `预算执行率（%） ${v}\n`), ' 98.38%', ''),
    texts: ['62.2', '62.2%', '６２.２０％', '62.1600%', '百分百'],
  },
  { path: 'project.executed', print: (v) => replaced(TEXT, '1,180,500.50 ', `${v} `), texts: ['1,2345.00', '12,345.00', '１２３４５', '118.05万', '1180500.505'] },
  { path: 'totals.score', print: (v) => replaced(TEXT, '合计 100 98', `合计 100 ${v}`), texts: ['-5', '98', '９８.５', '98.555', '98分'] },
  { path: 'evaluatedOn', print: (v) => replaced(TEXT, '自评时间 2023年2月28日', `自评时间 ${v}`), texts: ['2023.2.28', '２０２３/2/8', '2023-02-30', '2023年3月1日'] },
  {
    path: 'project.recurring',
    print: (v) => replaced(replaced(TEXT, '是否为经常性项目\n', `是否为经常性项目 ${v}\n`), '（科室） 否', '（科室）'),
    texts: ['是', ' 否 ', '不一定', 'yes'],
  },
];

function replaced(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), from);
  return text.replace(from, to);
}

function valueAt(evaluation: Evaluation, path: string): unknown {
  return path.split('.').reduce<unknown>((o, key) => (o as Record<string, unknown> | undefined)?.[key], evaluation);
}

/** The field's value and whether the reader said it could not read it. */
function outcome(result: FileImport, path: string): { value: unknown; unreadable: boolean } {
  assert.equal(result.forms.length, 1, JSON.stringify(result.diagnostics.map((d) => d.code)));
  const unreadable = result.diagnostics.some((d) => d.code === 'UNREADABLE_VALUE' && d.path === `evaluations[0].${path}`);
  const value = valueAt(result.forms[0]!.evaluation, path);
  // A field not read is absent or left blank, as the model keeps a field not filled.
  return { value: value === '' ? undefined : value, unreadable };
}

function viaText({ path, print }: (typeof CASES)[number], value: string): { value: unknown; unreadable: boolean } {
  return outcome(readTextFormsSync({ file: 'form.txt', bytes: new TextEncoder().encode(print(value)) }), path);
}

async function formGrid(): Promise<{ grid: Grid; locations: Record<string, string> }> {
  const grid = (await readXlsxGrids(await writeEvaluationsWorkbook([FORM]))).grids[0]!;
  const read = recognizeForms([grid], { file: 'form.xlsx' });
  return { grid, locations: read.forms[0]!.locations };
}

function viaGrid(form: { grid: Grid; locations: Record<string, string> }, path: string, text: string): { value: unknown; unreadable: boolean } {
  const at = form.locations[path];
  assert.ok(at, path);
  const cells = form.grid.cells.map((c) => (c.location === at ? { ...c, text } : c));
  return outcome(recognizeForms([{ ...form.grid, cells }], { file: 'form.xlsx' }), path);
}

describe('the same printed text, the same value from the text reader and the grid reader', async () => {
  const form = await formGrid();
  for (const field of CASES) {
    test(field.path, () => {
      for (const text of field.texts) {
        assert.deepEqual(viaGrid(form, field.path, text), viaText(field, text), `${field.path}: ${text}`);
      }
    });
  }

  test('the cases tell values apart: some are read, some are not', () => {
    const outcomes = CASES.flatMap((field) => field.texts.map((t) => viaText(field, t)));
    assert.ok(outcomes.some((o) => o.unreadable) && outcomes.some((o) => o.value !== undefined));
    assert.deepEqual(viaText(CASES[0]!, '62.2'), { value: '62.20', unreadable: false });
    assert.deepEqual(viaText(CASES[1]!, '1,2345.00'), { value: undefined, unreadable: true });
  });
});
