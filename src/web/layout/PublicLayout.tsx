import { Layout } from 'antd';
import { Link, Outlet } from 'react-router-dom';
import { useI18n } from '../locale/i18n.tsx';
import { KeyboardScroll } from './KeyboardScroll.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** The disclosure pages: no login, no menu. */
export function PublicLayout() {
  const { t } = useI18n();
  return (
    <Layout className="app">
      <Layout.Header className="app-header">
        <Link to="/public" className="app-brand">{t('public.title')}</Link>
        <span style={{ flex: 1 }} />
        <LanguageSwitch />
        <Link to="/login" className="app-header-link">{t('public.staffLogin')}</Link>
      </Layout.Header>
      <Layout.Content className="app-content">
        <KeyboardScroll label={t('layout.form')}>
          <Outlet />
        </KeyboardScroll>
      </Layout.Content>
    </Layout>
  );
}
