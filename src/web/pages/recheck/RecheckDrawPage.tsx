/** One draw: its parameters and strata, the drawn forms to re-check one by one, and the gap report. */
import { FileExcelOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { useLoad } from '../../api/use-load.ts';
import { formatDateTime } from '../../format/dates.ts';
import { formatPoints } from '../../format/numbers.ts';
import { useI18n } from '../../locale/i18n.tsx';
import type { RecheckDetail, RecheckForm, RecheckReport } from './recheck-types.ts';
import { RecheckScores } from './RecheckScores.tsx';

const gapText = (v: number | null) => (v === null ? '—' : v > 0 ? `+${formatPoints(v)}` : formatPoints(v));

export function RecheckDrawPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const [tick, setTick] = useState(0);
  const detail = useLoad(() => api.get<RecheckDetail>(`/api/rechecks/${encodeURIComponent(id)}`), id);
  const report = useLoad(() => api.get<RecheckReport>(`/api/rechecks/${encodeURIComponent(id)}/report`), `${id}:${tick}`);
  const [selected, setSelected] = useState<string | null>(null);
  const [forms, setForms] = useState<Record<string, RecheckForm>>({});
  const d = detail.data;
  const formOf = (f: RecheckForm) => forms[f.id] ?? f;
  const current = d?.evaluations.find((e) => e.id === (selected ?? d.evaluations[0]?.id));

  return (
    <div className="recheck-page">
      <Card className="page-card" title={<Space><Link to={`/rechecks?year=${d?.year ?? ''}`}>{t('recheck.back')}</Link><span>{t('recheck.title')} {d?.year}</span></Space>} loading={detail.loading && !d}>
        {d ? (
          <Descriptions size="small" column={3} bordered>
            <Descriptions.Item label={t('recheck.seed')}>{d.seed}</Descriptions.Item>
            <Descriptions.Item label={t('recheck.minimumShare')}>{d.parameters.minimumShare}</Descriptions.Item>
            <Descriptions.Item label={t('recheck.forms')}>{t('recheck.drawn', { drawn: d.drawn, population: d.population })}</Descriptions.Item>
            <Descriptions.Item label={t('recheck.drawnBy')}>{d.drawnBy.displayName}</Descriptions.Item>
            <Descriptions.Item label={t('recheck.drawnAt')}>{formatDateTime(d.drawnAt, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('recheck.strata', { count: d.strata.length })}>
              {d.strata.map((s) => <Tag key={`${s.unit.id}:${s.band}`}>{s.unit.name} · {s.bandLabel} · {s.evaluationIds.length}/{s.population}</Tag>)}
            </Descriptions.Item>
          </Descriptions>
        ) : null}
      </Card>
      {d && current ? (
        <Card className="page-card" size="small" title={t('recheck.forms')}>
          <Select
            style={{ minWidth: 480, marginBottom: 8 }}
            value={current.id}
            onChange={setSelected}
            data-testid="recheck-form-select"
            options={d.evaluations.map((e) => ({ value: e.id, label: `${formOf(e).complete ? '✓' : '·'} ${e.unit.name} · ${e.project} · ${t(formOf(e).complete ? 'recheck.complete' : 'recheck.pending')}` }))}
          />
          <RecheckScores drawId={d.id} form={formOf(current)} onSaved={(saved) => { setForms((all) => ({ ...all, [saved.id]: saved })); setTick((n) => n + 1); }} />
        </Card>
      ) : null}
      {report.data ? (
        <Card
          className="page-card"
          size="small"
          title={`${t('recheck.report')} · ${t('recheck.threshold', { threshold: report.data.threshold })}`}
          extra={<Button icon={<FileExcelOutlined />} href={`/api/rechecks/${encodeURIComponent(id)}/report.xlsx?lang=${lang}`} data-testid="recheck-report-xlsx">{t('export.xlsx')}</Button>}
        >
          <Table
            size="small"
            bordered
            rowKey={(u) => u.unit.id}
            dataSource={report.data.units}
            pagination={false}
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
          <Table
            style={{ marginTop: 12 }}
            size="small"
            bordered
            rowKey="evaluationId"
            dataSource={report.data.forms}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              { title: t('recheck.unit'), dataIndex: ['unit', 'name'] },
              { title: t('recheck.project'), dataIndex: 'project' },
              { title: t('recheck.selfTotal'), dataIndex: 'selfTotal', align: 'right', render: (v: number) => formatPoints(v) },
              { title: t('recheck.recheckTotal'), dataIndex: 'recheckTotal', align: 'right', render: (v: number | null) => (v === null ? t('recheck.pending') : formatPoints(v)) },
              { title: t('recheck.gap'), dataIndex: 'gap', align: 'right', render: (v: number | null, f) => (f.flagged ? <Tag color="red">{gapText(v)}</Tag> : gapText(v)) },
            ]}
          />
        </Card>
      ) : null}
    </div>
  );
}
