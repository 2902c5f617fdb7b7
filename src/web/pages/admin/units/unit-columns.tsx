/** The columns of the unit tree and of the search results: code, name, kind, parent (when searching), units below, and the admin's actions. */
import { Popconfirm, Space, Spin, Tag, Button, App, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { ApiError, client, unwrap } from '../../../api/client.ts';
import type { UnitRecord } from '../../../api/types.ts';
import type { I18n } from '../../../locale/i18n.tsx';
import { useI18n } from '../../../locale/i18n.tsx';
import { rememberUnits } from '../../../units/unit-cache.ts';
import { UnitName } from '../../../units/UnitName.tsx';
import type { TreeRow } from './use-unit-tree.ts';

interface Options {
  t: I18n['t'];
  searching: boolean;
  onEdit: (unit: UnitRecord) => void;
  onAddBelow: (unit: UnitRecord) => void;
  onChanged: () => void;
}

export function unitColumns({ t, searching, onEdit, onAddBelow, onChanged }: Options): TableColumnsType<TreeRow> {
  const columns: TableColumnsType<TreeRow> = [
    {
      title: t('units.code'),
      dataIndex: 'code',
      width: 160,
      render: (code: string, r) => (r.stub ? <StubCell row={r} /> : <span className="unit-code-cell">{code}</span>),
      onCell: (r) => (r.stub ? { colSpan: searching ? 6 : 5 } : {}),
    },
    {
      title: t('units.name'),
      dataIndex: 'name',
      width: 280,
      onCell: (r) => (r.stub ? { colSpan: 0 } : {}),
      render: (name: string, r) => (
        <Space size={6}>
          <span data-testid="unit-row-name">{name}</span>
          {r.disabled && <Tag data-testid="unit-disabled-tag">{t('unit.disabledTag')}</Tag>}
        </Space>
      ),
    },
    { title: t('units.kind'), key: 'kind', width: 90, onCell: (r) => (r.stub ? { colSpan: 0 } : {}), render: (_, r) => (r.parentId === null ? <Tag color="blue">{t('units.department')}</Tag> : t('units.budgetUnit')) },
  ];
  if (searching) columns.push({ title: t('units.parent'), dataIndex: 'parentId', width: 220, onCell: (r) => (r.stub ? { colSpan: 0 } : {}), render: (id: string | null) => (id ? <UnitName id={id} /> : t('users.bureau')) });
  columns.push(
    { title: t('units.childCount'), dataIndex: 'children', width: 90, align: 'right', onCell: (r) => (r.stub ? { colSpan: 0 } : {}) },
    {
      title: t('units.actions'),
      key: 'actions',
      width: 230,
      onCell: (r) => (r.stub ? { colSpan: 0 } : {}),
      render: (_, r) => <UnitActions unit={r} onEdit={onEdit} onAddBelow={onAddBelow} onChanged={onChanged} />,
    },
  );
  return columns;
}

function StubCell({ row }: { row: TreeRow }) {
  const { t } = useI18n();
  if (row.stub?.kind === 'loading') return <Spin size="small" />;
  return <span className="muted">{t('unit.more', { count: row.stub?.kind === 'more' ? row.stub.count : 0 })}</span>;
}

function UnitActions({ unit, onEdit, onAddBelow, onChanged }: { unit: UnitRecord; onEdit: (u: UnitRecord) => void; onAddBelow: (u: UnitRecord) => void; onChanged: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const setDisabled = async (disabled: boolean) => {
    setBusy(true);
    try {
      rememberUnits([await unwrap(client.PATCH('/api/units/{id}', { params: { path: { id: unit.id } }, body: { disabled } }))]);
      onChanged();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('error.network'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={() => onEdit(unit)} data-testid="unit-edit">{t('common.edit')}</Button>
      {!unit.disabled && <Button type="link" size="small" onClick={() => onAddBelow(unit)} data-testid="unit-add-below">{t('units.addBelow')}</Button>}
      <Popconfirm
        title={t(unit.disabled ? 'units.enableConfirm' : 'units.disableConfirm', { name: unit.name })}
        styles={{ root: { maxWidth: 360 } }}
        onConfirm={() => void setDisabled(!unit.disabled)}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: !unit.disabled, 'data-testid': 'confirm-ok' } as Record<`data-${string}`, string>}
      >
        <Button type="link" size="small" danger={!unit.disabled} loading={busy} data-testid={unit.disabled ? 'unit-enable' : 'unit-disable'}>
          {t(unit.disabled ? 'common.enable' : 'common.disable')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
