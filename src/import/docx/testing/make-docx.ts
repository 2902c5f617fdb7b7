/**
 * A minimal .docx for tests: paragraphs and tables (Grids laid out as Word lays out a table:
 * w:gridSpan for columns, w:vMerge restart/continue for rows, one paragraph per line of a cell),
 * written with the test zip writer. What Word writes beyond this (styles, settings) is optional.
 */
import type { Grid } from '../../grid/grid.ts';
import { makeZip } from '../../xlsx/testing/make-zip.ts';

const escape = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

const paragraphs = (text: string) => text.split('\n').map((line) => `<w:p>${line === '' ? '' : `<w:r><w:t xml:space="preserve">${escape(line)}</w:t></w:r>`}</w:p>`).join('');

function cellXml(text: string, colSpan: number, merge: 'restart' | 'continue' | null): string {
  const props = `${colSpan > 1 ? `<w:gridSpan w:val="${colSpan}"/>` : ''}${merge === 'restart' ? '<w:vMerge w:val="restart"/>' : merge === 'continue' ? '<w:vMerge/>' : ''}`;
  return `<w:tc><w:tcPr>${props}</w:tcPr>${paragraphs(text)}</w:tc>`;
}

export function tableXml(grid: Grid): string {
  const cols = grid.cells.reduce((n, c) => Math.max(n, c.col + c.colSpan), 0);
  const rows = grid.cells.reduce((n, c) => Math.max(n, c.row + c.rowSpan), 0);
  const rowsXml: string[] = [];
  for (let r = 0; r < rows; r++) {
    const tcs: string[] = [];
    for (let c = 0; c < cols; ) {
      const cell = grid.cells.find((x) => x.col === c && x.row <= r && r < x.row + x.rowSpan);
      if (cell) {
        tcs.push(cell.row === r ? cellXml(cell.text, cell.colSpan, cell.rowSpan > 1 ? 'restart' : null) : cellXml('', cell.colSpan, 'continue'));
        c += cell.colSpan;
        continue;
      }
      tcs.push(cellXml('', 1, null));
      c++;
    }
    rowsXml.push(`<w:tr>${tcs.join('')}</w:tr>`);
  }
  const gridCols = Array.from({ length: cols }, () => '<w:gridCol w:w="1200"/>').join('');
  return `<w:tbl><w:tblPr><w:tblBorders><w:top w:val="single"/><w:bottom w:val="single"/><w:insideH w:val="single"/><w:insideV w:val="single"/></w:tblBorders></w:tblPr><w:tblGrid>${gridCols}</w:tblGrid>${rowsXml.join('')}</w:tbl>`;
}

export type DocxBlock = { paragraph: string } | { table: Grid };

export function makeDocx(blocks: readonly DocxBlock[]): Buffer {
  const body = blocks.map((b) => ('paragraph' in b ? paragraphs(b.paragraph) : `${tableXml(b.table)}<w:p/>`)).join('');
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`;
  const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
  return makeZip([
    { name: '[Content_Types].xml', data: Buffer.from(types) },
    { name: '_rels/.rels', data: Buffer.from(rels) },
    { name: 'word/document.xml', data: Buffer.from(document) },
  ]);
}
