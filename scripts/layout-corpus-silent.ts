/**
 * How wrong a shape of a layout corpus is read, by kind of wrong: per form, the fields that are
 * exact, absent, and wrong — a value present but different — with or without a diagnostic that
 * names that field. A wrong value without a diagnostic is a silent guess (never allowed). Also
 * counts the warnings given, and those given on forms read exactly (doubts that were not needed).
 *   node --import tsx scripts/layout-corpus-silent.ts --dir DIR [--shape txt] [--list]
 */
import { parseArgs } from 'node:util';
import { corpusForms, readShape, showValue, silentMismatches, type Shape } from '../test/support/layout-corpus.ts';

const { values } = parseArgs({ options: { dir: { type: 'string' }, shape: { type: 'string', default: 'txt' }, list: { type: 'boolean', default: false } } });
const dir = values.dir!;
let forms = 0;
let exactForms = 0;
let fields = 0;
let wrong = 0;
let absent = 0;
let silent = 0;
let warnings = 0;
let warningsOnExact = 0;
const silentLines: string[] = [];
for (const form of corpusForms(dir)) {
  const reading = await readShape(dir, form, values.shape as Shape);
  forms++;
  fields += reading.fields;
  if (reading.mismatches.length === 0) {
    exactForms++;
    warningsOnExact += reading.diagnostics.length;
  }
  warnings += reading.diagnostics.length;
  const silentHere = silentMismatches(reading);
  absent += reading.mismatches.filter((m) => m.got === undefined).length;
  wrong += reading.mismatches.filter((m) => m.got !== undefined).length;
  silent += silentHere.length;
  for (const m of silentHere) silentLines.push(`${reading.file} ${m.path}: expected ${showValue(m.expected)}, got ${showValue(m.got)}`);
  const mism = reading.mismatches.length;
  if (values.list) console.log(`${reading.file}: ${mism} of ${reading.fields} differ`);
}
const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)} %`;
console.log(`${values.shape} in ${dir}: ${exactForms}/${forms} forms exact (${pct(exactForms, forms)}); ${fields - wrong - absent}/${fields} fields exact (${pct(fields - wrong - absent, fields)}); absent ${absent}; wrong ${wrong}, of which silent ${silent}; ${warnings} warnings, ${warningsOnExact} of them on forms read exactly`);
for (const l of silentLines.slice(0, values.list ? 200 : 25)) console.log(`  silent: ${l}`);
