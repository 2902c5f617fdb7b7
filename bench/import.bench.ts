/**
 * Import throughput: forms per second for every shape the importer reads (extracted text,
 * `pdftotext -layout` text, PDF, XLSX, .xls, an HTML page, .docx), imported in one process (the whole
 * import of a file as the CLI does it: sniff, decode, read the forms, run the checks on them, by
 * `importBytes`) and through `importFile` (a bounded worker per file, as the CLI runs them). Each
 * is compared, in the same run, with a baseline that only gets the bytes into a usable shape:
 * text → decoded lines; PDF → `pdftotext -layout` (poppler, C); XLSX → exceljs loading the workbook;
 * .xls → LibreOffice converting it to XLSX (what the reader does first); HTML → htmlparser2's DOM;
 * .docx → mammoth's HTML.
 *   node --import tsx bench/import.bench.ts
 *
 * The in-process figure is the median wall time of `runs` imports after `warmup` imports. One
 * text file takes about a millisecond, so its first imports measure V8 compiling the reader, not
 * the reader: the reader's functions reach their optimised code after 100–150 files of this size.
 * A batch (the CLI reads a batch's files one after another in one worker) runs at that steady
 * rate. Text is therefore warmed up by 200 imports and measured over the next 200 (the median
 * of many, so that a moment of the machine's other load weighs less); PDF and XLSX, at 30–200 ms
 * a file, by one and 9 as before. The CPU time per import (this process, all threads: the
 * compiler's and the collector's too) is given beside it: on a shared machine it shows the work
 * apart from the wait.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { importBytes, importFile } from '../src/import/import-file.ts';
import { machine, medianMs } from './machine.ts';

const ROOT = new URL('../', import.meta.url).pathname;
const CASES = [
  { kind: 'text', file: 'test/fixtures/seed/000_876b01381dae6b1b.txt', baseline: 'decode + split lines', warmup: 200, runs: 200 },
  { kind: 'PDF', file: 'test/fixtures/pdf/seed-2021-putuo.pdf', baseline: 'pdftotext -layout', warmup: 1, runs: 9 },
  { kind: 'XLSX', file: 'test/fixtures/pdf/seed-2021-putuo.xlsx', baseline: 'exceljs load', warmup: 1, runs: 9 },
  { kind: 'layout text', file: 'test/fixtures/pdftotext/seed-2021-putuo.layout.txt', baseline: 'decode + split lines', warmup: 50, runs: 50 },
  { kind: 'HTML', file: 'test/fixtures/office-shapes/seed-2021-putuo.html', baseline: 'htmlparser2 DOM', warmup: 5, runs: 21 },
  { kind: 'DOCX', file: 'test/fixtures/office-shapes/seed-2021-putuo.docx', baseline: 'mammoth → HTML', warmup: 2, runs: 9 },
  // No .xls of the seed is committed: a form of the layout corpus (one form, Shanghai template).
  { kind: 'XLS', file: 'test/fixtures/layout-corpus/form-0001-shanghai-2021.xls', baseline: 'LibreOffice → XLSX', warmup: 0, runs: 3 },
] as const;
export type ImportKind = (typeof CASES)[number]['kind'];

// Each loaded when measured: a text-only run loads none of these libraries.
const BASELINES: Record<ImportKind, (path: string, bytes: Uint8Array) => Promise<unknown>> = {
  text: async (_path, bytes) => new TextDecoder().decode(bytes).split(/\r?\n/u),
  'layout text': async (_path, bytes) => new TextDecoder().decode(bytes).split(/\r?\n/u),
  PDF: async (path) => execFileSync('pdftotext', ['-layout', path, '-'], { maxBuffer: 1 << 26 }),
  XLSX: async (_path, bytes) => new (await import('exceljs')).default.Workbook().xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer),
  XLS: async (_path, bytes) => (await import('../src/import/convert/soffice.ts')).convertWithSoffice(bytes, { extension: 'xls', target: 'xlsx' }),
  HTML: async (_path, bytes) => (await import('htmlparser2')).parseDocument(new TextDecoder().decode(bytes)),
  DOCX: async (_path, bytes) => (await import('mammoth')).default.convertToHtml({ buffer: Buffer.from(bytes) }),
};

/** `work` run `warmup` times, then `runs` times: the median wall time and the mean CPU time of those, in ms. */
async function steadyMs(warmup: number, runs: number, work: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  for (let i = 0; i < warmup; i++) await work();
  const walls: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    walls.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpuBefore);
  walls.sort((a, b) => a - b);
  return { wall: walls[Math.floor(walls.length / 2)]!, cpu: (cpu.user + cpu.system) / 1000 / runs };
}

export interface ImportFigures {
  kind: ImportKind;
  file: string;
  baseline: string;
  forms: number;
  /** PDF pages (pdfinfo); 0 for the other kinds. */
  pages: number;
  inProcessMs: number;
  /** CPU time of one in-process import (mean over the measured ones). */
  inProcessCpuMs: number;
  /** Imports before the measured ones, and how many were measured. */
  warmup: number;
  runs: number;
  workerMs: number | null;
  baselineMs: number;
  load: number;
}

function pdfPages(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/mu.exec(info)?.[1] ?? 0);
}

/**
 * One input kind: the whole import in process (median of `runs` after `warmup`, the kind's own
 * unless given), through the worker (CLI) unless `worker` is false, and the baseline.
 */
export async function measureImport(kind: ImportKind, options: { runs?: number; warmup?: number; worker?: boolean } = {}): Promise<ImportFigures> {
  const c = CASES.find((k) => k.kind === kind)!;
  const runs = options.runs ?? c.runs;
  const warmup = options.warmup ?? c.warmup;
  const path = `${ROOT}${c.file}`;
  const bytes = new Uint8Array(readFileSync(path));
  const imported = () => importBytes({ file: c.file, bytes });
  const forms = (await imported()).forms.length;
  const inProcess = await steadyMs(warmup, runs, imported);
  const workerMs = options.worker === false ? null : await medianMs(3, () => importFile(path));
  const baselineMs = (await steadyMs(warmup, runs, () => BASELINES[c.kind](path, bytes))).wall;
  return {
    kind, file: c.file, baseline: c.baseline, forms, pages: kind === 'PDF' ? pdfPages(path) : 0,
    inProcessMs: inProcess.wall, inProcessCpuMs: inProcess.cpu, warmup, runs, workerMs, baselineMs, load: loadavg()[0]!,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`machine: ${machine()}`);
  console.log('| input | forms/file | in process (median) | CPU per file | through worker (CLI) | baseline | baseline time | reader ÷ baseline | load |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const c of CASES) {
    const f = await measureImport(c.kind);
    const rate = (ms: number) => `${((f.forms * 1000) / ms).toFixed(1)} forms/s (${ms.toFixed(ms < 10 ? 2 : 0)} ms)`;
    console.log(
      `| ${c.kind} \`${c.file}\` | ${f.forms} | ${rate(f.inProcessMs)}, ${f.runs} after ${f.warmup} | ${f.inProcessCpuMs.toFixed(2)} ms | ${rate(f.workerMs!)} | ${c.baseline} | ${f.baselineMs.toFixed(2)} ms | ${(f.inProcessMs / f.baselineMs).toFixed(1)}× | ${f.load.toFixed(2)} |`,
    );
  }
}
