/**
 * import(export(x)) = x for the cycle's documents: targets declarations and monitoring forms
 * exported in their official layouts as PDF and XLSX and read back, on the cycle fixtures and on
 * seeded random documents of every template that has the layout. What the form does not print
 * (indicator ids, the national declaration's unprinted 评分规则) is not asked back.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Monitoring } from '../../src/core/model/monitoring.ts';
import type { Targets } from '../../src/core/model/targets.ts';
import { templateRegistry } from '../../src/core/templates/registry.ts';
import { writeCycleWorkbook } from '../../src/export/cycle/cycle-workbook.ts';
import type { CycleDocuments } from '../../src/export/cycle/cycle-forms.ts';
import { renderCyclePdf } from '../../src/export/cycle/render-cycle-pdf.ts';
import { renderEvaluationsPdf } from '../../src/export/pdf/render-evaluations-pdf.ts';
import type { FileImport } from '../../src/import/import-result.ts';
import { readPdfForms } from '../../src/import/pdf/read-pdf-forms.ts';
import { readXlsxForms } from '../../src/import/xlsx/read-xlsx.ts';
import { nationalMonitoring, nationalTargets } from '../support/cycle-fixtures.ts';
import { nationalEvaluation } from '../support/fixtures.ts';
import { randomMonitoring, randomTargets } from '../support/random-cycle.ts';

const registry = templateRegistry();

/** The document as its interchange file holds it, without what no form prints. */
function asFiled<T>(documents: readonly T[]): unknown {
  return JSON.parse(JSON.stringify(documents, (key, value: unknown) => (key === 'id' ? undefined : value)));
}

const READERS = {
  pdf: async (file: CycleDocuments) => readPdfForms({ file: 'cycle.pdf', bytes: await renderCyclePdf(file, registry) }),
  xlsx: async (file: CycleDocuments) => readXlsxForms({ file: 'cycle.xlsx', bytes: await writeCycleWorkbook(file, registry) }),
};

async function assertRoundTrip(format: keyof typeof READERS, file: CycleDocuments): Promise<FileImport> {
  const read = await READERS[format](file);
  assert.deepEqual(read.diagnostics, []);
  assert.equal(read.forms.length, 0, 'read as no self-evaluation');
  assert.equal(read.cycle?.kind, file.kind);
  assert.deepStrictEqual(asFiled<unknown>(read.cycle!.documents), asFiled<unknown>(file.documents));
  return read;
}

for (const format of ['pdf', 'xlsx'] as const) {
  describe(`cycle documents through ${format.toUpperCase()}`, () => {
    test('the national targets fixture comes back', async () => {
      await assertRoundTrip(format, { kind: 'targets', documents: [nationalTargets()] });
    });

    test('the national monitoring fixture comes back, and its causes and likelihoods', async () => {
      const monitoring = nationalMonitoring();
      monitoring.indicators[0]!.deviationCauses = ['funding', 'rules', 'staffing', 'facilities', 'other'];
      monitoring.indicators[0]!.likelihood = 'impossible';
      monitoring.indicators[1]!.likelihood = 'possible';
      monitoring.indicators[1]!.remark = '受疫情影响，进度滞后';
      await assertRoundTrip(format, { kind: 'monitoring', documents: [monitoring] });
    });

    test('several forms in one file come back in order', async () => {
      const other = nationalTargets();
      other.project.name = '另一个项目';
      other.year = 2023;
      const read = await assertRoundTrip(format, { kind: 'targets', documents: [nationalTargets(), other] });
      assert.equal(read.cycle!.starts.length, 2);
    });

    test('a goal and a progress summary longer than a page come back whole', async () => {
      const targets = nationalTargets();
      targets.annualGoal = Array.from({ length: 300 }, (_, i) => `第${i + 1}项任务按期完成`).join('，');
      await assertRoundTrip(format, { kind: 'targets', documents: [targets] });
      const monitoring = nationalMonitoring();
      monitoring.annualGoal = targets.annualGoal;
      monitoring.progressSummary = Array.from({ length: 250 }, (_, i) => `进度${i + 1}正常`).join('，');
      await assertRoundTrip(format, { kind: 'monitoring', documents: [monitoring] });
    });

    for (const template of registry.ids().map((id) => registry.get(id)!)) {
      const seeds = format === 'pdf' ? [11, 12, 13] : [11, 12, 13, 14, 15];
      if (template.documents?.targets) {
        test(`random targets of ${template.id} come back (seeds ${seeds.join(', ')})`, async () => {
          const documents: Targets[] = seeds.map((seed) => randomTargets(seed, template));
          await assertRoundTrip(format, { kind: 'targets', documents });
        });
      }
      if (template.documents?.monitoring) {
        test(`random monitoring of ${template.id} comes back (seeds ${seeds.join(', ')})`, async () => {
          const documents: Monitoring[] = seeds.map((seed) => randomMonitoring(seed, template));
          const causes = new Set(documents.flatMap((d) => d.indicators.flatMap((i) => i.deviationCauses)));
          const likelihoods = new Set(documents.flatMap((d) => d.indicators.map((i) => i.likelihood)));
          assert.equal(causes.size, 5, 'every cause is exercised');
          assert.equal(likelihoods.size, 3, 'every likelihood is exercised');
          await assertRoundTrip(format, { kind: 'monitoring', documents });
        });
      }
    }
  });
}

test('an export in English (--lang en) reads back too, by the layouts’ English words', async () => {
  for (const template of registry.ids().map((id) => registry.get(id)!)) {
    for (const kind of ['targets', 'monitoring'] as const) {
      if (!template.documents?.[kind]) continue;
      const documents = [21, 22].map((seed) => (kind === 'targets' ? randomTargets(seed, template) : randomMonitoring(seed, template)));
      const file = { kind, documents } as CycleDocuments;
      const read = await readPdfForms({ file: 'en.pdf', bytes: await renderCyclePdf(file, registry, 'en') });
      assert.deepEqual(read.diagnostics, [], `${template.id} ${kind}`);
      assert.deepStrictEqual(asFiled<unknown>(read.cycle!.documents), asFiled<unknown>(documents));
    }
  }
});

describe('recognition is by title, never guessed', () => {
  test('an exported self-evaluation is read as a self-evaluation, not as a cycle document', async () => {
    const read = await readPdfForms({ file: 'eval.pdf', bytes: await renderEvaluationsPdf([nationalEvaluation()]) });
    assert.equal(read.cycle, undefined);
    assert.equal(read.forms.length, 1);
  });

  test('a value the layout has no word for is reported where it stands', async () => {
    const monitoring = nationalMonitoring();
    const bytes = await writeCycleWorkbook({ kind: 'monitoring', documents: [monitoring] }, registry);
    // The same form with a likelihood word of no layout: written by hand into the sheet.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    let changed = 0;
    sheet.eachRow((row) => row.eachCell((cell) => {
      if (cell.value === '确定能' && changed++ === 0) cell.value = '大概能';
    }));
    const read = await readXlsxForms({ file: 'edited.xlsx', bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) });
    const problem = read.diagnostics.find((d) => d.code === 'UNREADABLE_VALUE');
    assert.ok(problem, JSON.stringify(read.diagnostics));
    assert.equal(problem.path, 'monitoring[0].indicators[0].likelihood');
    assert.match(problem.location ?? '', /cell H\d+/u);
  });
});
