/** A user's row actions: change, reset the password (confirmed; the new one-time password goes to the page), disable or enable (confirmed). */
import { App, Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { ApiError, client, unwrap } from '../../../api/client.ts';
import type { UserRecord } from '../../../api/types.ts';
import { useI18n } from '../../../locale/i18n.tsx';
import type { OneTimePassword } from './OneTimePasswordDialog.tsx';

const okProps = (danger: boolean) => ({ danger, 'data-testid': 'confirm-ok' }) as Record<`data-${string}`, string>;

export function UserActions({ user, onEdit, onPassword, onChanged }: { user: UserRecord; onEdit: () => void; onPassword: (p: OneTimePassword) => void; onChanged: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'reset' | 'state' | null>(null);
  const fail = (e: unknown) => message.error(e instanceof ApiError ? (e.code === 'LAST_ADMIN' ? t('users.lastAdmin') : e.message) : t('error.network'));

  const reset = async () => {
    setBusy('reset');
    try {
      const { oneTimePassword } = await unwrap(client.POST('/api/users/{id}/reset-password', { params: { path: { id: user.id } } }));
      onPassword({ username: user.username, password: oneTimePassword });
      onChanged();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };
  const setDisabled = async (disabled: boolean) => {
    setBusy('state');
    try {
      await unwrap(client.PATCH('/api/users/{id}', { params: { path: { id: user.id } }, body: { disabled } }));
      onChanged();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={onEdit} data-testid="user-edit">{t('common.edit')}</Button>
      <Popconfirm
        title={t('users.resetConfirm', { username: user.username })}
        styles={{ root: { maxWidth: 360 } }}
        onConfirm={() => void reset()}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        okButtonProps={okProps(false)}
      >
        <Button type="link" size="small" loading={busy === 'reset'} data-testid="user-reset">{t('users.resetPassword')}</Button>
      </Popconfirm>
      <Popconfirm
        title={t(user.disabled ? 'users.enableConfirm' : 'users.disableConfirm', { username: user.username })}
        styles={{ root: { maxWidth: 360 } }}
        onConfirm={() => void setDisabled(!user.disabled)}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        okButtonProps={okProps(!user.disabled)}
      >
        <Button type="link" size="small" danger={!user.disabled} loading={busy === 'state'} data-testid={user.disabled ? 'user-enable' : 'user-disable'}>
          {t(user.disabled ? 'common.enable' : 'common.disable')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
