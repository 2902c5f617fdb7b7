/**
 * The document's frozen versions (stored at submit, approve and accept, append-only), oldest
 * first: who froze it when, its content hash and whether the stored copy still matches it, and an
 * approved adjustment's reason.
 */
import { useQuery } from '@tanstack/react-query';
import { Tag } from 'antd';
import { keys } from '../../api/queries.ts';
import type { CycleStatus, CycleVersion } from '../../api/types.ts';
import { formatDateTime } from '../../format/dates.ts';
import { ResponsiveList } from '../../layout/ResponsiveList.tsx';
import { useI18n } from '../../locale/i18n.tsx';
import { CycleStatusTag } from './CycleStatusTag.tsx';
import { listVersions, type CycleKind } from './cycle-kinds.ts';

export function CycleVersions({ kind, id }: { kind: CycleKind; id: string }) {
  const { t, lang } = useI18n();
  const versions = useQuery({ queryKey: keys.cycleDocument(kind, id, 'versions'), queryFn: ({ signal }) => listVersions(kind, id, signal) });
  return (
    <ResponsiveList<CycleVersion>
      size="small"
      bordered
      rowKey={(v) => String(v.number)}
      loading={versions.isFetching}
      dataSource={versions.data?.items ?? []}
      pagination={false}
      locale={{ emptyText: t('cycle.versionsEmpty') }}
      data-testid="cycle-versions"
      onRow={(v) => ({ 'data-testid': 'cycle-version', 'data-number': v.number, 'data-action': v.action } as React.HTMLAttributes<HTMLElement>)}
      columns={[
        { title: t('versions.number'), dataIndex: 'number', width: 70, align: 'center', render: (n: number) => t('versions.v', { number: n }) },
        { title: t('versions.action'), dataIndex: 'action', width: 90, render: (a: CycleVersion['action']) => t(`cycle.versionAction.${a}`) },
        { title: t('versions.status'), dataIndex: 'status', width: 110, render: (s: CycleStatus) => <CycleStatusTag status={s} /> },
        { title: t('cycle.versionReason'), dataIndex: 'reason', render: (r: string | null) => r ?? '' },
        { title: t('versions.by'), dataIndex: ['frozenBy', 'displayName'], width: 120 },
        { title: t('versions.at'), dataIndex: 'frozenAt', width: 150, render: (d: string) => formatDateTime(d, lang) },
        { title: t('versions.hash'), dataIndex: 'contentHash', width: 130, render: (h: string) => <code title={h}>{h.slice(0, 12)}…</code> },
        { title: t('versions.intact'), dataIndex: 'intact', width: 110, render: (ok: boolean) => <Tag color={ok ? 'success' : 'error'}>{t(ok ? 'versions.ok' : 'versions.tampered')}</Tag> },
      ]}
    />
  );
}
