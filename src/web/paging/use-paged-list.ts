/** One page of a list route of docs/api.md (`{items, total, limit, offset}`), as a Table shows it. */
import { keepPreviousData, useQuery, type QueryKey, type UseQueryResult } from '@tanstack/react-query';
import type { TablePaginationConfig } from 'antd';
import { useEffect } from 'react';
import type { Page } from '../api/types.ts';
import type { I18n } from '../locale/i18n.tsx';
import { limitOffset, PAGE_SIZES, pastTheEnd } from './page-query.ts';
import type { Paging } from './use-paging.ts';

export interface PageAsked {
  limit: number;
  offset: number;
  /** Aborts when the page is no longer wanted (another page, another filter, the page left). */
  signal: AbortSignal;
}

/**
 * The page in view of a list: `key` names the list and its filters (the page is added to it),
 * `fetchPage` asks the server for one page. While another page loads, the rows of the last one stay.
 * A page past the end (its last rows restored or deleted meanwhile, an old link) moves to the last
 * page there is.
 */
export function usePagedList<T>(key: QueryKey, fetchPage: (asked: PageAsked) => Promise<Page<T>>, paging: Paging): UseQueryResult<Page<T>> {
  const at = limitOffset(paging.page);
  const list = useQuery({ queryKey: [...key, at], queryFn: ({ signal }) => fetchPage({ ...at, signal }), placeholderData: keepPreviousData });
  const { data, isPlaceholderData, isFetching } = list;
  useEffect(() => {
    if (!data || isPlaceholderData || isFetching) return;
    const last = pastTheEnd(paging.page, data.total, data.items.length);
    if (last !== null) paging.go({ ...paging.page, current: last });
    // Only a new answer can put the page past the end.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, isPlaceholderData, isFetching]);
  return list;
}

/**
 * antd Table's pagination over the server's pages: the page and size asked for, the total the
 * server counted; a new page size starts from the first page. `total` may be capped (the public
 * list pages no further than the server's offset bound) while `counted` is what the words say.
 */
export function tablePagination(paging: Paging, total: number, t: I18n['t'], counted: number = total, sizes: readonly number[] = PAGE_SIZES): TablePaginationConfig {
  return {
    current: paging.page.current,
    pageSize: paging.page.size,
    total,
    pageSizeOptions: [...sizes],
    showSizeChanger: true,
    showTotal: () => t('common.rows', { total: counted }),
    onChange: (current, size) => paging.go({ current: size === paging.page.size ? current : 1, size }),
  };
}
