/**
 * The committed XLSX fixtures as LibreOffice publishes them (scripts/make-office-shape-fixtures.sh):
 * Calc's "save as web page" and that page saved as Word by Writer. Each imports to exactly the
 * evaluations of the XLSX it was made from, every field; no LibreOffice needed to run this.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { readForms } from '../../src/import/read-forms.ts';
import { sniffKind } from '../../src/import/sniff.ts';
import { readXlsxForms } from '../../src/import/xlsx/read-xlsx.ts';
import { ROOT } from '../support/fixtures.ts';

for (const name of ['seed-2021-putuo', 'real-2022-putuo-sports', 'national-2023-example']) {
  for (const [kind, ext] of [['html', 'html'], ['docx', 'docx']] as const) {
    test(`${name}.${ext} (LibreOffice) imports as ${name}.xlsx`, async () => {
      const xlsx = await readXlsxForms({ file: `${name}.xlsx`, bytes: new Uint8Array(readFileSync(`${ROOT}test/fixtures/pdf/${name}.xlsx`)) });
      const bytes = new Uint8Array(readFileSync(`${ROOT}test/fixtures/office-shapes/${name}.${ext}`));
      assert.equal(sniffKind(bytes), kind);
      const read = await readForms({ file: `${name}.${ext}`, bytes });
      assert.ok(read.forms.length >= 1);
      assert.deepEqual(read.forms.map((f) => f.evaluation), xlsx.forms.map((f) => f.evaluation));
      assert.deepEqual(read.diagnostics.filter((d) => d.severity === 'error'), xlsx.diagnostics.filter((d) => d.severity === 'error'));
    });
  }
}
