/** `jixiao import` end to end through the executable: the seed, round trips, bad input. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, truncateSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ROOT } from '../support/fixtures.ts';
import { runCli } from '../support/run-cli.ts';
import { withoutWhiteSpace } from '../support/compare.ts';

const scratch = mkdtempSync(join(tmpdir(), 'jixiao-import-'));
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as { evaluations: unknown[] };
const SEED_TEXT = `${ROOT}test/fixtures/seed/000_876b01381dae6b1b.txt`;

function importTo(files: string[], extra: string[] = []) {
  const out = join(scratch, `out-${Math.random().toString(36).slice(2)}.json`);
  const run = runCli(['import', ...files, '--out', out, ...extra]);
  return { ...run, evaluations: run.code === 2 ? [] : json(out).evaluations };
}

test('the seed text imports as the hand transcription, field by field', () => {
  const run = importTo([SEED_TEXT]);
  assert.equal(run.code, 0, run.stderr);
  assert.deepEqual(withoutWhiteSpace(run.evaluations), withoutWhiteSpace(json(`${ROOT}demo/seed-2021-putuo.json`).evaluations));
  // Warnings of the checks are reported with the line they stand on; inferred blocks are said.
  assert.match(run.stderr, /line \d+: warning DEDUCTION_UNEXPLAINED evaluations\[0\]\.indicators\[8\]\.score/);
  assert.match(run.stderr, /info CATEGORY_INFERRED/);
});

describe('spreadsheet → PDF through LibreOffice → import gives the spreadsheet’s data', () => {
  const cases: Array<[string, string]> = [
    ['seed-2021-putuo', `${ROOT}demo/seed-2021-putuo.json`],
    ['real-2022-putuo-sports', `${ROOT}test/fixtures/real-2022-putuo-sports.json`],
    ['national-2023-example', `${ROOT}test/fixtures/pdf/national-2023-example.json`],
  ];
  for (const [name, source] of cases) {
    for (const kind of ['pdf', 'xlsx']) {
      test(`${name}.${kind}`, () => {
        const run = importTo([`${ROOT}test/fixtures/pdf/${name}.${kind}`]);
        assert.notEqual(run.code, 2, run.stderr);
        assert.deepEqual(withoutWhiteSpace(run.evaluations), withoutWhiteSpace(json(source).evaluations));
      });
    }
  }
});

test('a stated rate that disagrees is reported where the form prints it, exit 1, the form still written', () => {
  const run = importTo([`${ROOT}test/fixtures/pdf/real-2022-putuo-sports.pdf`], ['--lang', 'en']);
  assert.equal(run.code, 1);
  assert.match(run.stderr, /real-2022-putuo-sports\.pdf: page 1, row \d+, column \d+: error RATE_MISMATCH evaluations\[0\]\.project\.executionRate: The stated execution rate 86\.19%/);
  assert.equal(run.evaluations.length, 1);
});

describe('bad input: a clear message naming the file and the reason; the rest of the batch still imports', () => {
  const garbage = join(scratch, 'garbage.txt');
  writeFileSync(garbage, Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 256)));
  const empty = join(scratch, 'empty.pdf');
  writeFileSync(empty, '');
  const huge = join(scratch, 'huge.pdf');
  copyFileSync(`${ROOT}test/fixtures/pdf/seed-2021-putuo.pdf`, huge);
  truncateSync(huge, 200 * 1024 * 1024);
  const pdfNamedTxt = join(scratch, 'really-a-pdf.txt');
  copyFileSync(`${ROOT}test/fixtures/pdf/national-2023-example.pdf`, pdfNamedTxt);
  const notAForm = join(scratch, 'letter.txt');
  writeFileSync(notAForm, '关于做好2022年度预算执行工作的通知\n各单位：\n请按时报送。\n');
  const bad = (name: string) => `${ROOT}test/fixtures/bad/${name}`;

  const cases: Array<[string, RegExp]> = [
    [bad('encrypted.pdf'), /encrypted\.pdf: error READ_FAILED: The PDF is encrypted and needs a password/],
    [bad('truncated.pdf'), /truncated\.pdf: error READ_FAILED: (Not a valid PDF|The PDF has no text layer)/],
    [bad('scanned.pdf'), /scanned\.pdf: error READ_FAILED: The PDF has no text layer \(a scan\?\)/],
    [bad('many-pages.pdf'), /many-pages\.pdf: error READ_FAILED: The PDF has 2000 pages, over the limit of 300/],
    [garbage, /garbage\.txt: error READ_FAILED: Unknown kind of file/],
    [empty, /empty\.pdf: error READ_FAILED: The file is empty/],
    [huge, /huge\.pdf: error READ_FAILED: The file is 200 MB, over the limit of 50 MB; not read/],
    [notAForm, /letter\.txt: error NOT_A_FORM/],
    [join(scratch, 'missing.xlsx'), /missing\.xlsx: error READ_FAILED: No such file/],
  ];
  const run = importTo([...cases.map(([file]) => file), pdfNamedTxt], ['--lang', 'en']);

  test('each names its file and reason', () => {
    for (const [, message] of cases) assert.match(run.stderr, message);
  });
  test('the good file of the batch (a PDF named .txt, sniffed as a PDF) still imports; exit 1', () => {
    assert.equal(run.code, 1);
    assert.deepEqual(run.evaluations.map((e) => (e as { project: { name: string } }).project.name), ['社区全民健身设施更新维护']);
  });
  test('nothing readable at all: exit 2', () => {
    assert.equal(runCli(['import', bad('scanned.pdf'), garbage]).code, 2);
  });
});

test('--json-report writes the diagnostics with both languages', () => {
  const report = join(scratch, 'report.json');
  const run = runCli(['import', `${ROOT}test/fixtures/pdf/seed-2021-putuo.xlsx`, '--out', join(scratch, 'x.json'), '--json-report', report]);
  assert.equal(run.code, 0, run.stderr);
  const r = JSON.parse(readFileSync(report, 'utf8'));
  const d = r.files[0].diagnostics.find((x: { code: string }) => x.code === 'MISSING_FIELD');
  assert.equal(d.location, 'sheet 中介机构服务费, cell B3');
  assert.equal(d.messages.zh, '“具体实施处（科室）”未填写');
});

test('jixiao template --xlsx writes a blank form that imports as an empty form of that template', () => {
  const blank = join(scratch, 'blank.xlsx');
  assert.equal(runCli(['template', '--xlsx', blank, '--template', 'national-2020']).code, 0);
  const run = importTo([blank]);
  assert.equal((run.evaluations[0] as { template: string }).template, 'national-2020');
  assert.equal(runCli(['template', '--xlsx', blank, '--template', 'nowhere-1999']).code, 2);
});

describe('issue 15: an HTML page, a .docx and GB18030 text import as the XLSX and UTF-8 they were made from', async () => {
  const { readXlsxGrids } = await import('../../src/import/xlsx/read-xlsx-grids.ts');
  const { gridsHtml, seeded } = await import('../../src/import/html/testing/grid-html.ts');
  const { makeDocx } = await import('../../src/import/docx/testing/make-docx.ts');
  const iconv = (await import('iconv-lite')).default;
  const name = 'real-2022-putuo-sports';
  const expected = withoutWhiteSpace(json(`${ROOT}test/fixtures/real-2022-putuo-sports.json`).evaluations);
  const { grids } = await readXlsxGrids(new Uint8Array(readFileSync(`${ROOT}test/fixtures/pdf/${name}.xlsx`)));
  const page = join(scratch, 'page.html');
  writeFileSync(page, iconv.encode(gridsHtml(grids, { random: seeded(15), charset: 'gbk' }), 'gb18030'));
  const docx = join(scratch, 'form.docx');
  writeFileSync(docx, makeDocx([{ paragraph: '附表' }, ...grids.map((table) => ({ table }))]));
  const gbText = join(scratch, 'seed-gbk.txt');
  writeFileSync(gbText, iconv.encode(readFileSync(SEED_TEXT, 'utf8'), 'gb18030'));

  test('jixiao import page.html (a GBK page): the form, and the decoding said', () => {
    const run = importTo([page]);
    assert.notEqual(run.code, 2, run.stderr);
    assert.deepEqual(withoutWhiteSpace(run.evaluations), expected);
    assert.match(run.stderr, /page\.html: info TEXT_ENCODING: 按 GB18030 解码/);
  });

  test('jixiao import form.docx', () => {
    const run = importTo([docx]);
    assert.notEqual(run.code, 2, run.stderr);
    assert.deepEqual(withoutWhiteSpace(run.evaluations), expected);
  });

  test('jixiao import of the seed text saved as GB18030: the hand transcription', () => {
    const run = importTo([gbText]);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(withoutWhiteSpace(run.evaluations), withoutWhiteSpace(json(`${ROOT}demo/seed-2021-putuo.json`).evaluations));
    assert.match(run.stderr, /info TEXT_ENCODING: 按 GB18030 解码/);
  });
});
