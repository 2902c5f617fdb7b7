/**
 * A list read from its start a page at a time, each page added below the last (a timeline: the
 * audit log, oldest first). `key` names the list; invalidating it asks again for what is shown,
 * every page that was loaded (an entry added at the end appears if it is within reach).
 */
import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import type { Page } from '../api/types.ts';

export interface LoadMore<T> {
  items: T[];
  total: number;
  loading: boolean;
  error: Error | null;
  /** Loaded at least once. */
  loaded: boolean;
  more: () => void;
}

export function useLoadMore<T>(key: QueryKey, fetchPage: (limit: number, offset: number, signal: AbortSignal) => Promise<Page<T>>, pageSize = 50): LoadMore<T> {
  const list = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam, signal }) => fetchPage(pageSize, pageParam, signal),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const shown = pages.reduce((n, p) => n + p.items.length, 0);
      return shown < last.total && last.items.length > 0 ? shown : undefined;
    },
  });
  const pages = list.data?.pages ?? [];
  return {
    items: pages.flatMap((p) => p.items),
    total: pages.at(-1)?.total ?? 0,
    loading: list.isFetching,
    error: list.error,
    loaded: list.isSuccess,
    more: () => void list.fetchNextPage(),
  };
}
