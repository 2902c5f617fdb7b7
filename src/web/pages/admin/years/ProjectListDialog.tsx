/**
 * 导入项目清单 (admin): the budget system's list of the year's projects. The file is first sent as a
 * dry run, which writes nothing and says what would happen (or every bad row); only the admin's
 * confirmation sends it for real. A new file starts over.
 */
import { Button, Modal, Space } from 'antd';
import { useState } from 'react';
import { client, formBody, unwrap } from '../../../api/client.ts';
import type { ProjectImport } from '../../../api/types.ts';
import { useI18n } from '../../../locale/i18n.tsx';
import { ListFilePicker, listForm } from '../ListFilePicker.tsx';
import { RowProblems } from '../RowProblems.tsx';
import { SetupSummary } from './SetupSummary.tsx';

type Stage = { kind: 'choose' } | { kind: 'checked'; file: File; result: ProjectImport } | { kind: 'refused'; file: File; error: unknown } | { kind: 'done'; result: ProjectImport };

export function ProjectListDialog({ year, onClose, onImported }: { year: number | null; onClose: () => void; onImported: (result: ProjectImport) => void }) {
  const { t } = useI18n();
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const [busy, setBusy] = useState(false);
  const send = (file: File, dryRun: boolean) =>
    unwrap(client.POST('/api/years/{year}/projects', { params: { path: { year: year ?? 0 }, query: dryRun ? { dryRun: 'true' } : {} }, body: formBody(listForm(file)) }));

  const check = async (file: File) => {
    setBusy(true);
    try {
      setStage({ kind: 'checked', file, result: await send(file, true) });
    } catch (error) {
      setStage({ kind: 'refused', file, error });
    } finally {
      setBusy(false);
    }
  };
  const confirm = async (file: File) => {
    setBusy(true);
    try {
      const result = await send(file, false);
      setStage({ kind: 'done', result });
      onImported(result);
    } catch (error) {
      // The list changed under us (another admin, a unit disabled since): the refusal says how.
      setStage({ kind: 'refused', file, error });
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setStage({ kind: 'choose' });
    onClose();
  };
  const canConfirm = stage.kind === 'checked' && stage.result.created + stage.result.updated > 0;

  return (
    <Modal
      open={year !== null}
      title={t('years.projectsTitle', { year: year ?? '' })}
      onCancel={close}
      width={860}
      maskClosable={false}
      destroyOnHidden
      footer={
        <Space wrap>
          {stage.kind !== 'choose' && stage.kind !== 'done' && <Button onClick={() => setStage({ kind: 'choose' })} data-testid="projects-again">{t('years.again')}</Button>}
          <Button onClick={close} data-testid="projects-close">{t(stage.kind === 'done' ? 'common.close' : 'common.cancel')}</Button>
          {stage.kind === 'checked' && (
            <Button type="primary" disabled={!canConfirm} loading={busy} onClick={() => void confirm(stage.file)} data-testid="projects-confirm">{t('years.confirm')}</Button>
          )}
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="projects-dialog">
        {stage.kind === 'choose' && <ListFilePicker hint={t('years.projectsHint')} onFile={(f) => void check(f)} disabled={busy} testId="projects-file" />}
        {busy && stage.kind === 'choose' && <div className="muted">{t('years.checking')}</div>}
        {(stage.kind === 'checked' || stage.kind === 'done') && <SetupSummary result={stage.result} />}
        {stage.kind === 'refused' && <RowProblems error={stage.error} />}
      </Space>
    </Modal>
  );
}
