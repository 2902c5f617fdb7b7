/**
 * 信息公开: the published evaluations for anyone (no login), one page at a time from the server.
 * Filters: the year, and a unit — there is no list of units for the anonymous, so a unit is chosen
 * by clicking its name in the table and shown as a tag that clears it. A busy server (503 with
 * Retry-After) is asked again after the wait it names.
 */
import { Alert, Button, Card, Select, Space, Tag } from 'antd';
import { ResponsiveList } from '../../layout/ResponsiveList.tsx';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { client, optionalNumber, unwrap } from '../../api/client.ts';
import { retryPolicy } from '../../api/middleware.ts';
import { keys } from '../../api/queries.ts';
import type { Summary, Unit } from '../../api/types.ts';
import { gradeWord } from '../../format/grades.ts';
import { formatAmount, formatRate } from '../../format/numbers.ts';
import { useI18n } from '../../locale/i18n.tsx';
import { tablePagination, usePagedList } from '../../paging/use-paged-list.ts';
import { useQueryPaging } from '../../paging/use-paging.ts';
import { yearOptions } from '../years.ts';
import { BusyNote } from './BusyNote.tsx';

/** The server pages no further than this offset (past it: filter by year or unit). */
const MAX_OFFSET = 10_000;

export function PublicListPage() {
  const { t, lang } = useI18n();
  const paging = useQueryPaging();
  const { params } = paging;
  const year = params.get('year') ?? '';
  const unit = params.get('unit') ?? '';
  const [busyUntil, setBusyUntil] = useState<number | null>(null);
  // The name of the unit clicked; after a reload it is read from the rows (all of that unit).
  const [chosen, setChosen] = useState<Unit | null>(null);
  // A busy server is asked again after its Retry-After (the client's middleware); meanwhile the page says so, counting down.
  const busy = retryPolicy({ onWait: (seconds) => setBusyUntil(Date.now() + seconds * 1000), onResend: () => setBusyUntil(null) });
  const filters = { year: optionalNumber(year), unit };
  const list = usePagedList(
    keys.evaluationList('public', filters),
    ({ signal, ...page }) => unwrap(client.GET('/api/public/evaluations', { params: { query: { ...filters, ...page } }, signal, middleware: [busy] })).finally(() => setBusyUntil(null)),
    paging,
  );
  const rows = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  // Pages reach as far as the server's offset bound; the words still say how many there are.
  const reachable = Math.min(total, (Math.floor(MAX_OFFSET / paging.page.size) + 1) * paging.page.size);
  const unitName = (chosen && String(chosen.id) === unit ? chosen.name : rows.find((r) => String(r.unit.id) === unit)?.unit.name) ?? t('public.chosenUnit');
  const chooseUnit = (u: Unit) => {
    setChosen(u);
    paging.filter({ unit: String(u.id) });
  };

  return (
    <Card className="page-card" title={t('public.listTitle')}>
      <Space wrap className="filters">
        <Select value={year} onChange={(v) => paging.filter({ year: v })} options={[{ value: '', label: t('list.allYears') }, ...yearOptions()]} style={{ width: 120 }} aria-label={t('list.col.year')} data-testid="public-filter-year" />
        {unit ? (
          <Tag closable onClose={() => paging.filter({ unit: null })} color="blue" data-testid="public-filter-unit">{t('public.unitFilter', { unit: unitName })}</Tag>
        ) : (
          <span className="muted">{t('public.unitHint')}</span>
        )}
      </Space>
      {busyUntil !== null && <BusyNote until={busyUntil} />}
      {list.error && !list.isFetching && (
        <Alert type="error" showIcon className="filters" title={t('public.failed')} description={list.error.message} action={<Button onClick={() => void list.refetch()}>{t('common.retry')}</Button>} data-testid="public-error" />
      )}
      {total > reachable && <Alert type="info" showIcon className="filters" title={t('public.narrowDown', { shown: reachable })} />}
      <ResponsiveList<Summary>
        cardTitle="project"
        size="small"
        bordered
        rowKey={(r) => String(r.id)}
        loading={list.isFetching}
        dataSource={rows}
        pagination={tablePagination(paging, reachable, t, total)}
        scroll={{ x: 900 }}
        onRow={(r) => ({ 'data-testid': 'public-row', 'data-id': String(r.id) } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t('list.col.year'), dataIndex: 'year', width: 70, align: 'center' },
          {
            title: t('list.col.unit'),
            key: 'unit',
            render: (_: unknown, r) =>
              unit ? r.unit.name : <a onClick={() => chooseUnit(r.unit)} title={t('public.onlyUnit')} data-testid="public-unit">{r.unit.name}</a>,
          },
          { title: t('list.col.project'), dataIndex: 'project', render: (p: string, r) => <Link to={`/public/${r.id}`} data-testid="public-link-form">{p}</Link> },
          { title: t('dashboard.budget'), dataIndex: 'budget', align: 'right', render: (v: string | null) => formatAmount(v) },
          { title: t('list.col.rate'), dataIndex: 'executionRate', align: 'right', width: 100, render: (v: string | null) => formatRate(v) },
          { title: t('list.col.score'), dataIndex: 'score', align: 'right', width: 80 },
          { title: t('list.col.grade'), dataIndex: 'grade', align: 'center', width: 90, render: (g: string) => gradeWord(g, lang) },
          { title: t('public.pdf'), key: 'pdf', width: 80, align: 'center', render: (_: unknown, r) => <a href={`/api/public/evaluations/${r.id}/export.pdf`} target="_blank" rel="noreferrer">PDF</a> },
        ]}
      />
    </Card>
  );
}
