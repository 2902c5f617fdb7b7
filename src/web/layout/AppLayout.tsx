import { KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Drawer, Layout, Menu, Space, type MenuProps } from 'antd';
import { useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import type { Role } from '../api/types.ts';
import { useI18n } from '../locale/i18n.tsx';
import type { MessageKey } from '../locale/zh.ts';
import { PASSWORD_PAGE } from '../session/RequireLogin.tsx';
import { useSession } from '../session/session.tsx';
import { KeyboardScroll } from './KeyboardScroll.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { useNarrow } from './narrow.ts';

interface Section {
  path: string;
  key: MessageKey;
  /** Only these roles see it (the pages refuse the others too). */
  roles?: readonly Role[];
}

/** Who follows a year's progress: the finance bureau and the departments (their own units). */
export const PROGRESS_ROLES: readonly Role[] = ['admin', 'reviewer', 'department'];

const SECTIONS: readonly Section[] = [
  { path: '/targets', key: 'nav.targets' },
  { path: '/monitoring', key: 'nav.monitoring' },
  { path: '/evaluations', key: 'nav.evaluations' },
  { path: '/import', key: 'nav.import' },
  { path: '/dashboard', key: 'nav.dashboard' },
  { path: '/progress', key: 'nav.progress', roles: PROGRESS_ROLES },
  { path: '/rechecks', key: 'nav.rechecks', roles: ['reviewer'] },
  // Every role but the admin follows items (the admin reads them too: the bureau's records).
  { path: '/rectifications', key: 'nav.rectifications' },
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
  const narrow = useNarrow();
  const [menuOpen, setMenuOpen] = useState(false);
  // The editor saves what is typed first, or asks (false: the user stays).
  const logOut = () => void logout().then((out) => out && navigate('/login'));
  return (
    <Layout className="app">
      <Layout.Header className="app-header">
        <Link to="/evaluations" className="app-brand">{t('app.title')}</Link>
        {narrow ? (
          // A phone: the bar keeps the brand and a menu button; the sections, the user, the language and logout are in a drawer.
          <>
            <span className="app-menu" />
            <Button type="text" className="app-menu-button" icon={<MenuOutlined />} aria-label={t('layout.menu')} aria-expanded={menuOpen} aria-controls="app-menu-drawer" onClick={() => setMenuOpen(true)} data-testid="menu-button" />
            <Drawer
              id="app-menu-drawer"
              title={t('layout.menuTitle')}
              placement="right"
              size={300}
              open={menuOpen}
              onClose={() => setMenuOpen(false)}
              className="app-menu-drawer"
              data-testid="menu-drawer"
            >
              <div data-testid="current-user" className="app-drawer-user">
                <UserOutlined /> {who}
              </div>
              {!locked && (
                <nav aria-label={t('layout.mainNav')}>
                  {/* A tap on a section goes there and closes the drawer. */}
                  <Menu mode="inline" selectedKeys={[current]} defaultOpenKeys={current.startsWith('/admin') ? ['admin'] : []} items={items} onClick={() => setMenuOpen(false)} className="app-drawer-menu" />
                </nav>
              )}
              <div className="app-drawer-row">
                <LanguageSwitch />
              </div>
              {!locked && (
                <div className="app-drawer-row">
                  <Link to={PASSWORD_PAGE} data-testid="nav-password" onClick={() => setMenuOpen(false)}>
                    <KeyOutlined /> {t('nav.password')}
                  </Link>
                </div>
              )}
              <div className="app-drawer-row">
                <Button icon={<LogoutOutlined />} data-testid="logout" onClick={() => { setMenuOpen(false); logOut(); }}>
                  {t('nav.logout')}
                </Button>
              </div>
            </Drawer>
          </>
        ) : (
          <>
            {locked ? <span className="app-menu" /> : (
              <nav className="app-menu" aria-label={t('layout.mainNav')}>
                <Menu theme="dark" mode="horizontal" selectedKeys={[current]} items={items} triggerSubMenuAction="click" />
              </nav>
            )}
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
              <Button type="text" icon={<LogoutOutlined />} data-testid="logout" title={t('nav.logout')} onClick={logOut}>
                <span className="app-link-text">{t('nav.logout')}</span>
              </Button>
            </Space>
          </>
        )}
      </Layout.Header>
      <Layout.Content className="app-content" id="main">
        <KeyboardScroll label={t('layout.form')}>
          <Outlet />
        </KeyboardScroll>
      </Layout.Content>
    </Layout>
  );
}
