/** English: the workflow words of targets and monitoring (statuses, actions, API errors; issue 16). */
import type { Messages } from './messages.ts';

export const enCycleWorkflow: Messages = {
  'status.adjusting': 'Adjustment in progress',
  'status.accepted': 'Accepted',
  'action.adjust': 'Request a target adjustment',
  'action.reject': 'Reject the adjustment',
  'action.accept': 'Accept',
  'action.createEvaluation': 'Create the self-evaluation from the approved targets',
  'api.ALREADY_EXISTS': 'The unit already has this document for “{project}” in {year}; a second is not created',
  'api.ALREADY_CREATED': 'A self-evaluation was already created from these targets; a second is not created',
  'api.NOT_APPROVED': 'The targets have no approved version yet: no self-evaluation can be made from them',
};
