/**
 * PDF export throughput in one process, and LibreOffice printing the same forms in the same run.
 * The forms come from the fixtures (the three seed forms and the national one, in turn). jixiao
 * prints them
 *   - as one document,
 *   - as one document of distinct forms: each form's texts (project name, goal, narratives,
 *     indicator names and rules) made unique, so that no cache of texts seen before helps,
 *   - as one document per form (a download per evaluation),
 * first on the calling thread only (threads: 0), then the one-document modes on the worker
 * pool (started by a warm-up export first, as in a long-running process; its start-up time is
 * printed). Each jixiao figure is the median of three runs. LibreOffice converts the same forms
 * exported as one XLSX workbook (`soffice --headless --convert-to pdf`, startup included, as a
 * user would run it), once; the ratios compare it with jixiao's one-document rates for those
 * forms.
 *   node --import tsx bench/export-pdf.bench.ts [forms] [forms-for-libreoffice]
 * `measureExportPdf` gives the figures of `npm run bench`: one thread, the fixture forms in one
 * document, and LibreOffice on the same forms.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { nationalEvaluation, seedEvaluations } from '../test/support/fixtures.ts';
import type { Evaluation } from '../src/core/model/evaluation.ts';
import { renderEvaluationsPdf, type PdfOptions } from '../src/export/pdf/render-evaluations-pdf.ts';
import { defaultThreads } from '../src/export/pdf/render-pool.ts';
import { writeEvaluationsWorkbook } from '../src/export/xlsx/workbook.ts';
import { machine } from './machine.ts';

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


const oneThreadOptions: PdfOptions = { threads: 0 };

export interface ExportFigures {
  forms: number;
  formsPerS: number;
  libreOfficeForms: number;
  /** jixiao, one thread, on the forms LibreOffice printed. */
  formsPerSOnLibreOfficeForms: number;
  /** null when LibreOffice could not run (not installed): the reason is in `libreOfficeProblem`. */
  libreOfficeFormsPerS: number | null;
  libreOfficeProblem: string | null;
  load: number;
}

/** jixiao on one thread, `count` fixture forms in one document (median of 3), and LibreOffice printing `libreOfficeCount` of them from XLSX. */
export async function measureExportPdf(count: number, libreOfficeCount: number): Promise<ExportFigures> {
  await renderEvaluationsPdf(pool, oneThreadOptions); // the font is parsed once per process
  const forms = formsOf(count);
  const formsPerS = await medianRate(() => forms, async (f) => void (await renderEvaluationsPdf(f, oneThreadOptions)));
  const load = loadavg()[0]!;
  const small = formsOf(libreOfficeCount);
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-'));
  try {
    const workbook = join(dir, 'forms.xlsx');
    writeFileSync(workbook, await writeEvaluationsWorkbook(small));
    const formsPerSOnLibreOfficeForms = await medianRate(() => small, async (f) => void (await renderEvaluationsPdf(f, oneThreadOptions)));
    // jixiao's own rate stands without LibreOffice; only the comparison needs it.
    let libreOfficeFormsPerS: number | null = null;
    let libreOfficeProblem: string | null = null;
    try {
      libreOfficeFormsPerS = await rate(small, async () => {
        execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, workbook], { stdio: 'ignore' });
      });
    } catch (error) {
      libreOfficeProblem = `LibreOffice (soffice) could not convert the workbook: ${(error as Error).message}`;
    }
    return { forms: count, formsPerS, libreOfficeForms: libreOfficeCount, formsPerSOnLibreOfficeForms, libreOfficeFormsPerS, libreOfficeProblem, load };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(count: number, libreOfficeCount: number): Promise<void> {
  console.log(`machine: ${machine()}`);
  // The first export parses the font (once per process); it is not part of the steady rate.
  const warm = performance.now();
  await renderEvaluationsPdf(pool);
  console.log(`first export (font parse included): ${(performance.now() - warm).toFixed(0)} ms`);

  const oneThread: PdfOptions = { threads: 0 };
  const workers = defaultThreads();
  const onPool: PdfOptions = { threads: workers };
  const oneDocument = (options: PdfOptions) => async (forms: Evaluation[]) => void (await renderEvaluationsPdf(forms, options));
  const fixtures = formsOf(count);
  const distinctFor = (run: number) => fixtures.map((form, i) => distinct(form, run * count + i));

  const sameForms = await medianRate(() => fixtures, oneDocument(oneThread));
  const distinctForms = await medianRate(distinctFor, oneDocument(oneThread));
  const perForm = await medianRate(
    () => fixtures,
    async (forms) => {
      for (const form of forms) await renderEvaluationsPdf([form], oneThread);
    },
  );
  console.log(`jixiao, one thread, ${count} forms in one document: ${sameForms.toFixed(1)} forms/s`);
  console.log(`jixiao, one thread, ${count} distinct forms in one document: ${distinctForms.toFixed(1)} forms/s`);
  console.log(`jixiao, one thread, ${count} forms, one document each: ${perForm.toFixed(1)} forms/s`);

  if (workers > 0) {
    const start = performance.now();
    await renderEvaluationsPdf(formsOf(Math.max(64, 2 * workers)), onPool);
    console.log(`worker pool of ${workers} started (first export on it): ${(performance.now() - start).toFixed(0)} ms`);
    const poolSame = await medianRate(() => fixtures, oneDocument(onPool));
    const poolDistinct = await medianRate((run) => distinctFor(run + RUNS), oneDocument(onPool));
    console.log(`jixiao, ${workers} worker threads, ${count} forms in one document: ${poolSame.toFixed(1)} forms/s`);
    console.log(`jixiao, ${workers} worker threads, ${count} distinct forms in one document: ${poolDistinct.toFixed(1)} forms/s`);
  }

  const small = formsOf(libreOfficeCount);
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-'));
  const workbook = join(dir, 'forms.xlsx');
  writeFileSync(workbook, await writeEvaluationsWorkbook(small));
  const jixiaoSmall = await medianRate(() => small, oneDocument(oneThread));
  const jixiaoSmallPool = workers > 0 ? await medianRate(() => small, oneDocument(onPool)) : undefined;
  const office = await rate(small, async () => {
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, workbook], { stdio: 'ignore' });
  });
  console.log(`LibreOffice, the same ${libreOfficeCount} forms from XLSX: ${office.toFixed(2)} forms/s`);
  console.log(`jixiao, one thread, ${libreOfficeCount} forms in one document: ${jixiaoSmall.toFixed(1)} forms/s = ${(jixiaoSmall / office).toFixed(0)}× LibreOffice`);
  if (jixiaoSmallPool !== undefined) {
    console.log(`jixiao, ${workers} worker threads, ${libreOfficeCount} forms in one document: ${jixiaoSmallPool.toFixed(1)} forms/s = ${(jixiaoSmallPool / office).toFixed(0)}× LibreOffice`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main(Number(process.argv[2] ?? 200), Number(process.argv[3] ?? 40));
}
