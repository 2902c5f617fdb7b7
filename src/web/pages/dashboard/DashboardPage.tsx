/** 统计: one year at a glance — counts by status, grades, execution against score, budget by unit. */
import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Select, Space, Statistic, Table } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, query } from '../../api/client.ts';
import { STATUSES, type Dashboard, type Status, type Summary } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { formatAmount, formatRate } from '../../format/numbers.ts';
import { useI18n } from '../../locale/i18n.tsx';
import { StatusTag } from '../StatusTag.tsx';
import { yearOptions } from '../years.ts';
import { budgetOption, gradeOption, scatterOption } from './charts.ts';
import { EChart } from './EChart.tsx';

export function DashboardPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const year = params.get('year') ?? String(new Date().getFullYear() - 1);
  const board = useLoad(() => api.get<Dashboard>(`/api/dashboard${query({ year })}`), year);
  const d = board.data;
  const scatter = useMemo(() => scatterOption(d?.points ?? [], { rate: t('dashboard.rate'), score: t('dashboard.score') }), [d, t]);
  const grades = useMemo(() => gradeOption(d?.byGrade ?? []), [d]);
  const budget = useMemo(() => budgetOption(d?.budgetByUnit ?? [], { budget: t('dashboard.budgetShort'), executed: t('dashboard.executed'), unit: t('dashboard.wan') }), [d, t]);
  return (
    <div className="dashboard-page">
      <Card
        className="page-card"
        title={t('dashboard.title')}
        extra={
          <Space>
            <Select value={year} onChange={(y) => setParams({ year: y }, { replace: true })} options={yearOptions()} style={{ width: 100 }} data-testid="dashboard-year" />
            <Button icon={<FileTextOutlined />} href={`/api/dashboard/export.csv${query({ year })}`} data-testid="dashboard-export-csv">{t('export.csv')}</Button>
            <Button icon={<FileExcelOutlined />} href={`/api/dashboard/export.xlsx${query({ year })}`} data-testid="dashboard-export-xlsx">{t('export.xlsx')}</Button>
          </Space>
        }
        loading={board.loading && !d}
      >
        <Row gutter={16} className="status-counts">
          {STATUSES.map((s) => (
            <Col key={s} span={4}>
              <Statistic title={t(`status.${s}`)} value={d?.byStatus[s] ?? 0} data-testid={`dashboard-count-${s}`} />
            </Col>
          ))}
          <Col span={4}>
            <Statistic title={t('dashboard.total')} value={d?.rows.length ?? 0} />
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
      <Card className="page-card" size="small" title={t('dashboard.budgetByUnit')}>
        <EChart option={budget} height={Math.max(200, 60 + (d?.budgetByUnit.length ?? 0) * 48)} testId="chart-budget" />
      </Card>
      <Card className="page-card" size="small" title={t('dashboard.table')}>
        <DashboardTable rows={d?.rows ?? []} />
      </Card>
    </div>
  );
}

function DashboardTable({ rows }: { rows: Summary[] }) {
  const { t } = useI18n();
  const num = (v: string | number | null) => (v === null || v === '' ? -1 : Number(v));
  return (
    <Table<Summary>
      size="small"
      bordered
      rowKey={(r) => String(r.id)}
      dataSource={rows}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      onRow={() => ({ 'data-testid': 'dashboard-row' } as React.HTMLAttributes<HTMLElement>)}
      columns={[
        { title: t('list.col.project'), dataIndex: 'project', sorter: (a, b) => a.project.localeCompare(b.project, 'zh'), render: (p: string, r) => <Link to={`/evaluations/${r.id}`}>{p}</Link> },
        { title: t('list.col.unit'), dataIndex: ['unit', 'name'], sorter: (a, b) => a.unit.name.localeCompare(b.unit.name, 'zh') },
        { title: t('list.col.status'), dataIndex: 'status', width: 90, align: 'center', render: (s: Status) => <StatusTag status={s} /> },
        { title: t('dashboard.budget'), dataIndex: 'budget', align: 'right', render: (v: string | null) => formatAmount(v), sorter: (a, b) => num(a.budget) - num(b.budget) },
        { title: t('list.col.rate'), dataIndex: 'executionRate', align: 'right', width: 100, render: (v: string | null) => formatRate(v), sorter: (a, b) => num(a.executionRate) - num(b.executionRate) },
        { title: t('list.col.score'), dataIndex: 'score', align: 'right', width: 80, sorter: (a, b) => num(a.score) - num(b.score), defaultSortOrder: 'descend' },
        { title: t('list.col.grade'), dataIndex: 'grade', align: 'center', width: 80 },
      ]}
    />
  );
}
