/**
 * The .docx reader on documents made from the committed XLSX fixtures (the form's grid as a Word
 * table: w:gridSpan, w:vMerge, one paragraph per line of a cell, an unrelated table and text
 * before it): every field of every form equals what the XLSX import gives.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { render } from '../../core/locale/messages.ts';
import type { Grid } from '../grid/grid.ts';
import { readForms } from '../read-forms.ts';
import { sniffKind } from '../sniff.ts';
import { readXlsxGrids } from '../xlsx/read-xlsx-grids.ts';
import { readXlsxForms } from '../xlsx/read-xlsx.ts';
import { makeZip } from '../xlsx/testing/make-zip.ts';
import { makeDocx } from './testing/make-docx.ts';

const FIXTURES = new URL('../../../test/fixtures/pdf/', import.meta.url);

async function fixture(name: string) {
  const bytes = new Uint8Array(readFileSync(new URL(`${name}.xlsx`, FIXTURES)));
  const { grids } = await readXlsxGrids(bytes);
  const xlsx = await readXlsxForms({ file: `${name}.xlsx`, bytes });
  return { grids, evaluations: xlsx.forms.map((f) => f.evaluation) };
}

const UNRELATED: Grid = {
  source: 'list',
  cells: [
    ['序号', '附件名称', '发布日期'],
    ['1', '通知.pdf', '2023-05-06'],
  ].flatMap((row, r) => row.map((text, c) => ({ row: r, col: c, rowSpan: 1, colSpan: 1, text, location: '' }))),
};

describe('a Word table of each template reads as its XLSX', () => {
  for (const name of ['seed-2021-putuo', 'real-2022-putuo-sports', 'national-2023-example']) {
    test(name, async () => {
      const { grids, evaluations } = await fixture(name);
      const bytes = makeDocx([{ paragraph: '关于公布项目绩效自评结果的通知' }, { table: UNRELATED }, { paragraph: '附表：' }, ...grids.map((table) => ({ table }))]);
      assert.equal(sniffKind(bytes), 'docx');
      const read = await readForms({ file: `${name}.docx`, bytes });
      assert.deepEqual(read.forms.map((f) => f.evaluation), evaluations);
      assert.ok(!read.diagnostics.some((d) => d.code === 'READ_FAILED' || d.code === 'UNREADABLE_FILE'));
    });
  }
});

test('merged cells come back with their spans and a cell’s paragraphs as its lines', async () => {
  const { htmlGrids } = await import('../html/html-grids.ts');
  const mammoth = (await import('mammoth')).default;
  const grid: Grid = {
    source: 't',
    cells: [
      { row: 0, col: 0, rowSpan: 1, colSpan: 3, text: '表头', location: '' },
      { row: 1, col: 0, rowSpan: 2, colSpan: 1, text: '产出指标\n(45分)', location: '' },
      { row: 1, col: 1, rowSpan: 1, colSpan: 1, text: 'a & <b>', location: '' },
      { row: 1, col: 2, rowSpan: 1, colSpan: 1, text: 'c', location: '' },
      { row: 2, col: 1, rowSpan: 1, colSpan: 2, text: 'd', location: '' },
    ],
  };
  const html = (await mammoth.convertToHtml({ buffer: makeDocx([{ table: grid }]) })).value;
  const read = htmlGrids(html).grids[0]!.cells.map(({ row, col, rowSpan, colSpan, text }) => ({ row, col, rowSpan, colSpan, text }));
  assert.deepEqual(read, grid.cells.map(({ row, col, rowSpan, colSpan, text }) => ({ row, col, rowSpan, colSpan, text })));
});

test('a zip bomb named .docx is refused by the zip guard, before mammoth reads it', async () => {
  const big = Buffer.alloc(60 * 1024 * 1024, 0x20);
  const bytes = makeZip([
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
    { name: 'word/document.xml', data: big },
  ]);
  const read = await readForms({ file: 'bomb.docx', bytes });
  assert.equal(read.forms.length, 0);
  assert.equal(read.diagnostics[0]?.code, 'ZIP_BOMB');
  assert.match(render(read.diagnostics[0]!.message, 'en'), /zip bomb/);
});

test('a document without a form: NOT_A_FORM', async () => {
  const read = await readForms({ file: 'letter.docx', bytes: makeDocx([{ paragraph: '通知' }, { table: UNRELATED }]) });
  assert.deepEqual(read.forms, []);
  assert.equal(read.diagnostics.at(-1)?.code, 'NOT_A_FORM');
});
