/**
 * A list that is a table on a desk and a card per row on a phone, from the same props: an antd Table
 * above phone width; at phone width (useNarrow) each row is a card headed by its first column (or
 * `cardTitle`), the others as label–value pairs under it — no sideways scroll, no column a character
 * wide. The card carries what `onRow` gives the row (data-testid, data-id, a click), so the tests and
 * the pages find rows the same way at both widths. Sortable columns become a select of orders, a
 * column's single-choice filter a select of its values: both reach the table's `onChange` as a click
 * on the header would.
 */
import { Empty, Pagination, Select, Space, Spin, Table, type TablePaginationConfig, type TableProps } from 'antd';
import type { ColumnType, FilterValue, SortOrder, SorterResult } from 'antd/es/table/interface';
import { useState, type Key, type ReactNode } from 'react';
import { useI18n } from '../locale/i18n.tsx';
import { useNarrow } from './narrow.ts';

export type ResponsiveListProps<T> = TableProps<T> & {
  /** The key (or dataIndex) of the column that heads each card; the first column when not given. */
  cardTitle?: string;
};

export function ResponsiveList<T extends object>(props: ResponsiveListProps<T>) {
  const { cardTitle, ...table } = props;
  const narrow = useNarrow();
  if (!narrow) return <Table<T> {...table} />;
  return <CardList<T> {...props} />;
}

type Column<T> = ColumnType<T>;

const columnId = <T,>(c: Column<T>, i: number): string => String(c.key ?? (Array.isArray(c.dataIndex) ? c.dataIndex.join('.') : c.dataIndex ?? i));

function valueAt(record: object, dataIndex: Column<object>['dataIndex']): unknown {
  if (dataIndex === undefined || dataIndex === null) return undefined;
  const path = Array.isArray(dataIndex) ? dataIndex : [dataIndex];
  let value: unknown = record;
  for (const step of path) value = value === null || value === undefined ? undefined : (value as Record<string | number, unknown>)[step as string | number];
  return value;
}

function cell<T extends object>(column: Column<T>, record: T, index: number): ReactNode {
  const value = valueAt(record, column.dataIndex as Column<object>['dataIndex']);
  if (column.render) {
    const rendered = column.render(value, record, index) as ReactNode | { children?: ReactNode };
    return rendered !== null && typeof rendered === 'object' && 'children' in rendered && !('$$typeof' in rendered) ? rendered.children : (rendered as ReactNode);
  }
  return value === null || value === undefined ? '' : String(value as string | number);
}

function titleOf<T>(column: Column<T>): ReactNode {
  return typeof column.title === 'function' ? column.title({}) : column.title;
}

function CardList<T extends object>({ cardTitle, columns = [], dataSource: all = [], rowKey, onRow, rowClassName, loading, pagination, onChange, locale, style, ...rest }: ResponsiveListProps<T>) {
  const { t } = useI18n();
  const pager: TablePaginationConfig | undefined = pagination === false ? undefined : pagination ?? undefined;
  // A pager without a total pages the rows given here, as the table does (the server's pages come with their total).
  const clientPaged = pager !== undefined && pager.total === undefined;
  const [clientPage, setClientPage] = useState({ current: 1, size: pager?.pageSize ?? pager?.defaultPageSize ?? 10 });
  const dataSource = clientPaged ? all.slice((clientPage.current - 1) * clientPage.size, clientPage.current * clientPage.size) : all;
  // Column groups do not occur in the lists that use this; their leaves would be flattened here.
  const leaves = columns.flatMap((c) => ('children' in c && c.children ? (c.children as Column<T>[]) : [c as Column<T>]));
  const headIndex = Math.max(0, cardTitle === undefined ? 0 : leaves.findIndex((c, i) => columnId(c, i) === cardTitle));
  const head = leaves[headIndex];
  const fields = leaves.filter((_, i) => i !== headIndex);
  const keyOf = (record: T, index: number): Key => (typeof rowKey === 'function' ? rowKey(record, index) : rowKey ? (record[rowKey as keyof T] as Key) : index);

  // Orders and filters as the table's header would report them.
  const sortable = leaves.map((c, i) => ({ c, id: columnId(c, i) })).filter(({ c }) => c.sorter);
  const current = sortable.find(({ c }) => c.sortOrder);
  const filterable = leaves.map((c, i) => ({ c, id: columnId(c, i) })).filter(({ c }) => c.filters && c.filterMultiple === false);
  const filterState = (): Record<string, FilterValue | null> => Object.fromEntries(filterable.map(({ c, id }) => [id, (c.filteredValue as FilterValue | null | undefined) ?? null]));
  const report = (action: 'paginate' | 'sort' | 'filter', page: { current?: number; pageSize?: number }, filters: Record<string, FilterValue | null>, sorter: SorterResult<T>) =>
    onChange?.({ ...pager, ...page }, filters, sorter, { action, currentDataSource: [...dataSource] });
  const sorterNow = (): SorterResult<T> => (current ? { column: current.c, columnKey: current.id, order: current.c.sortOrder as SortOrder, field: current.c.dataIndex as SorterResult<T>['field'] } : {});

  const empty = typeof locale?.emptyText === 'function' ? locale.emptyText() : locale?.emptyText;
  const spinning = typeof loading === 'object' ? loading.spinning ?? true : Boolean(loading);
  return (
    <div className="card-list" style={style} data-testid={(rest as { 'data-testid'?: string })['data-testid']}>
      {(sortable.length > 0 || filterable.length > 0) && (
        <Space wrap className="card-list-controls">
          {sortable.length > 0 && (
            <Select
              aria-label={t('layout.sortBy')}
              className="card-list-sort"
              value={current ? `${current.id}|${current.c.sortOrder}` : undefined}
              placeholder={t('layout.sortBy')}
              popupMatchSelectWidth={false}
              options={sortable.flatMap(({ c, id }) => [
                { value: `${id}|ascend`, label: `${String(titleOf(c) ?? id)} ↑` },
                { value: `${id}|descend`, label: `${String(titleOf(c) ?? id)} ↓` },
              ])}
              onChange={(v: string) => {
                const [id, order] = v.split('|') as [string, SortOrder];
                const column = sortable.find((s) => s.id === id)!.c;
                report('sort', { current: 1 }, filterState(), { column, columnKey: id, order, field: column.dataIndex as SorterResult<T>['field'] });
              }}
              data-testid="card-list-sort"
            />
          )}
          {filterable.map(({ c, id }) => (
            <Select
              key={id}
              aria-label={String(titleOf(c) ?? id)}
              allowClear
              placeholder={titleOf(c)}
              popupMatchSelectWidth={false}
              value={((c.filteredValue as string[] | null | undefined) ?? [])[0]}
              options={(c.filters ?? []).map((f) => ({ value: f.value as string, label: f.text }))}
              onChange={(v?: string) => report('filter', { current: 1 }, { ...filterState(), [id]: v === undefined ? null : [v] }, sorterNow())}
              data-testid={`card-list-filter-${id}`}
            />
          ))}
        </Space>
      )}
      <Spin spinning={spinning}>
        {dataSource.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
        ) : (
          <ul className="card-list-items">
            {dataSource.map((record, index) => {
              const attributes = (onRow?.(record, index) ?? {}) as React.HTMLAttributes<HTMLLIElement>;
              return (
                <li key={keyOf(record, index)} {...attributes} className={['list-card', typeof rowClassName === 'function' ? rowClassName(record, index, 0) : rowClassName, attributes.className].filter(Boolean).join(' ')}>
                  {head && <div className="list-card-title">{cell(head, record, index)}</div>}
                  <dl className="list-card-fields">
                    {fields.map((c, i) => {
                      const value = cell(c, record, index);
                      const title = titleOf(c);
                      return (
                        <div key={columnId(c, i)} className="list-card-field">
                          {/* A column without a title (an action) shows its content alone. */}
                          {title ? <dt>{title}</dt> : null}
                          <dd>{value === '' ? '—' : value}</dd>
                        </div>
                      );
                    })}
                  </dl>
                </li>
              );
            })}
          </ul>
        )}
      </Spin>
      {pager && (
        <Pagination
          className="card-list-pager"
          size="small"
          {...pager}
          {...(clientPaged ? { current: clientPage.current, pageSize: clientPage.size, total: all.length } : {})}
          onChange={(page, pageSize) => {
            if (clientPaged) setClientPage({ current: page, size: pageSize });
            if (pager.onChange) pager.onChange(page, pageSize);
            else if (!clientPaged) report('paginate', { current: page, pageSize }, filterState(), sorterNow());
          }}
        />
      )}
    </div>
  );
}
