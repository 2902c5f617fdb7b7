/**
 * The frozen versions of an evaluation (one per submit and approval) with their content hash and
 * whether the stored copy still matches it, and the field-by-field differences between any two of
 * them or a version and the current form.
 */
import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Drawer, Empty, Select, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Template } from '../../../core/templates/template.ts';
import { client, unwrap } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { FieldChange, VersionSummary } from '../../api/types.ts';
import { formatDateTime } from '../../format/dates.ts';
import { useI18n } from '../../locale/i18n.tsx';
import { changeField, changeValue } from './change-words.ts';

type Ref = number | 'current';

interface Props {
  id: string;
  template: Template;
  open: boolean;
  onClose: () => void;
}

/** Read when opened, and again when the form changed (a save or a transition invalidates its `versions` and `diff`). */
export function VersionsDrawer({ id, template, open, onClose }: Props) {
  const { t } = useI18n();
  const versions = useQuery({
    queryKey: keys.evaluationPart(id, 'versions'),
    queryFn: ({ signal }) => unwrap(client.GET('/api/evaluations/{id}/versions', { params: { path: { id } }, signal })),
    enabled: open,
  });
  const items = versions.data?.items ?? [];
  return (
    <Drawer title={t('versions.title')} open={open} onClose={onClose} size="large" data-testid="versions-drawer" destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('versions.hint')}</Typography.Paragraph>
      {versions.isPending ? <Spin /> : items.length === 0 ? <Empty description={t('versions.empty')} /> : (
        <>
          <VersionTable items={items} />
          <Compare id={id} template={template} items={items} />
        </>
      )}
    </Drawer>
  );
}

function VersionTable({ items }: { items: VersionSummary[] }) {
  const { t, lang } = useI18n();
  return (
    <Table<VersionSummary>
      rowKey="number"
      size="small"
      pagination={false}
      dataSource={items}
      data-testid="versions-table"
      onRow={(v) => ({ 'data-testid': 'version-row', 'data-number': v.number }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('versions.number'), dataIndex: 'number', width: 72, render: (n: number) => t('versions.v', { number: n }) },
        { title: t('versions.action'), dataIndex: 'action', width: 90, render: (a: VersionSummary['action']) => t(`audit.action.${a}`) },
        { title: t('versions.status'), dataIndex: 'status', width: 80, render: (s: VersionSummary['status']) => t(`status.${s}`) },
        {
          title: t('versions.hash'),
          dataIndex: 'contentHash',
          render: (hash: string, v) => (
            <Space size={4}>
              <Tooltip title={hash}><Typography.Text code style={{ whiteSpace: "nowrap" }} data-testid="version-hash">{hash.slice(0, 12)}</Typography.Text></Tooltip>
              {v.sameAs !== null && <Typography.Text type="secondary">{t('versions.sameAs', { number: v.sameAs })}</Typography.Text>}
            </Space>
          ),
        },
        {
          title: t('versions.intact'),
          dataIndex: 'intact',
          width: 150,
          render: (intact: boolean) =>
            intact
              ? <Tag color="green" icon={<CheckCircleOutlined />} data-testid="version-intact">{t('versions.ok')}</Tag>
              : <Tag color="red" icon={<WarningOutlined />} data-testid="version-tampered">{t('versions.tampered')}</Tag>,
        },
        { title: t('versions.by'), dataIndex: ['frozenBy', 'displayName'], width: 110 },
        { title: t('versions.at'), dataIndex: 'frozenAt', width: 140, render: (at: string) => formatDateTime(at, lang) },
      ]}
    />
  );
}

/** Two pickers (a version or the current form) and the changes from the first to the second. */
function Compare({ id, template, items }: { id: string; template: Template; items: VersionSummary[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const last = items[items.length - 1]!.number;
  // By default: the previous version against the last one (what the resubmission changed), or the only one against the form now.
  const [from, setFrom] = useState<Ref>(items.length > 1 ? items[items.length - 2]!.number : last);
  const [to, setTo] = useState<Ref>(items.length > 1 ? last : 'current');
  useEffect(() => {
    if (typeof from === 'number' && from > last) setFrom(last);
  }, [from, last]);
  const diff = useQuery({
    queryKey: keys.evaluationPart(id, 'diff', { from, to }),
    queryFn: ({ signal }) => unwrap(client.GET('/api/evaluations/{id}/diff', { params: { path: { id }, query: { from: String(from), to: String(to) } }, signal })),
    placeholderData: keepPreviousData,
  });
  const options = [
    ...items.map((v) => ({ value: String(v.number), label: `${t('versions.v', { number: v.number })} · ${t(`audit.action.${v.action}`)}` })),
    { value: 'current', label: t('versions.current') },
  ];
  const parse = (value: string): Ref => (value === 'current' ? 'current' : Number(value));
  const changes = diff.data?.changes ?? [];
  return (
    <div style={{ marginTop: 16 }}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('versions.compare')}</Typography.Text>
        <span>{t('versions.from')}</span>
        <Select value={String(from)} onChange={(v) => setFrom(parse(v))} options={options} style={{ width: 160 }} data-testid="diff-from" />
        <span>→ {t('versions.to')}</span>
        <Select value={String(to)} onChange={(v) => setTo(parse(v))} options={options} style={{ width: 160 }} data-testid="diff-to" />
      </Space>
      <Table<FieldChange>
        rowKey="path"
        size="small"
        loading={diff.isFetching}
        pagination={false}
        dataSource={changes}
        data-testid="diff-table"
        locale={{ emptyText: <Empty description={t('versions.noChanges')} /> }}
        onRow={() => ({ 'data-testid': 'diff-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('versions.field'), key: 'field', width: '34%', render: (_, c) => changeField(c, template, i18n) },
          { title: t('versions.before'), key: 'from', render: (_, c) => <del className="diff-before">{changeValue(c, 'from', i18n, template)}</del> },
          { title: t('versions.after'), key: 'to', render: (_, c) => <ins className="diff-after" style={{ textDecoration: 'none' }}>{changeValue(c, 'to', i18n, template)}</ins> },
        ]}
      />
    </div>
  );
}
