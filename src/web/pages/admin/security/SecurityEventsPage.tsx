/**
 * 安全日志 (admin): logins and their failures, logouts, passwords changed and reset, users made,
 * disabled, enabled or moved, and downloads of what is not public — newest first, a page at a
 * time from the server, filtered by event, username and days (all kept in the address).
 */
import { Card, Tag } from 'antd';
import { ResponsiveList } from '../../../layout/ResponsiveList.tsx';
import { client, unwrap } from '../../../api/client.ts';
import type { Query, SecurityAction, SecurityEvent, SecurityPerson } from '../../../api/types.ts';
import { dayStart, formatDateTime } from '../../../format/dates.ts';
import { useI18n } from '../../../locale/i18n.tsx';
import { tablePagination, usePagedList } from '../../../paging/use-paged-list.ts';
import { useQueryPaging } from '../../../paging/use-paging.ts';
import { SecurityEventDetail } from './SecurityEventDetail.tsx';
import { SecurityEventFilters } from './SecurityEventFilters.tsx';
import { actionKey } from './security-words.ts';

const COLORS: Partial<Record<SecurityAction, string>> = {
  'login.succeeded': 'green',
  'login.failed': 'red',
  'password.changed': 'orange',
  'password.reset': 'orange',
  'user.created': 'blue',
  'user.disabled': 'volcano',
  'user.enabled': 'cyan',
  'user.roleChanged': 'geekblue',
  'user.unitChanged': 'geekblue',
  download: 'purple',
};

function Person({ person }: { person: SecurityPerson | null }) {
  if (!person) return <span className="muted">—</span>;
  return <span className="nowrap">{person.displayName} <span className="muted">({person.username})</span></span>;
}

export function SecurityEventsPage() {
  const { t, lang } = useI18n();
  const paging = useQueryPaging();
  const { params } = paging;
  const filter = { action: params.get('action') ?? '', username: params.get('username') ?? '', from: params.get('from') ?? '', to: params.get('to') ?? '' };
  // The days picked are the reader's; the server compares instants, `to` exclusive: the day after the last one picked.
  const asked = { action: (filter.action || undefined) as Query<'/api/admin/security-events'>['action'], username: filter.username, from: dayStart(filter.from) ?? undefined, to: dayStart(filter.to, 1) ?? undefined };
  const events = usePagedList(['security-events', asked], ({ signal, ...page }) => unwrap(client.GET('/api/admin/security-events', { params: { query: { ...asked, ...page } }, signal })), paging);

  return (
    <Card className="page-card" title={t('security.title')}>
      <SecurityEventFilters value={filter} onChange={paging.filter} />
      <ResponsiveList<SecurityEvent>
        size="small"
        bordered
        rowKey="id"
        loading={events.isFetching}
        dataSource={events.data?.items ?? []}
        pagination={tablePagination(paging, events.data?.total ?? 0, t)}
        locale={{ emptyText: t('security.empty') }}
        scroll={{ x: 1200 }}
        data-testid="security-table"
        onRow={(e) => ({ 'data-testid': 'security-row', 'data-action': e.action, 'data-username': e.user?.username ?? e.username ?? '' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('security.at'), dataIndex: 'at', width: 170, render: (at: string) => <span className="nowrap">{formatDateTime(at, lang, { seconds: true })}</span> },
          { title: t('security.action'), dataIndex: 'action', width: 120, render: (a: SecurityAction) => <Tag color={COLORS[a] ?? 'default'}>{t(actionKey(a))}</Tag> },
          { title: t('security.user'), key: 'user', width: 180, render: (_, e) => <Person person={e.user} /> },
          { title: t('security.typed'), dataIndex: 'username', width: 130, render: (u: string | null) => (u ? <span className="unit-code-cell">{u}</span> : <span className="muted">—</span>) },
          { title: t('security.address'), dataIndex: 'address', width: 140, render: (a: string | null) => (a ? <span className="unit-code-cell">{a}</span> : <span className="muted">—</span>) },
          { title: t('security.subject'), key: 'subject', width: 180, render: (_, e) => <Person person={e.subject} /> },
          { title: t('security.detail'), key: 'detail', render: (_, e) => <SecurityEventDetail event={e} /> },
        ]}
      />
    </Card>
  );
}
