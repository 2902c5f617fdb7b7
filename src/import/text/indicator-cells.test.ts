import assert from 'node:assert/strict';
import { test } from 'node:test';
import { columnLayout, nameColumnWidth, readCells } from './indicator-cells.ts';
import { cutRows, tableLines } from './indicator-rows.ts';
import { classified, national, shanghai } from './test-support.ts';

function cells(text: string, catalog = shanghai) {
  const layout = columnLayout(catalog);
  const { rows } = cutRows(tableLines(classified(text, catalog), new Set()), { maxWeight: 100, scoreFollowsWeight: layout.between.length === 0, actualBeforeWeight: layout.before.includes('actual') });
  const width = nameColumnWidth(rows, catalog);
  return rows.map((r): Record<string, string> => {
    const c = readCells(r, layout, catalog, width);
    return { ...Object.fromEntries([...c.cells].map(([k, v]) => [k, v.text])), ...(c.category && { category: c.category.text }), ...(c.subcategory && { subcategory: c.subcategory.text }) };
  });
}

// Seed form 2: one name wrapped in a chunk of its own (full name-column width), one not.
const FORM = `五类机构年审社会效
益

对五类机构监管工作的规范化、
制度化、长效化起到促进作用

9 起到促进作用，得满分 9

合规检查社会效益
协助对互联网金融从业机构业务
定性

9 未出现严重问题，得满分 9

档案管理机制健全性 健全 9 档案管理机制健全，得满分 9`;

test('a wrapped name and a name with its target under it', () => {
  assert.deepEqual(cells(FORM), [
    { name: '五类机构年审社会效益', target: '对五类机构监管工作的规范化、制度化、长效化起到促进作用', rule: '起到促进作用，得满分' },
    { name: '合规检查社会效益', target: '协助对互联网金融从业机构业务定性', rule: '未出现严重问题，得满分' },
    { name: '档案管理机制健全性', target: '健全', rule: '档案管理机制健全，得满分' },
  ]);
});

test('name and target on one line, the target wrapped below', () => {
  assert.deepEqual(cells('合规检查成本 不得突破经询价最终入围的报价\n金额\n\n5 成本不突破报价金额，得满分 5')[0], {
    name: '合规检查成本',
    target: '不得突破经询价最终入围的报价金额',
    rule: '成本不突破报价金额，得满分',
  });
});

test('a remark after the score', () => {
  assert.equal(cells('助餐点服务人次 》=30000人次 10 服务人次满30000人次，得满分 8 疫情期间暂停堂食')[0]!.remark, '疫情期间暂停堂食');
});

test('national: category and subcategory printed in the row, actual before the weight', () => {
  assert.deepEqual(cells('效益指标 社会效益指标 合同完成率 =100% 100% 30 30', national)[0], {
    name: '合同完成率',
    target: '=100%',
    actual: '100%',
    category: 'effect',
    subcategory: '社会效益指标',
  });
});
