import assert from 'node:assert/strict';
import { test } from 'node:test';
import { render } from '../locale/messages.ts';
import { parseRole } from './accounts.ts';
import { COMMON_PASSWORD_COUNT, passwordProblem } from './password-policy.ts';
import { planUsers, type UserRow } from './user-plan.ts';

test('password rules: at least 10 characters, not the username, not one of the 1,000 most common', () => {
  assert.equal(COMMON_PASSWORD_COUNT, 1000);
  assert.equal(passwordProblem('short-pw1', 'zhang'), 'TOO_SHORT');
  assert.equal(passwordProblem('财政局绩效评价专用口', 'zhang'), null, 'ten Chinese characters are ten characters');
  assert.equal(passwordProblem('财政局绩效评价口令', 'zhang'), 'TOO_SHORT', 'nine are not');
  assert.equal(passwordProblem('Zhang.San.2026', 'zhang.san.2026'), 'SAME_AS_USERNAME');
  assert.equal(passwordProblem('1234567890', 'zhang'), 'TOO_COMMON');
  assert.equal(passwordProblem('Password123', 'zhang'), 'TOO_COMMON', 'case does not help');
  assert.equal(passwordProblem('qwertyuiop', 'zhang'), 'TOO_COMMON');
  assert.equal(passwordProblem('１２３４５６７８９０', 'zhang'), 'TOO_COMMON', 'full-width digits fold');
  assert.equal(passwordProblem('x'.repeat(201), 'zhang'), 'TOO_LONG');
  assert.equal(passwordProblem('绩效自评2026年春季', 'zhang'), null);
});

test('roles by id or by their Chinese or English names', () => {
  assert.equal(parseRole('preparer'), 'preparer');
  assert.equal(parseRole(' 填报人 '), 'preparer');
  assert.equal(parseRole('单位审核人'), 'approver');
  assert.equal(parseRole('主管部门审核人'), 'department');
  assert.equal(parseRole('财政审核人'), 'reviewer');
  assert.equal(parseRole('管理员'), 'admin');
  assert.equal(parseRole('Department reviewer'), 'department');
  assert.equal(parseRole('ADMIN'), 'admin');
  assert.equal(parseRole('局长'), undefined);
});

const UNITS = new Map([['101', { id: 'u101', disabled: false }], ['199', { id: 'u199', disabled: true }]]);
const row = (n: number, username: string, role: string, unitCode = '', displayName = ''): UserRow => ({ row: n, username, role, unitCode, displayName });

test('a list of users: roles, units, names; every bad row named', () => {
  const ok = planUsers(['admin'], UNITS, [row(2, 'zhang.san', '填报人', '101', '张三'), row(3, 'li', 'reviewer')]);
  assert.ok(ok.ok);
  assert.deepEqual(ok.users, [
    { row: 2, username: 'zhang.san', displayName: '张三', role: 'preparer', unitId: 'u101' },
    { row: 3, username: 'li', displayName: 'li', role: 'reviewer', unitId: null },
  ]);
  const bad = planUsers(['Admin'], UNITS, [
    row(2, 'admin', 'admin'),
    row(3, 'wang', '局长'),
    row(4, 'zhao', '填报人'),
    row(5, 'qian', '财政审核人', '101'),
    row(6, 'sun', '单位审核人', '999'),
    row(7, 'zhou', '单位审核人', '199'),
    row(8, 'wu', 'preparer', '101'),
    row(9, 'WU', 'preparer', '101'),
    row(10, 'a b', 'preparer', '101'),
    row(11, '', ''),
  ]);
  assert.ok(!bad.ok);
  assert.deepEqual(bad.problems.map((p) => `${p.row}:${p.field}:${render(p.message, 'zh')}`), [
    '2:username:用户名“admin”已存在',
    '3:role:未知的角色“局长”（填报人、单位审核人、主管部门审核人、财政审核人、管理员）',
    '4:unit:填报人须填写所属单位代码',
    '5:unit:财政审核人和管理员不属于单位，单位代码“101”应留空',
    '6:unit:单位“999”不存在',
    '7:unit:单位“199”已停用',
    '9:username:用户名“WU”重复（第 8 行已有）',
    '10:username:用户名“a b”只能由文字、数字和 . _ @ - 组成，2 至 64 个字符',
    '11:username:用户名未填写',
    '11:role:角色未填写',
  ]);
});
