import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, theme } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../api/client.ts';
import { LanguageSwitch } from '../layout/LanguageSwitch.tsx';
import { useI18n } from '../locale/i18n.tsx';
import { hasAnyCopy, sessionCopies } from './editor/local-copy.ts';
import { nextFor } from '../session/next-path.ts';
import { PASSWORD_PAGE } from '../session/RequireLogin.tsx';
import { useSession } from '../session/session.tsx';

interface Credentials {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const { user, login, expired } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Back where the user was (RequireLogin names it), if it is a page of this application and was
  // theirs: another user signing in next starts at their own home (next-path.ts).
  const asked = params.get('next');
  // Typed and not saved when the session ended: kept in the tab (pages/editor/local-copy.ts), restored on opening the form.
  const [unsavedKept] = useState(() => hasAnyCopy(sessionCopies()));
  if (user) return <Navigate to={user.mustChangePassword ? PASSWORD_PAGE : nextFor(asked, user.username)} replace />;

  const submit = async ({ username, password }: Credentials) => {
    setBusy(true);
    setError(null);
    try {
      const user = await login(username, password);
      // A one-time password: the user chooses their own before anything else.
      navigate(user.mustChangePassword ? PASSWORD_PAGE : nextFor(asked, user.username), { replace: true });
    } catch (e) {
      setError(loginError(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <div className="login-lang"><LanguageSwitch /></div>
      {/* Drawn as antd's small Card, without it: Card brings Tabs and Skeleton, 13 KB gzipped the login page does not need (issue 13). */}
      <div className="login-card" style={{ background: token.colorBgContainer, borderRadius: token.borderRadiusLG, maxWidth: '100%' }}>
        <div style={{ minHeight: 38, padding: '0 12px', borderBottom: `1px solid ${token.colorBorderSecondary}`, fontWeight: token.fontWeightStrong }}>
          <div className="login-title">{t('app.title')}</div>
        </div>
        <div style={{ padding: 12 }}>
          <div className="login-subtitle">{t('login.subtitle')}</div>
          {expired && !error && (
            <Alert type="warning" showIcon title={t('login.expired')} description={unsavedKept ? t('login.unsavedKept') : undefined} data-testid="login-expired" style={{ marginBottom: 16 }} />
          )}
          {error && <Alert type="error" showIcon title={error} data-testid="login-error" style={{ marginBottom: 16 }} />}
          <Form<Credentials> layout="vertical" size="large" onFinish={(v) => void submit(v)} requiredMark={false}>
            <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" data-testid="login-username" />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </Form>
          <div className="login-footer">
            <Link to="/public" data-testid="public-link">{t('login.publicLink')}</Link>
          </div>
        </div>
      </div>
    </div>
  );
}

function loginError(e: unknown, t: ReturnType<typeof useI18n>['t']): string {
  if (!(e instanceof ApiError)) return t('error.network');
  if (e.status === 429) return t('login.tooMany', { seconds: e.retryAfter ?? 60 });
  if (e.status === 401) return t('login.invalid');
  return e.message || t('error.generic');
}
