/** The targets' and monitoring's workflow table: who may do what, in which status, over which units. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allowedCycleActions, canSeeCycle, cycleAwaiting, cyclePermission, type CycleSubject } from './cycle-workflow.ts';
import type { Actor } from './workflow.ts';

const unit = (role: Actor['role'], unitId: string | null = 'u', unitPath: string | null = '/d/u/'): Actor =>
  ({ role, unitId, unitPath }) as Actor;
const preparer = unit('preparer');
const approver = unit('approver');
const department = unit('department', 'd', '/d/');
const otherDepartment = unit('department', 'e', '/e/');
const reviewer = unit('reviewer', null, null);
const admin = unit('admin', null, null);
const targets = (status: CycleSubject['status'], more: Partial<CycleSubject> = {}): CycleSubject => ({ kind: 'targets', unitId: 'u', unitPath: '/d/u/', status, ...more });

test('targets: draft → submitted (approver) → approved (bureau); returned with a reason; frozen when approved', () => {
  assert.deepEqual(allowedCycleActions(preparer, targets('draft')), ['edit', 'delete']);
  assert.deepEqual(allowedCycleActions(approver, targets('draft')), ['submit']);
  assert.deepEqual(allowedCycleActions(reviewer, targets('submitted')), ['return', 'approve']);
  assert.equal(cyclePermission(reviewer, 'reject', targets('submitted')), 'wrongStatus', 'reject only refuses an adjustment');
  assert.equal(cyclePermission(preparer, 'edit', targets('approved', { approved: true })), 'wrongStatus');
  assert.deepEqual(allowedCycleActions(preparer, targets('approved', { approved: true })), ['adjust', 'createEvaluation', 'createMonitoring']);
});

test('a draft is deleted by its unit’s preparer only, and only while it was never sent', () => {
  assert.equal(cyclePermission(preparer, 'delete', targets('draft')), 'allowed');
  assert.equal(cyclePermission(preparer, 'delete', { ...targets('draft'), kind: 'monitoring' }), 'allowed');
  assert.equal(cyclePermission(preparer, 'delete', targets('returned')), 'wrongStatus', 'returned was sent: on record');
  assert.equal(cyclePermission(preparer, 'delete', targets('approved', { approved: true })), 'wrongStatus');
  for (const actor of [approver, admin]) assert.equal(cyclePermission(actor, 'delete', targets('draft')), 'forbidden');
  assert.equal(cyclePermission(preparer, 'delete', { ...targets('draft'), unitId: 'v', unitPath: '/d/v/' }), 'forbidden', 'another unit');
});

test('monitoring is made from targets once they are approved, by the unit’s preparer', () => {
  assert.equal(cyclePermission(preparer, 'createMonitoring', targets('submitted')), 'wrongStatus');
  assert.equal(cyclePermission(preparer, 'createMonitoring', targets('approved', { approved: true })), 'allowed');
  assert.equal(cyclePermission(approver, 'createMonitoring', targets('approved', { approved: true })), 'forbidden');
  assert.equal(cyclePermission(preparer, 'createMonitoring', { ...targets('accepted', { approved: true }), kind: 'monitoring' }), 'forbidden');
});

test('an adjustment: the preparer opens it, edits, the approver submits, the bureau approves or rejects', () => {
  const adjusting = targets('adjusting', { adjustment: true, approved: true });
  assert.deepEqual(allowedCycleActions(preparer, adjusting), ['edit', 'createEvaluation', 'createMonitoring']);
  assert.deepEqual(allowedCycleActions(approver, adjusting), ['submit']);
  const sent = targets('submitted', { adjustment: true, approved: true });
  assert.deepEqual(allowedCycleActions(reviewer, sent), ['return', 'approve', 'reject']);
  assert.equal(cyclePermission(preparer, 'adjust', sent), 'wrongStatus');
});

test('the department tier: the department forwards or returns its units’ documents; the bureau takes forwarded ones', () => {
  const tiered = targets('submitted', { departmentReview: true });
  assert.deepEqual(allowedCycleActions(department, tiered), ['forward', 'return']);
  assert.equal(cyclePermission(reviewer, 'approve', tiered), 'wrongStatus');
  assert.equal(cyclePermission(reviewer, 'approve', targets('forwarded', { departmentReview: true })), 'allowed');
  assert.equal(cyclePermission(otherDepartment, 'forward', tiered), 'forbidden', 'another department does not see it');
  assert.equal(cyclePermission(department, 'forward', targets('submitted')), 'forbidden', 'no tier: never the department’s');
});

test('who sees what: the unit its own, the department its subtree once sent, the bureau once sent, the admin all, the public nothing', () => {
  assert.ok(canSeeCycle(preparer, targets('draft')));
  assert.ok(!canSeeCycle(unit('preparer', 'x', '/d/x/'), targets('submitted')));
  assert.ok(!canSeeCycle(department, targets('draft')));
  assert.ok(canSeeCycle(department, targets('submitted')));
  assert.ok(!canSeeCycle(reviewer, targets('draft')));
  assert.ok(canSeeCycle(admin, targets('draft')));
  assert.ok(!canSeeCycle({ role: 'public', unitId: null, unitPath: null }, targets('approved')));
  assert.deepEqual(allowedCycleActions(admin, targets('submitted')), []);
});

test('monitoring: submitted → accepted or returned; no adjustment, no evaluation', () => {
  const m = (status: CycleSubject['status']): CycleSubject => ({ ...targets(status), kind: 'monitoring' });
  assert.deepEqual(allowedCycleActions(approver, m('returned')), ['submit']);
  assert.deepEqual(allowedCycleActions(reviewer, m('submitted')), ['return', 'accept']);
  assert.deepEqual(allowedCycleActions(preparer, m('accepted')), []);
  assert.equal(cyclePermission(reviewer, 'approve', m('submitted')), 'forbidden');
});

test('what waits for each role (待我处理), from the same table', () => {
  assert.deepEqual(cycleAwaiting(preparer, 'targets'), { always: ['draft', 'returned', 'adjusting'], withDepartment: [], withoutDepartment: [] });
  assert.deepEqual(cycleAwaiting(approver, 'monitoring'), { always: ['draft', 'returned'], withDepartment: [], withoutDepartment: [] });
  assert.deepEqual(cycleAwaiting(department, 'targets'), { always: [], withDepartment: ['submitted'], withoutDepartment: [] });
  assert.deepEqual(cycleAwaiting(reviewer, 'targets'), { always: ['forwarded'], withDepartment: [], withoutDepartment: ['submitted'] });
  assert.equal(cycleAwaiting(admin, 'targets'), null);
});
