/**
 * The rectification routes (docs/api.md, "After the review", issue 17) as the pages call them, and
 * what each change invalidates: the lists, the item, and the form's own items (its 整改 tab).
 */
import type { QueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { Page, Rectification, RectificationFilter } from '../../api/types.ts';

export interface RectificationFilters {
  year?: number | undefined;
  unit?: string | undefined;
  status?: RectificationFilter | undefined;
}

export const listRectifications = (filters: RectificationFilters, page: { limit: number; offset: number }, signal: AbortSignal): Promise<Page<Rectification>> =>
  unwrap(client.GET('/api/rectifications', { params: { query: { ...filters, ...page } }, signal }));

/** The XLSX of the same filters (a plain link: the browser downloads it with the session cookie). */
export const exportHref = (filters: RectificationFilters, lang: string): string => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, lang })) if (v !== undefined && v !== '') q.set(k, String(v));
  return `/api/rectifications/export.xlsx?${q.toString()}`;
};

export const getRectification = (id: string, signal: AbortSignal) => unwrap(client.GET('/api/rectifications/{id}', { params: { path: { id } }, signal }));
/** The whole history at once: an item has a handful of entries (raised, answered, sent back…). */
export const rectificationAudit = (id: string, signal: AbortSignal) => unwrap(client.GET('/api/rectifications/{id}/audit', { params: { path: { id }, query: { limit: 500 } }, signal }));
export const formRectifications = (id: string, signal: AbortSignal) => unwrap(client.GET('/api/evaluations/{id}/rectifications', { params: { path: { id } }, signal }));

export interface RaiseBody {
  problem: string;
  requirement: string;
  dueDate: string;
  indicator?: string;
  recheckDraw?: string;
}
export const raiseRectification = (evaluationId: string, body: RaiseBody) => unwrap(client.POST('/api/evaluations/{id}/rectifications', { params: { path: { id: evaluationId } }, body }));

export const answerRectification = (id: string, body: { measures: string; evidence: string[]; version: number }) =>
  unwrap(client.POST('/api/rectifications/{id}/answer', { params: { path: { id } }, body }));
export const acceptRectification = (id: string, body: { comment?: string; version: number }) => unwrap(client.POST('/api/rectifications/{id}/accept', { params: { path: { id } }, body }));
export const sendBackRectification = (id: string, body: { reason: string; version: number }) =>
  unwrap(client.POST('/api/rectifications/{id}/send-back', { params: { path: { id } }, body }));

export const formRectificationsKey = (evaluationId: string) => keys.evaluationPart(evaluationId, 'rectifications');

/** After a change of an item of `evaluationId`'s form: the lists, the items, the form's tab, the re-check page's marks. */
export function invalidateRectifications(queries: QueryClient, evaluationId: string): Promise<unknown> {
  return Promise.all([queries.invalidateQueries({ queryKey: keys.rectifications }), queries.invalidateQueries({ queryKey: formRectificationsKey(evaluationId) })]);
}
