/** One chosen file: its turn (waiting, being read, queued by a busy server), then what was read in it. */
import { Alert, Card, Tag } from 'antd';
import type { ImportPreview } from '../../api/types.ts';
import { useI18n } from '../../locale/i18n.tsx';
import { ImportDiagnostics } from './ImportDiagnostics.tsx';
import { ImportedCycle } from './ImportedCycle.tsx';
import { ImportedForm } from './ImportedForm.tsx';
import { readNothing } from './cycle-import.ts';
import type { QueuedFile } from './import-queue.ts';
import { RetryCountdown } from './RetryCountdown.tsx';

export function ImportFileCard({ file }: { file: QueuedFile<ImportPreview> }) {
  const { t } = useI18n();
  const { status } = file;
  if (status.state === 'read') {
    const { preview } = status;
    const cycle = preview.cycle && preview.cycle.documents.length > 0 ? preview.cycle : null;
    return (
      <Card className="page-card" size="small" title={cycle && preview.forms.length === 0 ? t('importCycle.fileTitle', { file: file.name, count: cycle.documents.length, kind: t(`importCycle.kind.${cycle.kind}`) }) : t('import.fileTitle', { file: file.name, count: preview.forms.length })} data-testid="import-file" data-state="read">
        {/* Nothing is silent: a file that held nothing to save says so, above what the reader had to say about it. */}
        {readNothing(preview) && <Alert type="warning" showIcon title={t('importCycle.nothingRead', { file: file.name })} style={{ marginBottom: 8 }} data-testid="import-nothing" />}
        <ImportDiagnostics items={preview.diagnostics} />
        {cycle && <ImportedCycle cycle={cycle} />}
        {preview.forms.map((form, i) => (
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
