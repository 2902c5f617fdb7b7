/**
 * `jixiao report --year Y --pdf OUT --xlsx OUT` on the demo's SQLite database: the files written (the
 * PDF's text, the workbook's sheets), either alone, and the refusals (exit 2, the problem named).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main.ts';
import { templateRegistry } from '../../src/core/templates/registry.ts';
import { popplerPages, squeeze } from '../../src/export/pdf/pdf-readback.testing.ts';
import { loadDemo } from '../../src/server/demo-data.ts';
import { migrateToLatest } from '../../src/storage/migrate.ts';
import { openDatabase } from '../../src/storage/open-database.ts';

let dir = '';

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jixiao-report-cli-'));
  const database = openDatabase(join(dir, 'demo.sqlite'));
  await migrateToLatest(database.db);
  await loadDemo(database.db, { password: 'report-cli-password', templates: templateRegistry() });
  await database.close();
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const saved = process.env.DATABASE_URL;
  process.env.DATABASE_URL = join(dir, 'demo.sqlite');
  try {
    const code = await main(['report', ...args], { out: (t) => out.push(t), err: (t) => err.push(t), input: async () => '' });
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
  }
}

test('jixiao report --year 2021 --pdf --xlsx writes both; either alone; --lang en', { timeout: 60_000 }, async () => {
  const [pdf, xlsx] = [join(dir, 'r.pdf'), join(dir, 'r.xlsx')];
  const both = await run(['--year', '2021', '--pdf', pdf, '--xlsx', xlsx]);
  assert.equal(both.code, 0, both.err);
  assert.match(both.out, /wrote .*r\.pdf \(PDF, [\d,]+ bytes\)\n.*wrote .*r\.xlsx \(XLSX/u);
  assert.match(both.err, /3 forms due, 1 reviewed/u);
  const text = squeeze(popplerPages(readFileSync(pdf)).join(''));
  assert.ok(text.includes('2021年度财政项目绩效评价结果报告') && text.includes('应评价项目数3'), text.slice(0, 200));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(xlsx) as never);
  assert.equal(workbook.worksheets.length, 8);
  assert.equal(workbook.worksheets[1]!.getRow(3).getCell(2).value, '应评价');

  const alone = join(dir, 'en.xlsx');
  assert.equal((await run(['--year', '2021', '--xlsx', alone, '--lang', 'en'])).code, 0);
  assert.ok(existsSync(alone) && !existsSync(join(dir, 'en.pdf')));
});

test('refusals name the problem: no output, a wrong year, a year without forms, an output that cannot be written', async () => {
  const none = await run(['--year', '2021']);
  assert.deepEqual([none.code, /--pdf OUT\.pdf, --xlsx OUT\.xlsx or both/u.test(none.err)], [2, true]);
  const year = await run(['--year', '21', '--pdf', join(dir, 'x.pdf')]);
  assert.deepEqual([year.code, /--year must be a year such as 2025, not "21"/u.test(year.err)], [2, true]);
  const empty = await run(['--year', '2030', '--pdf', join(dir, 'x.pdf')]);
  assert.deepEqual([empty.code, /no forms of 2030/u.test(empty.err)], [2, true]);
  const unwritable = await run(['--year', '2021', '--pdf', join(dir, 'no-such-dir', 'x.pdf')]);
  assert.deepEqual([unwritable.code, /--pdf .*x\.pdf: cannot be written \(ENOENT\)/u.test(unwritable.err)], [2, true]);
  const help = await main(['help'], { out: (t) => assert.match(t, /jixiao report --year Y \[--pdf OUT\.pdf\] \[--xlsx OUT\.xlsx\]/u), err: () => undefined, input: async () => '' });
  assert.equal(help, 0);
});
