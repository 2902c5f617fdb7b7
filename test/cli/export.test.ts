/** `jixiao export` end to end: the official form out, read back in, and the open data. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { withoutWhiteSpace } from '../support/compare.ts';
import { ROOT, SEED_FILE } from '../support/fixtures.ts';
import { runCli } from '../support/run-cli.ts';

const scratch = mkdtempSync(join(tmpdir(), 'jixiao-export-'));
const evaluationsOf = (path: string) => (JSON.parse(readFileSync(path, 'utf8')) as { evaluations: unknown[] }).evaluations;

describe('import(export(x)) == x', () => {
  const sources: Array<[string, string]> = [
    ['the seed', SEED_FILE],
    ['a national example (万元, several funding rows, a deduction)', `${ROOT}test/fixtures/pdf/national-2023-example.json`],
    ['the real national form', `${ROOT}test/fixtures/real-2022-putuo-sports.json`],
  ];
  for (const [name, source] of sources) {
    for (const kind of ['pdf', 'xlsx'] as const) {
      test(`${name} through ${kind.toUpperCase()}`, () => {
        const exported = join(scratch, `${kind}-${Math.random().toString(36).slice(2)}.${kind}`);
        const out = runCli(['export', source, `--${kind}`, exported]);
        assert.equal(out.code, 0, out.stderr);
        const back = join(scratch, `back-${Math.random().toString(36).slice(2)}.json`);
        const read = runCli(['import', exported, '--out', back]);
        assert.notEqual(read.code, 2, read.stderr);
        // Text compared without white space: a PDF keeps no line breaks inside a cell.
        assert.deepEqual(withoutWhiteSpace(evaluationsOf(back)), withoutWhiteSpace(evaluationsOf(source)));
      });
    }
  }
});

test('the open data: one row per indicator with its project’s keys, CSV for Excel and JSON', () => {
  const csv = join(scratch, 'open.csv');
  const json = join(scratch, 'open.json');
  assert.equal(runCli(['export', SEED_FILE, '--csv', csv, '--json', json]).code, 0);
  const text = readFileSync(csv, 'utf8');
  assert.ok(text.startsWith('\uFEFF年度,表式,预算单位'), 'a BOM and Chinese titles');
  const lines = text.trim().split('\r\n');
  assert.equal(lines.length, 1 + 23 + 13 + 11);
  // A target that begins with = is text in Excel ('=10场), not a formula; the JSON keeps it as written.
  assert.equal(lines[1], "2021,shanghai-2021,上海市普陀区金融服务办公室,金融服务科,金融业务费用,414400.00,257602.00,62.16,1,产出指标,,防范金融风险宣传场次,'=10场,,3,3,,95,优秀");
  assert.match(text, /"市金融办、市金融业联合会领导到展台参观，得满分"|市金融办、市金融业联合会领导到展台参观/);
  const rows = (JSON.parse(readFileSync(json, 'utf8')) as { rows: Array<Record<string, string>> }).rows;
  assert.equal(rows.length, 47);
  assert.deepEqual(rows[46], { ...rows[46], project: '金融服务费用', indicator: '企业服务满意度', category: '满意度指标', weight: '20', score: '20' });
  assert.equal(rows[0]!.target, '=10场');
  const english = join(scratch, 'open-en.csv');
  runCli(['export', SEED_FILE, '--csv', english, '--lang', 'en']);
  assert.ok(readFileSync(english, 'utf8').startsWith('\uFEFFYear,Template,Budget unit'));
});

test('a value with "quotes", commas and a line break stays one CSV field', () => {
  const source = JSON.parse(readFileSync(SEED_FILE, 'utf8'));
  source.evaluations = [source.evaluations[2]];
  source.evaluations[0].indicators[0].remark = '说明,"一"\n二';
  const file = join(scratch, 'quoted.json');
  writeFileSync(file, JSON.stringify(source));
  const csv = join(scratch, 'quoted.csv');
  assert.equal(runCli(['export', file, '--csv', csv]).code, 0);
  assert.match(readFileSync(csv, 'utf8'), /,"说明,""一""\n二",/);
});

test('a character the font lacks is reported with where it stands, and no PDF is written', () => {
  const source = JSON.parse(readFileSync(SEED_FILE, 'utf8'));
  source.evaluations[1].indicators[2].name = '初步法律合规审查报告𠀀';
  const file = join(scratch, 'rare.json');
  writeFileSync(file, JSON.stringify(source));
  const run = runCli(['export', file, '--pdf', join(scratch, 'rare.pdf')]);
  assert.equal(run.code, 1);
  assert.match(run.stderr, /𠀀 \(U\+20000\) in evaluations\[1\]\.indicators\[2\]\.name/);
});

test('export reads what import reads: the seed text straight to PDF', () => {
  const pdf = join(scratch, 'from-text.pdf');
  const run = runCli(['export', `${ROOT}test/fixtures/seed/000_876b01381dae6b1b.txt`, '--pdf', pdf]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stderr, /from-text\.pdf: 3 form\(s\)/);
  assert.ok(readFileSync(pdf).subarray(0, 5).toString() === '%PDF-');
});

test('nothing to write, or nothing readable: exit 2', () => {
  assert.equal(runCli(['export', SEED_FILE]).code, 2);
  assert.equal(runCli(['export', `${ROOT}test/fixtures/bad/scanned.pdf`, '--pdf', join(scratch, 'x.pdf')]).code, 2);
});
