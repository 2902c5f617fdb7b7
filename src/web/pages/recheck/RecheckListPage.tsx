/**
 * 抽查复核: the reviewer draws a year's sample (抽样编号, minimum share) and opens the year's draws,
 * newest first, a page at a time (year and page in the address). It opens on the latest year with
 * approved or published forms or draws, and offers only such years.
 */
import { Button, Card, Empty, Form, Input, Select, Space, Table, App as AntApp } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, client, unwrap } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import { TypedNumberInput } from '../../form-view/cells.tsx';
import { formatDateTime } from '../../format/dates.ts';
import { formatPoints, parsePoints } from '../../format/numbers.ts';
import { useI18n } from '../../locale/i18n.tsx';
import { tablePagination, usePagedList } from '../../paging/use-paged-list.ts';
import { useQueryPaging } from '../../paging/use-paging.ts';
import type { RecheckDraw } from './recheck-types.ts';

export function RecheckListPage() {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const paging = useQueryPaging(20);
  // The years with something to re-check or look at, newest first: the page opens on the first.
  const years = useQuery({ queryKey: keys.recheckList({ years: true }), queryFn: ({ signal }) => unwrap(client.GET('/api/rechecks/years', { signal })) });
  const asked = paging.params.get('year');
  const year = asked ?? (years.data?.years[0] ? String(years.data.years[0].year) : '');
  const options = (() => {
    const list = (years.data?.years ?? []).map((y) => String(y.year));
    if (asked && !list.includes(asked)) list.push(asked);
    return list.sort((a, b) => Number(b) - Number(a)).map((y) => ({ value: y, label: y }));
  })();
  const draws = usePagedList(
    keys.recheckList({ year }),
    ({ signal, ...page }) => (year ? unwrap(client.GET('/api/rechecks', { params: { query: { year: Number(year), ...page } }, signal })) : Promise.resolve({ items: [], total: 0, ...page })),
    paging,
  );
  const queries = useQueryClient();
  const [seed, setSeed] = useState('');
  const [share, setShare] = useState<number | null>(10);
  const [busy, setBusy] = useState(false);

  // Out of range it is kept as typed and marked at the field (below), and nothing is drawn.
  const shareWrong = share !== null && !(share > 0 && share <= 100);
  const draw = async () => {
    if (shareWrong) return;
    setBusy(true);
    try {
      const body = { year: Number(year), ...(seed.trim() ? { seed: seed.trim() } : {}), ...(share !== null ? { minimumShare: share } : {}) };
      const created = await unwrap(client.POST('/api/rechecks', { body }));
      void queries.invalidateQueries({ queryKey: keys.rechecks });
      navigate(`/rechecks/${created.id}`);
    } catch (error) {
      void message.error(error instanceof ApiError ? error.message : t('error.generic'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      className="page-card"
      title={t('recheck.title')}
      loading={years.isPending}
      extra={<Select value={year || undefined} onChange={(y) => paging.filter({ year: y })} options={options} style={{ width: 100 }} aria-label={t('recheck.year')} data-testid="recheck-year" />}
    >
      {years.data && years.data.years.length === 0 && !asked ? (
        <Empty description={t('recheck.noYears')} data-testid="recheck-no-years" />
      ) : (
        <RecheckYear year={year} seed={seed} setSeed={setSeed} share={share} setShare={setShare} shareWrong={shareWrong} busy={busy} draw={draw} draws={draws} paging={paging} />
      )}
    </Card>
  );
}

/** The year's draw form and its draws. */
function RecheckYear({ year, seed, setSeed, share, setShare, shareWrong, busy, draw, draws, paging }: {
  year: string; seed: string; setSeed: (s: string) => void; share: number | null; setShare: (s: number | null) => void; shareWrong: boolean; busy: boolean; draw: () => Promise<void>;
  draws: ReturnType<typeof usePagedList<RecheckDraw>>; paging: ReturnType<typeof useQueryPaging>;
}) {
  const { t, lang } = useI18n();
  return (
    <>
      <Form layout="inline" onFinish={() => void draw()} data-year={year}>
        <Form.Item label={t('recheck.seed')} extra={<div data-testid="recheck-seed-help" style={{ maxWidth: 340 }}>{t('recheck.seedHelp')}</div>} style={{ maxWidth: '100%' }}>
          <Input value={seed} onChange={(e) => setSeed(e.target.value)} placeholder={t('recheck.seedPlaceholder')} maxLength={64} style={{ width: 240, maxWidth: '100%' }} data-testid="recheck-seed" />
        </Form.Item>
        <Form.Item label={t('recheck.minimumShare')} validateStatus={shareWrong ? 'error' : undefined} help={shareWrong ? <span data-testid="recheck-share-error">{t('recheck.shareRange')}</span> : undefined}>
          {/* As typed: 0 or 150 is sent and refused with the reason, never turned into 0.01 or 100 here. */}
          <div className="share-input">
            <TypedNumberInput shown={formatPoints(share)} read={parsePoints} understood={formatPoints} onChange={(v) => setShare(v ?? null)} findings={undefined} error={shareWrong ? t('recheck.shareRange') : undefined} variant="outlined" label={t('recheck.minimumShare')} testId="recheck-share" path={undefined} />
          </div>
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="recheck-draw">{t('recheck.draw')}</Button>
        </Form.Item>
      </Form>
      <h3 className="section-title">{t('recheck.draws')}</h3>
      {draws.data && draws.data.total === 0 ? (
        <Empty description={t('recheck.none')} />
      ) : (
        <Table<RecheckDraw>
          size="small"
          bordered
          rowKey="id"
          loading={draws.isFetching}
          dataSource={draws.data?.items ?? []}
          pagination={tablePagination(paging, draws.data?.total ?? 0, t)}
          scroll={{ x: 640 }}
          onRow={(d) => ({ 'data-testid': 'recheck-draw-row', 'data-id': d.id }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('recheck.drawnAt'), dataIndex: 'drawnAt', render: (at: string, d) => <Link to={`/rechecks/${d.id}`}>{formatDateTime(at, lang)}</Link> },
            { title: t('recheck.drawnBy'), dataIndex: ['drawnBy', 'displayName'] },
            { title: t('recheck.seed'), dataIndex: 'seed' },
            { title: t('recheck.minimumShare'), dataIndex: ['parameters', 'minimumShare'], align: 'right' },
            { title: t('recheck.forms'), key: 'drawn', render: (_: unknown, d) => <Space>{t('recheck.drawn', { drawn: d.drawn, population: d.population })}</Space> },
          ]}
        />
      )}
    </>
  );
}
