/**
 * What a project list does (or, in a dry run, would do) to the year: forms made (and of them how
 * many carried over from last year's form), forms whose facts are updated, forms unchanged, and
 * what was left alone, row by row (a value the unit changed, a form already sent).
 */
import { Alert, Space, Statistic, Table } from 'antd';
import type { ProjectImport } from '../../../api/types.ts';
import { useI18n } from '../../../locale/i18n.tsx';

const COUNTS = [
  ['created', 'years.created'],
  ['carriedOver', 'years.carriedOver'],
  ['updated', 'years.updated'],
  ['unchanged', 'years.unchanged'],
] as const;

export function SetupSummary({ result }: { result: ProjectImport }) {
  const { t } = useI18n();
  const nothing = result.created === 0 && result.updated === 0;
  return (
    <div data-testid="setup-summary" data-dry-run={String(result.dryRun)}>
      <Alert type={result.dryRun ? 'info' : 'success'} showIcon title={t(result.dryRun ? 'years.dryRunTitle' : 'years.doneTitle')} description={result.dryRun && nothing ? t('years.nothingToDo') : undefined} />
      <Space size="large" wrap className="import-counts">
        {COUNTS.map(([key, label]) => (
          <Statistic key={key} title={t(label)} value={result[key]} data-testid={`setup-${key}`} />
        ))}
      </Space>
      {result.ignoredColumns.length > 0 && <div className="muted">{t('rows.ignoredColumns', { columns: result.ignoredColumns.join('、') })}</div>}
      {result.notices.length > 0 && (
        <>
          <div className="section-title">{t('years.notices')}</div>
          <Table
            size="small"
            bordered
            rowKey={(n) => `${n.row}|${n.column}|${n.message}`}
            dataSource={result.notices}
            pagination={result.notices.length > 20 ? { pageSize: 20 } : false}
            onRow={() => ({ 'data-testid': 'setup-notice' }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('rows.where'), dataIndex: 'row', width: 80, render: (row: number) => t('rows.row', { row }) },
              { title: t('rows.column'), dataIndex: 'column', width: 180 },
              { title: t('rows.problem'), dataIndex: 'message' },
            ]}
          />
        </>
      )}
    </div>
  );
}
