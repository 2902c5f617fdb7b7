import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { AppLayout } from './layout/AppLayout.tsx';
import { PublicLayout } from './layout/PublicLayout.tsx';
import { I18nProvider, useI18n } from './locale/i18n.tsx';
import { PROGRESS_ROLES } from './layout/AppLayout.tsx';
import { DeletedPage } from './pages/admin/DeletedPage.tsx';
import { SecurityEventsPage } from './pages/admin/security/SecurityEventsPage.tsx';
import { UnitsPage } from './pages/admin/units/UnitsPage.tsx';
import { UsersPage } from './pages/admin/users/UsersPage.tsx';
import { YearsPage } from './pages/admin/years/YearsPage.tsx';
import { DashboardPage } from './pages/dashboard/DashboardPage.tsx';
import { EditorPage } from './pages/editor/EditorPage.tsx';
import { ImportPage } from './pages/import/ImportPage.tsx';
import { EvaluationListPage } from './pages/list/EvaluationListPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { PasswordPage } from './pages/password/PasswordPage.tsx';
import { ProgressPage } from './pages/progress/ProgressPage.tsx';
import { PublicEvaluationPage } from './pages/public/PublicEvaluationPage.tsx';
import { PublicListPage } from './pages/public/PublicListPage.tsx';
import { RecheckDrawPage } from './pages/recheck/RecheckDrawPage.tsx';
import { RecheckListPage } from './pages/recheck/RecheckListPage.tsx';
import { PASSWORD_PAGE, RequireLogin } from './session/RequireLogin.tsx';
import { SessionProvider } from './session/session.tsx';

/** Finance-office look: one blue, square corners, dense controls. */
const THEME = {
  token: { colorPrimary: '#1d4f91', borderRadius: 2, fontSize: 13, fontFamily: '"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Noto Sans SC",sans-serif' },
  components: { Table: { headerBg: '#eef2f8', cellPaddingBlockSM: 4 }, Layout: { headerBg: '#14365f', headerHeight: 52 } },
};

const ADMIN = ['admin'] as const;

function Themed() {
  const { lang } = useI18n();
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={THEME} componentSize="small">
      <AntApp>
        <SessionProvider>
          <BrowserRouter>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route element={<PublicLayout />}>
                <Route path="/public" element={<PublicListPage />} />
                <Route path="/public/:id" element={<PublicEvaluationPage />} />
              </Route>
              <Route element={<RequireLogin><AppLayout /></RequireLogin>}>
                <Route path="/evaluations" element={<EvaluationListPage />} />
                <Route path="/evaluations/:id" element={<EditorPage />} />
                <Route path="/import" element={<ImportPage />} />
                <Route path="/dashboard" element={<DashboardPage />} />
                <Route path="/rechecks" element={<RecheckListPage />} />
                <Route path="/rechecks/:id" element={<RecheckDrawPage />} />
                <Route path={PASSWORD_PAGE} element={<PasswordPage />} />
                <Route path="/progress" element={<RequireLogin roles={PROGRESS_ROLES}><ProgressPage /></RequireLogin>} />
                <Route path="/admin/deleted" element={<RequireLogin roles={ADMIN}><DeletedPage /></RequireLogin>} />
                <Route path="/admin/units" element={<RequireLogin roles={ADMIN}><UnitsPage /></RequireLogin>} />
                <Route path="/admin/users" element={<RequireLogin roles={ADMIN}><UsersPage /></RequireLogin>} />
                <Route path="/admin/years" element={<RequireLogin roles={ADMIN}><YearsPage /></RequireLogin>} />
                <Route path="/admin/security" element={<RequireLogin roles={ADMIN}><SecurityEventsPage /></RequireLogin>} />
              </Route>
              <Route path="*" element={<Navigate to="/evaluations" replace />} />
            </Routes>
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Themed />
    </I18nProvider>
  );
}
