/**
 * PDF export throughput in one process, and LibreOffice printing the same forms in the same run.
 * The forms come from the fixtures (the three seed forms and the national one, in turn); jixiao
 * prints them once as one document and once as one document per form (a download per
 * evaluation). LibreOffice converts the same forms exported as one XLSX workbook
 * (`soffice --headless --convert-to pdf`, startup included, as a user would run it).
 *   node --import tsx bench/export-pdf.bench.ts [forms] [forms-for-libreoffice]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nationalEvaluation, seedEvaluations } from '../test/support/fixtures.ts';
import type { Evaluation } from '../src/core/model/evaluation.ts';
import { renderEvaluationsPdf } from '../src/export/pdf/render-evaluations-pdf.ts';
import { writeEvaluationsWorkbook } from '../src/export/xlsx/workbook.ts';
import { machine } from './machine.ts';

const count = Number(process.argv[2] ?? 200);
const libreOfficeCount = Number(process.argv[3] ?? 40);
const pool = [...seedEvaluations(), nationalEvaluation()];
const formsOf = (n: number): Evaluation[] => Array.from({ length: n }, (_, i) => pool[i % pool.length]!);

console.log(`machine: ${machine()}`);
// The first export parses the font (once per process); it is not part of the steady rate.
const warm = performance.now();
await renderEvaluationsPdf(pool);
console.log(`first export (font parse included): ${(performance.now() - warm).toFixed(0)} ms`);

async function rate(forms: Evaluation[], run: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await run();
  return forms.length / ((performance.now() - start) / 1000);
}

const forms = formsOf(count);
const oneDocument = await rate(forms, async () => void (await renderEvaluationsPdf(forms)));
const perForm = await rate(forms, async () => {
  for (const form of forms) await renderEvaluationsPdf([form]);
});
console.log(`jixiao, ${count} forms in one document: ${oneDocument.toFixed(1)} forms/s`);
console.log(`jixiao, ${count} forms, one document each: ${perForm.toFixed(1)} forms/s`);

const small = formsOf(libreOfficeCount);
const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-'));
const workbook = join(dir, 'forms.xlsx');
writeFileSync(workbook, await writeEvaluationsWorkbook(small));
const jixiaoSmall = await rate(small, async () => void (await renderEvaluationsPdf(small)));
const office = await rate(small, async () => {
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, workbook], { stdio: 'ignore' });
});
console.log(`jixiao, ${libreOfficeCount} forms in one document: ${jixiaoSmall.toFixed(1)} forms/s`);
console.log(`LibreOffice, the same ${libreOfficeCount} forms from XLSX: ${office.toFixed(2)} forms/s`);
console.log(`ratio jixiao / LibreOffice: ${(jixiaoSmall / office).toFixed(0)}×`);
