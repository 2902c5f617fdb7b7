/**
 * The layout corpus of issue 15: random valid evaluations of both built-in templates, each laid
 * out as offices do (scripts/layout-corpus/office-layout.ts) and saved in every shape offices
 * publish — .xlsx, .pdf, .txt (pdftotext -layout), .xls and .html — with the evaluation it holds
 * as `<form>.json` beside them. Deterministic for a seed, as far as LibreOffice is: the .json, .txt,
 * .xls and .html come out byte for byte the same; the .xlsx (zip entry times) and .pdf (creation
 * date) differ only in time stamps. Needs LibreOffice (soffice) and poppler (pdftotext).
 *
 *   node --import tsx scripts/make-layout-corpus.ts [--seed 15] [--forms 40] [--out DIR]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { templateRegistry } from '../src/core/templates/registry.ts';
import { randomSource } from '../src/demo/synthetic-evaluations.ts';
import type { Evaluation } from '../src/core/model/evaluation.ts';
import { convertBatch, sofficeVersion } from './layout-corpus/convert.ts';
import { hiddenTexts } from './layout-corpus/printed-check.ts';
import { officeWorkbook } from './layout-corpus/office-layout.ts';
import { randomEvaluation } from './layout-corpus/random-evaluation.ts';

export const DEFAULT_SEED = 15;
const TEMPLATE_IDS = ['shanghai-2021', 'national-2020'];

export interface CorpusOptions {
  seed: number;
  forms: number;
  out: string;
}

/** The name of form `index`: its number and template, sortable. */
export function formName(index: number, templateId: string): string {
  return `form-${String(index + 1).padStart(4, '0')}-${templateId}`;
}

export async function makeLayoutCorpus(options: CorpusOptions): Promise<string[]> {
  mkdirSync(options.out, { recursive: true });
  const registry = templateRegistry();
  const names: string[] = [];
  const evaluations = new Map<string, Evaluation>();
  for (let i = 0; i < options.forms; i++) {
    // One generator per form: a form stays the same whatever the count of forms around it.
    const random = randomSource(options.seed * 100_003 + i);
    const template = registry.get(TEMPLATE_IDS[i % TEMPLATE_IDS.length]!)!;
    const evaluation = randomEvaluation(random, template, i + 1);
    const name = formName(i, template.id);
    const { bytes } = await officeWorkbook(random, template, evaluation, `表${i + 1}`);
    writeFileSync(join(options.out, `${name}.xlsx`), bytes);
    writeFileSync(join(options.out, `${name}.json`), `${JSON.stringify(evaluation, null, 2)}\n`);
    names.push(name);
    evaluations.set(name, evaluation);
  }
  convertBatch(options.out);
  for (const [name, evaluation] of evaluations) {
    const hidden = hiddenTexts(join(options.out, `${name}.pdf`), evaluation);
    if (hidden.length > 0) console.warn(`${name}.pdf does not show all of ${hidden.join(', ')}: its rows are too low`);
  }
  writeFileSync(join(options.out, 'VERSION'), `${sofficeVersion()}\n`);
  return names;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { seed: { type: 'string', default: String(DEFAULT_SEED) }, forms: { type: 'string', default: '40' }, out: { type: 'string', default: 'test/fixtures/layout-corpus' } },
  });
  const names = await makeLayoutCorpus({ seed: Number(values.seed), forms: Number(values.forms), out: values.out! });
  console.log(`${names.length} forms × xlsx, pdf, txt, xls, html in ${values.out}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
