/**
 * 统计: one year at a glance — counts by status, grades, execution against score, the largest
 * budgets — and the year's table, which the server sorts, filters and pages (a province's year is
 * 50,000 forms: only the page in view is fetched). It opens on the latest year the user has forms
 * of and offers only such years; a point of the scatter narrows the table to its cell's forms
 * (the cell in the address, `?year=&rate=&score=`, shown as a chip that clears it). A second tab,
 * 运行监控 (`?view=monitoring`), is the year's mid-year monitoring (MonitoringView.tsx, issue 16).
 */
import { FileExcelOutlined, FilePdfOutlined, FileTextOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Grid, Input, Row, Select, Space, Statistic, Tabs, Tag, type TableProps } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { ResponsiveList } from '../../layout/ResponsiveList.tsx';
import { Link, useSearchParams } from 'react-router-dom';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, query, unwrap } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import { STATUSES, type DashboardSort, type Status, type Summary } from '../../api/types.ts';
import { gradeWord } from '../../format/grades.ts';
import { formatAmount, formatRate } from '../../format/numbers.ts';
import { useI18n, type I18n } from '../../locale/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { StatusTag } from '../StatusTag.tsx';
import { budgetOption, cellBounds, FEW_FORMS, gradeOption, lastCell, scatterOption, type ScatterCell } from './charts.ts';
import { EChart } from './EChart.tsx';
import { MonitoringView } from './MonitoringView.tsx';

/** A cell of the scatter by its lower bounds, as the address keeps it. */
interface Cell {
  rate: number;
  score: number;
}

/** A cell's ranges as people read them: 执行率 40–42%, 100% 及以上; 得分 88–90分. */
function cellWords(cell: Cell, bin: number, t: I18n['t']): { rate: string; score: string } {
  const rate = lastCell(cell.rate, bin) ? t('dashboard.rateFromUp', { from: cell.rate }) : t('dashboard.rateRange', { from: cell.rate, to: cell.rate + bin });
  const score = lastCell(cell.score, bin) ? t('dashboard.scoreAt', { from: cell.score }) : t('dashboard.scoreRange', { from: cell.score, to: cell.score + bin });
  return { rate, score };
}

/** The cell in the address, when both bounds are whole numbers on the grid. */
function cellOf(params: URLSearchParams, bin: number): Cell | undefined {
  const rate = params.get('rate');
  const score = params.get('score');
  if (rate === null || score === null || !/^\d{1,3}$/u.test(rate) || !/^\d{1,3}$/u.test(score)) return undefined;
  const cell = { rate: Number(rate), score: Number(score) };
  return cell.rate % bin === 0 && cell.score % bin === 0 && cell.rate <= 100 && cell.score <= 100 ? cell : undefined;
}

/** The table's filter and order: what the page, and the CSV and XLSX files, are asked for. */
interface TableView {
  sort: DashboardSort;
  order: 'asc' | 'desc';
  status: Status | undefined;
  project: string | undefined;
}
const FIRST_VIEW: TableView = { sort: 'score', order: 'desc', status: undefined, project: undefined };

/** The two views of the dashboard as tabs; only the one shown asks the server. */
export function DashboardPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'monitoring' ? 'monitoring' : 'evaluations';
  return (
    <>
      <Tabs
        activeKey={view}
        onChange={(key) => setParams(key === 'monitoring' ? { view: 'monitoring' } : {})}
        items={[
          { key: 'evaluations', label: <span data-testid="dashboard-tab-evaluations">{t('dashboard.tab.evaluations')}</span> },
          { key: 'monitoring', label: <span data-testid="dashboard-tab-monitoring">{t('dashboard.tab.monitoring')}</span> },
        ]}
        style={{ marginBottom: 0 }}
      />
      {view === 'monitoring' ? <MonitoringView /> : <EvaluationDashboard />}
    </>
  );
}

function EvaluationDashboard() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  // The years with forms this user may see, newest first: the page opens on the first.
  const years = useQuery({
    queryKey: keys.evaluationList('dashboard-years', {}),
    queryFn: ({ signal }) => unwrap(client.GET('/api/dashboard/years', { signal })),
  });
  const asked = params.get('year');
  const year = asked ?? (years.data?.years[0] ? String(years.data.years[0].year) : undefined);
  const options = useMemo(() => {
    const list = (years.data?.years ?? []).map((y) => String(y.year));
    // A year in the address without forms is still shown as chosen (its page is empty).
    if (asked && !list.includes(asked)) list.push(asked);
    return list.sort((a, b) => Number(b) - Number(a)).map((y) => ({ value: y, label: y }));
  }, [years.data, asked]);
  const [view, setView] = useState<TableView>(FIRST_VIEW);
  const board = useQuery({
    queryKey: keys.evaluationList('dashboard', { year }),
    queryFn: ({ signal }) => unwrap(client.GET('/api/dashboard', { params: { query: { year: Number(year) } }, signal })),
    enabled: year !== undefined,
  });
  const d = board.data;
  const bin = d?.scatter.bin ?? 2;
  const cell = cellOf(params, bin);
  const queries = useQueryClient();
  const wide = Grid.useBreakpoint().md ?? true;
  const { user } = useSession();
  // The year's results report (issue 17) is the bureau's: the reviewer and the admin download it.
  const mayReport = user?.role === 'reviewer' || user?.role === 'admin';
  const tableCard = useRef<HTMLDivElement>(null);
  const chooseCell = (chosen: Cell | undefined) => {
    const next = new URLSearchParams(params);
    if (year) next.set('year', year);
    if (chosen) {
      next.set('rate', String(chosen.rate));
      next.set('score', String(chosen.score));
    } else {
      next.delete('rate');
      next.delete('score');
    }
    setParams(next, { replace: true });
    if (chosen) tableCard.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };
  const scatter = useMemo(
    () =>
      scatterOption(d?.scatter ?? { bin: 2, cells: [] }, {
        rate: t('dashboard.rate'),
        score: t('dashboard.score'),
        forms: (count, odd) => t('dashboard.cellForms', { count, odd }),
        cell: (c) => {
          const words = cellWords(c, d?.scatter.bin ?? 2, t);
          return { rate: t('dashboard.tipRate', { range: words.rate }), score: t('dashboard.tipScore', { range: words.score }) };
        },
        click: t('dashboard.tipClick'),
        // A cell of few forms names them: its table asked for on hovering (one small indexed read), kept a minute.
        projects: (c) => {
          const ask = { year: Number(year), ...cellBounds(c, d?.scatter.bin ?? 2), sort: 'project' as const, order: 'asc' as const, limit: FEW_FORMS, offset: 0 };
          return queries
            .fetchQuery({ queryKey: keys.evaluationList('table', ask), queryFn: ({ signal }) => unwrap(client.GET('/api/dashboard/table', { params: { query: ask }, signal })), staleTime: 60_000 })
            .then((page) => page.items.map((r) => r.project));
        },
      }, cell),
    [d, t, year, queries, cell?.rate, cell?.score],
  );
  const grades = useMemo(() => gradeOption(d?.byGrade ?? [], (g) => gradeWord(g, lang)), [d, lang]);
  const budget = useMemo(() => budgetOption(d?.budgetByUnit ?? [], { budget: t('dashboard.budgetShort'), executed: t('dashboard.executed'), unit: t('dashboard.wan') }), [d, t]);
  const bounds = cell ? cellBounds(cell, bin) : {};
  const files = query({ year, sort: view.sort, order: view.order, status: view.status, project: view.project, ...bounds });
  const shownUnits = d?.budgetByUnit.length ?? 0;
  if (years.data && years.data.years.length === 0 && !asked) {
    return (
      <Card className="page-card" title={t('dashboard.title')}>
        <Empty description={t('dashboard.noYears')} data-testid="dashboard-no-years" />
      </Card>
    );
  }
  const cellChip = cell ? cellWords(cell, bin, t) : null;
  // The year and the files: in the card's head on a wide screen, above the counts on a phone (the head would cut the title).
  const controls = (
    <Space wrap>
      <Select
        value={year}
        onChange={(y) => setParams({ year: y }, { replace: true })}
        options={options}
        loading={years.isPending}
        style={{ width: 100 }}
        aria-label={t('dashboard.year')}
        data-testid="dashboard-year"
      />
      <Button icon={<FileTextOutlined />} href={`/api/dashboard/export.csv${files}`} data-testid="dashboard-export-csv">{t('export.csv')}</Button>
      <Button icon={<FileExcelOutlined />} href={`/api/dashboard/export.xlsx${files}`} data-testid="dashboard-export-xlsx">{t('export.xlsx')}</Button>
    </Space>
  );
  return (
    <div className="dashboard-page">
      <Card
        className="page-card"
        title={t('dashboard.title')}
        extra={wide ? controls : undefined}
        loading={years.isPending || board.isPending}
      >
        {!wide && <div style={{ marginBottom: 12 }}>{controls}</div>}
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
        {mayReport && year && (
          <Space wrap className="dashboard-report" data-testid="dashboard-report">
            <span className="muted">{t('dashboard.reportTitle')}</span>
            <Button icon={<FilePdfOutlined />} href={`/api/years/${encodeURIComponent(year)}/report.pdf?lang=${lang}`} data-testid="dashboard-report-pdf">{t('dashboard.reportPdf')}</Button>
            <Button icon={<FileExcelOutlined />} href={`/api/years/${encodeURIComponent(year)}/report.xlsx?lang=${lang}`} data-testid="dashboard-report-xlsx">{t('dashboard.reportXlsx')}</Button>
          </Space>
        )}
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={10}>
          <Card className="page-card" size="small" title={t('dashboard.grades')}><EChart option={grades} testId="chart-grades" label={t('dashboard.grades')} /></Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card className="page-card" size="small" title={t('dashboard.scatter')}>
            <EChart
              option={scatter}
              testId="chart-scatter"
              label={t('dashboard.scatter')}
              onClick={(item) => {
                const chosen = (item.data as { cell?: ScatterCell } | undefined)?.cell;
                if (chosen) chooseCell({ rate: chosen.rate, score: chosen.score });
              }}
            />
            <div className="muted">{t('dashboard.cellHint')}</div>
          </Card>
        </Col>
      </Row>
      <Card
        className="page-card"
        size="small"
        title={t('dashboard.budgetByUnit')}
        extra={d && d.unitCount > shownUnits ? t('dashboard.topUnits', { shown: shownUnits, total: d.unitCount }) : undefined}
      >
        <EChart option={budget} height={Math.max(200, 60 + shownUnits * 48)} testId="chart-budget" label={t('dashboard.budgetByUnit')} />
      </Card>
      <div ref={tableCard}>
        <Card
          className="page-card"
          size="small"
          title={t('dashboard.table')}
          extra={
            <Input.Search
              allowClear
              placeholder={t('dashboard.findProject')}
              aria-label={t('dashboard.findProject')}
              onSearch={(text) => setView((v) => ({ ...v, project: text.trim() || undefined }))}
              style={{ width: 240, maxWidth: '100%' }}
              data-testid="dashboard-find-project"
            />
          }
        >
          {cellChip && (
            <div style={{ marginBottom: 8 }}>
              <Tag color="blue" data-testid="dashboard-cell-chip" style={{ marginInlineEnd: 0, whiteSpace: 'normal', fontSize: 13, padding: '2px 8px' }}>
                {t('dashboard.cellChip', cellChip)} ·{' '}
                <a
                  role="button"
                  tabIndex={0}
                  onClick={() => chooseCell(undefined)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      chooseCell(undefined);
                    }
                  }}
                  data-testid="dashboard-cell-clear"
                >
                  {t('dashboard.cellClear')}
                </a>
              </Tag>
            </div>
          )}
          {year !== undefined && <DashboardTable year={year} view={view} bounds={bounds} onView={setView} />}
        </Card>
      </div>
    </div>
  );
}

const PAGE_SIZES = [20, 50, 100];

/** The page of the table in view; a new filter or order goes back to the first page. */
function DashboardTable({ year, view, bounds, onView }: { year: string; view: TableView; bounds: Partial<ReturnType<typeof cellBounds>>; onView: (change: (v: TableView) => TableView) => void }) {
  const { t, lang } = useI18n();
  const [page, setPage] = useState({ current: 1, size: 50 });
  const ask = { year: Number(year), ...view, ...bounds, limit: page.size, offset: (page.current - 1) * page.size };
  // A new year, filter or cell starts from the first page.
  const filterKey = `${year}|${JSON.stringify(view)}|${JSON.stringify(bounds)}`;
  const [asked, setAsked] = useState(filterKey);
  if (asked !== filterKey) {
    setAsked(filterKey);
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
      // On a phone the table scrolls inside its card, the page does not.
      scroll={{ x: 880 }}
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
        { key: 'grade', title: t('list.col.grade'), dataIndex: 'grade', align: 'center', width: 90, sorter: true, sortOrder: sorted('grade'), render: (g: string) => gradeWord(g, lang) },
      ]}
    />
  );
}
