/**
 * 填报进度 (admin, reviewer, department): how far a year's forms have come — totals, and per
 * department and unit the forms not started, in each status and overdue — the deadline, and the
 * same as an Excel file (with the forms still with their units).
 */
import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Select, Space, Tag } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import { useI18n } from '../../locale/i18n.tsx';
import { ProgressTable } from './ProgressTable.tsx';
import { ProgressTotals } from './ProgressTotals.tsx';

export function ProgressPage() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const years = useQuery({ queryKey: keys.years, queryFn: ({ signal }) => unwrap(client.GET('/api/years', { signal })) });
  const items = years.data?.items ?? [];
  // The year asked for in the address, else the newest.
  const year = params.get('year') ?? (items[0] ? String(items[0].year) : '');
  const progress = useQuery({
    queryKey: keys.evaluationList('progress', { year }),
    queryFn: ({ signal }) => unwrap(client.GET('/api/years/{year}/progress', { params: { path: { year: Number(year) } }, signal })),
    enabled: year !== '',
  });
  const p = progress.data;

  return (
    <Card
      className="page-card"
      title={t('progress.title')}
      loading={years.isPending}
      extra={
        <Space wrap>
          <Select
            value={year || undefined}
            onChange={(y) => setParams({ year: y }, { replace: true })}
            options={items.map((y) => ({ value: String(y.year), label: String(y.year) }))}
            placeholder={t('progress.year')}
            style={{ width: 100 }}
            data-testid="progress-year"
          />
          <Button icon={<FileExcelOutlined />} disabled={!year} href={year ? `/api/years/${year}/progress.xlsx?lang=${lang}` : undefined} data-testid="progress-xlsx">{t('common.download')}</Button>
        </Space>
      }
    >
      {!year && !years.isPending && <Empty description={t('progress.noYears')} />}
      {progress.error && <Alert type="error" showIcon title={progress.error.message} />}
      {p && (
        <div data-testid="progress" data-year={p.year}>
          <div className="progress-deadline" data-testid="progress-deadline">
            {p.deadline ? t('progress.deadline', { date: p.deadline }) : t('progress.noDeadline')}
            {p.pastDeadline && <Tag color="red" data-testid="progress-past-deadline">{t('progress.pastDeadline')}</Tag>}
          </div>
          <ProgressTotals totals={p.totals} pastDeadline={p.pastDeadline} />
          <ProgressTable key={p.year} progress={p} />
          <div className="muted progress-notes">
            <div>{t('progress.notStartedHint')}</div>
            <div>{t('progress.overdueHint')}</div>
          </div>
        </div>
      )}
    </Card>
  );
}
