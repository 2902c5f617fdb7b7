/** One page of a list route of docs/api.md (`{items, total, limit, offset}`), as a Table shows it. */
import type { TablePaginationConfig } from 'antd';
import { useEffect } from 'react';
import { api, query } from '../api/client.ts';
import type { Page } from '../api/types.ts';
import { useLoad, type Loaded } from '../api/use-load.ts';
import type { I18n } from '../locale/i18n.tsx';
import { limitOffset, PAGE_SIZES, pastTheEnd } from './page-query.ts';
import type { Paging } from './use-paging.ts';

type Filters = Readonly<Record<string, string | number | undefined | null>>;

export interface PagedListOptions<T> {
  /** How the page is fetched (default: a plain GET); the public list waits out a busy server. */
  get?: (path: string) => Promise<Page<T>>;
}

/**
 * The page in view of `path` under `filters`. A page past the end (its last rows restored or
 * deleted meanwhile, an old link) moves to the last page there is.
 */
export function usePagedList<T>(path: string, filters: Filters, paging: Paging, options: PagedListOptions<T> = {}): Loaded<Page<T>> {
  const url = `${path}${query({ ...filters, ...limitOffset(paging.page) })}`;
  const get = options.get ?? ((p: string) => api.get<Page<T>>(p));
  const list = useLoad(() => get(url), url);
  const data = list.data;
  useEffect(() => {
    if (!data || list.loading) return;
    const last = pastTheEnd(paging.page, data.total, data.items.length);
    if (last !== null) paging.go({ ...paging.page, current: last });
    // Only a new answer can put the page past the end.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, list.loading]);
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
