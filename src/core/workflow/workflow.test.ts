import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allowedActions, canCreate, canSee, permission, PUBLIC, STATUSES, type Actor, type Status } from './workflow.ts';

const UNIT = 'u1';
const ACTORS: Record<string, Actor> = {
  preparerOwn: { role: 'preparer', unitId: UNIT },
  preparerOther: { role: 'preparer', unitId: 'u2' },
  approverOwn: { role: 'approver', unitId: UNIT },
  approverOther: { role: 'approver', unitId: 'u2' },
  reviewer: { role: 'reviewer', unitId: null },
  admin: { role: 'admin', unitId: null },
  public: PUBLIC,
};

// Per actor and status: '-' not visible, otherwise the allowed actions (space separated, '' for none).
const EXPECTED: Record<string, Record<Status, string>> = {
  preparerOwn: { draft: 'edit copy delete', submitted: 'copy', returned: 'edit copy', approved: 'copy', published: 'copy' },
  preparerOther: { draft: '-', submitted: '-', returned: '-', approved: '-', published: '-' },
  approverOwn: { draft: 'submit', submitted: '', returned: 'submit', approved: '', published: '' },
  approverOther: { draft: '-', submitted: '-', returned: '-', approved: '-', published: '-' },
  reviewer: { draft: '-', submitted: 'return approve', returned: '', approved: 'publish', published: '' },
  admin: { draft: 'delete', submitted: 'delete', returned: 'delete', approved: 'delete', published: 'delete' },
  public: { draft: '-', submitted: '-', returned: '-', approved: '-', published: '' },
};

describe('workflow: who sees what and may do what, per status', () => {
  for (const [name, actor] of Object.entries(ACTORS)) {
    for (const status of STATUSES) {
      const expected = EXPECTED[name]![status];
      test(`${name} × ${status} → ${expected === '-' ? 'not visible' : `[${expected}]`}`, () => {
        const subject = { unitId: UNIT, status };
        assert.equal(canSee(actor, subject), expected !== '-');
        assert.deepEqual(allowedActions(actor, subject), expected === '-' || expected === '' ? [] : expected.split(' '));
      });
    }
  }
});

test('a role that may act, in the wrong status, is told so (409), not forbidden (403)', () => {
  assert.equal(permission(ACTORS.approverOwn!, 'submit', { unitId: UNIT, status: 'approved' }), 'wrongStatus');
  assert.equal(permission(ACTORS.reviewer!, 'publish', { unitId: UNIT, status: 'submitted' }), 'wrongStatus');
  assert.equal(permission(ACTORS.preparerOwn!, 'edit', { unitId: UNIT, status: 'submitted' }), 'wrongStatus');
  assert.equal(permission(ACTORS.preparerOwn!, 'submit', { unitId: UNIT, status: 'draft' }), 'forbidden');
  assert.equal(permission(ACTORS.admin!, 'approve', { unitId: UNIT, status: 'submitted' }), 'forbidden');
});

test('only a preparer with a unit creates', () => {
  assert.equal(canCreate(ACTORS.preparerOwn!), true);
  assert.equal(canCreate({ role: 'preparer', unitId: null }), false);
  for (const name of ['approverOwn', 'reviewer', 'admin', 'public']) assert.equal(canCreate(ACTORS[name]!), false);
});

describe('deleted forms: only the admin sees them, and may only restore them', () => {
  for (const status of STATUSES) {
    const subject = { unitId: UNIT, status, deleted: true };
    test(`a deleted ${status} form`, () => {
      for (const [name, actor] of Object.entries(ACTORS)) {
        assert.equal(canSee(actor, subject), name === 'admin', name);
        assert.deepEqual(allowedActions(actor, subject), name === 'admin' ? ['restore'] : [], name);
      }
    });
  }
});

test('deleting: a preparer only the unit\'s drafts (a returned form was submitted and stays), the admin any form once', () => {
  assert.equal(permission(ACTORS.preparerOwn!, 'delete', { unitId: UNIT, status: 'returned' }), 'wrongStatus');
  assert.equal(permission(ACTORS.preparerOther!, 'delete', { unitId: UNIT, status: 'draft' }), 'forbidden');
  assert.equal(permission(ACTORS.approverOwn!, 'delete', { unitId: UNIT, status: 'draft' }), 'forbidden');
  assert.equal(permission(ACTORS.reviewer!, 'delete', { unitId: UNIT, status: 'submitted' }), 'forbidden');
  assert.equal(permission(ACTORS.admin!, 'delete', { unitId: UNIT, status: 'published', deleted: true }), 'wrongStatus');
  assert.equal(permission(ACTORS.admin!, 'restore', { unitId: UNIT, status: 'draft' }), 'wrongStatus');
  assert.equal(permission(ACTORS.preparerOwn!, 'restore', { unitId: UNIT, status: 'draft' }), 'forbidden');
  assert.equal(permission(ACTORS.admin!, 'edit', { unitId: UNIT, status: 'draft', deleted: true }), 'wrongStatus');
});
