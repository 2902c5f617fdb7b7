/**
 * A step refused because the form changed since the actor opened it (409 VERSION_CONFLICT): what
 * changed between the form the actor saw and the current one, field by field with the indicators'
 * names (the core's field changes, as the audit log names them), and the status if it moved. Nothing
 * was done; the actor reloads and looks again (then acts), or cancels.
 */
import { Alert, Button, Modal } from 'antd';
import type { Evaluation } from '../../../core/model/evaluation.ts';
import type { Template } from '../../../core/templates/template.ts';
import type { Status, Transition } from '../../api/types.ts';
import { useI18n } from '../../locale/i18n.tsx';
import { NamedChanges } from './NamedChanges.tsx';

export interface StaleStep {
  action: Transition;
  seen: { version: number; evaluation: Evaluation; status: Status };
  current: { version: number; evaluation: Evaluation; status: Status | null };
}

interface Props {
  stale: StaleStep | null;
  template: Template;
  reloading: boolean;
  onReload: () => void;
  onCancel: () => void;
}

export function StaleDialog({ stale, template, reloading, onReload, onCancel }: Props) {
  const { t } = useI18n();
  if (!stale) return null;
  const { seen, current } = stale;
  const statusMoved = current.status !== null && current.status !== seen.status;
  return (
    <Modal
      open
      title={t('stale.title')}
      closable={false}
      mask={{ closable: false }}
      width={760}
      footer={[
        <Button key="cancel" onClick={onCancel} data-testid="stale-cancel">{t('stale.cancel')}</Button>,
        <Button key="reload" type="primary" loading={reloading} onClick={onReload} data-testid="stale-reload">{t('stale.reload')}</Button>,
      ]}
    >
      <div data-testid="stale-dialog">
        <p>{t('stale.body', { seen: seen.version, current: current.version, action: t(`workflow.${stale.action}`) })}</p>
        {statusMoved && (
          <Alert type="warning" showIcon style={{ marginBottom: 8 }} data-testid="stale-status"
            title={t('stale.statusChanged', { from: t(`status.${seen.status}`), to: t(`status.${current.status!}`) })} />
        )}
        <NamedChanges
          before={seen.evaluation}
          after={current.evaluation}
          template={template}
          beforeTitle={t('stale.before')}
          afterTitle={t('stale.now')}
          testId="stale-change"
          empty={<p className="muted" data-testid="stale-no-changes">{t('stale.noFieldChanges')}</p>}
        />
      </div>
    </Modal>
  );
}
