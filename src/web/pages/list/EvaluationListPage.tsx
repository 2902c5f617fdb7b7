/**
 * The evaluations the user may see, one page at a time (the server pages, in its order: newest
 * year first, then project): filter by year, unit and status, kept in the address with the page.
 * Roles with an inbox open on 待我处理 (what needs their action now: the server's `needsMyAction`),
 * with 全部 beside it.
 * Each row opens the editor.
 */
import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Select, Space } from 'antd';
import { ResponsiveList } from '../../layout/ResponsiveList.tsx';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { client, optionalNumber, unwrap } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import { STATUSES, type Status, type Summary } from '../../api/types.ts';
import { formatDateTime } from '../../format/dates.ts';
import { gradeWord } from '../../format/grades.ts';
import { formatRate } from '../../format/numbers.ts';
import { useI18n } from '../../locale/i18n.tsx';
import { tablePagination, usePagedList } from '../../paging/use-paged-list.ts';
import { useQueryPaging } from '../../paging/use-paging.ts';
import { useSession } from '../../session/session.tsx';
import { UnitSelect } from '../../units/UnitSelect.tsx';
import { StatusTag } from '../StatusTag.tsx';
import { yearOptions } from '../years.ts';
import { inboxStatuses, listQuery } from './inbox.ts';
import { NewEvaluationDialog } from './NewEvaluationDialog.tsx';

type View = 'inbox' | 'all';

export function EvaluationListPage() {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  const paging = useQueryPaging();
  const { params } = paging;
  const year = params.get('year') ?? '';
  const unit = params.get('unit') ?? '';
  const status = params.get('status') ?? '';
  const waiting = inboxStatuses(user?.role);
  // The inbox is where a role with one starts; `view=all` in the address is the full list.
  const view: View = waiting && params.get('view') !== 'all' ? 'inbox' : 'all';
  const inbox = view === 'inbox' ? waiting : null;
  const [creating, setCreating] = useState(false);
  const filters = { year: optionalNumber(year), unit, ...listQuery(inbox, status) };
  const list = usePagedList(keys.evaluationList('list', filters), ({ signal, ...page }) => unwrap(client.GET('/api/evaluations', { params: { query: { ...filters, ...page } }, signal })), paging);
  const statuses = inbox ?? STATUSES;

  return (
    <Card
      className="page-card"
      title={t('list.title')}
      extra={
        <Space>
          {waiting && (
            <Segmented<View>
              value={view}
              // Another view, another status list: its own filter and first page.
              onChange={(v) => paging.filter({ view: v === 'all' ? 'all' : null, status: null })}
              data-testid="list-view"
              options={[
                { value: 'inbox', label: <span data-testid="list-view-inbox">{t('list.needsMyAction')}</span> },
                { value: 'all', label: <span data-testid="list-view-all">{t('list.all')}</span> },
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
        <Select value={year} onChange={(v) => paging.filter({ year: v })} options={[{ value: '', label: t('list.allYears') }, ...yearOptions()]} style={{ width: 120 }} aria-label={t('list.col.year')} data-testid="filter-year" />
        <UnitSelect value={unit} onChange={(v) => paging.filter({ unit: v })} extra={[{ value: '', label: t('list.allUnits') }]} placeholder={t('list.allUnits')} style={{ width: 260 }} testId="filter-unit" />
        <Select
          value={statuses.includes(status as Status) ? status : ''}
          onChange={(v) => paging.filter({ status: v })}
          options={[{ value: '', label: t(inbox ? 'list.allWaiting' : 'list.allStatuses') }, ...statuses.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
          style={{ width: 130 }}
          aria-label={t('list.col.status')}
          data-testid="filter-status"
        />
      </Space>
      <ResponsiveList<Summary>
        size="small"
        bordered
        rowKey={(r) => String(r.id)}
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={tablePagination(paging, list.data?.total ?? 0, t)}
        locale={inbox ? { emptyText: t('list.needsMyActionEmpty') } : undefined}
        data-testid="evaluation-table"
        // A phone scrolls the table sideways rather than squeezing the names a character a line.
        scroll={{ x: 960 }}
        onRow={(r) => ({ 'data-testid': 'evaluation-row', 'data-id': String(r.id), 'data-status': r.status } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t('list.col.project'), dataIndex: 'project', render: (p: string, r) => <Link to={`/evaluations/${r.id}`} data-testid="evaluation-link">{p || t('editor.untitled')}</Link> },
          { title: t('list.col.year'), dataIndex: 'year', width: 70, align: 'center' },
          { title: t('list.col.unit'), dataIndex: ['unit', 'name'] },
          { title: t('list.col.status'), dataIndex: 'status', width: 90, align: 'center', render: (s: Status) => <StatusTag status={s} /> },
          // No sorting by column: a page sorted in the browser would pass for the whole list's order.
          { title: t('list.col.score'), dataIndex: 'score', width: 80, align: 'right' },
          { title: t('list.col.grade'), dataIndex: 'grade', width: 90, align: 'center', render: (g: string) => gradeWord(g, lang) },
          { title: t('list.col.rate'), dataIndex: 'executionRate', width: 100, align: 'right', render: (r: string | null) => formatRate(r) },
          { title: t('list.col.updated'), dataIndex: 'updatedAt', width: 150, render: (d: string) => formatDateTime(d, lang) },
        ]}
      />
      <NewEvaluationDialog open={creating} onClose={() => setCreating(false)} year={Number(year) || new Date().getFullYear() - 1} />
    </Card>
  );
}
