/**
 * Import throughput: forms per second for text, PDF and XLSX, read in one process (the readers
 * themselves) and through `importFile` (a bounded worker per file, as the CLI runs them). Each is
 * compared, in the same run, with a baseline that only gets the bytes into a usable shape:
 * text → decoded lines; PDF → `pdftotext -layout` (poppler, C); XLSX → exceljs loading the workbook.
 *   node --import tsx bench/import.bench.ts
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { importFile } from '../src/import/import-file.ts';
import { readForms } from '../src/import/read-forms.ts';
import { machine, medianMs } from './machine.ts';

const ROOT = new URL('../', import.meta.url).pathname;
const CASES = [
  { kind: 'text', file: 'test/fixtures/seed/000_876b01381dae6b1b.txt', baseline: 'decode + split lines' },
  { kind: 'PDF', file: 'test/fixtures/pdf/seed-2021-putuo.pdf', baseline: 'pdftotext -layout' },
  { kind: 'XLSX', file: 'test/fixtures/pdf/seed-2021-putuo.xlsx', baseline: 'exceljs load' },
] as const;
export type ImportKind = (typeof CASES)[number]['kind'];

async function baseline(kind: string, path: string, bytes: Uint8Array): Promise<void> {
  if (kind === 'text') new TextDecoder().decode(bytes).split(/\r?\n/u);
  else if (kind === 'PDF') execFileSync('pdftotext', ['-layout', path, '-'], { maxBuffer: 1 << 26 });
  else await new ExcelJS.Workbook().xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
}

export interface ImportFigures {
  kind: ImportKind;
  file: string;
  baseline: string;
  forms: number;
  /** PDF pages (pdfinfo); 0 for the other kinds. */
  pages: number;
  inProcessMs: number;
  workerMs: number | null;
  baselineMs: number;
  load: number;
}

function pdfPages(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/mu.exec(info)?.[1] ?? 0);
}

/** One input kind: the reader in process (median of `runs`), through the worker (CLI) unless `worker` is false, and the baseline. */
export async function measureImport(kind: ImportKind, options: { runs?: number; worker?: boolean } = {}): Promise<ImportFigures> {
  const c = CASES.find((k) => k.kind === kind)!;
  const runs = options.runs ?? 9;
  const path = `${ROOT}${c.file}`;
  const bytes = new Uint8Array(readFileSync(path));
  const forms = (await readForms({ file: c.file, bytes })).forms.length;
  const inProcessMs = await medianMs(runs, () => readForms({ file: c.file, bytes }));
  const workerMs = options.worker === false ? null : await medianMs(3, () => importFile(path));
  const baselineMs = await medianMs(runs, () => baseline(c.kind, path, bytes));
  return { kind, file: c.file, baseline: c.baseline, forms, pages: kind === 'PDF' ? pdfPages(path) : 0, inProcessMs, workerMs, baselineMs, load: loadavg()[0]! };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`machine: ${machine()}`);
  console.log('| input | forms/file | in process | through worker (CLI) | baseline | baseline time | reader ÷ baseline |');
  console.log('|---|---|---|---|---|---|---|');
  for (const c of CASES) {
    const f = await measureImport(c.kind);
    const rate = (ms: number) => `${((f.forms * 1000) / ms).toFixed(1)} forms/s (${ms.toFixed(0)} ms)`;
    console.log(`| ${c.kind} \`${c.file}\` | ${f.forms} | ${rate(f.inProcessMs)} | ${rate(f.workerMs!)} | ${c.baseline} | ${f.baselineMs.toFixed(1)} ms | ${(f.inProcessMs / f.baselineMs).toFixed(1)}× |`);
  }
}
