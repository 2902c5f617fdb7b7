/**
 * Where a list keeps its page: in the address (lists whose filters are there too) or in the
 * component (lists without filters in the address). Either way a new filter starts from page 1.
 */
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { DEFAULT_PAGE_SIZE, pageFromQuery, withFilters, withPage, type PageAt } from './page-query.ts';

export interface Paging {
  page: PageAt;
  go: (page: PageAt) => void;
}

export interface QueryPaging extends Paging {
  params: URLSearchParams;
  /** Changes filters of the address (blank: removed) and goes back to the first page. */
  filter: (changes: Readonly<Record<string, string | null | undefined>>) => void;
}

/** The page in the address (`?page=&size=`), beside the list's filters. */
export function useQueryPaging(defaultSize: number = DEFAULT_PAGE_SIZE): QueryPaging {
  const [params, setParams] = useSearchParams();
  return {
    params,
    page: pageFromQuery(params, defaultSize),
    go: (page) => setParams(withPage(params, page, defaultSize), { replace: true }),
    filter: (changes) => setParams(withFilters(params, changes), { replace: true }),
  };
}

/** The page in the component; back to the first page whenever `resetKey` (the filters) changes. */
export function useStatePaging(resetKey: string, defaultSize: number = DEFAULT_PAGE_SIZE): Paging {
  const [page, setPage] = useState<PageAt>({ current: 1, size: defaultSize });
  const [key, setKey] = useState(resetKey);
  if (key !== resetKey) {
    // Set while rendering (React's way to reset state on a prop): no render with the old page.
    setKey(resetKey);
    setPage((p) => ({ ...p, current: 1 }));
  }
  return { page: key === resetKey ? page : { ...page, current: 1 }, go: setPage };
}
