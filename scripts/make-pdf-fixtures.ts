/**
 * Writes the XLSX fixtures of test/fixtures/pdf/ with jixiao's own form writer: the seed's three
 * Shanghai forms, the real national form, a national example in 万元, and both blank templates.
 * scripts/make-pdf-fixtures.sh turns them into PDFs with LibreOffice.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Evaluation } from '../src/core/model/evaluation.ts';
import { templateRegistry } from '../src/core/templates/registry.ts';
import { writeBlankTemplateWorkbook, writeEvaluationsWorkbook } from '../src/export/xlsx/workbook.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = `${ROOT}test/fixtures/pdf/`;

function evaluations(file: string): Evaluation[] {
  return (JSON.parse(readFileSync(`${ROOT}${file}`, 'utf8')) as { evaluations: Evaluation[] }).evaluations;
}

const forms: [string, Evaluation[]][] = [
  ['seed-2021-putuo', evaluations('demo/seed-2021-putuo.json')],
  ['real-2022-putuo-sports', evaluations('test/fixtures/real-2022-putuo-sports.json')],
  ['national-2023-example', evaluations('test/fixtures/pdf/national-2023-example.json')],
];

for (const [name, list] of forms) {
  writeFileSync(`${OUT}${name}.xlsx`, await writeEvaluationsWorkbook(list));
  console.log(`${OUT}${name}.xlsx`);
}
for (const id of ['shanghai-2021', 'national-2020']) {
  const template = templateRegistry().get(id)!;
  writeFileSync(`${OUT}blank-${id}.xlsx`, await writeBlankTemplateWorkbook(template));
  console.log(`${OUT}blank-${id}.xlsx`);
}
