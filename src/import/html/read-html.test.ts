/**
 * The HTML reader on pages made from the committed XLSX fixtures (the same grid laid out as a
 * page, with the variations real pages have): every field of every form equals what the XLSX
 * import gives. Hostile pages are refused with a diagnostic in bounded time.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { readXlsxGrids } from '../xlsx/read-xlsx-grids.ts';
import { readXlsxForms } from '../xlsx/read-xlsx.ts';
import { htmlGrids } from './html-grids.ts';
import { readHtmlForms } from './read-html.ts';
import { excelWebPage, gridsHtml, seeded } from './testing/grid-html.ts';
import { render } from '../../core/locale/messages.ts';

const FIXTURES = new URL('../../../test/fixtures/pdf/', import.meta.url);
const FORMS = ['seed-2021-putuo', 'real-2022-putuo-sports', 'national-2023-example'];

async function fixture(name: string) {
  const bytes = new Uint8Array(readFileSync(new URL(`${name}.xlsx`, FIXTURES)));
  const { grids } = await readXlsxGrids(bytes);
  const xlsx = await readXlsxForms({ file: `${name}.xlsx`, bytes });
  assert.ok(xlsx.forms.length >= 1);
  return { grids, evaluations: xlsx.forms.map((f) => f.evaluation) };
}

const readPage = (html: string | Uint8Array) => readHtmlForms({ file: 'page.html', bytes: typeof html === 'string' ? new TextEncoder().encode(html) : html });

describe('an HTML table of each template reads as its XLSX', () => {
  for (const name of FORMS) {
    test(`${name}: plain page`, async () => {
      const { grids, evaluations } = await fixture(name);
      const read = await readPage(gridsHtml(grids));
      assert.deepEqual(read.forms.map((f) => f.evaluation), evaluations);
      assert.ok(!read.diagnostics.some((d) => d.code === 'TEXT_ENCODING'));
    });
    for (const seed of [1, 2, 3, 4, 5]) {
      test(`${name}: variation ${seed} (unrelated table first, <br>/<p>/<div> lines, white space, entities, unclosed cells)`, async () => {
        const { grids, evaluations } = await fixture(name);
        const read = await readPage(gridsHtml(grids, { random: seeded(seed * 7919 + name.length) }));
        assert.deepEqual(read.forms.map((f) => f.evaluation), evaluations);
      });
    }
  }

  test('the title as a heading above the table, not in it (as sites publish it): the same form', async () => {
    for (const name of FORMS) {
      const { grids, evaluations } = await fixture(name);
      const first = grids[0]!;
      const title = first.cells.filter((c) => c.row === 0).map((c) => c.text).join('');
      const below = { ...first, cells: first.cells.filter((c) => c.row > 0).map((c) => ({ ...c, row: c.row - 1 })) };
      const read = await readPage(gridsHtml([below]).replace('<body>', `<body><h1>${title}</h1>`));
      assert.deepEqual(read.forms.map((f) => f.evaluation), evaluations.slice(0, 1), name);
    }
  });

  test('two forms in one page: two tables, two forms, in page order', async () => {
    const a = await fixture(FORMS[0]!);
    const b = await fixture(FORMS[2]!);
    const read = await readPage(gridsHtml([...a.grids, ...b.grids], { random: seeded(42) }));
    assert.deepEqual(read.forms.map((f) => f.evaluation), [...a.evaluations, ...b.evaluations]);
  });

  test('a GB18030 page, declared by <meta charset=gbk> or not declared at all; the decoding is reported', async () => {
    const { grids, evaluations } = await fixture(FORMS[1]!);
    for (const charset of ['gbk', 'GB2312', undefined]) {
      const bytes = iconv.encode(gridsHtml(grids, { ...(charset ? { charset } : {}), random: seeded(9) }), 'gb18030');
      const read = await readPage(bytes);
      assert.deepEqual(read.forms.map((f) => f.evaluation), evaluations, String(charset));
      const info = read.diagnostics.find((d) => d.code === 'TEXT_ENCODING');
      assert.equal(info?.severity, 'info');
      assert.equal(render(info!.message, 'zh'), '按 GB18030 解码');
    }
  });

  test('Excel’s "save as web page" in GB2312 (Office markup, conditional comments, a hidden row with 合计 in it): the same form', async () => {
    for (const name of FORMS) {
      const { grids, evaluations } = await fixture(name);
      const read = await readPage(iconv.encode(excelWebPage(grids[0]!), 'gb18030'));
      assert.deepEqual(read.forms.map((f) => f.evaluation), evaluations.slice(0, 1), name);
      assert.deepEqual(read.diagnostics.map((d) => d.code).filter((c) => c === 'TEXT_ENCODING'), ['TEXT_ENCODING']);
    }
  });

  test('a UTF-16LE page with its BOM', async () => {
    const { grids, evaluations } = await fixture(FORMS[0]!);
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(gridsHtml(grids), 'utf16le')]);
    const read = await readPage(bytes);
    assert.deepEqual(read.forms.map((f) => f.evaluation), evaluations);
  });
});

describe('the table layout of a page', () => {
  const cells = (html: string) => htmlGrids(html).grids.map((g) => g.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan, c.text]));

  test('rowspan pushes later cells right; colspan widens; spans past the table are cut', () => {
    const html = '<table><tr><td rowspan=2>A</td><td colspan="2">B</td></tr><tr><td>C</td><td rowspan="9">D</td></tr></table>';
    assert.deepEqual(cells(html), [[[0, 0, 2, 1, 'A'], [0, 1, 1, 2, 'B'], [1, 1, 1, 1, 'C'], [1, 2, 1, 1, 'D']]]);
  });

  test('text as a browser shows it: white space collapsed, <br> and blocks as line breaks, entities decoded, scripts not shown', () => {
    const html = '<table><tr><td>\n  具体实施处（科室<br>）  </td><td><p>a &amp;  b</p>\n<p>c&nbsp;d</p></td><td>x<script>y</script><b>z</b></td></tr></table>';
    assert.deepEqual(cells(html), [[[0, 0, 1, 1, '具体实施处（科室\n）'], [0, 1, 1, 1, 'a & b\nc d'], [0, 2, 1, 1, 'xz']]]);
  });

  test('hidden rows and cells (display:none, hidden) are not read; Excel’s overflow colspan (mso-ignore:colspan) is not a merge', () => {
    const html = `<table><tr style="height:0; DISPLAY: none"><td>hidden row</td></tr><tr><td colspan=3 style='mso-ignore:colspan'>long label</td><td>x</td></tr>
      <tr><td hidden>h</td><td>a<span style="display:none">b</span>c</td><td><br></td></tr></table>`;
    assert.deepEqual(cells(html), [[[0, 0, 1, 1, 'long label'], [0, 3, 1, 1, 'x'], [1, 0, 1, 1, 'ac'], [1, 1, 1, 1, '']]]);
  });

  test('a table nested in a cell is a grid of its own, not the outer cell’s text', () => {
    const html = '<table><tr><td>outer<table><tr><td>inner</td></tr></table></td><td>next</td></tr></table>';
    assert.deepEqual(cells(html), [[[0, 0, 1, 1, 'outer'], [0, 1, 1, 1, 'next']], [[0, 0, 1, 1, 'inner']]]);
  });
});

describe('hostile pages are refused with a clear diagnostic, in bounded time', () => {
  const refused = async (html: string, code: string, words: RegExp) => {
    const started = performance.now();
    const read = await readPage(html);
    assert.equal(read.forms.length, 0);
    const d = read.diagnostics[0]!;
    assert.equal(d.severity, 'error');
    assert.equal(d.code, code);
    assert.match(render(d.message, 'en'), words);
    assert.ok(performance.now() - started < 5_000, 'bounded time');
  };

  test('a million cells', async () => {
    await refused(`<table><tr>${'<td>1</td>'.repeat(1_000_000)}</tr></table>`, 'TOO_MANY_CELLS', /more than 100000 cells/);
  });

  test('elements nested 100 000 deep', async () => {
    await refused(`<table><tr><td>${'<div>'.repeat(100_000)}x</td></tr></table>`, 'TOO_DEEP', /nests elements more than 1000 deep/);
  });

  test('tables nested 100 deep', async () => {
    await refused('<table><tr><td>'.repeat(100), 'TOO_DEEP', /nests tables/);
  });

  test('spans covering 65534 × 1000 positions', async () => {
    await refused('<table><tr><td rowspan=65534 colspan=1000>x</td></tr></table>', 'TOO_MANY_CELLS', /merged cells cover/);
  });
});

test('a page with no form: NOT_A_FORM', async () => {
  const read = await readPage('<!doctype html><table><tr><td>通知</td></tr></table>');
  assert.deepEqual(read.forms, []);
  assert.equal(read.diagnostics.at(-1)?.code, 'NOT_A_FORM');
});

