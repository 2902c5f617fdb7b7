/**
 * Import throughput: forms per second for text, PDF and XLSX, read in one process (the readers
 * themselves) and through `importFile` (a bounded worker per file, as the CLI runs them). Each is
 * compared, in the same run, with a baseline that only gets the bytes into a usable shape:
 * text → decoded lines; PDF → `pdftotext -layout` (poppler, C); XLSX → exceljs loading the workbook.
 *   node --import tsx bench/import.bench.ts
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

async function baseline(kind: string, path: string, bytes: Uint8Array): Promise<void> {
  if (kind === 'text') new TextDecoder().decode(bytes).split(/\r?\n/u);
  else if (kind === 'PDF') execFileSync('pdftotext', ['-layout', path, '-'], { maxBuffer: 1 << 26 });
  else await new ExcelJS.Workbook().xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
}

console.log(`machine: ${machine()}`);
console.log('| input | forms/file | in process | through worker (CLI) | baseline | baseline time | reader ÷ baseline |');
console.log('|---|---|---|---|---|---|---|');
for (const c of CASES) {
  const path = `${ROOT}${c.file}`;
  const bytes = new Uint8Array(readFileSync(path));
  const forms = (await readForms({ file: c.file, bytes })).forms.length;
  const inProcess = await medianMs(9, () => readForms({ file: c.file, bytes }));
  const worker = await medianMs(3, () => importFile(path));
  const base = await medianMs(9, () => baseline(c.kind, path, bytes));
  const rate = (ms: number) => `${((forms * 1000) / ms).toFixed(1)} forms/s (${ms.toFixed(0)} ms)`;
  console.log(`| ${c.kind} \`${c.file}\` | ${forms} | ${rate(inProcess)} | ${rate(worker)} | ${c.baseline} | ${base.toFixed(1)} ms | ${(inProcess / base).toFixed(1)}× |`);
}
