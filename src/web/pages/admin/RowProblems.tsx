/**
 * Why a list (of units, of the year's projects) was refused: the server's sentence, and for
 * 422 INVALID_ROWS every bad row with its column (`issues[].path` is `row N, 列名 (column)`), so the
 * admin can fix the file in one go. Nothing was written.
 */
import { Alert, Table } from 'antd';
import { ApiError } from '../../api/client.ts';
import { useI18n } from '../../locale/i18n.tsx';

interface Problem {
  key: number;
  row: number | null;
  column: string;
  message: string;
}

/** `row 3, 当年预算数 (budget)` → row 3, column `当年预算数 (budget)`; another path is the column as it stands. */
export function problemOf(path: string, message: string, key: number): Problem {
  const m = /^row (\d+), (.*)$/u.exec(path);
  return m ? { key, row: Number(m[1]), column: m[2]!, message } : { key, row: null, column: path, message };
}

export function RowProblems({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!(error instanceof ApiError)) return <Alert type="error" showIcon title={t('error.network')} data-testid="list-error" />;
  const problems = (error.body?.error.issues ?? []).map((i, n) => problemOf(i.path, i.message, n));
  return (
    <div data-testid="list-error" data-code={error.code}>
      <Alert type="error" showIcon title={error.message} description={problems.length > 0 ? t('rows.problems') : undefined} />
      {problems.length > 0 && (
        <Table<Problem>
          size="small"
          bordered
          className="row-problems"
          rowKey="key"
          dataSource={problems}
          pagination={problems.length > 20 ? { pageSize: 20 } : false}
          onRow={(p) => ({ 'data-testid': 'row-problem', 'data-row': p.row ?? '' }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('rows.where'), dataIndex: 'row', width: 80, render: (row: number | null) => (row === null ? '—' : t('rows.row', { row })) },
            { title: t('rows.column'), dataIndex: 'column', width: 200 },
            { title: t('rows.problem'), dataIndex: 'message' },
          ]}
        />
      )}
    </div>
  );
}
