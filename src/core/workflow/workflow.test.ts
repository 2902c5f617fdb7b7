import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allowedActions, awaiting, awaitsActor, canCreate, TRANSITIONS, canSee, permission, PUBLIC, STATUSES, visibleScope, type Actor, type Status, type Subject } from './workflow.ts';

/** The tree: department d1 with units u1 (below it) and d1 itself; department d2 with u2. */
const UNIT = 'u1';
const PATH = '/d1/u1/';
const ACTORS: Record<string, Actor> = {
  preparerOwn: { role: 'preparer', unitId: UNIT, unitPath: PATH },
  preparerOther: { role: 'preparer', unitId: 'u2', unitPath: '/d2/u2/' },
  approverOwn: { role: 'approver', unitId: UNIT, unitPath: PATH },
  approverOther: { role: 'approver', unitId: 'u2', unitPath: '/d2/u2/' },
  departmentOwn: { role: 'department', unitId: 'd1', unitPath: '/d1/' },
  departmentOther: { role: 'department', unitId: 'd2', unitPath: '/d2/' },
  reviewer: { role: 'reviewer', unitId: null, unitPath: null },
  admin: { role: 'admin', unitId: null, unitPath: null },
  public: PUBLIC,
};

// Per actor and status: '-' not visible, otherwise the allowed actions (space separated, '' for none).
// Two tables: a year without the department tier, and a year with it.
const WITHOUT_DEPARTMENT: Record<string, Record<Status, string>> = {
  preparerOwn: { draft: 'edit copy delete', submitted: 'copy', forwarded: 'copy', returned: 'edit copy', approved: 'copy', published: 'copy' },
  preparerOther: { draft: '-', submitted: '-', forwarded: '-', returned: '-', approved: '-', published: '-' },
  approverOwn: { draft: 'submit return', submitted: '', forwarded: '', returned: 'submit', approved: '', published: '' },
  approverOther: { draft: '-', submitted: '-', forwarded: '-', returned: '-', approved: '-', published: '-' },
  departmentOwn: { draft: '-', submitted: '', forwarded: '', returned: '', approved: '', published: '' },
  departmentOther: { draft: '-', submitted: '-', forwarded: '-', returned: '-', approved: '-', published: '-' },
  reviewer: { draft: '-', submitted: 'return approve', forwarded: 'return approve', returned: '', approved: 'publish', published: 'unpublish' },
  admin: { draft: 'delete', submitted: 'delete', forwarded: 'delete', returned: 'delete', approved: 'delete', published: 'delete' },
  public: { draft: '-', submitted: '-', forwarded: '-', returned: '-', approved: '-', published: '' },
};
const WITH_DEPARTMENT: Record<string, Record<Status, string>> = {
  ...WITHOUT_DEPARTMENT,
  departmentOwn: { draft: '-', submitted: 'forward return', forwarded: '', returned: '', approved: '', published: '' },
  reviewer: { draft: '-', submitted: '', forwarded: 'return approve', returned: '', approved: 'publish', published: 'unpublish' },
};

for (const [tier, table] of [['without', WITHOUT_DEPARTMENT], ['with', WITH_DEPARTMENT]] as const) {
  describe(`workflow ${tier} the department tier: who sees what and may do what, per status`, () => {
    for (const [name, actor] of Object.entries(ACTORS)) {
      for (const status of STATUSES) {
        const expected = table[name]![status];
        test(`${name} × ${status} → ${expected === '-' ? 'not visible' : `[${expected}]`}`, () => {
          const subject: Subject = { unitId: UNIT, unitPath: PATH, status, departmentReview: tier === 'with' };
          assert.equal(canSee(actor, subject), expected !== '-');
          assert.deepEqual(allowedActions(actor, subject), expected === '-' || expected === '' ? [] : expected.split(' '));
        });
      }
    }
  });
}

const at = (status: Status, more: Partial<Subject> = {}): Subject => ({ unitId: UNIT, unitPath: PATH, status, ...more });

test('a department sees the forms of every unit below it and of itself, and no other', () => {
  const department = ACTORS.departmentOwn!;
  assert.equal(canSee(department, { unitId: 'd1', unitPath: '/d1/', status: 'submitted' }), true, 'its own forms (a department is a budget unit too)');
  assert.equal(canSee(department, { unitId: 'u9', unitPath: '/d1/u1/u9/', status: 'approved' }), true, 'a unit two levels down');
  assert.equal(canSee(department, { unitId: 'x', unitPath: '/d10/x/', status: 'submitted' }), false, 'a path that only begins with the same characters');
  assert.deepEqual(visibleScope({ role: 'department', unitId: null, unitPath: null }), { nothing: true }, 'a department reviewer without a unit sees nothing');
});

test('a role that may act, in the wrong status, is told so (409), not forbidden (403)', () => {
  assert.equal(permission(ACTORS.approverOwn!, 'submit', at('approved')), 'wrongStatus');
  assert.equal(permission(ACTORS.reviewer!, 'publish', at('submitted')), 'wrongStatus');
  assert.equal(permission(ACTORS.preparerOwn!, 'edit', at('submitted')), 'wrongStatus');
  assert.equal(permission(ACTORS.preparerOwn!, 'submit', at('draft')), 'forbidden');
  assert.equal(permission(ACTORS.admin!, 'approve', at('submitted')), 'forbidden');
  assert.equal(permission(ACTORS.reviewer!, 'approve', at('submitted', { departmentReview: true })), 'wrongStatus', 'the department has it first');
  assert.equal(permission(ACTORS.departmentOwn!, 'forward', at('submitted')), 'forbidden', 'a year without the tier: never its turn');
  assert.equal(permission(ACTORS.departmentOwn!, 'forward', at('forwarded', { departmentReview: true })), 'wrongStatus');
  assert.equal(permission(ACTORS.departmentOther!, 'forward', at('submitted', { departmentReview: true })), 'forbidden');
  assert.equal(permission(ACTORS.departmentOwn!, 'approve', at('forwarded', { departmentReview: true })), 'forbidden');
});

test('only a preparer with a unit creates', () => {
  assert.equal(canCreate(ACTORS.preparerOwn!), true);
  assert.equal(canCreate({ role: 'preparer', unitId: null, unitPath: null }), false);
  for (const name of ['approverOwn', 'departmentOwn', 'reviewer', 'admin', 'public']) assert.equal(canCreate(ACTORS[name]!), false);
});

describe('deleted forms: only the admin sees them, and may only restore them', () => {
  for (const status of STATUSES) {
    const subject = at(status, { deleted: true });
    test(`a deleted ${status} form`, () => {
      for (const [name, actor] of Object.entries(ACTORS)) {
        assert.equal(canSee(actor, subject), name === 'admin', name);
        assert.deepEqual(allowedActions(actor, subject), name === 'admin' ? ['restore'] : [], name);
      }
    });
  }
});

test('deleting: a preparer only the unit\'s drafts (a returned form was submitted and stays), the admin any form once', () => {
  assert.equal(permission(ACTORS.preparerOwn!, 'delete', at('returned')), 'wrongStatus');
  assert.equal(permission(ACTORS.preparerOther!, 'delete', at('draft')), 'forbidden');
  assert.equal(permission(ACTORS.approverOwn!, 'delete', at('draft')), 'forbidden');
  assert.equal(permission(ACTORS.reviewer!, 'delete', at('submitted')), 'forbidden');
  assert.equal(permission(ACTORS.departmentOwn!, 'delete', at('submitted')), 'forbidden');
  assert.equal(permission(ACTORS.admin!, 'delete', at('published', { deleted: true })), 'wrongStatus');
  assert.equal(permission(ACTORS.admin!, 'restore', at('draft')), 'wrongStatus');
  assert.equal(permission(ACTORS.preparerOwn!, 'restore', at('draft')), 'forbidden');
  assert.equal(permission(ACTORS.admin!, 'edit', at('draft', { deleted: true })), 'wrongStatus');
});

test('the approver returns a draft of its own unit with a reason; not a submitted one, not another unit\'s', () => {
  assert.equal(permission(ACTORS.approverOwn!, 'return', at('draft')), 'allowed');
  assert.equal(permission(ACTORS.approverOwn!, 'return', at('returned')), 'wrongStatus', 'already with the preparer');
  assert.equal(permission(ACTORS.approverOwn!, 'return', at('submitted')), 'wrongStatus', 'sent: the department or the bureau returns it');
  assert.equal(permission(ACTORS.approverOther!, 'return', at('draft')), 'forbidden');
  assert.equal(TRANSITIONS.return.reasonRequired, true);
  assert.equal(TRANSITIONS.return.to, 'returned');
});

test('the reviewer unpublishes a published form back to approved, with a reason; no one else does', () => {
  assert.equal(permission(ACTORS.reviewer!, 'unpublish', at('published')), 'allowed');
  assert.equal(permission(ACTORS.reviewer!, 'unpublish', at('approved')), 'wrongStatus');
  for (const name of ['preparerOwn', 'approverOwn', 'departmentOwn', 'admin', 'public']) {
    assert.equal(permission(ACTORS[name]!, 'unpublish', at('published', { departmentReview: true })), 'forbidden', name);
  }
  assert.deepEqual([TRANSITIONS.unpublish.to, TRANSITIONS.unpublish.reasonRequired], ['approved', true]);
});

describe('what waits for each role (the inbox), per status and department tier', () => {
  // Per actor: the statuses that wait for it without and with the department tier ('' none).
  const EXPECTED: Record<string, [string, string]> = {
    preparerOwn: ['draft returned', 'draft returned'],
    preparerOther: ['', ''],
    approverOwn: ['draft returned', 'draft returned'],
    approverOther: ['', ''],
    departmentOwn: ['', 'submitted'],
    departmentOther: ['', ''],
    reviewer: ['submitted forwarded', 'forwarded'],
    admin: ['', ''],
    public: ['', ''],
  };
  for (const [name, [without, withTier]] of Object.entries(EXPECTED)) {
    test(name, () => {
      for (const [departmentReview, expected] of [[false, without], [true, withTier]] as const) {
        const waiting = STATUSES.filter((status) => awaitsActor(ACTORS[name]!, at(status, { departmentReview })));
        assert.deepEqual(waiting, expected === '' ? [] : expected.split(' '), `department tier: ${departmentReview}`);
      }
    });
  }
  test('published and approved forms wait for no one; deleted forms neither; the admin has no inbox', () => {
    for (const actor of Object.values(ACTORS)) {
      for (const status of ['approved', 'published'] as const) assert.equal(awaitsActor(actor, at(status)), false);
      assert.equal(awaitsActor(actor, at('draft', { deleted: true })), false);
    }
    assert.equal(awaiting(ACTORS.admin!), null);
    assert.equal(awaiting({ role: 'approver', unitId: null, unitPath: null }), null);
  });
  test('the reviewer\'s statuses come split by the year\'s tier, as the repository compiles them', () => {
    assert.deepEqual(awaiting(ACTORS.reviewer!), { units: 'any', always: ['forwarded'], withDepartment: [], withoutDepartment: ['submitted'] });
    assert.deepEqual(awaiting(ACTORS.departmentOwn!), { units: 'subtree', always: [], withDepartment: ['submitted'], withoutDepartment: [] });
  });
});
