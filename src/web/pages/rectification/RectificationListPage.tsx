/**
 * 整改: the rectification items the user may see (the server decides: a unit its own, a department
 * its units', the bureau all), filtered by year, unit and status (逾期 among them), a page at a
 * time, all of it kept in the address; the same filters as XLSX. A row opens the item in a drawer
 * (`?item=` in the address, so that a link opens it).
 */
import { FileExcelOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { optionalNumber } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import { RECTIFICATION_FILTERS, type Rectification, type RectificationFilter } from '../../api/types.ts';
import { ResponsiveList } from '../../layout/ResponsiveList.tsx';
import { useI18n } from '../../locale/i18n.tsx';
import { tablePagination, usePagedList } from '../../paging/use-paged-list.ts';
import { useQueryPaging } from '../../paging/use-paging.ts';
import { UnitSelect } from '../../units/UnitSelect.tsx';
import { yearOptions } from '../years.ts';
import { exportHref, listRectifications, type RectificationFilters } from './rect-api.ts';
import { RectificationDrawer } from './RectificationDrawer.tsx';
import { RectificationTags } from './RectificationTags.tsx';

const isFilter = (s: string): s is RectificationFilter => (RECTIFICATION_FILTERS as readonly string[]).includes(s);

export function RectificationListPage() {
  const { t, lang } = useI18n();
  const paging = useQueryPaging();
  const { params } = paging;
  const year = params.get('year') ?? '';
  const unit = params.get('unit') ?? '';
  const statusText = params.get('status') ?? '';
  const status = isFilter(statusText) ? statusText : undefined;
  const opened = params.get('item');
  const filters: RectificationFilters = { year: optionalNumber(year), unit: unit || undefined, status };
  const list = usePagedList(keys.rectificationList({ ...filters }), ({ signal, ...page }) => listRectifications(filters, page, signal), paging);
  // The drawer's item in the address beside the filters and the page (not a filter: the page stays).
  const [, setParams] = useSearchParams();
  const open = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('item', id);
    else next.delete('item');
    setParams(next, { replace: true });
  };

  return (
    <Card
      className="page-card"
      title={t('rect.title')}
      extra={<Button icon={<FileExcelOutlined />} href={exportHref(filters, lang)} data-testid="rect-export">{t('rect.export')}</Button>}
    >
      <Space wrap className="filters">
        <Select value={year} onChange={(v) => paging.filter({ year: v })} options={[{ value: '', label: t('list.allYears') }, ...yearOptions()]} style={{ width: 120 }} aria-label={t('rect.col.year')} data-testid="rect-filter-year" />
        <UnitSelect value={unit} onChange={(v) => paging.filter({ unit: v })} extra={[{ value: '', label: t('list.allUnits') }]} placeholder={t('list.allUnits')} style={{ width: 260 }} testId="rect-filter-unit" />
        <Select
          value={status ?? ''}
          onChange={(v) => paging.filter({ status: v })}
          options={[{ value: '', label: t('rect.allStatuses') }, ...RECTIFICATION_FILTERS.map((s) => ({ value: s, label: t(`rect.status.${s}`) }))]}
          style={{ width: 130 }}
          aria-label={t('rect.col.status')}
          data-testid="rect-filter-status"
        />
      </Space>
      <ResponsiveList<Rectification>
        cardTitle="problem"
        size="small"
        bordered
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={tablePagination(paging, list.data?.total ?? 0, t)}
        // The words in the page's secondary grey (the table's own placeholder grey is too faint to read: WCAG AA).
        locale={{ emptyText: <span className="list-empty" data-testid="rect-empty">{t('rect.empty')}</span> }}
        data-testid="rect-table"
        scroll={{ x: 960 }}
        rowClassName={() => 'row-choosable'}
        onRow={(r) => ({ onClick: () => open(r.id), 'data-testid': 'rect-row', 'data-id': r.id, 'data-status': r.status, 'data-overdue': String(r.overdue) }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('rect.col.problem'),
            dataIndex: 'problem',
            // Two lines at most (the whole problem in the item); a phone's card wraps them within its width.
            render: (p: string, r) => (
              <Typography.Link onClick={(e) => { e.stopPropagation(); open(r.id); }} className="rect-problem-link" title={p} data-testid="rect-link">
                {p}
              </Typography.Link>
            ),
          },
          { title: t('rect.col.project'), dataIndex: 'project' },
          { title: t('rect.col.unit'), dataIndex: ['unit', 'name'] },
          { title: t('rect.col.year'), dataIndex: 'year', width: 70, align: 'center' },
          { title: t('rect.col.dueDate'), dataIndex: 'dueDate', width: 110, align: 'center' },
          { title: t('rect.col.status'), key: 'status', width: 130, align: 'center', render: (_: unknown, r) => <RectificationTags item={r} /> },
        ]}
      />
      <RectificationDrawer id={opened} onClose={() => open(null)} />
    </Card>
  );
}
