/**
 * 用户管理 (admin): the users a page at a time (the server pages and filters: by name, role, unit,
 * state), adding one (its one-time password shown once), changing one's name, role or unit,
 * resetting a password (a new one-time password, shown once) and disabling or enabling a user.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Tag } from 'antd';
import { ResponsiveList } from '../../../layout/ResponsiveList.tsx';
import { useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../../api/client.ts';
import { keys } from '../../../api/queries.ts';
import { ROLES, type Role, type UserRecord } from '../../../api/types.ts';
import { formatDateTime } from '../../../format/dates.ts';
import { useI18n } from '../../../locale/i18n.tsx';
import { UnitSelect } from '../../../units/UnitSelect.tsx';
import { OneTimePasswordDialog, type OneTimePassword } from './OneTimePasswordDialog.tsx';
import { UserActions } from './UserActions.tsx';
import { UserDialog, type UserDialogMode } from './UserDialog.tsx';

interface Filter {
  q: string;
  role: Role | '';
  unit: string;
  disabled: '' | 'true' | 'false';
}

const PAGE_SIZES = [20, 50, 100];

export function UsersPage() {
  const { t, lang } = useI18n();
  const [filter, setFilter] = useState<Filter>({ q: '', role: '', unit: '', disabled: '' });
  const [page, setPage] = useState({ current: 1, size: 20 });
  const [dialog, setDialog] = useState<UserDialogMode | null>(null);
  const [password, setPassword] = useState<OneTimePassword | null>(null);
  const ask = { ...filter, role: filter.role || undefined, disabled: filter.disabled || undefined, limit: page.size, offset: (page.current - 1) * page.size };
  const users = useQuery({
    queryKey: keys.userList(ask),
    queryFn: ({ signal }) => unwrap(client.GET('/api/users', { params: { query: ask }, signal })),
    placeholderData: keepPreviousData,
  });
  const queries = useQueryClient();
  const reload = () => void queries.invalidateQueries({ queryKey: keys.users });
  // A new filter starts from the first page.
  const filterBy = (change: Partial<Filter>) => {
    setFilter((f) => ({ ...f, ...change }));
    setPage((p) => ({ ...p, current: 1 }));
  };

  return (
    <Card
      className="page-card"
      title={t('users.title')}
      extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })} data-testid="user-add">{t('users.add')}</Button>}
    >
      <Space wrap className="filters">
        <Input.Search allowClear placeholder={t('users.search')} onSearch={(q) => filterBy({ q: q.trim() })} style={{ width: 220 }} data-testid="user-search" />
        <Select<Role | ''>
          value={filter.role}
          onChange={(role) => filterBy({ role })}
          options={[{ value: '', label: t('users.allRoles') }, ...ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))]}
          style={{ width: 150 }}
          data-testid="user-filter-role"
        />
        <UnitSelect value={filter.unit} onChange={(unit) => filterBy({ unit: unit ?? '' })} extra={[{ value: '', label: t('users.allUnits') }]} placeholder={t('users.allUnits')} style={{ width: 240 }} testId="user-filter-unit" />
        <Select<Filter['disabled']>
          value={filter.disabled}
          onChange={(disabled) => filterBy({ disabled })}
          options={[
            { value: '', label: t('users.anyState') },
            { value: 'false', label: t('common.enabled') },
            { value: 'true', label: t('common.disabled') },
          ]}
          style={{ width: 110 }}
          data-testid="user-filter-state"
        />
      </Space>
      <ResponsiveList<UserRecord>
        size="small"
        bordered
        rowKey="id"
        loading={users.isFetching}
        dataSource={users.data?.items ?? []}
        scroll={{ x: 1360 }}
        pagination={{
          current: page.current,
          pageSize: page.size,
          total: users.data?.total ?? 0,
          pageSizeOptions: PAGE_SIZES,
          showSizeChanger: true,
          showTotal: (total) => t('common.rows', { total }),
          onChange: (current, size) => setPage({ current: size === page.size ? current : 1, size }),
        }}
        onRow={(u) => ({ 'data-testid': 'user-row', 'data-username': u.username }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('users.username'), dataIndex: 'username', width: 150, fixed: 'left', render: (name: string) => <span className="unit-code-cell nowrap">{name}</span> },
          { title: t('users.displayName'), dataIndex: 'displayName', width: 130 },
          { title: t('users.role'), dataIndex: 'role', width: 120, render: (r: Role) => t(`role.${r}`) },
          {
            title: t('users.unit'),
            key: 'unit',
            width: 260,
            render: (_, u) => (u.unit ? <span>{u.unit.name} <span className="muted">{u.unitCode}</span></span> : <span className="muted">{t('users.bureau')}</span>),
          },
          {
            title: t('users.state'),
            key: 'state',
            width: 170,
            render: (_, u) => (
              <Space size={4} wrap>
                {u.disabled ? <Tag data-testid="user-state" data-state="disabled">{t('common.disabled')}</Tag> : <Tag color="green" data-testid="user-state" data-state="enabled">{t('common.enabled')}</Tag>}
                {u.mustChangePassword && <Tag color="orange">{t('users.mustChange')}</Tag>}
              </Space>
            ),
          },
          { title: t('users.created'), dataIndex: 'createdAt', width: 140, render: (at: string) => formatDateTime(at, lang) },
          { title: t('users.passwordChanged'), dataIndex: 'passwordChangedAt', width: 140, render: (at: string | null) => (at ? formatDateTime(at, lang) : '—') },
          {
            title: t('users.actions'),
            key: 'actions',
            width: 240,
            render: (_, u) => <UserActions user={u} onEdit={() => setDialog({ kind: 'edit', user: u })} onPassword={setPassword} onChanged={reload} />,
          },
        ]}
      />
      <UserDialog
        mode={dialog}
        onClose={() => setDialog(null)}
        onCreated={(created) => {
          setDialog(null);
          setPassword({ username: created.user.username, password: created.oneTimePassword });
          reload();
        }}
        onSaved={() => {
          setDialog(null);
          reload();
        }}
      />
      <OneTimePasswordDialog shown={password} onClose={() => setPassword(null)} />
    </Card>
  );
}
