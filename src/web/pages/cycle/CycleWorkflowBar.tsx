/**
 * The cycle's buttons the server allows this user now (`allowedActions`): 提交, 转报财政, 退回 (with
 * a reason), 批复通过 / 审核通过, 申请目标调整 (with a reason), 驳回调整 (with a reason). The ones
 * with a reason open the evaluation editor's reason dialog, one per step (what is typed for one
 * stays with it); the others ask for a confirmation.
 */
import { CheckOutlined, DoubleRightOutlined, EditOutlined, RollbackOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space } from 'antd';
import { useState, type ReactNode } from 'react';
import type { CycleAction } from '../../api/types.ts';
import { useI18n } from '../../locale/i18n.tsx';
import type { MessageKey } from '../../locale/zh.ts';
import { ReturnDialog, type ReasonKind } from '../editor/ReturnDialog.tsx';
import type { CycleStep } from './cycle-kinds.ts';

interface Props {
  allowed: readonly CycleAction[];
  busy: boolean;
  /** Resolves true once the step is done. */
  onStep: (step: CycleStep, reason?: string) => Promise<boolean>;
}

const CONFIRMED: ReadonlyArray<{ step: CycleStep; confirm: MessageKey; icon: ReactNode }> = [
  { step: 'submit', confirm: 'cycle.submitConfirm', icon: <SendOutlined /> },
  { step: 'forward', confirm: 'cycle.forwardConfirm', icon: <DoubleRightOutlined /> },
  { step: 'approve', confirm: 'cycle.approveConfirm', icon: <CheckOutlined /> },
  { step: 'accept', confirm: 'cycle.acceptConfirm', icon: <CheckOutlined /> },
];

const WITH_REASON: ReadonlyArray<{ step: CycleStep; kind: ReasonKind; icon: ReactNode }> = [
  { step: 'return', kind: 'cycleReturn', icon: <RollbackOutlined /> },
  { step: 'adjust', kind: 'adjust', icon: <EditOutlined /> },
  { step: 'reject', kind: 'reject', icon: <StopOutlined /> },
];

export function CycleWorkflowBar({ allowed, busy, onStep }: Props) {
  const { t } = useI18n();
  const [reasonFor, setReasonFor] = useState<(typeof WITH_REASON)[number] | null>(null);
  return (
    <Space wrap>
      {CONFIRMED.filter((c) => allowed.includes(c.step)).map(({ step, confirm, icon }) => (
        <Popconfirm key={step} title={t(confirm)} onConfirm={() => void onStep(step)} okText={t('common.ok')} cancelText={t('common.cancel')} okButtonProps={{ 'data-testid': 'confirm-ok' } as Record<`data-${string}`, string>}>
          <Button type="primary" icon={icon} loading={busy} data-testid={`cycle-${step}`}>{t(`cycle.${step}`)}</Button>
        </Popconfirm>
      ))}
      {WITH_REASON.filter((r) => allowed.includes(r.step)).map((r) => (
        <Button key={r.step} danger={r.step !== 'adjust'} icon={r.icon} loading={busy} onClick={() => setReasonFor(r)} data-testid={`cycle-${r.step}`}>{t(`cycle.${r.step}`)}</Button>
      ))}
      {/* One dialog per kind: a reason typed for one step (退回) never turns up in another's (驳回调整). */}
      {WITH_REASON.filter((r) => allowed.includes(r.step)).map((r) => (
        <ReturnDialog
          key={r.kind}
          open={reasonFor?.step === r.step}
          kind={r.kind}
          onCancel={() => setReasonFor(null)}
          onReturn={async (reason) => {
            const done = await onStep(r.step, reason);
            setReasonFor(null);
            return done;
          }}
        />
      ))}
    </Space>
  );
}
