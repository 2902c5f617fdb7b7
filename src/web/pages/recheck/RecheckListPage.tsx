/**
 * 抽查复核: the reviewer draws a year's sample (seed, minimum share) and opens the year's draws,
 * newest first, a page at a time (year and page in the address).
 */
import { Button, Card, Empty, Form, Input, InputNumber, Select, Space, Table, App as AntApp } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, client, unwrap } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import { formatDateTime } from '../../format/dates.ts';
import { useI18n } from '../../locale/i18n.tsx';
import { tablePagination, usePagedList } from '../../paging/use-paged-list.ts';
import { useQueryPaging } from '../../paging/use-paging.ts';
import { yearOptions } from '../years.ts';
import type { RecheckDraw } from './recheck-types.ts';

export function RecheckListPage() {
  const { t, lang } = useI18n();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const paging = useQueryPaging(20);
  const year = paging.params.get('year') ?? String(new Date().getFullYear() - 1);
  const draws = usePagedList(keys.recheckList({ year }), ({ signal, ...page }) => unwrap(client.GET('/api/rechecks', { params: { query: { year: Number(year), ...page } }, signal })), paging);
  const queries = useQueryClient();
  const [seed, setSeed] = useState('');
  const [share, setShare] = useState<number | null>(10);
  const [busy, setBusy] = useState(false);

  const draw = async () => {
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
    <Card className="page-card" title={t('recheck.title')} extra={<Select value={year} onChange={(y) => paging.filter({ year: y })} options={yearOptions()} style={{ width: 100 }} aria-label={t('list.col.year')} data-testid="recheck-year" />}>
      <Form layout="inline" onFinish={() => void draw()}>
        <Form.Item label={t('recheck.seed')}>
          <Input value={seed} onChange={(e) => setSeed(e.target.value)} placeholder={t('recheck.seedPlaceholder')} maxLength={64} data-testid="recheck-seed" />
        </Form.Item>
        <Form.Item label={t('recheck.minimumShare')}>
          <InputNumber value={share} onChange={(v) => setShare(v)} min={0.01} max={100} step={1} precision={2} aria-label={t('recheck.minimumShare')} data-testid="recheck-share" />
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
    </Card>
  );
}
