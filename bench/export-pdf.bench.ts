/**
 * PDF export throughput in one process: 200 forms made from the fixtures (the three seed forms
 * and the national one, in turn), printed once as one document and once as 200 one-form
 * documents (a download per evaluation). Prints forms per second.
 *   node --import tsx bench/export-pdf.bench.ts [forms]
 */
import { nationalEvaluation, seedEvaluations } from '../test/support/fixtures.ts';
import type { Evaluation } from '../src/core/model/evaluation.ts';
import { renderEvaluationsPdf } from '../src/export/pdf/render-evaluations-pdf.ts';

const count = Number(process.argv[2] ?? 200);
const pool = [...seedEvaluations(), nationalEvaluation()];
const forms: Evaluation[] = Array.from({ length: count }, (_, i) => pool[i % pool.length]!);

// The first export parses the font (once per process); it is not part of the steady rate.
const warm = performance.now();
await renderEvaluationsPdf(pool);
console.log(`first export (font parse included): ${(performance.now() - warm).toFixed(0)} ms`);

async function measure(label: string, run: () => Promise<number>): Promise<void> {
  const start = performance.now();
  const bytes = await run();
  const seconds = (performance.now() - start) / 1000;
  console.log(`${label}: ${count} forms in ${seconds.toFixed(2)} s = ${(count / seconds).toFixed(1)} forms/s (${(bytes / 1024 / 1024).toFixed(1)} MiB)`);
}

await measure('one document', async () => (await renderEvaluationsPdf(forms)).byteLength);
await measure('one document per form', async () => {
  let bytes = 0;
  for (const form of forms) bytes += (await renderEvaluationsPdf([form])).byteLength;
  return bytes;
});
