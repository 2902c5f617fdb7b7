/**
 * 统计: one year at a glance — counts by status, grades, execution against score, the largest
 * budgets — and the year's table, which the server sorts, filters and pages (a province's year is
 * 50,000 forms: only the page in view is fetched).
 */
import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { Button, Card, Col, Input, Row, Select, Space, Statistic, type TableProps } from 'antd';
import { ResponsiveList } from '../../layout/ResponsiveList.tsx';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { client, query, unwrap } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import { STATUSES, type DashboardSort, type Status, type Summary } from '../../api/types.ts';
import { formatAmount, formatRate } from '../../format/numbers.ts';
import { useI18n } from '../../locale/i18n.tsx';
import { StatusTag } from '../StatusTag.tsx';
import { yearOptions } from '../years.ts';
import { budgetOption, gradeOption, scatterOption } from './charts.ts';
import { EChart } from './EChart.tsx';

/** The table's filter and order: what the page, and the CSV and XLSX files, are asked for. */
interface TableView {
  sort: DashboardSort;
  order: 'asc' | 'desc';
  status: Status | undefined;
  project: string | undefined;
}
const FIRST_VIEW: TableView = { sort: 'score', order: 'desc', status: undefined, project: undefined };

export function DashboardPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const year = params.get('year') ?? String(new Date().getFullYear() - 1);
  const [view, setView] = useState<TableView>(FIRST_VIEW);
  const board = useQuery({
    queryKey: keys.evaluationList('dashboard', { year }),
    queryFn: ({ signal }) => unwrap(client.GET('/api/dashboard', { params: { query: { year: Number(year) } }, signal })),
  });
  const d = board.data;
  const scatter = useMemo(
    () => scatterOption(d?.scatter ?? { bin: 2, cells: [] }, { rate: t('dashboard.rate'), score: t('dashboard.score'), forms: (count, odd) => t('dashboard.cellForms', { count, odd }) }),
    [d, t],
  );
  const grades = useMemo(() => gradeOption(d?.byGrade ?? []), [d]);
  const budget = useMemo(() => budgetOption(d?.budgetByUnit ?? [], { budget: t('dashboard.budgetShort'), executed: t('dashboard.executed'), unit: t('dashboard.wan') }), [d, t]);
  const files = query({ year, sort: view.sort, order: view.order, status: view.status, project: view.project });
  const shownUnits = d?.budgetByUnit.length ?? 0;
  return (
    <div className="dashboard-page">
      <Card
        className="page-card"
        title={t('dashboard.title')}
        extra={
          <Space>
            <Select value={year} onChange={(y) => setParams({ year: y }, { replace: true })} options={yearOptions()} style={{ width: 100 }} aria-label={t('list.col.year')} data-testid="dashboard-year" />
            <Button icon={<FileTextOutlined />} href={`/api/dashboard/export.csv${files}`} data-testid="dashboard-export-csv">{t('export.csv')}</Button>
            <Button icon={<FileExcelOutlined />} href={`/api/dashboard/export.xlsx${files}`} data-testid="dashboard-export-xlsx">{t('export.xlsx')}</Button>
          </Space>
        }
        loading={board.isPending}
      >
        <Row gutter={16} className="status-counts">
          {STATUSES.map((s) => (
            // One equal share each, however many statuses there are (six since the department tier).
            <Col key={s} flex="1 1 0" style={{ minWidth: 96 }}>
              <Statistic title={t(`status.${s}`)} value={d?.byStatus[s] ?? 0} data-testid={`dashboard-count-${s}`} />
            </Col>
          ))}
          <Col flex="1 1 0" style={{ minWidth: 96 }}>
            <Statistic title={t('dashboard.total')} value={d?.total ?? 0} data-testid="dashboard-count-total" />
          </Col>
        </Row>
      </Card>
      <Row gutter={12}>
        <Col span={10}>
          <Card className="page-card" size="small" title={t('dashboard.grades')}><EChart option={grades} testId="chart-grades" /></Card>
        </Col>
        <Col span={14}>
          <Card className="page-card" size="small" title={t('dashboard.scatter')}><EChart option={scatter} testId="chart-scatter" /></Card>
        </Col>
      </Row>
      <Card
        className="page-card"
        size="small"
        title={t('dashboard.budgetByUnit')}
        extra={d && d.unitCount > shownUnits ? t('dashboard.topUnits', { shown: shownUnits, total: d.unitCount }) : undefined}
      >
        <EChart option={budget} height={Math.max(200, 60 + shownUnits * 48)} testId="chart-budget" />
      </Card>
      <Card
        className="page-card"
        size="small"
        title={t('dashboard.table')}
        extra={
          <Input.Search
            allowClear
            placeholder={t('dashboard.findProject')}
            onSearch={(text) => setView((v) => ({ ...v, project: text.trim() || undefined }))}
            style={{ width: 240 }}
            data-testid="dashboard-find-project"
          />
        }
      >
        <DashboardTable year={year} view={view} onView={setView} />
      </Card>
    </div>
  );
}

const PAGE_SIZES = [20, 50, 100];

/** The page of the table in view; a new filter or order goes back to the first page. */
function DashboardTable({ year, view, onView }: { year: string; view: TableView; onView: (change: (v: TableView) => TableView) => void }) {
  const { t } = useI18n();
  const [page, setPage] = useState({ current: 1, size: 50 });
  const ask = { year: Number(year), ...view, limit: page.size, offset: (page.current - 1) * page.size };
  // A new year or filter starts from the first page.
  const [asked, setAsked] = useState(`${year}|${JSON.stringify(view)}`);
  if (asked !== `${year}|${JSON.stringify(view)}`) {
    setAsked(`${year}|${JSON.stringify(view)}`);
    setPage((p) => ({ ...p, current: 1 }));
  }
  const table = useQuery({
    queryKey: keys.evaluationList('table', ask),
    queryFn: ({ signal }) => unwrap(client.GET('/api/dashboard/table', { params: { query: ask }, signal })),
    placeholderData: keepPreviousData,
  });
  const sorted = (key: DashboardSort) => (view.sort === key ? (view.order === 'asc' ? 'ascend' : 'descend') : null);
  const onChange: TableProps<Summary>['onChange'] = (pagination, filters, sorter, { action }) => {
    if (action === 'paginate') {
      setPage({ current: pagination.current ?? 1, size: pagination.pageSize ?? page.size });
      return;
    }
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const status = (filters['status']?.[0] as Status | undefined) ?? undefined;
    const order = one?.order ? { sort: one.columnKey as DashboardSort, order: one.order === 'ascend' ? ('asc' as const) : ('desc' as const) } : { sort: FIRST_VIEW.sort, order: FIRST_VIEW.order };
    onView((v) => ({ ...v, ...order, status }));
  };
  return (
    <ResponsiveList<Summary>
      size="small"
      bordered
      rowKey={(r) => String(r.id)}
      loading={table.isFetching}
      dataSource={table.data?.items ?? []}
      onChange={onChange}
      // Always sorted (the server pages in an order): a click turns the order around, never off.
      sortDirections={['ascend', 'descend', 'ascend']}
      pagination={{
        current: page.current,
        pageSize: page.size,
        total: table.data?.total ?? 0,
        pageSizeOptions: PAGE_SIZES,
        showSizeChanger: true,
        showTotal: (total) => t('dashboard.rows', { total }),
      }}
      onRow={() => ({ 'data-testid': 'dashboard-row' } as React.HTMLAttributes<HTMLElement>)}
      columns={[
        { key: 'project', title: t('list.col.project'), dataIndex: 'project', sorter: true, sortOrder: sorted('project'), render: (p: string, r) => <Link to={`/evaluations/${r.id}`}>{p}</Link> },
        { key: 'unit', title: t('list.col.unit'), dataIndex: ['unit', 'name'], sorter: true, sortOrder: sorted('unit') },
        {
          key: 'status', title: t('list.col.status'), dataIndex: 'status', width: 100, align: 'center', render: (s: Status) => <StatusTag status={s} />,
          filters: STATUSES.map((s) => ({ text: t(`status.${s}`), value: s })), filterMultiple: false, filteredValue: view.status ? [view.status] : null,
        },
        { key: 'budget', title: t('dashboard.budget'), dataIndex: 'budget', align: 'right', render: (v: string | null) => formatAmount(v), sorter: true, sortOrder: sorted('budget') },
        { key: 'executionRate', title: t('list.col.rate'), dataIndex: 'executionRate', align: 'right', width: 110, render: (v: string | null) => formatRate(v), sorter: true, sortOrder: sorted('executionRate') },
        { key: 'score', title: t('list.col.score'), dataIndex: 'score', align: 'right', width: 90, sorter: true, sortOrder: sorted('score') },
        { key: 'grade', title: t('list.col.grade'), dataIndex: 'grade', align: 'center', width: 80, sorter: true, sortOrder: sorted('grade') },
      ]}
    />
  );
}
