/** One chosen file: its turn (waiting, being read, queued by a busy server), then what was read in it. */
import { Alert, Card, Tag } from 'antd';
import type { ImportPreview } from '../../api/types.ts';
import { useI18n } from '../../locale/i18n.tsx';
import { ImportDiagnostics } from './ImportDiagnostics.tsx';
import { ImportedForm } from './ImportedForm.tsx';
import type { QueuedFile } from './import-queue.ts';
import { RetryCountdown } from './RetryCountdown.tsx';

export function ImportFileCard({ file }: { file: QueuedFile<ImportPreview> }) {
  const { t } = useI18n();
  const { status } = file;
  if (status.state === 'read') {
    return (
      <Card className="page-card" size="small" title={t('import.fileTitle', { file: file.name, count: status.preview.forms.length })} data-testid="import-file" data-state="read">
        <ImportDiagnostics items={status.preview.diagnostics} />
        {status.preview.forms.map((form, i) => (
          <ImportedForm key={i} index={i} evaluation={form.evaluation} findings={form.findings} unitMismatch={form.unitMismatch ?? null} />
        ))}
      </Card>
    );
  }
  return (
    <Card className="page-card" size="small" title={file.name} data-testid="import-file" data-state={status.state}>
      {status.state === 'waiting' && <Tag data-testid="import-state">{t('import.waiting')}</Tag>}
      {status.state === 'reading' && <Tag color="processing" data-testid="import-state">{t('import.reading')}</Tag>}
      {status.state === 'queued' && <RetryCountdown until={status.until} />}
      {status.state === 'failed' && <Alert type="error" showIcon title={t('import.failed', { file: file.name, message: status.message || t('error.network') })} data-testid="import-state" />}
    </Card>
  );
}
