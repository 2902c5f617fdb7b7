/**
 * The buttons the server allows this user now (`allowedActions`): 提交, 转报财政 (the department
 * passes the form on to the finance bureau), 退回 (with a reason), 审核通过, 公开, 撤回公开 (with a
 * reason), 复制到下一年度 (disabled while its request is under way: one click, one copy); and the
 * official form as PDF or XLSX.
 */
import { CheckOutlined, CopyOutlined, StopOutlined, DoubleRightOutlined, FilePdfOutlined, FileExcelOutlined, GlobalOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space } from 'antd';
import type { Action } from '../../api/types.ts';
import { useI18n } from '../../locale/i18n.tsx';

interface Props {
  id: string;
  allowed: readonly Action[];
  busy: boolean;
  onSubmit: () => void;
  onForward: () => void;
  onReturn: () => void;
  onApprove: () => void;
  onPublish: () => void;
  onUnpublish: () => void;
  onCopy: () => void;
  /** A copy to next year is under way. */
  copying?: boolean;
}

export function WorkflowBar({ id, allowed, busy, onSubmit, onForward, onReturn, onApprove, onPublish, onUnpublish, onCopy, copying = false }: Props) {
  const { t, lang } = useI18n();
  const can = (a: Action) => allowed.includes(a);
  const confirm = (key: 'workflow.submitConfirm' | 'workflow.forwardConfirm' | 'workflow.approveConfirm' | 'workflow.publishConfirm', run: () => void, button: React.ReactNode) => (
    <Popconfirm title={t(key)} onConfirm={run} okText={t('common.ok')} cancelText={t('common.cancel')} okButtonProps={{ 'data-testid': 'confirm-ok' } as Record<`data-${string}`, string>}>
      {button}
    </Popconfirm>
  );
  return (
    <Space wrap>
      {can('submit') && confirm('workflow.submitConfirm', onSubmit, <Button type="primary" icon={<SendOutlined />} loading={busy} data-testid="workflow-submit">{t('workflow.submit')}</Button>)}
      {can('forward') && confirm('workflow.forwardConfirm', onForward, <Button type="primary" icon={<DoubleRightOutlined />} loading={busy} data-testid="workflow-forward">{t('workflow.forward')}</Button>)}
      {can('return') && <Button danger icon={<RollbackOutlined />} onClick={onReturn} loading={busy} data-testid="workflow-return">{t('workflow.return')}</Button>}
      {can('approve') && confirm('workflow.approveConfirm', onApprove, <Button type="primary" icon={<CheckOutlined />} loading={busy} data-testid="workflow-approve">{t('workflow.approve')}</Button>)}
      {can('publish') && confirm('workflow.publishConfirm', onPublish, <Button icon={<GlobalOutlined />} loading={busy} data-testid="workflow-publish">{t('workflow.publish')}</Button>)}
      {can('unpublish') && <Button danger icon={<StopOutlined />} onClick={onUnpublish} loading={busy} data-testid="workflow-unpublish">{t('workflow.unpublish')}</Button>}
      {can('copy') && <Button icon={<CopyOutlined />} onClick={onCopy} loading={busy || copying} disabled={copying} data-testid="workflow-copy">{t('workflow.copy')}</Button>}
      <Button icon={<FilePdfOutlined />} href={`/api/evaluations/${id}/export.pdf?lang=${lang}`} target="_blank" data-testid="export-pdf">{t('export.pdf')}</Button>
      <Button icon={<FileExcelOutlined />} href={`/api/evaluations/${id}/export.xlsx?lang=${lang}`} data-testid="export-xlsx">{t('export.xlsx')}</Button>
    </Space>
  );
}
