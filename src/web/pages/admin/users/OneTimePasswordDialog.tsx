/**
 * The one-time password of a new user or a reset, shown this once: the server keeps only its hash,
 * so the dialog says so plainly and offers a copy button. It closes only by the admin saying the
 * password is noted (no click beside it, no Escape).
 */
import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space } from 'antd';
import { useI18n } from '../../../locale/i18n.tsx';

export interface OneTimePassword {
  username: string;
  password: string;
}

export function OneTimePasswordDialog({ shown, onClose }: { shown: OneTimePassword | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(shown?.password ?? '');
      message.success(t('common.copied'));
    } catch {
      message.warning(t('otp.copyFailed'));
    }
  };
  return (
    <Modal
      open={shown !== null}
      title={t('otp.title')}
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={<Button type="primary" onClick={onClose} data-testid="otp-done">{t('otp.done')}</Button>}
      destroyOnHidden
    >
      <div data-testid="otp-dialog">
        <p>{t('otp.for', { username: shown?.username ?? '' })}</p>
        <Space.Compact className="otp-box">
          <code className="otp-value" data-testid="otp-value">{shown?.password}</code>
          <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid="otp-copy">{t('common.copy')}</Button>
        </Space.Compact>
        <Alert type="warning" showIcon title={t('otp.warning')} style={{ marginTop: 16 }} data-testid="otp-warning" />
      </div>
    </Modal>
  );
}
