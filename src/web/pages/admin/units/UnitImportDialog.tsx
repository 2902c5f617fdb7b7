/** 导入单位清单: a CSV or Excel list of units, added or changed by code — all rows or none; what happened, or each bad row. */
import { Alert, Button, Modal, Space, Statistic } from 'antd';
import { useState } from 'react';
import { client, formBody, unwrap } from '../../../api/client.ts';
import type { UnitImport } from '../../../api/types.ts';
import { useI18n } from '../../../locale/i18n.tsx';
import { ListFilePicker, listForm } from '../ListFilePicker.tsx';
import { RowProblems } from '../RowProblems.tsx';

export function UnitImportDialog({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: () => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: UnitImport } | { error: unknown } | null>(null);

  const send = async (file: File) => {
    setBusy(true);
    setResult(null);
    try {
      const ok = await unwrap(client.POST('/api/units/import', { body: formBody(listForm(file)) }));
      setResult({ ok });
      onImported();
    } catch (error) {
      setResult({ error });
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setResult(null);
    onClose();
  };

  return (
    <Modal open={open} title={t('units.import')} onCancel={close} footer={<Button onClick={close} data-testid="unit-import-close">{t('common.close')}</Button>} width={720} destroyOnHidden>
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <ListFilePicker hint={t('units.importHint')} onFile={(f) => void send(f)} disabled={busy} testId="unit-import-file" />
        {result && 'ok' in result && (
          <div data-testid="unit-import-result">
            <Alert type="success" showIcon title={t('units.imported', { created: result.ok.created, updated: result.ok.updated, unchanged: result.ok.unchanged })} />
            <Space size="large" className="import-counts">
              <Statistic title={t('units.countCreated')} value={result.ok.created} data-testid="unit-import-created" />
              <Statistic title={t('units.countUpdated')} value={result.ok.updated} data-testid="unit-import-updated" />
              <Statistic title={t('units.countUnchanged')} value={result.ok.unchanged} data-testid="unit-import-unchanged" />
            </Space>
            {result.ok.ignoredColumns.length > 0 && <div className="muted">{t('rows.ignoredColumns', { columns: result.ok.ignoredColumns.join('、') })}</div>}
          </div>
        )}
        {result && 'error' in result && <RowProblems error={result.error} />}
      </Space>
    </Modal>
  );
}
