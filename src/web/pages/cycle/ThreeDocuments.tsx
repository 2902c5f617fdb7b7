/**
 * One project, three documents side by side (issue 16): per indicator the approved target and
 * weight, the mid-year progress, expected value and likelihood, the self-evaluation's target,
 * actual and score, with the deviations marked (three-documents.ts). Shown on the targets, the
 * monitoring and the evaluation pages; on the evaluation's, `evaluation` is the form as typed.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Space, Spin, Tag } from 'antd';
import { useMemo } from 'react';
import type { Evaluation } from '../../../core/model/evaluation.ts';
import { categoryLabel } from '../../../core/templates/labels.ts';
import { client, unwrap } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { EvaluationDetail } from '../../api/types.ts';
import { formatPoints } from '../../format/numbers.ts';
import { templates } from '../../form/templates.ts';
import { ResponsiveList } from '../../layout/ResponsiveList.tsx';
import { useI18n } from '../../locale/i18n.tsx';
import { approvedTargets, findProjectDocument, getMonitoring, getTargets } from './cycle-kinds.ts';
import { threeDocuments, type Deviation, type ThreeRow } from './three-documents.ts';

const DEVIATION_COLORS: Record<Deviation, string> = { targetChanged: 'error', weightChanged: 'error', removed: 'error', offTrack: 'warning', added: 'gold' };

export function ThreeDocuments({ targetsId, evaluation: typed }: { targetsId: string; evaluation?: Evaluation }) {
  const { t, label, word } = useI18n();
  // Reads of their own ('three-…'), not the editors' (`detail`): an editor's read is dropped when it is
  // left (gcTime 0), and one kept here for minutes would open the editor again on what it first read.
  const detail = useQuery({ queryKey: keys.cycleDocument('targets', targetsId, 'three-detail'), queryFn: ({ signal }) => getTargets(targetsId, signal) });
  const approvedVersion = detail.data?.approvedVersion ?? null;
  const approved = useQuery({
    queryKey: keys.cycleDocument('targets', targetsId, 'version', approvedVersion),
    queryFn: ({ signal }) => approvedTargets(targetsId, approvedVersion!, signal),
    enabled: approvedVersion !== null,
  });
  const project = detail.data && { year: detail.data.targets.year, unit: detail.data.unit.id, code: detail.data.targets.project.code?.trim() ?? '', name: detail.data.targets.project.name };
  const monitoring = useQuery({
    queryKey: keys.cycleDocument('targets', targetsId, 'three-monitoring'),
    queryFn: async ({ signal }) => {
      const found = await findProjectDocument('monitoring', project!, signal);
      return found ? (await getMonitoring(found.id, signal)).monitoring : null;
    },
    enabled: project !== undefined,
  });
  const evaluationId = typed ? null : (detail.data?.evaluationId ?? null);
  const evaluation = useQuery({
    queryKey: keys.evaluationPart(evaluationId ?? '', 'three-detail'),
    queryFn: ({ signal }) => unwrap(client.GET('/api/evaluations/{id}', { params: { path: { id: evaluationId! } }, signal })) as Promise<EvaluationDetail>,
    enabled: evaluationId !== null,
  });
  const year = typed ?? evaluation.data?.evaluation ?? null;
  const rows = useMemo(() => (approved.data ? threeDocuments(approved.data, monitoring.data ?? null, year) : []), [approved.data, monitoring.data, year]);
  if (detail.data && approvedVersion === null) return <Alert type="info" title={t('three.noTargets')} />;
  // All three in before anything is marked: a row judged without its monitoring would show no deviation that is there.
  if (detail.isPending || approved.isPending || monitoring.isPending || (evaluationId !== null && evaluation.isPending)) return <Spin style={{ margin: 32 }} />;
  const template = templates.get(approved.data?.template ?? '');
  const offTrack = rows.filter((r) => r.deviations.includes('offTrack')).length;
  const changed = rows.filter((r) => r.deviations.some((d) => d === 'targetChanged' || d === 'weightChanged' || d === 'removed' || d === 'added')).length;
  const dash = t('three.none');
  const text = (v: string | number | undefined | null) => (v === undefined || v === null || v === '' ? dash : String(v));
  return (
    <div className="three-documents" data-testid="three-documents">
      <div className="three-head">
        <strong>{t('three.title')}</strong>
        <div className="muted">{t('three.hint')}</div>
        <Space wrap size="small" className="three-summary" data-testid="three-summary" data-off-track={offTrack} data-changed={changed}>
          <span className={offTrack ? 'finding-line finding-warning' : 'muted'}>{t('three.summary', { offTrack, changed })}</span>
          {monitoring.data === null && <Tag>{t('three.noMonitoring')}</Tag>}
          {!year && !evaluation.isFetching && <Tag>{t('three.noEvaluation')}</Tag>}
        </Space>
      </div>
      <ResponsiveList<ThreeRow>
        size="small"
        bordered
        rowKey="key"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 1100 }}
        cardTitle="name"
        onRow={(r) => ({ 'data-testid': 'three-row', 'data-name': r.name, 'data-deviations': r.deviations.join(' '), className: r.deviations.length ? 'three-deviates' : undefined } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t('three.indicator'), key: 'name', dataIndex: 'name', width: 200, fixed: 'left', render: (name: string, r) => (
            <>
              <div className="three-name">{name}</div>
              <div className="muted three-category">{template ? label(categoryLabel(template, r.category)) : r.category}</div>
            </>
          ) },
          { title: t('three.approvedTarget'), key: 'approved', width: 110, render: (_, r) => text(r.approved?.target) },
          { title: t('three.weight'), key: 'weight', width: 60, align: 'right', render: (_, r) => (r.approved ? formatPoints(r.approved.weight) : dash) },
          { title: t('three.progress'), key: 'progress', width: 130, render: (_, r) => text(r.monitored?.progress) },
          { title: t('three.expected'), key: 'expected', width: 110, render: (_, r) => <span className={r.deviations.includes('offTrack') ? 'three-off' : undefined}>{text(r.monitored?.expectedYearEnd)}</span> },
          { title: t('three.likelihood'), key: 'likelihood', width: 90, render: (_, r) => (r.monitored ? word(`likelihood.${r.monitored.likelihood}`) : dash) },
          { title: t('three.evaluationTarget'), key: 'evaluationTarget', width: 110, render: (_, r) => <span className={r.deviations.includes('targetChanged') ? 'three-off' : undefined}>{text(r.evaluated?.target)}</span> },
          { title: t('three.actual'), key: 'actual', width: 110, render: (_, r) => text(r.evaluated?.actual) },
          { title: t('three.score'), key: 'score', width: 70, align: 'right', render: (_, r) => (r.evaluated?.score === undefined ? dash : `${formatPoints(r.evaluated.score)} / ${formatPoints(r.evaluated.weight)}`) },
          { title: t('three.deviations'), key: 'deviations', width: 150, render: (_, r) => (
            r.deviations.length === 0 ? dash : (
              <Space size={[0, 4]} wrap>
                {r.deviations.map((d) => <Tag key={d} color={DEVIATION_COLORS[d]} data-testid="deviation" data-kind={d}>{t(`three.${d}`)}</Tag>)}
              </Space>
            )
          ) },
        ]}
      />
    </div>
  );
}
