/**
 * Who may do what with evidence files, beside the workflow's table (workflow.ts): the unit's
 * preparer and approver attach and remove files while the form is theirs to change (draft or
 * returned); the finance reviewer marks a file public. Reading follows the form: whoever may see it.
 */
import { canSee, EDITABLE, type Actor, type Permission, type Subject } from '../workflow/workflow.ts';

export type EvidenceAction = 'attach' | 'remove' | 'markPublic';

export function evidencePermission(actor: Actor, action: EvidenceAction, subject: Subject): Permission {
  if (!canSee(actor, subject)) return 'forbidden';
  if (subject.deleted) return 'wrongStatus';
  if (action === 'markPublic') return actor.role === 'reviewer' ? 'allowed' : 'forbidden';
  const ofTheUnit = (actor.role === 'preparer' || actor.role === 'approver') && actor.unitId !== null && actor.unitId === subject.unitId;
  if (!ofTheUnit) return 'forbidden';
  return EDITABLE.includes(subject.status) ? 'allowed' : 'wrongStatus';
}
