/**
 * Who may do what with evidence files, beside the workflow's table (workflow.ts): the unit's
 * preparer and approver attach and remove files while the form is theirs to change (draft or
 * returned), and also, in any status, while the form has a rectification item open (issue 17: the
 * unit answers it with evidence uploaded after the form left it); the finance reviewer marks a file
 * public. Reading follows the form: whoever may see it. Which file may be removed (not frozen in a
 * version, not cited by a rectification answer) is the service's to check.
 */
import { canSee, EDITABLE, type Actor, type Permission, type Subject } from '../workflow/workflow.ts';

export type EvidenceAction = 'attach' | 'remove' | 'markPublic';

/** What the database says of the form beyond its status. */
export interface EvidenceFacts {
  /** The form has at least one rectification item `open` (raised and not answered, or sent back). */
  openRectification: boolean;
}

export function evidencePermission(actor: Actor, action: EvidenceAction, subject: Subject, facts: EvidenceFacts): Permission {
  if (!canSee(actor, subject)) return 'forbidden';
  if (subject.deleted) return 'wrongStatus';
  if (action === 'markPublic') return actor.role === 'reviewer' ? 'allowed' : 'forbidden';
  const ofTheUnit = (actor.role === 'preparer' || actor.role === 'approver') && actor.unitId !== null && actor.unitId === subject.unitId;
  if (!ofTheUnit) return 'forbidden';
  return EDITABLE.includes(subject.status) || facts.openRectification ? 'allowed' : 'wrongStatus';
}
