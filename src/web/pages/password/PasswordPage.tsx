/**
 * 修改密码: every user may change theirs here; a user with a one-time password is brought here and
 * kept here (RequireLogin) until they have chosen one. The server checks the rules and the current
 * password: its field problems are shown on the fields. A change begins a new session, which the
 * session context takes over; then the user goes on to the list.
 */
import { LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { PASSWORD_MIN_LENGTH, passwordProblem, type PasswordProblem } from '../../../core/accounts/password-policy.ts';
import { ApiError } from '../../api/client.ts';
import { fieldErrors } from '../../api/field-errors.ts';
import { useI18n, type I18n } from '../../locale/i18n.tsx';
import type { MessageKey } from '../../locale/zh.ts';
import { useSession } from '../../session/session.tsx';
import { PasswordRules } from './PasswordRules.tsx';

interface Values {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

export function PasswordPage() {
  const { t } = useI18n();
  const { user, changePassword } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const oneTime = user?.mustChangePassword ?? false;

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await changePassword(v.currentPassword, v.newPassword);
      message.success(t('password.done'));
      navigate('/evaluations', { replace: true });
    } catch (e) {
      const onFields = fieldErrors(e, ['currentPassword', 'newPassword']);
      if (onFields.length > 0) form.setFields(onFields);
      else setError(e instanceof ApiError ? e.message : t('error.network'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card className="page-card narrow-card" title={t('password.title')} data-testid="password-page">
      {oneTime && <Alert type="warning" showIcon title={t('password.mustChange')} style={{ marginBottom: 16 }} data-testid="password-must-change" />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="password-error" />}
      <PasswordRules />
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false} autoComplete="off">
        {/* The username lets the browser's password manager file the new password under the right account. */}
        <input type="text" name="username" autoComplete="username" value={user?.username ?? ''} readOnly hidden />
        <Form.Item name="currentPassword" label={t(oneTime ? 'password.currentOneTime' : 'password.current')} rules={[{ required: true, message: t('password.required') }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          rules={[
            { required: true, message: t('password.required') },
            // The core's own rules, checked as the user types; the server checks them again.
            { validator: (_, value: string | undefined) => checkNew(value, user?.username ?? '', t) },
          ]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="repeat"
          label={t('password.repeat')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.required') },
            ({ getFieldValue }) => ({ validator: (_, value) => (!value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')))) }),
          ]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="password-repeat" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="password-submit">{t('password.submit')}</Button>
      </Form>
    </Card>
  );
}

const PROBLEM_TEXT: Readonly<Record<PasswordProblem, MessageKey>> = {
  TOO_SHORT: 'password.rule.length',
  TOO_LONG: 'password.tooLong',
  SAME_AS_USERNAME: 'password.rule.username',
  TOO_COMMON: 'password.rule.common',
};

function checkNew(value: string | undefined, username: string, t: I18n['t']): Promise<void> {
  const problem = value ? passwordProblem(value, username) : null;
  return problem ? Promise.reject(new Error(t(PROBLEM_TEXT[problem], { min: PASSWORD_MIN_LENGTH }))) : Promise.resolve();
}
