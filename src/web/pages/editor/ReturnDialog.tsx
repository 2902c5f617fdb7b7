/** 退回: the reviewer must say why; the preparer sees it at the top of the form. */
import { Input, Modal } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../locale/i18n.tsx';

export function ReturnDialog({ open, onCancel, onReturn }: { open: boolean; onCancel: () => void; onReturn: (reason: string) => Promise<void> }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState(false);
  const blank = reason.trim() === '';
  const confirm = async () => {
    setTouched(true);
    if (blank) return;
    setBusy(true);
    try {
      await onReturn(reason.trim());
      setReason('');
      setTouched(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('workflow.returnTitle')}
      okText={t('workflow.return')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, loading: busy, ...{ 'data-testid': 'return-confirm' } }}
      onOk={() => void confirm()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <div data-testid="return-dialog">
        <p>{t('workflow.returnHint')}</p>
        <Input.TextArea
          rows={4}
          value={reason}
          status={touched && blank ? 'error' : undefined}
          placeholder={t('workflow.returnPlaceholder')}
          onChange={(e) => setReason(e.target.value)}
          data-testid="return-reason-input"
        />
        {touched && blank && <div className="finding-line finding-error">{t('workflow.reasonRequired')}</div>}
      </div>
    </Modal>
  );
}
