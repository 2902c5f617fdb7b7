/**
 * One draw: its parameters and strata, the drawn forms a page at a time (the server pages them in
 * draw order) to re-check one by one, and the gap report.
 */
import { Card, Space } from 'antd';
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

  return (
    <div className="recheck-page">
      <Card className="page-card" title={<Space wrap><Link to={`/rechecks?year=${d?.year ?? ''}`}>{t('recheck.back')}</Link><span>{t('recheck.title')} {d?.year}</span></Space>} loading={detail.isPending}>
        {d ? <DrawSummary draw={d} /> : null}
      </Card>
      {d ? (
        <Card className="page-card" size="small" title={t('recheck.forms')}>
          <DrawnForms forms={forms} total={d.evaluationsTotal} paging={paging} loading={detail.isFetching} current={current?.id ?? null} onChoose={setSelected} />
          {current ? <div className="section-title" data-testid="recheck-current">{current.unit.name} · {current.project}</div> : null}
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
