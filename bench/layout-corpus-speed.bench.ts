/**
 * How fast `pdftotext -layout` text of a layout corpus is read: every form's .txt imported as the CLI
 * reads it (`readForms`), one after another in one process, after 30 forms of warm-up (V8 compiling
 * the reader). Prints the median and 90th percentile wall time per form, the wall time of all forms,
 * and the CPU time per form (this process, all threads). Run two checkouts on the same corpus, one
 * after the other and several times over, to compare them: the machine's other load moves every figure.
 *   node --import tsx bench/layout-corpus-speed.bench.ts --dir DIR [--forms N]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { corpusForms } from '../test/support/layout-corpus.ts';
import { readForms } from '../src/import/read-forms.ts';

const WARM_UP = 30;
const { values } = parseArgs({ options: { dir: { type: 'string' }, forms: { type: 'string', default: '500' } } });
if (values.dir === undefined) throw new Error('--dir DIR: a corpus made by scripts/make-layout-corpus.ts');
const dir = values.dir;
const files = corpusForms(dir)
  .slice(0, Number(values.forms))
  .map((form) => ({ file: `${form}.txt`, bytes: new Uint8Array(readFileSync(join(dir, `${form}.txt`))) }));
for (const input of files.slice(0, WARM_UP)) await readForms(input, [], {});
const perForm: number[] = [];
const cpuBefore = process.cpuUsage();
const started = performance.now();
for (const input of files) {
  const start = performance.now();
  await readForms(input, [], {});
  perForm.push(performance.now() - start);
}
const all = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
perForm.sort((a, b) => a - b);
const at = (share: number) => perForm[Math.floor(perForm.length * share)]!.toFixed(1);
console.log(`${files.length} forms: median ${at(0.5)} ms, p90 ${at(0.9)} ms per form; all ${(all / 1000).toFixed(2)} s; CPU ${((cpu.user + cpu.system) / 1000 / files.length).toFixed(1)} ms per form`);
