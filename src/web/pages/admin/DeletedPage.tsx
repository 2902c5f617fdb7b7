/**
 * The admin's list of deleted evaluations, most recently deleted first, one page at a time from
 * the server: who deleted each and when, and a restore button (the page is asked again after it).
 */
import { UndoOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm } from 'antd';
import { ResponsiveList } from '../../layout/ResponsiveList.tsx';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, client, unwrap } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { DeletedSummary } from '../../api/types.ts';
import { formatDateTime } from '../../format/dates.ts';
import { useI18n } from '../../locale/i18n.tsx';
import { tablePagination, usePagedList } from '../../paging/use-paged-list.ts';
import { useStatePaging } from '../../paging/use-paging.ts';
import { StatusTag } from '../StatusTag.tsx';

export function DeletedPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const paging = useStatePaging('deleted');
  const list = usePagedList(keys.evaluationList('deleted', {}), ({ signal, ...page }) => unwrap(client.GET('/api/admin/deleted', { params: { query: page }, signal })), paging);
  const queries = useQueryClient();

  const restore = async (id: string) => {
    setBusy(id);
    try {
      await unwrap(client.POST('/api/evaluations/{id}/restore', { params: { path: { id } } }));
      message.success(t('deleted.restored'));
      // Back in every list, the dashboard and its own page.
      await Promise.all([queries.invalidateQueries({ queryKey: keys.evaluations }), queries.invalidateQueries({ queryKey: keys.evaluation(id) })]);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('error.network'));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card className="page-card" title={t('deleted.title')}>
      <ResponsiveList<DeletedSummary>
        rowKey={(r) => String(r.id)}
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={tablePagination(paging, list.data?.total ?? 0, t)}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('deleted.empty') }}
        data-testid="deleted-table"
        onRow={(r) => ({ 'data-testid': 'deleted-row', 'data-id': String(r.id) }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('list.col.project'), dataIndex: 'project', render: (project: string, r) => <Link to={`/evaluations/${r.id}`}>{project}</Link> },
          { title: t('list.col.year'), dataIndex: 'year', width: 70 },
          { title: t('list.col.unit'), dataIndex: ['unit', 'name'] },
          { title: t('list.col.status'), dataIndex: 'status', width: 90, render: (s: DeletedSummary['status']) => <StatusTag status={s} /> },
          { title: t('deleted.by'), key: 'by', width: 120, render: (_, r) => r.deletedBy?.displayName ?? '—' },
          { title: t('deleted.at'), dataIndex: 'deletedAt', width: 150, render: (at: string) => formatDateTime(at, lang) },
          {
            key: 'restore',
            width: 100,
            render: (_, r) => (
              <Popconfirm
                title={t('deleted.restoreConfirm')}
                onConfirm={() => void restore(String(r.id))}
                okText={t('common.ok')}
                cancelText={t('common.cancel')}
                okButtonProps={{ 'data-testid': 'restore-confirm' } as Record<`data-${string}`, string>}
              >
                <Button icon={<UndoOutlined />} loading={busy === String(r.id)} data-testid="restore-evaluation">{t('deleted.restore')}</Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
