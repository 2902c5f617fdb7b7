/**
 * The targets (绩效目标申报) or the monitoring (绩效运行监控) the user may see, a page at a time in the
 * server's order: by year and status, and 待我处理 (the server's `needsMyAction`: what waits for the
 * user's role now) for the roles that act on them. Each row opens the document.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Select, Space } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { optionalNumber } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import { CYCLE_STATUSES, type CycleStatus, type CycleSummary } from '../../api/types.ts';
import { formatDateTime } from '../../format/dates.ts';
import { ResponsiveList } from '../../layout/ResponsiveList.tsx';
import { useI18n } from '../../locale/i18n.tsx';
import { tablePagination, usePagedList } from '../../paging/use-paged-list.ts';
import { useQueryPaging } from '../../paging/use-paging.ts';
import { useSession } from '../../session/session.tsx';
import { yearOptions } from '../years.ts';
import { CycleStatusTag } from './CycleStatusTag.tsx';
import { listCycle, type CycleKind } from './cycle-kinds.ts';
import { NewTargetsDialog } from './NewTargetsDialog.tsx';

type View = 'inbox' | 'all';

/** Roles with something to do in the cycle (the admin watches only). */
const ACTING = ['preparer', 'approver', 'department', 'reviewer'];

/** Targets are declared for the coming year too. */
const nextYear = () => new Date(new Date().getFullYear() + 1, 0, 1);

export function CycleListPage({ kind }: { kind: CycleKind }) {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const paging = useQueryPaging();
  const { params } = paging;
  const year = params.get('year') ?? '';
  const status = params.get('status') ?? '';
  const hasInbox = user !== null && ACTING.includes(user.role);
  const view: View = hasInbox && params.get('view') !== 'all' ? 'inbox' : 'all';
  const [creating, setCreating] = useState(false);
  const filters = { year: optionalNumber(year), status: status || undefined, needsMyAction: view === 'inbox' ? ('1' as const) : undefined };
  const list = usePagedList(keys.cycleList(kind, filters), ({ signal, ...page }) => listCycle(kind, { ...filters, ...page }, signal), paging);
  const statuses = CYCLE_STATUSES.filter((s) => (kind === 'targets' ? s !== 'accepted' : s !== 'approved' && s !== 'adjusting'));
  return (
    <Card
      className="page-card"
      title={t(kind === 'targets' ? 'cycle.targetsTitle' : 'cycle.monitoringTitle')}
      data-testid={`${kind}-list`}
      extra={
        <Space>
          {hasInbox && (
            <Segmented<View>
              value={view}
              onChange={(v) => paging.filter({ view: v === 'all' ? 'all' : null })}
              data-testid="list-view"
              options={[
                { value: 'inbox', label: <span data-testid="list-view-inbox">{t('list.needsMyAction')}</span> },
                { value: 'all', label: <span data-testid="list-view-all">{t('list.all')}</span> },
              ]}
            />
          )}
          {kind === 'targets' && user?.role === 'preparer' && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-targets">{t('cycle.new')}</Button>
          )}
        </Space>
      }
    >
      <Space wrap className="filters">
        <Select value={year} onChange={(v) => paging.filter({ year: v })} options={[{ value: '', label: t('list.allYears') }, ...yearOptions(nextYear())]} style={{ width: 120 }} aria-label={t('list.col.year')} data-testid="filter-year" />
        <Select value={status} onChange={(v) => paging.filter({ status: v })} options={[{ value: '', label: t('list.allStatuses') }, ...statuses.map((s) => ({ value: s, label: t(`cycle.status.${s}`) }))]} style={{ width: 140 }} aria-label={t('list.col.status')} data-testid="filter-status" />
      </Space>
      <ResponsiveList<CycleSummary>
        size="small"
        bordered
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={tablePagination(paging, list.data?.total ?? 0, t)}
        locale={view === 'inbox' ? { emptyText: t('cycle.needsMyActionEmpty') } : undefined}
        data-testid="cycle-table"
        scroll={{ x: 900 }}
        onRow={(r) => ({ 'data-testid': 'cycle-row', 'data-id': r.id, 'data-status': r.status } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t('list.col.project'), dataIndex: 'project', render: (p: string, r) => <Link to={`/${kind}/${r.id}`} data-testid="cycle-link">{p || t('editor.untitled')}</Link> },
          { title: t('cycle.col.code'), dataIndex: 'projectCode', width: 110 },
          { title: t('list.col.year'), dataIndex: 'year', width: 70, align: 'center' },
          { title: t('list.col.unit'), dataIndex: ['unit', 'name'] },
          { title: t('list.col.status'), dataIndex: 'status', width: 110, align: 'center', render: (s: CycleStatus) => <CycleStatusTag status={s} /> },
          ...(kind === 'targets' ? [{ title: t('cycle.col.approved'), dataIndex: 'approved', width: 100, align: 'center' as const, render: (a: boolean) => (a ? '✓' : '') }] : []),
          { title: t('list.col.updated'), dataIndex: 'updatedAt', width: 150, render: (d: string) => formatDateTime(d, lang) },
        ]}
      />
      {kind === 'targets' && <NewTargetsDialog open={creating} onClose={() => setCreating(false)} year={Number(year) || new Date().getFullYear()} />}
    </Card>
  );
}

export function TargetsListPage() {
  return <CycleListPage kind="targets" />;
}

export function MonitoringListPage() {
  return <CycleListPage kind="monitoring" />;
}
