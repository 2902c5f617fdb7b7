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
  'action.createMonitoring': 'Create the monitoring from the approved targets',
  'api.ALREADY_CREATED': 'A {document} was already created for these targets; a second is not created',
  'api.NOT_APPROVED': 'The targets have no approved version yet: no {document} can be made from them',
  'api.INVALID_MONITORING_DATE': '“{value}” is no day of {year}: give the month and day (07-31) or a date of the year',
  'cycle.document.evaluation': 'self-evaluation',
  'cycle.document.monitoring': 'mid-year monitoring of the year',
  'import.cycleTargets': 'The file holds {count} performance targets declaration(s) (绩效目标申报表), not self-evaluations: they are saved as targets drafts',
  'import.cycleMonitoring': 'The file holds {count} monitoring form(s) (绩效目标执行监控表), not self-evaluations: they are saved as monitoring drafts',
};
