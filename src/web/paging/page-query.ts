/**
 * A list's page as the address keeps it (`?page=3&size=20`), so that a reload, the back button or
 * a copied link shows the same page. Pure: the hooks read and write URLSearchParams with these.
 */

/** The page sizes offered; the server takes 1–500 and answers 50 when asked nothing. */
export const PAGE_SIZES = [20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 50;

export interface PageAt {
  /** From 1, as antd's Pagination counts. */
  current: number;
  size: number;
}

const positive = (text: string | null): number | null => {
  const n = Number(text);
  return text !== null && Number.isInteger(n) && n >= 1 ? n : null;
};

/** The page in the address; anything else (a typed `page=abc`, a size not offered) is the default. */
export function pageFromQuery(params: URLSearchParams, defaultSize: number = DEFAULT_PAGE_SIZE): PageAt {
  const size = positive(params.get('size'));
  return { current: positive(params.get('page')) ?? 1, size: size !== null && (PAGE_SIZES as readonly number[]).includes(size) ? size : defaultSize };
}

/** The address with this page: the first page and the default size are left out, to keep links short. */
export function withPage(params: URLSearchParams, page: PageAt, defaultSize: number = DEFAULT_PAGE_SIZE): URLSearchParams {
  const next = new URLSearchParams(params);
  if (page.current > 1) next.set('page', String(page.current));
  else next.delete('page');
  if (page.size !== defaultSize) next.set('size', String(page.size));
  else next.delete('size');
  return next;
}

/** The address with filters changed (blank: removed); a new filter starts from the first page. */
export function withFilters(params: URLSearchParams, changes: Readonly<Record<string, string | null | undefined>>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  next.delete('page');
  return next;
}

/** The server's `limit` and `offset` of a page. */
export function limitOffset(page: PageAt): { limit: number; offset: number } {
  return { limit: page.size, offset: (page.current - 1) * page.size };
}

/**
 * The page to show when the one asked for is past the end (the last row of the last page was
 * restored or deleted, a link to page 9 of what is now 3 pages): the last page there is, or null
 * when the page asked for is fine.
 */
export function pastTheEnd(page: PageAt, total: number, shown: number): number | null {
  if (shown > 0 || page.current === 1) return null;
  const last = Math.max(1, Math.ceil(total / page.size));
  return page.current > last ? last : null;
}
