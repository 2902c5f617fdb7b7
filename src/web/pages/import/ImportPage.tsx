/**
 * 导入: drop the PDF, text or XLSX people already have; the server reads it (POST /api/import,
 * nothing saved yet) and the forms found are shown with what the reader had to say; each is
 * saved as a new evaluation on its own.
 */
import { InboxOutlined } from '@ant-design/icons';
import { App, Card, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../api/client.ts';
import type { ImportDiagnostic, ImportPreview } from '../../api/types.ts';
import { useI18n } from '../../locale/i18n.tsx';
import { ImportedForm } from './ImportedForm.tsx';

interface ReadFile {
  name: string;
  preview: ImportPreview;
}

export function ImportPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [files, setFiles] = useState<ReadFile[]>([]);

  const read = async (file: File) => {
    const body = new FormData();
    body.append('file', file);
    try {
      const preview = await api.post<ImportPreview>('/api/import', body);
      setFiles((list) => [{ name: file.name, preview }, ...list]);
    } catch (e) {
      message.error(t('import.failed', { file: file.name, message: e instanceof ApiError ? e.message : t('error.network') }));
    }
  };

  return (
    <div className="import-page">
      <Card className="page-card" title={t('import.title')}>
        <div data-testid="import-dropzone">
        <Upload.Dragger
          multiple
          accept=".pdf,.txt,.xlsx"
          showUploadList={false}
          customRequest={(options) => {
            void read(options.file as File).then(() => options.onSuccess?.({}));
          }}
        >
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p className="ant-upload-text">{t('import.drop')}</p>
          <p className="ant-upload-hint">{t('import.hint')}</p>
        </Upload.Dragger>
        </div>
      </Card>
      {files.map((f, n) => (
        <Card key={`${f.name}-${files.length - n}`} className="page-card" size="small" title={t('import.fileTitle', { file: f.name, count: f.preview.forms.length })} data-testid="import-file">
          <Diagnostics items={f.preview.diagnostics} />
          {f.preview.forms.map((form, i) => (
            <ImportedForm key={i} index={i} evaluation={form.evaluation} findings={form.findings} />
          ))}
        </Card>
      ))}
    </div>
  );
}

function Diagnostics({ items }: { items: ImportDiagnostic[] }) {
  const { t } = useI18n();
  if (items.length === 0) return <div className="muted">{t('import.noDiagnostics')}</div>;
  return (
    <Table<ImportDiagnostic>
      size="small"
      bordered
      pagination={false}
      rowKey={(d, i) => `${d.code}-${d.location}-${i}`}
      dataSource={items}
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
