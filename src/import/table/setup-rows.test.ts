/**
 * The set-up lists as bureaus keep them: CSV from Excel (UTF-8 with a BOM, or GB18030 from a
 * Chinese Windows), CSV from other tools (no BOM, UTF-16), XLSX; headers in Chinese or English, in
 * any order, with hints in brackets; columns left out; blank rows. Random lists in random shapes
 * must read back to the same rows.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { render } from '../../core/locale/messages.ts';
import { readTable } from './read-table.ts';
import { readSetupList, SETUP_COLUMNS } from './setup-rows.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** GB18030 bytes of a text (Node has no encoder for it: encode through a decoder's table of all two-byte codes). */
let gbTable: Map<string, number[]> | undefined;
function toGb18030(text: string): Uint8Array {
  if (!gbTable) {
    gbTable = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([hi, lo]));
        if (ch.length === 1 && ch !== '\uFFFD' && !gbTable.has(ch)) gbTable.set(ch, [hi, lo]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else {
      const code = gbTable.get(ch);
      if (!code) throw new Error(`no GB18030 two-byte code for ${ch}`);
      bytes.push(...code);
    }
  }
  return Uint8Array.from(bytes);
}

async function xlsx(rows: string[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('项目清单');
  for (const r of rows) sheet.addRow(r.map((cell) => (/^\d+(\.\d+)?$/u.test(cell) && cell.length < 12 ? Number(cell) : cell)));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const csv = (rows: string[][]) => rows.map((r) => r.map((c) => (/[",\n]/u.test(c) ? `"${c.replace(/"/gu, '""')}"` : c)).join(',')).join('\r\n');

test('a project list in every encoding Excel and Notepad write reads the same', async () => {
  const text = '单位代码,项目代码,项目名称,当年预算数（元）,上年预算金额,具体实施处室,是否经常性项目,模板\n101,P001,"文化惠民工程, 一期",1234567.5,"1,000,000.00",公共服务科,是,shanghai-2021\n\n102,,全民健身,41.44万,,,否,\n';
  const forms = [utf8(text), Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(text)]), toGb18030(text), Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, 'utf16le')])];
  for (const bytes of forms) {
    const read = await readSetupList(bytes, 'projects');
    assert.ok(read.ok, read.ok ? '' : render(read.message, 'en'));
    assert.deepEqual(read.read.problems, []);
    assert.deepEqual(read.read.rows, [
      { row: 2, unitCode: '101', code: 'P001', name: '文化惠民工程, 一期', budget: '1234567.50', previousBudget: '1000000.00', department: '公共服务科', recurring: true, template: 'shanghai-2021' },
      { row: 4, unitCode: '102', code: '', name: '全民健身', budget: '414400.00', previousBudget: '', department: '', recurring: false, template: '' },
    ]);
  }
  const table = await readTable(toGb18030(text));
  assert.equal(table.ok && table.table.source, 'GB18030');
});

test('unreadable cells are problems of their rows; a missing column or a header twice is said at once', async () => {
  const read = await readSetupList(utf8('unit,name,budget,recurring\n101,A,abc,是\n101,B,-5,也许\n'), 'projects');
  assert.ok(read.ok);
  assert.deepEqual(read.read.problems.map((p) => `${p.row}:${p.field}:${render(p.message, 'zh')}`), [
    '2:budget:金额“abc”无法识别（应为以元为单位的数字，最多两位小数）',
    '3:recurring:“也许”应为“是”或“否”',
    '3:budget:金额“-5”不能为负数',
  ]);
  const missing = await readSetupList(utf8('单位代码,当年预算数\n101,5\n'), 'projects');
  assert.ok(!missing.ok);
  assert.match(render(missing.message, 'zh'), /缺少必填列：项目名称 \/ name（表头为：单位代码，当年预算数）/u);
  const twice = await readSetupList(utf8('code,单位代码,name\n1,2,x\n'), 'units');
  assert.ok(!twice.ok);
  assert.match(render(twice.message, 'en'), /The column "单位代码" is there twice/u);
  const extra = await readSetupList(utf8('code,name,备注\n1,x,y\n'), 'units');
  assert.deepEqual(extra.ok && extra.read.ignoredColumns, ['备注']);
});

test('what is not a list is refused with the reason', async () => {
  const reasons = async (bytes: Uint8Array) => {
    const read = await readTable(bytes);
    return read.ok ? 'read' : render(read.message, 'en');
  };
  assert.match(await reasons(new Uint8Array()), /empty/u);
  assert.match(await reasons(utf8('%PDF-1.7\n')), /Not a CSV or XLSX/u);
  assert.match(await reasons(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])), /legacy \.xls/u);
  assert.match(await reasons(Uint8Array.from([0x80, 0xff, 0xff, 0x30, 0xff])), /encoding is not known/u);
  assert.match(await reasons(utf8('a,b\n"unclosed\n')), /CSV line \d+ is malformed/u);
  assert.match(await reasons(utf8('\n\n  \n')), /no header or no rows/u);
  assert.match(await reasons(utf8(`${'c,'.repeat(70)}c\n1\n`)), /More than 60 columns/u);
  assert.match(await reasons(utf8(`a\n${'x'.repeat(2001)}\n`)), /Row 2, column 1 is longer than 2000/u);
});

test('property: random lists, columns in any order and language, as CSV (any encoding) or XLSX, read back to their rows', async () => {
  const columns = SETUP_COLUMNS.units;
  const name = fc.stringMatching(/^[\u4e00-\u4e2f]{2,6}(局|馆|中心|站)$/u);
  const unit = fc.record({ code: fc.stringMatching(/^[1-9]\d{2,8}$/u), name, parent: fc.oneof(fc.constant(''), fc.stringMatching(/^[1-9]\d{2,5}$/u)) });
  await fc.assert(
    fc.asyncProperty(
      fc.array(unit, { minLength: 1, maxLength: 20 }),
      fc.shuffledSubarray([0, 1, 2], { minLength: 3, maxLength: 3 }),
      fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
      fc.constantFrom('utf8', 'bom', 'gb18030', 'xlsx'),
      async (units, order, english, shape) => {
        const header = order.map((i) => columns[i]!.names[english[i] ? 1 : 0]!);
        const cells = units.map((u) => order.map((i) => [u.code, u.name, u.parent][i]!));
        const rows = [header, ...cells];
        const bytes = shape === 'xlsx' ? await xlsx(rows) : shape === 'gb18030' ? toGb18030(csv(rows)) : shape === 'bom' ? Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(csv(rows))]) : utf8(csv(rows));
        const read = await readSetupList(bytes, 'units');
        assert.ok(read.ok, read.ok ? '' : render(read.message, 'en'));
        assert.deepEqual(read.read.rows, units.map((u, i) => ({ row: i + 2, code: u.code, name: u.name, parentCode: u.parent })));
      },
    ),
    { numRuns: 60, seed: 7 },
  );
});
