/**
 * One draw: its parameters and strata, the drawn forms a page at a time (the server pages them in
 * draw order) to re-check one by one, and the gap report.
 */
import { Button, Card, Space } from 'antd';
import { ExclamationCircleOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import { useI18n } from '../../locale/i18n.tsx';
import { limitOffset } from '../../paging/page-query.ts';
import { useStatePaging } from '../../paging/use-paging.ts';
import { DRAWN_PAGE_SIZES, DrawnForms } from './DrawnForms.tsx';
import { DrawSummary } from './DrawSummary.tsx';
import { GapReport } from './GapReport.tsx';
import type { RecheckForm } from './recheck-types.ts';
import { RecheckScores } from './RecheckScores.tsx';
import { RaiseDialog } from '../rectification/RaiseDialog.tsx';
import { recheckGapProblem } from './recheck-problem.ts';

export function RecheckDrawPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const paging = useStatePaging(id, DRAWN_PAGE_SIZES[0]);
  const page = limitOffset(paging.page);
  const detail = useQuery({
    queryKey: keys.recheckPart(id, 'page', page),
    queryFn: ({ signal }) => unwrap(client.GET('/api/rechecks/{id}', { params: { path: { id }, query: page }, signal })),
    placeholderData: keepPreviousData,
  });
  const queries = useQueryClient();
  const [selected, setSelected] = useState<string | null>(null);
  // What was saved here, newer than the page as it was loaded.
  const [saved, setSaved] = useState<Record<string, RecheckForm>>({});
  const d = detail.data;
  const forms = (d?.evaluations ?? []).map((f) => saved[f.id] ?? f);
  // The form chosen on this page, else the page's first.
  const current = forms.find((f) => f.id === selected) ?? forms[0];
  // The gap report (the same read as the report below): the totals and the gap of the form raised on.
  const report = useQuery({
    queryKey: keys.recheckPart(id, 'report'),
    queryFn: ({ signal }) => unwrap(client.GET('/api/rechecks/{id}/report', { params: { path: { id } }, signal })),
  });
  const [raising, setRaising] = useState(false);
  const gap = current ? recheckGapProblem(current, report.data?.forms.find((f) => f.evaluationId === current.id) ?? null, t) : null;

  return (
    <div className="recheck-page">
      <Card className="page-card" title={<Space wrap><Link to={`/rechecks?year=${d?.year ?? ''}`}>{t('recheck.back')}</Link><span>{t('recheck.title')} {d?.year}</span></Space>} loading={detail.isPending}>
        {d ? <DrawSummary draw={d} /> : null}
      </Card>
      {d ? (
        <Card className="page-card" size="small" title={t('recheck.forms')}>
          <DrawnForms forms={forms} total={d.evaluationsTotal} paging={paging} loading={detail.isFetching} current={current?.id ?? null} onChoose={setSelected} />
          {current ? (
            <div className="recheck-current-row">
              <div className="section-title" data-testid="recheck-current">{current.unit.name} · {current.project}</div>
              <Button icon={<ExclamationCircleOutlined />} onClick={() => setRaising(true)} data-testid="recheck-raise">{t('rect.raise')}</Button>
            </div>
          ) : null}
          {current && gap ? (
            <RaiseDialog key={current.id} open={raising} evaluationId={current.id} recheckDraw={d.id} problem={gap.problem} {...(gap.indicatorIndex === undefined ? {} : { indicatorIndex: gap.indicatorIndex })} onClose={() => setRaising(false)} />
          ) : null}
          {current ? (
            <RecheckScores
              drawId={d.id}
              form={current}
              onSaved={(form) => {
                setSaved((all) => ({ ...all, [form.id]: form }));
                // The report and the page are asked again; meanwhile the page shows the form as saved.
                void queries.invalidateQueries({ queryKey: keys.recheck(id) });
              }}
            />
          ) : null}
        </Card>
      ) : null}
      <GapReport drawId={id} />
    </div>
  );
}
