/**
 * The evaluations the user may see, for a year: filter by unit and status; reviewers get an
 * inbox view with what waits for them first (the department: submitted; the finance bureau:
 * forwarded). Each row opens the editor.
 */
import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, query } from '../../api/client.ts';
import { STATUSES, type Status, type Summary } from '../../api/types.ts';
import { useLoad } from '../../api/use-load.ts';
import { formatDateTime } from '../../format/dates.ts';
import { formatRate } from '../../format/numbers.ts';
import { inboxOrder } from './inbox.ts';
import { useI18n } from '../../locale/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { UnitSelect } from '../../units/UnitSelect.tsx';
import { StatusTag } from '../StatusTag.tsx';
import { yearOptions } from '../years.ts';
import { NewEvaluationDialog } from './NewEvaluationDialog.tsx';

export function EvaluationListPage() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const year = params.get('year') ?? '';
  const unit = params.get('unit') ?? '';
  const status = params.get('status') ?? '';
  const reviewer = user?.role === 'reviewer' || user?.role === 'admin' || user?.role === 'department';
  const [view, setView] = useState<'all' | 'inbox'>(reviewer ? 'inbox' : 'all');
  const [creating, setCreating] = useState(false);
  const list = useLoad(() => api.get<{ items: Summary[] }>(`/api/evaluations${query({ year, unit, status })}`), `${year}|${unit}|${status}`);
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const items = list.data?.items ?? [];
  const rows = view === 'inbox' ? inboxOrder(items, user?.role) : items;

  return (
    <Card
      className="page-card"
      title={t('list.title')}
      extra={
        <Space>
          {reviewer && (
            <Segmented<'all' | 'inbox'>
              value={view}
              onChange={setView}
              data-testid="list-view"
              options={[
                { value: 'inbox', label: t('list.inbox') },
                { value: 'all', label: t('list.all') },
              ]}
            />
          )}
          {user?.role === 'preparer' && (
            <>
              <Button icon={<ImportOutlined />} onClick={() => navigate('/import')} data-testid="list-import">{t('list.import')}</Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="list-new">{t('list.new')}</Button>
            </>
          )}
        </Space>
      }
    >
      <Space wrap className="filters">
        <Select value={year} onChange={(v) => set('year', v)} options={[{ value: '', label: t('list.allYears') }, ...yearOptions()]} style={{ width: 120 }} data-testid="filter-year" />
        <UnitSelect value={unit} onChange={(v) => set('unit', v)} extra={[{ value: '', label: t('list.allUnits') }]} placeholder={t('list.allUnits')} style={{ width: 260 }} testId="filter-unit" />
        <Select value={status} onChange={(v) => set('status', v)} options={[{ value: '', label: t('list.allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]} style={{ width: 120 }} data-testid="filter-status" />
      </Space>
      <Table<Summary>
        size="small"
        bordered
        rowKey={(r) => String(r.id)}
        loading={list.loading}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        // A phone scrolls the table sideways rather than squeezing the names a character a line.
        scroll={{ x: 960 }}
        onRow={(r) => ({ 'data-testid': 'evaluation-row', 'data-id': String(r.id), 'data-status': r.status } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t('list.col.project'), dataIndex: 'project', render: (p: string, r) => <Link to={`/evaluations/${r.id}`} data-testid="evaluation-link">{p || t('editor.untitled')}</Link> },
          { title: t('list.col.year'), dataIndex: 'year', width: 70, align: 'center' },
          { title: t('list.col.unit'), dataIndex: ['unit', 'name'] },
          { title: t('list.col.status'), dataIndex: 'status', width: 90, align: 'center', render: (s: Status) => <StatusTag status={s} /> },
          { title: t('list.col.score'), dataIndex: 'score', width: 80, align: 'right', sorter: (a, b) => (a.score ?? -1) - (b.score ?? -1) },
          { title: t('list.col.grade'), dataIndex: 'grade', width: 80, align: 'center' },
          { title: t('list.col.rate'), dataIndex: 'executionRate', width: 100, align: 'right', render: (r: string | null) => formatRate(r) },
          { title: t('list.col.updated'), dataIndex: 'updatedAt', width: 150, render: (d: string) => formatDateTime(d, lang), sorter: (a, b) => a.updatedAt.localeCompare(b.updatedAt) },
        ]}
      />
      <NewEvaluationDialog open={creating} onClose={() => setCreating(false)} year={Number(year) || new Date().getFullYear() - 1} />
    </Card>
  );
}
