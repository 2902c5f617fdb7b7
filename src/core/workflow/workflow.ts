/**
 * The workflow of an evaluation (PRODUCT.md, "Workflow" and "The organisation"; docs/api.md,
 * "Roles and workflow"): its statuses, who may see it, and who may do what in which status. Pure
 * data and functions, so the server, the tests and the UI's allowed actions all read the same table.
 *
 * Units form a tree (finance bureau → 主管部门 → 预算单位); a unit is named in a scope by its id
 * and, for a department's reviewer, by its path in the tree (`/deptId/unitId/`): a department sees
 * the forms of every unit at or below it. Where a year says so, a unit's submitted forms go to its
 * department first, which forwards them to the finance bureau or returns them.
 */
export const STATUSES = ['draft', 'submitted', 'forwarded', 'returned', 'approved', 'published'] as const;
export type Status = (typeof STATUSES)[number];

export const ROLES = ['preparer', 'approver', 'department', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The roles that belong to a unit (a department reviewer to the department's own unit); the others belong to the bureau. */
export const UNIT_ROLES: readonly Role[] = ['preparer', 'approver', 'department'];

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/**
 * Who is asking: a signed-in user with a role (unit roles belong to a unit, whose path in the tree
 * is `unitPath`), or the public.
 */
export type Actor = { role: Role; unitId: string | null; unitPath: string | null } | { role: 'public'; unitId: null; unitPath: null };

export const PUBLIC: Actor = { role: 'public', unitId: null, unitPath: null };

export const TRANSITION_ACTIONS = ['submit', 'forward', 'return', 'approve', 'publish', 'unpublish'] as const;
export type TransitionAction = (typeof TRANSITION_ACTIONS)[number];
export const ACTIONS = ['edit', ...TRANSITION_ACTIONS, 'copy', 'delete', 'restore'] as const;
export type Action = (typeof ACTIONS)[number];

/** What an action needs of the evaluation it applies to. */
export interface Subject {
  unitId: string;
  /** The unit's path in the tree (`/deptId/unitId/`): a department reviewer acts on what lies below its own. */
  unitPath: string;
  status: Status;
  /** Soft-deleted: kept with its versions and audit log, seen only by the admin until restored. */
  deleted?: boolean;
  /** The year's setting: submitted forms go to the unit's department before the finance bureau. */
  departmentReview?: boolean;
}

/**
 * The statuses a transition starts from: always, only in a year with the department tier, or only
 * in a year without it (where the bureau takes a submitted form straight from the unit).
 */
export interface From<S extends string = Status> {
  always?: readonly S[];
  withDepartment?: readonly S[];
  withoutDepartment?: readonly S[];
}

/** Who may take a transition, over which units, from which statuses. */
export interface Grant<S extends string = Status> {
  role: Role;
  /** `own`: the actor's unit only; `subtree`: its unit and every unit below it; `any`: every unit. */
  units: 'own' | 'subtree' | 'any';
  from: From<S>;
}

interface TransitionRule {
  to: Status;
  grants: readonly Grant[];
  /** The reviewer's reasons are what the preparer works from. */
  reasonRequired: boolean;
  /** No form leaves the unit while a check says it is wrong. */
  checksMustPass: boolean;
}

/** The finance bureau takes a form once its department has forwarded it, or straight from the unit where the year has no department tier. */
const AT_BUREAU: From = { always: ['forwarded'], withoutDepartment: ['submitted'] };

export const TRANSITIONS: Readonly<Record<TransitionAction, TransitionRule>> = {
  submit: { to: 'submitted', grants: [{ role: 'approver', units: 'own', from: { always: ['draft', 'returned'] } }], reasonRequired: false, checksMustPass: true },
  forward: { to: 'forwarded', grants: [{ role: 'department', units: 'subtree', from: { withDepartment: ['submitted'] } }], reasonRequired: false, checksMustPass: false },
  return: {
    to: 'returned',
    grants: [
      { role: 'department', units: 'subtree', from: { withDepartment: ['submitted'] } },
      { role: 'reviewer', units: 'any', from: AT_BUREAU },
      // The unit's approver sends a draft back to its preparer with what to fix before it leaves the unit.
      // (Last: the demo's history takes the first grant's role as who returned a form.)
      { role: 'approver', units: 'own', from: { always: ['draft'] } },
    ],
    reasonRequired: true,
    checksMustPass: false,
  },
  approve: { to: 'approved', grants: [{ role: 'reviewer', units: 'any', from: AT_BUREAU }], reasonRequired: false, checksMustPass: false },
  publish: { to: 'published', grants: [{ role: 'reviewer', units: 'any', from: { always: ['approved'] } }], reasonRequired: false, checksMustPass: false },
  // Withdrawn from the public pages (the reason is on record); the frozen versions stay.
  unpublish: { to: 'approved', grants: [{ role: 'reviewer', units: 'any', from: { always: ['published'] } }], reasonRequired: true, checksMustPass: false },
};

/**
 * The transitions that are not a step of the review loop: publishing what is approved and
 * withdrawing it are the bureau's to do when it chooses, so they put nothing in anyone's inbox.
 */
const OUTSIDE_THE_LOOP: readonly TransitionAction[] = ['publish', 'unpublish'];

/**
 * What waits for a role ("needs my action", the list's inbox): the statuses of the forms it reaches
 * from which it may take a step of the review loop (from the same TRANSITIONS table), split as the
 * grants are by the year's department tier, and over which units (`own`: its unit, `subtree`: its
 * unit and those below, `any`). A preparer's turn is a form it may edit. `null`: nothing waits
 * for the role (the admin; a unit role without a unit).
 */
export interface Awaiting {
  units: Grant['units'];
  always: Status[];
  withDepartment: Status[];
  withoutDepartment: Status[];
}

export function awaiting(actor: Actor): Awaiting | null {
  if (actor.role === 'public' || actor.role === 'admin') return null;
  if (actor.role === 'preparer') return actor.unitId === null ? null : { units: 'own', always: [...EDITABLE], withDepartment: [], withoutDepartment: [] };
  const found: Awaiting = { units: 'any', always: [], withDepartment: [], withoutDepartment: [] };
  let units: Grant['units'] | null = null;
  for (const action of TRANSITION_ACTIONS) {
    if (OUTSIDE_THE_LOOP.includes(action)) continue;
    for (const grant of TRANSITIONS[action].grants) {
      if (grant.role !== actor.role) continue;
      // Every role's grants reach the same units today; were they to differ, the widest is taken (what the
      // role may see still bounds the inbox).
      units = units === null || grant.units === units ? grant.units : 'any';
      for (const key of ['always', 'withDepartment', 'withoutDepartment'] as const) {
        for (const status of grant.from[key] ?? []) if (!found[key].includes(status)) found[key].push(status);
      }
    }
  }
  if (units === null) return null;
  if ((units === 'own' && actor.unitId === null) || (units === 'subtree' && actor.unitPath === null)) return null;
  return { ...found, units };
}

/** Whether a form waits for the actor (the pure form of what the repository compiles to SQL). */
export function awaitsActor(actor: Actor, subject: Subject): boolean {
  const waiting = awaiting(actor);
  if (waiting === null || subject.deleted || !canSee(actor, subject) || !reaches(actor, subject, waiting.units)) return false;
  return [...waiting.always, ...(subject.departmentReview ? waiting.withDepartment : waiting.withoutDepartment)].includes(subject.status);
}

/** The statuses a grant starts from in a year with or without the department tier. */
export function fromStatuses<S extends string>(from: From<S>, departmentReview: boolean): S[] {
  return [...(from.always ?? []), ...((departmentReview ? from.withDepartment : from.withoutDepartment) ?? [])];
}

/** Preparers change their forms only before the unit sends them (submitted and later forms are frozen). */
export const EDITABLE: readonly Status[] = ['draft', 'returned'];

/** The statuses of a form the unit has sent: what the department and the finance bureau see. */
const SENT: readonly Status[] = ['submitted', 'forwarded', 'returned', 'approved', 'published'];

/**
 * What an actor may see, as a filter: one unit (`unitId`), the units below a path (`subtreePath`)
 * or all (both null); some statuses or all (`statuses: null`); `nothing` for an actor who sees
 * nothing. Lists and single reads use the same scope. Deleted forms are in no list (the repository
 * leaves them out); the admin reads them one by one.
 */
export type Scope =
  | { nothing: true }
  | { nothing: false; unitId: string | null; subtreePath: string | null; statuses: readonly Status[] | null };

const NOTHING: Scope = { nothing: true };

export function visibleScope(actor: Actor): Scope {
  switch (actor.role) {
    case 'preparer':
    case 'approver':
      return actor.unitId === null ? NOTHING : { nothing: false, unitId: actor.unitId, subtreePath: null, statuses: null };
    case 'department':
      // A department sees its units' forms once they are sent, as the finance bureau does.
      return actor.unitPath === null ? NOTHING : { nothing: false, unitId: null, subtreePath: actor.unitPath, statuses: SENT };
    case 'reviewer':
      // The finance bureau sees a form once the unit has sent it, and keeps seeing it.
      return { nothing: false, unitId: null, subtreePath: null, statuses: SENT };
    case 'admin':
      return { nothing: false, unitId: null, subtreePath: null, statuses: null };
    case 'public':
      return { nothing: false, unitId: null, subtreePath: null, statuses: ['published'] };
  }
}

/** A unit path lies at or below another: `/a/b/` is below `/a/`. */
export const isWithin = (unitPath: string, subtreePath: string): boolean => unitPath.startsWith(subtreePath);

export function canSee(actor: Actor, subject: Subject): boolean {
  if (subject.deleted && actor.role !== 'admin') return false;
  const scope = visibleScope(actor);
  if (scope.nothing) return false;
  return (
    (scope.unitId === null || scope.unitId === subject.unitId) &&
    (scope.subtreePath === null || isWithin(subject.unitPath, scope.subtreePath)) &&
    (scope.statuses === null || scope.statuses.includes(subject.status))
  );
}

/** A unit is visible as its forms are: the admin and the bureau all, a department those at or below it, a unit's people their own. */
export function canSeeUnit(actor: Actor, unit: { id: string; path: string }): boolean {
  const scope = visibleScope(actor);
  if (scope.nothing || actor.role === 'public') return false;
  return (scope.unitId === null || scope.unitId === unit.id) && (scope.subtreePath === null || isWithin(unit.path, scope.subtreePath));
}

export function canCreate(actor: Actor): boolean {
  return actor.role === 'preparer' && actor.unitId !== null;
}

/** `allowed`; `forbidden` (the role may never do it here); `wrongStatus` (the role may, but not in this status). */
export type Permission = 'allowed' | 'forbidden' | 'wrongStatus';

const ownUnit = (actor: Actor, subject: Pick<Subject, 'unitId'>) => actor.unitId !== null && actor.unitId === subject.unitId;

/** Whether a grant over `units` reaches the subject's unit (the cycle's documents use it too). */
export function reaches(actor: Actor, subject: Pick<Subject, 'unitId' | 'unitPath'>, units: Grant['units']): boolean {
  if (units === 'any') return true;
  if (units === 'own') return ownUnit(actor, subject);
  return actor.unitPath !== null && isWithin(subject.unitPath, actor.unitPath);
}

export function permission(actor: Actor, action: Action, subject: Subject): Permission {
  if (!canSee(actor, subject)) return 'forbidden';
  if (action === 'delete' || action === 'restore') return deletion(actor, action, subject);
  // A deleted form is only read (by the admin) and restored.
  if (subject.deleted) return 'wrongStatus';
  if (action === 'edit' || action === 'copy') {
    if (actor.role !== 'preparer' || !ownUnit(actor, subject)) return 'forbidden';
    return action === 'copy' || EDITABLE.includes(subject.status) ? 'allowed' : 'wrongStatus';
  }
  const grant = TRANSITIONS[action].grants.find((g) => g.role === actor.role);
  if (!grant || !reaches(actor, subject, grant.units)) return 'forbidden';
  const from = fromStatuses(grant.from, subject.departmentReview ?? false);
  // A department in a year without the department tier never forwards or returns: not its turn in any status.
  if (from.length === 0) return 'forbidden';
  return from.includes(subject.status) ? 'allowed' : 'wrongStatus';
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
