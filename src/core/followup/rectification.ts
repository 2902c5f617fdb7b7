/**
 * Rectification items (整改, issue 17): what a review or re-check found, followed to its end.
 * open → answered (the unit's measures) → closed (accepted) or open again (sent back with a reason).
 * Overdue is a reading, not a status: an item still open after its due date (the unit has not
 * answered in time, or its answer was sent back and not answered again). An answered item waits for
 * the reviewer and is not the unit's delay.
 */
export const RECTIFICATION_STATUSES = ['open', 'answered', 'closed'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];
/** What a list may filter by: a status, or `overdue`. */
export const RECTIFICATION_FILTERS = [...RECTIFICATION_STATUSES, 'overdue'] as const;
export type RectificationFilter = (typeof RECTIFICATION_FILTERS)[number];

export const RECTIFICATION_ACTIONS = ['answer', 'accept', 'send-back'] as const;
export type RectificationAction = (typeof RECTIFICATION_ACTIONS)[number];

/** The status an action leads to from `from`, or null when it may not be taken from there. */
export function rectificationTransition(from: RectificationStatus, action: RectificationAction): RectificationStatus | null {
  if (action === 'answer') return from === 'open' ? 'answered' : null;
  if (action === 'accept') return from === 'answered' ? 'closed' : null;
  return from === 'answered' ? 'open' : null;
}

/** `dueDate` and `today` are YYYY-MM-DD (the bureau's calendar day): overdue from the day after. */
export const isOverdue = (status: RectificationStatus, dueDate: string, today: string): boolean => status === 'open' && dueDate < today;

/** What follows from a form's results (结果应用): the categories the bureau records. */
export const RESULTS_CATEGORIES = ['keep', 'increase', 'reduce', 'stop', 'rectify-first', 'other'] as const;
export type ResultsCategory = (typeof RESULTS_CATEGORIES)[number];
