/**
 * Grids laid out as an HTML page, as offices publish them, for tests: each grid a `<table>` with
 * rowspan/colspan, a cell's lines as `<br>` (or `<p>`/`<div>` blocks), text escaped, and, when a
 * seeded random source is given, the variations real pages have (indentation and line breaks in
 * the source, upper-case tags, unclosed `<td>`/`<tr>`, `&nbsp;` in empty cells, entities, an
 * unrelated table with its columns shuffled before the form).
 */
import type { Grid } from '../../grid/grid.ts';

export type Random = () => number;

/** A small seeded generator (mulberry32): the same seed, the same page. */
export function seeded(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

function escape(text: string, random?: Random): string {
  return [...text]
    .map((c) => {
      if (c === '&') return random && random() < 0.5 ? '&#38;' : '&amp;';
      if (c === '<') return '&lt;';
      if (c === '>') return '&gt;';
      if (c === '%' && random && random() < 0.3) return '&#x25;';
      if (c === '（' && random && random() < 0.3) return '&#65288;';
      return c;
    })
    .join('');
}

/** A cell's lines: `<br>` between them, or each in a block. */
function cellHtml(text: string, random?: Random): string {
  const lines = text.split('\n').map((line) => escape(line, random));
  if (!random) return lines.join('<br>');
  if (text === '') return pick(random, ['', '&nbsp;', ' ', '\n    ']);
  const pad = () => pick(random, ['', ' ', '\n      ', '\t']);
  const style = random();
  const body =
    style < 0.4 ? lines.join(pick(random, ['<br>', '<br/>', '<BR>', '<br />\n      '])) : style < 0.7 ? lines.map((l) => `<p>${l}</p>`).join(pad()) : lines.map((l) => `<div><span>${l}</span></div>`).join('');
  return `${pad()}${body}${pad()}`;
}

export function tableHtml(grid: Grid, random?: Random): string {
  const rows = grid.cells.reduce((n, c) => Math.max(n, c.row + c.rowSpan), 0);
  const cols = grid.cells.reduce((n, c) => Math.max(n, c.col + c.colSpan), 0);
  const covered = new Set<string>();
  for (const c of grid.cells) for (let r = 0; r < c.rowSpan; r++) for (let k = 0; k < c.colSpan; k++) if (r || k) covered.add(`${c.row + r},${c.col + k}`);
  const upper = random !== undefined && random() < 0.3;
  const tag = (name: string) => (upper ? name.toUpperCase() : name);
  const unclosed = random !== undefined && random() < 0.3;
  const nl = random ? pick(random, ['\n', '\n  ', '']) : '\n';
  const out: string[] = [`<${tag('table')} border="1" cellspacing="0">`, random && random() < 0.5 ? `${nl}<${tag('tbody')}>` : ''];
  for (let r = 0; r < rows; r++) {
    out.push(`${nl}<${tag('tr')}>`);
    for (let c = 0; c < cols; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const cell = grid.cells.find((x) => x.row === r && x.col === c);
      const spans = `${cell && cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}${cell && cell.colSpan > 1 ? ` colspan=${cell.colSpan}` : ''}`;
      out.push(`${nl}<${tag('td')}${spans}>${cellHtml(cell?.text ?? '', random)}${unclosed ? '' : `</${tag('td')}>`}`);
    }
    if (!unclosed) out.push(`</${tag('tr')}>`);
  }
  out.push(`${nl}</${tag('table')}>`);
  return out.join('');
}

/** An unrelated table (a site's navigation, a list of attachments) with seeded column order. */
export function unrelatedTable(random: Random): string {
  const columns = [['序号', '1', '2'], ['附件名称', '通知.pdf', '附表.xls'], ['发布日期', '2023-05-06', '2023-05-07'], ['来源', '区财政局', '区财政局']];
  for (let i = columns.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [columns[i], columns[j]] = [columns[j]!, columns[i]!];
  }
  const rows = [0, 1, 2].map((r) => `<tr>${columns.map((col) => `<td>${col[r]}</td>`).join('')}</tr>`);
  return `<table class="list">${rows.join('\n')}</table>`;
}

export interface PageOptions {
  random?: Random;
  /** The `<meta charset>` to declare. */
  charset?: string;
}

export function gridsHtml(grids: readonly Grid[], options: PageOptions = {}): string {
  const { random } = options;
  const meta = options.charset ? `<meta charset="${options.charset}">` : '';
  const before = random ? `<div class="nav"><a href="/">首页</a> &gt; 通知公告</div>\n${unrelatedTable(random)}\n<p>附表如下：</p>` : '';
  const tables = grids.map((g) => tableHtml(g, random)).join('\n<p>&nbsp;</p>\n');
  return `<!DOCTYPE html>\n<html lang="zh-CN"><head>${meta}<title>绩效自评表</title><style>td { border: 1px solid }</style><script>var x = "<td>不是单元格</td>";</script></head>\n<body>${before}\n${tables}\n</body></html>\n`;
}

/**
 * A grid as Excel's "save as web page" writes it (on a Chinese Windows: GB2312 declared): the
 * Office namespaces, conditional comments, `x:num`/`x:str` cells, `&nbsp;` in empty cells, lines
 * as `<br>`, a hidden row (display:none, holding words a form uses) after `hiddenAfterRow`, and the
 * trailing hidden row of column widths.
 */
export function excelWebPage(grid: Grid, hiddenAfterRow = 2): string {
  const rows = grid.cells.reduce((n, c) => Math.max(n, c.row + c.rowSpan), 0);
  const cols = grid.cells.reduce((n, c) => Math.max(n, c.col + c.colSpan), 0);
  const covered = new Set<string>();
  for (const c of grid.cells) for (let r = 0; r < c.rowSpan; r++) for (let k = 0; k < c.colSpan; k++) if (r || k) covered.add(`${c.row + r},${c.col + k}`);
  let body = '';
  for (let r = 0; r < rows; r++) {
    body += ` <tr height=19 style='height:14.25pt'>\n`;
    for (let c = 0; c < cols; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const cell = grid.cells.find((x) => x.row === r && x.col === c);
      const text = cell?.text ? cell.text.split('\n').map((line) => escape(line)).join('<br>\n  ') : '&nbsp;';
      const spans = `${cell && cell.rowSpan > 1 ? ` rowspan=${cell.rowSpan}` : ''}${cell && cell.colSpan > 1 ? ` colspan=${cell.colSpan}` : ''}`;
      const type = cell && cell.text !== '' && [...cell.text].every((ch) => (ch >= '0' && ch <= '9') || ch === '.') ? `x:num="${cell.text}"` : 'x:str';
      body += `  <td class=xl65${spans} ${type}>${text}</td>\n`;
    }
    body += ' </tr>\n';
    if (r === hiddenAfterRow) body += ` <tr height=0 style='display:none'><td>隐藏行</td><td>合计</td><td>100</td></tr>\n`;
  }
  return `<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:x="urn:schemas-microsoft-com:office:excel"
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312">
<meta name=ProgId content=Excel.Sheet>
<!--[if gte mso 9]><xml>
 <x:ExcelWorkbook><x:ExcelWorksheets><x:ExcelWorksheet><x:Name>Sheet1</x:Name></x:ExcelWorksheet></x:ExcelWorksheets></x:ExcelWorkbook>
</xml><![endif]-->
<style>
<!--table {mso-displayed-decimal-separator:"\\.";}
-->
</style>
</head>
<body link=blue vlink=purple>
<table border=0 cellpadding=0 cellspacing=0 width=900 style='border-collapse:collapse;table-layout:fixed'>
 <col width=72 span=${cols}>
${body} <![if supportMisalignedColumns]>
 <tr height=0 style='display:none'>
  <td width=72 style='width:54pt'></td>
 </tr>
 <![endif]>
</table>
</body>
</html>
`;
}
