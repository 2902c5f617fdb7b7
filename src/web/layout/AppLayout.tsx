import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, type MenuProps } from 'antd';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import type { Role } from '../api/types.ts';
import { useI18n } from '../locale/i18n.tsx';
import type { MessageKey } from '../locale/zh.ts';
import { PASSWORD_PAGE } from '../session/RequireLogin.tsx';
import { useSession } from '../session/session.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

interface Section {
  path: string;
  key: MessageKey;
  /** Only these roles see it (the pages refuse the others too). */
  roles?: readonly Role[];
}

/** Who follows a year's progress: the finance bureau and the departments (their own units). */
export const PROGRESS_ROLES: readonly Role[] = ['admin', 'reviewer', 'department'];

const SECTIONS: readonly Section[] = [
  { path: '/evaluations', key: 'nav.evaluations' },
  { path: '/import', key: 'nav.import' },
  { path: '/dashboard', key: 'nav.dashboard' },
  { path: '/progress', key: 'nav.progress', roles: PROGRESS_ROLES },
  { path: '/rechecks', key: 'nav.rechecks', roles: ['reviewer'] },
  { path: '/public', key: 'nav.public' },
];

/** The admin's pages, under one menu so that the bar stays short. */
const ADMIN_SECTIONS: readonly Section[] = [
  { path: '/admin/units', key: 'nav.units' },
  { path: '/admin/users', key: 'nav.users' },
  { path: '/admin/years', key: 'nav.years' },
  { path: '/admin/deleted', key: 'deleted.nav' },
  { path: '/admin/security', key: 'nav.security' },
];

const testId = (path: string) => `nav-${path.slice(1).replace('/', '-')}`;

export function AppLayout() {
  const { t } = useI18n();
  const { user, logout } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const current = [...SECTIONS, ...ADMIN_SECTIONS].find((s) => location.pathname.startsWith(s.path))?.path ?? (location.pathname === PASSWORD_PAGE ? '' : '/evaluations');
  const link = (s: Section) => ({ key: s.path, label: <Link to={s.path} data-testid={testId(s.path)}>{t(s.key)}</Link> });
  const mine = (s: Section) => !s.roles || (user !== null && s.roles.includes(user.role));
  const items: MenuProps['items'] = SECTIONS.filter(mine).map(link);
  if (user?.role === 'admin') {
    // Before 信息公开, the last item.
    items.splice(items.length - 1, 0, { key: 'admin', label: <span data-testid="nav-admin">{t('nav.admin')}</span>, children: ADMIN_SECTIONS.map(link) });
  }
  // A user who must change a one-time password can go nowhere else: no menu to tempt them.
  const locked = user?.mustChangePassword ?? false;
  const who = user ? [user.displayName, t(`role.${user.role}`), user.unit?.name].filter(Boolean).join(' · ') : '';
  return (
    <Layout className="app">
      <Layout.Header className="app-header">
        <Link to="/evaluations" className="app-brand">{t('app.title')}</Link>
        {locked ? <span className="app-menu" /> : <Menu theme="dark" mode="horizontal" selectedKeys={[current]} className="app-menu" items={items} triggerSubMenuAction="click" />}
        <Space size="middle" className="app-user">
          <LanguageSwitch />
          <span data-testid="current-user" className="app-user-name" title={who}>
            <UserOutlined /> <span className="app-link-text">{who}</span>
          </span>
          {!locked && (
            <Link to={PASSWORD_PAGE} className="app-header-link app-password-link" data-testid="nav-password" title={t('nav.password')}>
              <KeyOutlined /> <span className="app-link-text">{t('nav.password')}</span>
            </Link>
          )}
          <Button type="text" icon={<LogoutOutlined />} data-testid="logout" title={t('nav.logout')} onClick={() => void logout().then((out) => out && navigate('/login'))}>
            <span className="app-link-text">{t('nav.logout')}</span>
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content className="app-content">
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
