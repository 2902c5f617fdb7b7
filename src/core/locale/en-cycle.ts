/** English: the checks between targets, monitoring and the self-evaluation (PRODUCT.md, "The cycle"). */
import type { Messages } from './messages.ts';

export const enCycle: Messages = {
  TARGET_CHANGED: '"{name}": target "{stated}" differs from the approved target "{approved}" (no approved adjustment)',
  'TARGET_CHANGED.cell': 'target "{stated}" differs from the approved target "{approved}" (no approved adjustment)',
  WEIGHT_CHANGED: '"{name}": weight {stated} differs from the approved weight {approved}',
  'WEIGHT_CHANGED.cell': 'weight {stated} differs from the approved weight {approved}',
  INDICATOR_REMOVED: 'the approved indicator "{name}" (target "{target}", weight {weight}) is missing from this form',
  INDICATOR_ADDED: '"{name}" is not in the approved targets',
  'INDICATOR_ADDED.cell': 'this indicator is not in the approved targets',
  MONITOR_EXECUTION_LAG: 'as of {asOf}, execution {rate}% ({executed} ÷ {budget}) is more than {margin} points behind the time progress {time}%',
  MONITOR_EXPECTED_OVERSPEND: 'expected execution by year end {expected} exceeds the budget {budget}',
  MONITOR_OFF_TRACK: '"{name}": expected "{expected}" by year end does not reach the target "{target}", and no cause of the deviation is given',
  'MONITOR_OFF_TRACK.cell': 'expected "{expected}" by year end does not reach the target "{target}", and no cause of the deviation is given',
  'MONITOR_LIKELIHOOD.certain': '"{name}": expected "{expected}" by year end does not reach the target "{target}", yet the likelihood is "{likelihood}"',
  'MONITOR_LIKELIHOOD.certain.cell': 'expected "{expected}" by year end does not reach the target "{target}", yet the likelihood is "{likelihood}"',
  'MONITOR_LIKELIHOOD.impossible': '"{name}": expected "{expected}" by year end reaches the target "{target}", yet the likelihood is "{likelihood}"',
  'MONITOR_LIKELIHOOD.impossible.cell': 'expected "{expected}" by year end reaches the target "{target}", yet the likelihood is "{likelihood}"',
  'likelihood.certain': 'certain',
  'likelihood.possible': 'possible',
  'likelihood.impossible': 'impossible',
  'cause.funding': 'funding',
  'cause.rules': 'rules',
  'cause.staffing': 'staffing',
  'cause.facilities': 'facilities',
  'cause.other': 'other',
};
