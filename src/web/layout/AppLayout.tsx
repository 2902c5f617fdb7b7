import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space } from 'antd';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useI18n } from '../locale/i18n.tsx';
import { useSession } from '../session/session.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

const SECTIONS = [
  { path: '/evaluations', key: 'nav.evaluations' },
  { path: '/import', key: 'nav.import' },
  { path: '/dashboard', key: 'nav.dashboard' },
  { path: '/rechecks', key: 'nav.rechecks' },
  { path: '/admin/deleted', key: 'deleted.nav' },
  { path: '/public', key: 'nav.public' },
] as const;

export function AppLayout() {
  const { t } = useI18n();
  const { user, logout } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const current = SECTIONS.find((s) => location.pathname.startsWith(s.path))?.path ?? '/evaluations';
  return (
    <Layout className="app">
      <Layout.Header className="app-header">
        <Link to="/evaluations" className="app-brand">{t('app.title')}</Link>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={[current]}
          className="app-menu"
          items={SECTIONS.filter((s) => (s.path !== '/rechecks' || user?.role === 'reviewer') && (s.path !== '/admin/deleted' || user?.role === 'admin')).map((s) => ({ key: s.path, label: <Link to={s.path} data-testid={`nav-${s.path.slice(1).replace('/', '-')}`}>{t(s.key)}</Link> }))}
        />
        <Space size="middle" className="app-user">
          <LanguageSwitch />
          <span data-testid="current-user">
            <UserOutlined /> {user?.displayName} · {user ? t(`role.${user.role}`) : ''}
            {user?.unit ? ` · ${user.unit.name}` : ''}
          </span>
          <Button type="text" icon={<LogoutOutlined />} data-testid="logout" onClick={() => void logout().then(() => navigate('/login'))}>
            {t('nav.logout')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content className="app-content">
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
