/**
 * The workflow of an evaluation (PRODUCT.md, "Workflow"; docs/api.md, "Roles and workflow"):
 * its statuses, who may see it, and who may do what in which status. Pure data and functions,
 * so the server, the tests and the UI's allowed actions all read the same table.
 */
export const STATUSES = ['draft', 'submitted', 'returned', 'approved', 'published'] as const;
export type Status = (typeof STATUSES)[number];

export const ROLES = ['preparer', 'approver', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking: a signed-in user with a role (preparers and approvers belong to a unit), or the public. */
export type Actor = { role: Role; unitId: string | null } | { role: 'public'; unitId: null };

export const PUBLIC: Actor = { role: 'public', unitId: null };

export const TRANSITION_ACTIONS = ['submit', 'return', 'approve', 'publish'] as const;
export type TransitionAction = (typeof TRANSITION_ACTIONS)[number];
export const ACTIONS = ['edit', ...TRANSITION_ACTIONS, 'copy', 'delete', 'restore'] as const;
export type Action = (typeof ACTIONS)[number];

/** What an action needs of the evaluation it applies to. */
export interface Subject {
  unitId: string;
  status: Status;
  /** Soft-deleted: kept with its versions and audit log, seen only by the admin until restored. */
  deleted?: boolean;
}

interface TransitionRule {
  from: readonly Status[];
  to: Status;
  by: Role;
  /** The actor must belong to the evaluation's unit (a unit's approver submits only the unit's forms). */
  ownUnit: boolean;
  /** The reviewer's reasons are what the preparer works from. */
  reasonRequired: boolean;
  /** No form goes to the finance bureau while a check says it is wrong. */
  checksMustPass: boolean;
}

export const TRANSITIONS: Readonly<Record<TransitionAction, TransitionRule>> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', by: 'approver', ownUnit: true, reasonRequired: false, checksMustPass: true },
  return: { from: ['submitted'], to: 'returned', by: 'reviewer', ownUnit: false, reasonRequired: true, checksMustPass: false },
  approve: { from: ['submitted'], to: 'approved', by: 'reviewer', ownUnit: false, reasonRequired: false, checksMustPass: false },
  publish: { from: ['approved'], to: 'published', by: 'reviewer', ownUnit: false, reasonRequired: false, checksMustPass: false },
};

/** Preparers change their forms only before the finance bureau has them (submitted and approved forms are frozen). */
export const EDITABLE: readonly Status[] = ['draft', 'returned'];

/**
 * What an actor may see, as a filter: one unit or all (`unitId: null`), some statuses or all
 * (`statuses: null`); `nothing` for an actor who sees nothing. Lists and single reads use the same scope.
 * Deleted forms are in no list (the repository leaves them out); the admin reads them one by one.
 */
export type Scope = { nothing: true } | { nothing: false; unitId: string | null; statuses: readonly Status[] | null };

const NOTHING: Scope = { nothing: true };

export function visibleScope(actor: Actor): Scope {
  switch (actor.role) {
    case 'preparer':
    case 'approver':
      return actor.unitId === null ? NOTHING : { nothing: false, unitId: actor.unitId, statuses: null };
    case 'reviewer':
      // The finance bureau sees a form once the unit has sent it, and keeps seeing it.
      return { nothing: false, unitId: null, statuses: ['submitted', 'returned', 'approved', 'published'] };
    case 'admin':
      return { nothing: false, unitId: null, statuses: null };
    case 'public':
      return { nothing: false, unitId: null, statuses: ['published'] };
  }
}

export function canSee(actor: Actor, subject: Subject): boolean {
  if (subject.deleted && actor.role !== 'admin') return false;
  const scope = visibleScope(actor);
  if (scope.nothing) return false;
  return (scope.unitId === null || scope.unitId === subject.unitId) && (scope.statuses === null || scope.statuses.includes(subject.status));
}

export function canCreate(actor: Actor): boolean {
  return actor.role === 'preparer' && actor.unitId !== null;
}

/** `allowed`; `forbidden` (the role may never do it here); `wrongStatus` (the role may, but not in this status). */
export type Permission = 'allowed' | 'forbidden' | 'wrongStatus';

const ownUnit = (actor: Actor, subject: Subject) => actor.unitId !== null && actor.unitId === subject.unitId;

export function permission(actor: Actor, action: Action, subject: Subject): Permission {
  if (!canSee(actor, subject)) return 'forbidden';
  if (action === 'delete' || action === 'restore') return deletion(actor, action, subject);
  // A deleted form is only read (by the admin) and restored.
  if (subject.deleted) return 'wrongStatus';
  if (action === 'edit' || action === 'copy') {
    if (actor.role !== 'preparer' || !ownUnit(actor, subject)) return 'forbidden';
    return action === 'copy' || EDITABLE.includes(subject.status) ? 'allowed' : 'wrongStatus';
  }
  const rule = TRANSITIONS[action];
  if (actor.role !== rule.by || (rule.ownUnit && !ownUnit(actor, subject))) return 'forbidden';
  return rule.from.includes(subject.status) ? 'allowed' : 'wrongStatus';
}

/**
 * Nothing is deleted outright: a deletion hides the form and the admin may restore it. The admin
 * deletes any form; a preparer only the unit's drafts, which the finance bureau has never had (a
 * form that was ever submitted has frozen versions and stays on record: returned is not draft).
 */
function deletion(actor: Actor, action: 'delete' | 'restore', subject: Subject): Permission {
  if (action === 'restore') {
    if (actor.role !== 'admin') return 'forbidden';
    return subject.deleted ? 'allowed' : 'wrongStatus';
  }
  if (actor.role === 'admin') return subject.deleted ? 'wrongStatus' : 'allowed';
  if (actor.role !== 'preparer' || !ownUnit(actor, subject)) return 'forbidden';
  return subject.status === 'draft' ? 'allowed' : 'wrongStatus';
}

export function allowedActions(actor: Actor, subject: Subject): Action[] {
  return ACTIONS.filter((action) => permission(actor, action, subject) === 'allowed');
}

export function isTransitionAction(action: string): action is TransitionAction {
  return (TRANSITION_ACTIONS as readonly string[]).includes(action);
}
