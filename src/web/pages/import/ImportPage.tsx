/**
 * 导入: drop the PDF, text or XLSX people already have; the server reads it (POST /api/import,
 * nothing saved yet) and the forms found are shown with what the reader had to say; each is
 * saved as a new evaluation on its own. Files chosen together are sent two at a time, and a busy
 * server's "later" is waited out, not shown as a failure.
 */
import { InboxOutlined } from '@ant-design/icons';
import { Card, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError, client, formBody, unwrap } from '../../api/client.ts';
import { retryPolicy } from '../../api/middleware.ts';
import type { ImportPreview } from '../../api/types.ts';
import { useI18n } from '../../locale/i18n.tsx';
import { ImportFileCard } from './ImportFileCard.tsx';
import { ImportQueue, type QueuedFile, type ReadOptions } from './import-queue.ts';

const read = (file: File, { retry, signal }: ReadOptions): Promise<ImportPreview> => {
  const body = new FormData();
  body.append('file', file);
  return unwrap(client.POST('/api/import', { body: formBody(body), signal, middleware: [retryPolicy(retry)] })) as Promise<ImportPreview>;
};

export function ImportPage() {
  const { t } = useI18n();
  const [files, setFiles] = useState<QueuedFile<ImportPreview>[]>([]);
  const queue = useRef<ImportQueue<File, ImportPreview> | null>(null);
  useEffect(() => {
    // The server's message (in the request's language); a network failure is worded when shown.
    const q = new ImportQueue<File, ImportPreview>({ read, onChange: setFiles, failure: (e) => (e instanceof ApiError ? e.message : '') });
    queue.current = q;
    return () => q.stop();
  }, []);

  return (
    <div className="import-page">
      <Card className="page-card" title={t('import.title')}>
        <div data-testid="import-dropzone">
          <Upload.Dragger
            multiple
            // issue 15 (convert): .xls, WPS .et, .ods, .doc, .odt are converted by LibreOffice on the server.
            accept=".pdf,.txt,.json,.xlsx,.docx,.htm,.html,.xls,.et,.ods,.doc,.odt"
            showUploadList={false}
            // Every file goes into this page's queue; the queue sends them in turn.
            beforeUpload={(file) => {
              queue.current?.add(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon"><InboxOutlined /></p>
            <p className="ant-upload-text">{t('import.drop')}</p>
            <p className="ant-upload-hint">{t('import.hint')}</p>
            <p className="ant-upload-hint">{t('importCycle.hint')}</p>
          </Upload.Dragger>
        </div>
      </Card>
      {files.map((f) => (
        <ImportFileCard key={f.key} file={f} />
      ))}
    </div>
  );
}
