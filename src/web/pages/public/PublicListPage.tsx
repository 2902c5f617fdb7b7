/** 信息公开: the published evaluations, by year and unit, for anyone (no login). */
import { Card, Select, Space, Table } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { api, query } from '../../api/client.ts';
import type { Summary } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { formatAmount, formatRate } from '../../format/numbers.ts';
import { useI18n } from '../../locale/i18n.tsx';
import { yearOptions } from '../years.ts';

export function PublicListPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const year = params.get('year') ?? '';
  const unit = params.get('unit') ?? '';
  const list = useLoad(() => api.get<{ items: Summary[] }>(`/api/public/evaluations${query({ year })}`), year);
  const all = list.data?.items ?? [];
  // The unit filter is applied here: the public has no /api/units, the units are those published.
  const units = [...new Map(all.map((s) => [String(s.unit.id), s.unit.name])).entries()];
  const rows = unit ? all.filter((s) => String(s.unit.id) === unit) : all;
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <Card className="page-card" title={t('public.listTitle')}>
      <Space wrap className="filters">
        <Select value={year} onChange={(v) => set('year', v)} options={[{ value: '', label: t('list.allYears') }, ...yearOptions()]} style={{ width: 120 }} data-testid="public-filter-year" />
        <Select value={unit} onChange={(v) => set('unit', v)} options={[{ value: '', label: t('list.allUnits') }, ...units.map(([id, name]) => ({ value: id, label: name }))]} style={{ width: 280 }} data-testid="public-filter-unit" />
      </Space>
      <Table<Summary>
        size="small"
        bordered
        rowKey={(r) => String(r.id)}
        loading={list.loading}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        onRow={(r) => ({ 'data-testid': 'public-row', 'data-id': String(r.id) } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t('list.col.year'), dataIndex: 'year', width: 70, align: 'center' },
          { title: t('list.col.unit'), dataIndex: ['unit', 'name'] },
          { title: t('list.col.project'), dataIndex: 'project', render: (p: string, r) => <Link to={`/public/${r.id}`} data-testid="public-link-form">{p}</Link> },
          { title: t('dashboard.budget'), dataIndex: 'budget', align: 'right', render: (v: string | null) => formatAmount(v) },
          { title: t('list.col.rate'), dataIndex: 'executionRate', align: 'right', width: 100, render: (v: string | null) => formatRate(v) },
          { title: t('list.col.score'), dataIndex: 'score', align: 'right', width: 80 },
          { title: t('list.col.grade'), dataIndex: 'grade', align: 'center', width: 80 },
          { title: t('public.pdf'), key: 'pdf', width: 80, align: 'center', render: (_: unknown, r) => <a href={`/api/public/evaluations/${r.id}/export.pdf`} target="_blank" rel="noreferrer">PDF</a> },
        ]}
      />
    </Card>
  );
}
