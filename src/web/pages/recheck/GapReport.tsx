/** The draw's gap report: by unit, then form by form (the flagged in red), and its XLSX. */
import { FileExcelOutlined } from '@ant-design/icons';
import { Button, Card, Tag } from 'antd';
import { ResponsiveList } from '../../layout/ResponsiveList.tsx';
import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import { formatPoints } from '../../format/numbers.ts';
import { useI18n } from '../../locale/i18n.tsx';

const gapText = (v: number | null) => (v === null ? '—' : v > 0 ? `+${formatPoints(v)}` : formatPoints(v));

/** Asked again after each save of re-check scores (the draw page invalidates it). */
export function GapReport({ drawId }: { drawId: string }) {
  const { t, lang } = useI18n();
  const report = useQuery({
    queryKey: keys.recheckPart(drawId, 'report'),
    queryFn: ({ signal }) => unwrap(client.GET('/api/rechecks/{id}/report', { params: { path: { id: drawId } }, signal })),
  });
  if (!report.data) return null;
  return (
    <Card
      className="page-card"
      size="small"
      title={`${t('recheck.report')} · ${t('recheck.threshold', { threshold: report.data.threshold })}`}
      extra={<Button icon={<FileExcelOutlined />} href={`/api/rechecks/${encodeURIComponent(drawId)}/report.xlsx?lang=${lang}`} data-testid="recheck-report-xlsx">{t('export.xlsx')}</Button>}
    >
      <ResponsiveList
        size="small"
        bordered
        rowKey={(u) => u.unit.id}
        dataSource={report.data.units}
        pagination={false}
        scroll={{ x: 720 }}
        data-testid="recheck-report-units"
        columns={[
          { title: t('recheck.unit'), dataIndex: ['unit', 'name'] },
          { title: t('recheck.forms'), dataIndex: 'drawn', align: 'right' },
          { title: t('recheck.rechecked'), dataIndex: 'rechecked', align: 'right' },
          { title: t('recheck.flagged'), dataIndex: 'flagged', align: 'right', render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : n) },
          { title: t('recheck.meanGap'), dataIndex: 'meanGap', align: 'right', render: gapText },
          { title: t('recheck.meanAbsoluteGap'), dataIndex: 'meanAbsoluteGap', align: 'right', render: (v: number | null) => (v === null ? '—' : formatPoints(v)) },
          { title: t('recheck.maxGap'), dataIndex: 'maxGap', align: 'right', render: gapText },
        ]}
      />
      {/* The report comes whole from the server (GET …/report is not paged): its forms are paged here. */}
      <ResponsiveList
        style={{ marginTop: 12 }}
        size="small"
        bordered
        rowKey="evaluationId"
        dataSource={report.data.forms}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 640 }}
        columns={[
          { title: t('recheck.unit'), dataIndex: ['unit', 'name'] },
          { title: t('recheck.project'), dataIndex: 'project' },
          { title: t('recheck.selfTotal'), dataIndex: 'selfTotal', align: 'right', render: (v: number) => formatPoints(v) },
          { title: t('recheck.recheckTotal'), dataIndex: 'recheckTotal', align: 'right', render: (v: number | null) => (v === null ? t('recheck.pending') : formatPoints(v)) },
          { title: t('recheck.gap'), dataIndex: 'gap', align: 'right', render: (v: number | null, f) => (f.flagged ? <Tag color="red">{gapText(v)}</Tag> : gapText(v)) },
        ]}
      />
    </Card>
  );
}
