/**
 * TanStack Query over the typed client: the query client's defaults and the keys of what is read,
 * by resource, so that a change invalidates what it touches and nothing else.
 *
 * - `evaluations`: every list and figure made of evaluations (the lists, the dashboard, progress,
 *   the deleted ones, the public list). Whatever changes a form (a save, a transition, a copy, a
 *   delete, a restore, an import) invalidates them all.
 * - `evaluation, id`: one form's own reads (the detail the editor starts from, its audit log,
 *   versions, last year's form, re-check scores). The detail is read once per opening of the
 *   editor (it is never asked again behind the user's back: the editor holds the edits).
 * - `units`, `users`, `years`, `rechecks`: the admin's and the reviewer's records.
 * - `cycle`: the targets and monitoring documents (issue 16), their lists and each one's reads.
 * - `rectifications`: the rectification items (issue 17), their lists and each one's reads; an
 *   action on an item invalidates them and its form's `rectifications` part.
 */
import { QueryClient, type QueryKey } from '@tanstack/react-query';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A busy server is waited out by the client's middleware; any other failure is shown, with a retry button.
        retry: false,
        // Pages ask again when shown, not when the window regains focus (a reviewer's table does not jump under the cursor).
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

type Params = Readonly<Record<string, unknown>>;

export const keys = {
  evaluations: ['evaluations'] as const,
  evaluationList: (kind: string, params: Params): QueryKey => ['evaluations', kind, params],
  /** Everything of one form (after a transition: all of it is read again). */
  evaluation: (id: string) => ['evaluation', id] as const,
  /** One read of a form (`detail`, `audit`, `versions`, `diff`, …); without params also the prefix of all of that part. */
  evaluationPart: (id: string, part: string, ...params: Params[]): QueryKey => ['evaluation', id, part, ...params],
  units: ['units'] as const,
  unitList: (kind: string, params: Params): QueryKey => ['units', kind, params],
  users: ['users'] as const,
  userList: (params: Params): QueryKey => ['users', 'list', params],
  years: ['years'] as const,
  rechecks: ['rechecks'] as const,
  recheckList: (params: Params): QueryKey => ['rechecks', 'list', params],
  recheck: (id: string) => ['rechecks', 'draw', id] as const,
  recheckPart: (id: string, part: string, ...params: Params[]): QueryKey => ['rechecks', 'draw', id, part, ...params],
  /** The cycle's lists of one kind (targets, monitoring): a save or a step invalidates them. */
  cycleList: (kind: string, params: Params): QueryKey => ['cycle', kind, 'list', params],
  cycle: ['cycle'] as const,
  /** One cycle document's reads (detail, versions, a version, …). */
  cycleDocument: (kind: string, id: string, ...part: unknown[]): QueryKey => ['cycle', kind, id, ...part],
  rectifications: ['rectifications'] as const,
  rectificationList: (params: Params): QueryKey => ['rectifications', 'list', params],
  /** One item's reads (`detail`, `audit`). */
  rectification: (id: string, ...part: string[]): QueryKey => ['rectifications', 'item', id, ...part],
} as const;
