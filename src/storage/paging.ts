/**
 * Lists one page at a time: `limit` rows from `offset` in the query's own (stable) order, and how
 * many rows there are in all. The API answers `{items, total, limit, offset}` for every list.
 */
import type { SelectQueryBuilder } from 'kysely';

export interface Page {
  limit: number;
  offset: number;
}

/** The query cut to the page; the whole query when no page is given (internal uses, exports). */
export function paged<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, page: Page | undefined): SelectQueryBuilder<DB, TB, O> {
  return page ? query.limit(page.limit).offset(page.offset) : query;
}

/** How many rows the query's FROM and WHERE give (its select list and order are not used). */
export async function count<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>): Promise<number> {
  const row = await query.clearSelect().clearOrderBy().select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  return Number((row as { n: number | string }).n);
}
