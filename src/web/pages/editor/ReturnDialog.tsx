/**
 * A step that needs a reason: 退回 (the reviewer, the department, or the unit's approver sending a
 * draft back: the preparer sees the reason at the top of the form and works from it), and 撤回公开
 * (the reviewer withdraws a published form; the reason goes into the audit log), and the cycle's
 * return, 目标调整 (adjust) and its rejection. What was typed stays
 * in the dialog until the step is done, so a refused step (a stale version) loses nothing.
 */
import { Input, Modal } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../locale/i18n.tsx';

export type ReasonKind = 'return' | 'returnToPreparer' | 'unpublish' | 'cycleReturn' | 'adjust' | 'reject';

const WORDS = {
  return: { title: 'workflow.returnTitle', ok: 'workflow.return', hint: 'workflow.returnHint', placeholder: 'workflow.returnPlaceholder', required: 'workflow.reasonRequired' },
  returnToPreparer: { title: 'workflow.returnTitle', ok: 'workflow.return', hint: 'workflow.returnToPreparerHint', placeholder: 'workflow.returnPlaceholder', required: 'workflow.reasonRequired' },
  unpublish: { title: 'workflow.unpublishTitle', ok: 'workflow.unpublish', hint: 'workflow.unpublishHint', placeholder: 'workflow.unpublishPlaceholder', required: 'workflow.unpublishReasonRequired' },
  // The cycle's documents (issue 16): returned with a reason, an adjustment (目标调整) asked for, an adjustment rejected.
  cycleReturn: { title: 'cycle.return', ok: 'cycle.return', hint: 'cycle.returnHint', placeholder: 'workflow.returnPlaceholder', required: 'workflow.reasonRequired' },
  adjust: { title: 'cycle.adjustTitle', ok: 'cycle.adjust', hint: 'cycle.adjustHint', placeholder: 'cycle.adjustPlaceholder', required: 'cycle.adjustRequired' },
  reject: { title: 'cycle.rejectTitle', ok: 'cycle.reject', hint: 'cycle.rejectHint', placeholder: 'cycle.rejectPlaceholder', required: 'cycle.rejectRequired' },
} as const;

interface Props {
  open: boolean;
  kind?: ReasonKind;
  onCancel: () => void;
  /** Resolves true once the step is done (the reason is then cleared), false when it was refused. */
  onReturn: (reason: string) => Promise<boolean | void>;
}

export function ReturnDialog({ open, kind = 'return', onCancel, onReturn }: Props) {
  const { t } = useI18n();
  const words = WORDS[kind];
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState(false);
  const blank = reason.trim() === '';
  const confirm = async () => {
    setTouched(true);
    if (blank) return;
    setBusy(true);
    try {
      if ((await onReturn(reason.trim())) !== false) {
        setReason('');
        setTouched(false);
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t(words.title)}
      okText={t(words.ok)}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, loading: busy, ...{ 'data-testid': 'return-confirm' } }}
      onOk={() => void confirm()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <div data-testid="return-dialog" data-kind={kind}>
        <p>{t(words.hint)}</p>
        <Input.TextArea
          rows={4}
          value={reason}
          status={touched && blank ? 'error' : undefined}
          placeholder={t(words.placeholder)}
          aria-label={t(words.title)}
          onChange={(e) => setReason(e.target.value)}
          data-testid="return-reason-input"
        />
        {touched && blank && <div className="finding-line finding-error">{t(words.required)}</div>}
      </div>
    </Modal>
  );
}
