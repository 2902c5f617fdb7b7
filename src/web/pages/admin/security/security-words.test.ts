import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SecurityEvent } from '../../../api/types.ts';
import { translate } from '../../../locale/i18n.tsx';
import { securityDetail } from './security-words.ts';

const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('zh', key, params);
const event = (action: SecurityEvent['action'], detail: Record<string, unknown>): SecurityEvent => ({ id: 1, at: '2026-03-01T00:00:00Z', action, user: null, username: null, address: null, subject: null, detail });
const words = (e: SecurityEvent) => securityDetail(e, t).map((p) => (p.to ? `${p.text}<${p.to}>` : p.text));

test('why a login failed, in words', () => {
  assert.deepEqual(words(event('login.failed', { reason: 'wrongPassword' })), ['密码错误']);
  assert.deepEqual(words(event('login.failed', { reason: 'unknownUser' })), ['用户名不存在']);
  assert.deepEqual(words(event('login.failed', { reason: 'somethingNew' })), ['somethingNew'], 'a reason the UI does not know is shown as the server says it');
});

test('a role and a unit changed: before → after, roles in words, no unit the finance bureau', () => {
  assert.deepEqual(words(event('user.roleChanged', { from: 'preparer', to: 'approver' })), ['角色：填报人 → 单位审核人']);
  assert.deepEqual(words(event('user.unitChanged', { from: '117', to: null })), ['单位：117 → 财政部门']);
  assert.deepEqual(words(event('user.created', { role: 'department', unit: '117' })), ['角色：主管部门审核人', '单位：117']);
  assert.deepEqual(words(event('user.created', { role: 'reviewer', unit: null })), ['角色：财政审核人']);
});

test('a download: what, and of what, with a link where the thing has a page', () => {
  assert.deepEqual(words(event('download', { what: 'evaluation.pdf', evaluationId: 'e 1' })), ['自评价表 PDF', '查看该表</evaluations/e%201>']);
  assert.deepEqual(words(event('download', { what: 'dashboard.csv', year: 2021, rows: 103 })), ['统计表 CSV', '2021 年度', '共 103 行']);
  assert.deepEqual(words(event('download', { what: 'recheck.xlsx', drawId: 'd-1' })), ['抽查复核差异报告 Excel', '查看该次抽查</rechecks/d-1>']);
  assert.deepEqual(words(event('logout', {})), []);
});
