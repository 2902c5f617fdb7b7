import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { render } from '../locale/messages.ts';
import { MAX_UNIT_DEPTH, planUnits, type TreeUnit, type UnitRow } from './unit-plan.ts';

let counter = 0;
const newId = () => `id${++counter}`;
const row = (n: number, code: string, name: string, parentCode = ''): UnitRow => ({ row: n, code, name, parentCode });
const problems = (plan: ReturnType<typeof planUnits>) => (plan.ok ? [] : plan.problems.map((p) => `${p.row}:${p.field}:${render(p.message, 'zh')}`));

const BUREAU: TreeUnit[] = [
  { id: 'd1', code: '101', name: '区文化和旅游局', parentId: null, disabled: false },
  { id: 'u1', code: '101001', name: '区图书馆', parentId: 'd1', disabled: false },
  { id: 'd2', code: '102', name: '区体育局', parentId: null, disabled: false },
  { id: 'old', code: '199', name: '已撤销单位', parentId: null, disabled: true },
];

test('new units: a department under the bureau and units under it, in any row order; paths from the root', () => {
  const plan = planUnits([], [row(2, '201001', '区文化馆', '201'), row(3, '201', '区文化局'), row(4, '201001001', '文化馆分馆', '201001')], newId);
  assert.ok(plan.ok);
  assert.deepEqual([plan.created, plan.updated, plan.unchanged], [3, 0, 0]);
  const byCode = new Map(plan.writes.map((w) => [w.code, w]));
  const dept = byCode.get('201')!;
  assert.equal(dept.parentId, null);
  assert.equal(dept.path, `/${dept.id}/`);
  assert.equal(byCode.get('201001')!.path, `/${dept.id}/${byCode.get('201001')!.id}/`);
  assert.equal(byCode.get('201001001')!.path, `${byCode.get('201001')!.path}${byCode.get('201001001')!.id}/`);
});

test('a known code changes its unit; a move takes the units below along; the same list again changes nothing', () => {
  const moved = planUnits(BUREAU, [row(2, '101001', '区图书馆（更名）', '102')], newId);
  assert.ok(moved.ok);
  assert.deepEqual([moved.created, moved.updated, moved.unchanged], [0, 1, 0]);
  assert.deepEqual(moved.writes, [{ id: 'u1', code: '101001', name: '区图书馆（更名）', parentId: 'd2', path: '/d2/u1/', isNew: false }]);

  const withChild: TreeUnit[] = [...BUREAU, { id: 'c1', code: '101001001', name: '分馆', parentId: 'u1', disabled: false }];
  const deep = planUnits(withChild, [row(2, '101001', '区图书馆', '102')], newId);
  assert.ok(deep.ok);
  assert.deepEqual(deep.writes.map((w) => [w.code, w.path]).sort(), [['101001', '/d2/u1/'], ['101001001', '/d2/u1/c1/']]);

  const same = planUnits(BUREAU, [row(2, '101', '区文化和旅游局'), row(3, '101001', '区图书馆', '101')], newId);
  assert.ok(same.ok);
  assert.deepEqual([same.writes.length, same.unchanged], [0, 2]);
});

test('every bad row is named, and nothing is planned', () => {
  const plan = planUnits(BUREAU, [
    row(2, '', '无代码'),
    row(3, '103', ''),
    row(4, '104', '新单位', '999'),
    row(5, '104', '重复代码'),
    row(6, '105', '区图书馆'),
    row(7, '106', '自己的上级', '106'),
    row(8, '107', '停用单位下', '199'),
    row(9, 'a b', '代码有空格'),
  ], newId);
  assert.deepEqual(problems(plan), [
    '2:code:单位代码未填写',
    '3:name:单位名称未填写',
    '4:parent:上级单位“999”不存在',
    '5:code:单位代码“104”重复（第 4 行已有）',
    '6:name:单位名称“区图书馆”已被单位“101001”使用',
    '7:parent:单位“106”不能是自己的上级单位',
    '8:parent:上级单位“199”已停用',
    '9:code:单位代码“a b”只能由字母、数字和 . _ - 组成，最多 50 个字符',
  ]);
});

test('a move under its own descendant is a loop, refused', () => {
  const tree: TreeUnit[] = [...BUREAU, { id: 'c1', code: '101001001', name: '分馆', parentId: 'u1', disabled: false }];
  assert.deepEqual(problems(planUnits(tree, [row(2, '101', '区文化和旅游局', '101001001')], newId)), [
    '2:parent:单位“101”设为“101001001”的下级后，上下级关系形成循环',
  ]);
});

test('a tree deeper than the limit is refused', () => {
  const rows = Array.from({ length: MAX_UNIT_DEPTH + 1 }, (_, i) => row(i + 2, `L${i}`, `第${i}级`, i === 0 ? '' : `L${i - 1}`));
  assert.ok(planUnits([], rows.slice(0, MAX_UNIT_DEPTH), newId).ok);
  assert.match(problems(planUnits([], rows, newId)).join('\n'), /层级超过 8 级/u);
});

test('property: any list of rows gives either problems or a tree without loops whose paths follow the parents', () => {
  const codes = ['1', '2', '3', '4', '5', '6', '7', '8'];
  const rowArb = fc.record({ code: fc.constantFrom(...codes), name: fc.constantFrom('甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬'), parent: fc.constantFrom('', ...codes) });
  fc.assert(
    fc.property(fc.array(rowArb, { maxLength: 12 }), fc.array(rowArb, { maxLength: 6 }), (first, second) => {
      let tree: TreeUnit[] = [];
      for (const rows of [first, second]) {
        const plan = planUnits(tree, rows.map((r, i) => row(i + 2, r.code, r.name, r.parent)), newId);
        if (!plan.ok) {
          assert.ok(plan.problems.length > 0);
          continue;
        }
        const byId = new Map(tree.map((u) => [u.id, { ...u }]));
        for (const w of plan.writes) byId.set(w.id, { id: w.id, code: w.code, name: w.name, parentId: w.parentId, disabled: false });
        tree = [...byId.values()];
        const paths = new Map(plan.writes.map((w) => [w.id, w.path]));
        for (const w of plan.writes) {
          const expected = w.parentId === null ? `/${w.id}/` : `${paths.get(w.parentId) ?? pathOf(tree, w.parentId)}${w.id}/`;
          assert.equal(w.path, expected);
        }
        for (const unit of tree) assert.ok(pathOf(tree, unit.id).split('/').filter(Boolean).length <= tree.length, 'no loop');
        assert.equal(new Set(tree.map((u) => u.code)).size, tree.length, 'codes stay unique');
      }
    }),
    { numRuns: 300, seed: 11 },
  );
});

/** The path of a unit walked up its parents (throws on a loop). */
function pathOf(tree: readonly TreeUnit[], id: string): string {
  const byId = new Map(tree.map((u) => [u.id, u]));
  const ids: string[] = [];
  for (let at = byId.get(id); at; at = at.parentId === null ? undefined : byId.get(at.parentId)) {
    if (ids.includes(at.id)) throw new Error(`loop at ${at.code}`);
    ids.unshift(at.id);
  }
  return `/${ids.join('/')}/`;
}
