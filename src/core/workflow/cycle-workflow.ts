/**
 * The workflow of the cycle's two other documents (PRODUCT.md, "The cycle"): a project's
 * performance targets (绩效目标申报) and its mid-year monitoring (绩效运行监控). Pure data and
 * functions, as workflow.ts is for evaluations, whose roles, actors and unit tree they share.
 *
 * Targets: draft → submitted → (forwarded by the department, in a year with the department tier)
 * → approved by the finance bureau, or returned with a reason. Approved targets are frozen: the
 * unit changes them only by an adjustment (目标调整): `adjust` (with its reason) opens the
 * approved document for editing again (`adjusting`), the unit submits the change as before, and
 * the bureau approves it (a new frozen approved version) or rejects it (`reject`, with a reason:
 * the document goes back to the approved version). Until then the approved version stays the one
 * the self-evaluation is checked against.
 *
 * Monitoring: draft → submitted → (forwarded) → accepted by the bureau, or returned with a reason.
 *
 * The unit's preparer makes the self-evaluation and the mid-year monitoring from approved targets,
 * and deletes a draft (never sent: it has no frozen version) of either kind.
 */
import { fromStatuses, isWithin, reaches, type Actor, type Grant as StatusGrant, type From as StatusFrom } from './workflow.ts';

export const CYCLE_KINDS = ['targets', 'monitoring'] as const;
export type CycleKind = (typeof CYCLE_KINDS)[number];

export const TARGETS_STATUSES = ['draft', 'submitted', 'forwarded', 'returned', 'approved', 'adjusting'] as const;
export const MONITORING_STATUSES = ['draft', 'submitted', 'forwarded', 'returned', 'accepted'] as const;
export const CYCLE_STATUSES = ['draft', 'submitted', 'forwarded', 'returned', 'approved', 'adjusting', 'accepted'] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];

export const CYCLE_TRANSITIONS = ['submit', 'forward', 'return', 'approve', 'adjust', 'reject', 'accept'] as const;
export type CycleTransition = (typeof CYCLE_TRANSITIONS)[number];
export const CYCLE_ACTIONS = ['edit', ...CYCLE_TRANSITIONS, 'createEvaluation', 'createMonitoring', 'delete'] as const;
export type CycleAction = (typeof CYCLE_ACTIONS)[number];

/** What an action needs of the document it applies to. */
export interface CycleSubject {
  kind: CycleKind;
  unitId: string;
  unitPath: string;
  status: CycleStatus;
  /** The year's setting: submitted documents go to the unit's department before the finance bureau. */
  departmentReview?: boolean;
  /** An adjustment of approved targets is under way (opened by `adjust`, until approved or rejected). */
  adjustment?: boolean;
  /** The targets have an approved (frozen) version: what a self-evaluation is made from and checked against. */
  approved?: boolean;
}

type From = StatusFrom<CycleStatus>;
type Grant = StatusGrant<CycleStatus>;

export interface CycleRule {
  to: CycleStatus;
  grants: readonly Grant[];
  reasonRequired: boolean;
  /** No document leaves the unit while a check says it is wrong. */
  checksMustPass: boolean;
  /** The document is frozen as it is now (a numbered version with its hash). */
  freezes: boolean;
  /** Only while an adjustment is under way (`pending`), or only while none is (`none`). */
  adjustment?: 'pending' | 'none';
}

const AT_BUREAU: From = { always: ['forwarded'], withoutDepartment: ['submitted'] };
const SUBMIT: CycleRule = { to: 'submitted', grants: [{ role: 'approver', units: 'own', from: { always: ['draft', 'returned', 'adjusting'] } }], reasonRequired: false, checksMustPass: true, freezes: true };
const FORWARD: CycleRule = { to: 'forwarded', grants: [{ role: 'department', units: 'subtree', from: { withDepartment: ['submitted'] } }], reasonRequired: false, checksMustPass: false, freezes: false };
const RETURN: CycleRule = {
  to: 'returned',
  grants: [
    { role: 'department', units: 'subtree', from: { withDepartment: ['submitted'] } },
    { role: 'reviewer', units: 'any', from: AT_BUREAU },
  ],
  reasonRequired: true,
  checksMustPass: false,
  freezes: false,
};
const BUREAU = (to: CycleStatus): CycleRule => ({ to, grants: [{ role: 'reviewer', units: 'any', from: AT_BUREAU }], reasonRequired: false, checksMustPass: false, freezes: true });

export const CYCLE_RULES: Readonly<Record<CycleKind, Partial<Record<CycleTransition, CycleRule>>>> = {
  targets: {
    submit: SUBMIT,
    forward: FORWARD,
    return: RETURN,
    approve: BUREAU('approved'),
    // 目标调整: the unit's preparer opens approved targets for a change, saying why.
    adjust: { to: 'adjusting', grants: [{ role: 'preparer', units: 'own', from: { always: ['approved'] } }], reasonRequired: true, checksMustPass: false, freezes: false, adjustment: 'none' },
    // The bureau refuses the change: the approved version is the document again.
    reject: { ...BUREAU('approved'), reasonRequired: true, freezes: false, adjustment: 'pending' },
  },
  monitoring: {
    submit: { ...SUBMIT, grants: [{ role: 'approver', units: 'own', from: { always: ['draft', 'returned'] } }] },
    forward: FORWARD,
    return: RETURN,
    accept: BUREAU('accepted'),
  },
};

/** The preparer edits while the document is with the unit. */
export const CYCLE_EDITABLE: Readonly<Record<CycleKind, readonly CycleStatus[]>> = {
  targets: ['draft', 'returned', 'adjusting'],
  monitoring: ['draft', 'returned'],
};

/** The statuses of a document the unit has sent (or that was approved before): what the department and the bureau see. */
const SENT: Readonly<Record<CycleKind, readonly CycleStatus[]>> = {
  targets: ['submitted', 'forwarded', 'returned', 'approved', 'adjusting'],
  monitoring: ['submitted', 'forwarded', 'returned', 'accepted'],
};

export type CycleScope =
  | { nothing: true }
  | { nothing: false; unitId: string | null; subtreePath: string | null; statuses: readonly CycleStatus[] | null };

/** What an actor may see of a kind of document: as evaluations (workflow.ts), the public nothing. */
export function cycleScope(actor: Actor, kind: CycleKind): CycleScope {
  switch (actor.role) {
    case 'preparer':
    case 'approver':
      return actor.unitId === null ? { nothing: true } : { nothing: false, unitId: actor.unitId, subtreePath: null, statuses: null };
    case 'department':
      return actor.unitPath === null ? { nothing: true } : { nothing: false, unitId: null, subtreePath: actor.unitPath, statuses: SENT[kind] };
    case 'reviewer':
      return { nothing: false, unitId: null, subtreePath: null, statuses: SENT[kind] };
    case 'admin':
      return { nothing: false, unitId: null, subtreePath: null, statuses: null };
    case 'public':
      return { nothing: true };
  }
}

export function canSeeCycle(actor: Actor, subject: CycleSubject): boolean {
  const scope = cycleScope(actor, subject.kind);
  if (scope.nothing) return false;
  return (
    (scope.unitId === null || scope.unitId === subject.unitId) &&
    (scope.subtreePath === null || isWithin(subject.unitPath, scope.subtreePath)) &&
    (scope.statuses === null || scope.statuses.includes(subject.status))
  );
}

/** A unit's preparer declares its targets and its monitoring. */
export function canCreateCycle(actor: Actor): boolean {
  return actor.role === 'preparer' && actor.unitId !== null;
}

export type CyclePermission = 'allowed' | 'forbidden' | 'wrongStatus';

export function cycleRule(kind: CycleKind, action: CycleTransition): CycleRule | undefined {
  return CYCLE_RULES[kind][action];
}

export function cyclePermission(actor: Actor, action: CycleAction, subject: CycleSubject): CyclePermission {
  if (!canSeeCycle(actor, subject)) return 'forbidden';
  const own = actor.unitId !== null && actor.unitId === subject.unitId;
  if (action === 'edit') {
    if (actor.role !== 'preparer' || !own) return 'forbidden';
    return CYCLE_EDITABLE[subject.kind].includes(subject.status) ? 'allowed' : 'wrongStatus';
  }
  if (action === 'createEvaluation' || action === 'createMonitoring') {
    // The year-end self-evaluation and the mid-year monitoring are made from targets once they have an approved version.
    if (subject.kind !== 'targets' || actor.role !== 'preparer' || !own) return 'forbidden';
    return subject.approved ? 'allowed' : 'wrongStatus';
  }
  if (action === 'delete') {
    // A draft was never sent (returned is not draft): nothing of it is on record with the bureau.
    if (actor.role !== 'preparer' || !own) return 'forbidden';
    return subject.status === 'draft' ? 'allowed' : 'wrongStatus';
  }
  const rule = cycleRule(subject.kind, action);
  if (!rule) return 'forbidden';
  const grant = rule.grants.find((g) => g.role === actor.role);
  if (!grant || !reaches(actor, subject, grant.units)) return 'forbidden';
  const from = fromStatuses(grant.from, subject.departmentReview ?? false);
  if (from.length === 0) return 'forbidden';
  if (!from.includes(subject.status)) return 'wrongStatus';
  if (rule.adjustment === 'pending' && !subject.adjustment) return 'wrongStatus';
  if (rule.adjustment === 'none' && subject.adjustment) return 'wrongStatus';
  return 'allowed';
}

export function allowedCycleActions(actor: Actor, subject: CycleSubject): CycleAction[] {
  return CYCLE_ACTIONS.filter((action) => cyclePermission(actor, action, subject) === 'allowed');
}

export function isCycleTransition(kind: CycleKind, action: string): action is CycleTransition {
  return (CYCLE_TRANSITIONS as readonly string[]).includes(action) && CYCLE_RULES[kind][action as CycleTransition] !== undefined;
}

/**
 * What waits for a role (待我处理) among documents of a kind it sees: the statuses from which it may
 * take a step, split as the grants are by the year's department tier; a preparer's turn is a
 * document it may edit. The units are what the role sees (cycleScope): every grant of a role
 * reaches the units its scope holds. `null`: nothing waits (the admin, the public).
 */
export interface CycleAwaiting {
  always: CycleStatus[];
  withDepartment: CycleStatus[];
  withoutDepartment: CycleStatus[];
}

export function cycleAwaiting(actor: Actor, kind: CycleKind): CycleAwaiting | null {
  if (actor.role === 'public' || actor.role === 'admin') return null;
  if (actor.role === 'preparer') return { always: [...CYCLE_EDITABLE[kind]], withDepartment: [], withoutDepartment: [] };
  const found: CycleAwaiting = { always: [], withDepartment: [], withoutDepartment: [] };
  for (const rule of Object.values(CYCLE_RULES[kind])) {
    for (const grant of rule.grants) {
      if (grant.role !== actor.role) continue;
      for (const key of ['always', 'withDepartment', 'withoutDepartment'] as const) {
        for (const status of grant.from[key] ?? []) if (!found[key].includes(status)) found[key].push(status);
      }
    }
  }
  return found.always.length + found.withDepartment.length + found.withoutDepartment.length === 0 ? null : found;
}
