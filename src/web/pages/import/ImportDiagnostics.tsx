/** What the reader had to say about a file: severity, where, the code, the field, the message. */
import { Table, Tag } from 'antd';
import type { ImportDiagnostic } from '../../api/types.ts';
import { useI18n } from '../../locale/i18n.tsx';

export function ImportDiagnostics({ items }: { items: ImportDiagnostic[] }) {
  const { t } = useI18n();
  if (items.length === 0) return <div className="muted">{t('import.noDiagnostics')}</div>;
  return (
    <Table<ImportDiagnostic>
      size="small"
      bordered
      pagination={false}
      rowKey={(d, i) => `${d.code}-${d.location}-${i}`}
      dataSource={items}
      scroll={{ x: 900 }}
      data-testid="import-diagnostics"
      columns={[
        { title: t('import.col.severity'), dataIndex: 'severity', width: 80, render: (s: string) => <Tag color={s === 'error' ? 'red' : s === 'warning' ? 'orange' : 'blue'}>{s in { error: 1, warning: 1 } ? t(`severity.${s as 'error' | 'warning'}`) : s}</Tag> },
        { title: t('import.col.location'), dataIndex: 'location', width: 200 },
        { title: t('import.col.code'), dataIndex: 'code', width: 190 },
        { title: t('import.col.path'), dataIndex: 'path', width: 190 },
        { title: t('import.col.message'), dataIndex: 'message' },
      ]}
    />
  );
}
