/**
 * PDF export throughput in one process, and LibreOffice printing the same forms in the same run.
 * The forms come from the fixtures (the three seed forms and the national one, in turn). jixiao
 * prints them
 *   - as one document,
 *   - as one document of distinct forms: each form's texts (project name, goal, narratives,
 *     indicator names and rules) made unique, so that no cache of texts seen before helps,
 *   - as one document per form (a download per evaluation).
 * Each jixiao figure is the median of three runs, after a warm-up export. LibreOffice converts
 * the same forms exported as one XLSX workbook (`soffice --headless --convert-to pdf`, startup
 * included, as a user would run it), once; the ratio compares it with jixiao's one-document
 * rate for those forms.
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
const RUNS = 3;
const pool = [...seedEvaluations(), nationalEvaluation()];
const formsOf = (n: number): Evaluation[] => Array.from({ length: n }, (_, i) => pool[i % pool.length]!);

/** A fixture form whose printed texts no other form of the run shares. */
function distinct(evaluation: Evaluation, n: number): Evaluation {
  const copy = structuredClone(evaluation);
  copy.project.name += `（${n}号）`;
  for (const key of ['annualGoal', 'achievements', 'problems', 'improvements'] as const) {
    if (copy[key]) copy[key] = `第${n}份：${copy[key]}`;
  }
  for (const indicator of copy.indicators) {
    indicator.name = `${indicator.name}${n}`;
    indicator.rule = `${indicator.rule ?? ''}第${n}条`;
  }
  return copy;
}

console.log(`machine: ${machine()}`);
// The first export parses the font (once per process); it is not part of the steady rate.
const warm = performance.now();
await renderEvaluationsPdf(pool);
console.log(`first export (font parse included): ${(performance.now() - warm).toFixed(0)} ms`);

async function rate(forms: readonly Evaluation[], run: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await run();
  return forms.length / ((performance.now() - start) / 1000);
}

/** The median rate of RUNS runs; `formsFor(run)` gives each run its forms. */
async function medianRate(formsFor: (run: number) => Evaluation[], render: (forms: Evaluation[]) => Promise<void>): Promise<number> {
  const rates: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const forms = formsFor(run);
    rates.push(await rate(forms, () => render(forms)));
  }
  return rates.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

const oneDocument = async (forms: Evaluation[]) => void (await renderEvaluationsPdf(forms));
const fixtures = formsOf(count);
const sameForms = await medianRate(() => fixtures, oneDocument);
const distinctForms = await medianRate((run) => fixtures.map((form, i) => distinct(form, run * count + i)), oneDocument);
const perForm = await medianRate(
  () => fixtures,
  async (forms) => {
    for (const form of forms) await renderEvaluationsPdf([form]);
  },
);
console.log(`jixiao, ${count} forms in one document: ${sameForms.toFixed(1)} forms/s`);
console.log(`jixiao, ${count} distinct forms in one document: ${distinctForms.toFixed(1)} forms/s`);
console.log(`jixiao, ${count} forms, one document each: ${perForm.toFixed(1)} forms/s`);

const small = formsOf(libreOfficeCount);
const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-'));
const workbook = join(dir, 'forms.xlsx');
writeFileSync(workbook, await writeEvaluationsWorkbook(small));
const jixiaoSmall = await medianRate(() => small, oneDocument);
const office = await rate(small, async () => {
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, workbook], { stdio: 'ignore' });
});
console.log(`jixiao, ${libreOfficeCount} forms in one document: ${jixiaoSmall.toFixed(1)} forms/s`);
console.log(`LibreOffice, the same ${libreOfficeCount} forms from XLSX: ${office.toFixed(2)} forms/s`);
console.log(`ratio jixiao / LibreOffice: ${(jixiaoSmall / office).toFixed(0)}×`);
