import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { I18nProvider, useI18n } from './locale/i18n.tsx';
import { AppLayout, PROGRESS_ROLES } from './layout/AppLayout.tsx';
import { PublicLayout } from './layout/PublicLayout.tsx';
import { PASSWORD_PAGE, RequireLogin } from './session/RequireLogin.tsx';
import { SessionProvider } from './session/session.tsx';

type LazyPage = ComponentType & { preload: () => void };

/**
 * A page's chunk that fails to load is most often one a new release removed while this tab ran the
 * old one: the page is loaded again (the new index.html and its chunks), once a minute at most.
 */
function reloadOnce(error: unknown): never {
  const KEY = 'jixiao.chunkReloadAt';
  const last = Number(sessionStorage.getItem(KEY) ?? 0);
  if (Date.now() - last > 60_000) {
    sessionStorage.setItem(KEY, String(Date.now()));
    window.location.reload();
  }
  throw error;
}

/**
 * Each page is a chunk of its own, loaded when its route is first shown (issue 13: the login page
 * does not load the editor, the forms or the dashboard), with a small spinner meanwhile.
 * React holds a page back until 300 ms after its spinner showed when the page comes by Suspense's
 * own retry; it comes here by a plain update once the chunk is in, and a page whose chunk is
 * already here (asked for at start, or shown before) renders at once.
 */
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): LazyPage {
  let loading: Promise<{ default: ComponentType }> | undefined;
  let loaded: ComponentType | undefined;
  const start = () => (loading ??= load().then((module) => {
    loaded = module[name];
    return { default: loaded };
  }, reloadOnce));
  const Lazy = lazy(start);
  function LazyPage() {
    // Chosen once for the element's life: switching from the lazy type to the page would remount it.
    const [Page] = useState<ComponentType>(() => loaded ?? Lazy);
    const [, setArrived] = useState(loaded !== undefined);
    useEffect(() => {
      if (!loaded) start().then(() => setArrived(true), () => undefined); // a failure shows through Suspense
    }, []);
    return (
      <Suspense fallback={<div className="page-loading" data-testid="page-loading" style={{ padding: 64, textAlign: 'center' }}><Spin /></div>}>
        <Page />
      </Suspense>
    );
  }
  LazyPage.displayName = `Lazy(${name})`;
  LazyPage.preload = () => void start().catch(() => undefined);
  return LazyPage;
}

const DeletedPage = lazyPage(() => import('./pages/admin/DeletedPage.tsx'), 'DeletedPage');
const SecurityEventsPage = lazyPage(() => import('./pages/admin/security/SecurityEventsPage.tsx'), 'SecurityEventsPage');
const UnitsPage = lazyPage(() => import('./pages/admin/units/UnitsPage.tsx'), 'UnitsPage');
const UsersPage = lazyPage(() => import('./pages/admin/users/UsersPage.tsx'), 'UsersPage');
const YearsPage = lazyPage(() => import('./pages/admin/years/YearsPage.tsx'), 'YearsPage');
const DashboardPage = lazyPage(() => import('./pages/dashboard/DashboardPage.tsx'), 'DashboardPage');
const EditorPage = lazyPage(() => import('./pages/editor/EditorPage.tsx'), 'EditorPage');
const ImportPage = lazyPage(() => import('./pages/import/ImportPage.tsx'), 'ImportPage');
const EvaluationListPage = lazyPage(() => import('./pages/list/EvaluationListPage.tsx'), 'EvaluationListPage');
const LoginPage = lazyPage(() => import('./pages/LoginPage.tsx'), 'LoginPage');
const PasswordPage = lazyPage(() => import('./pages/password/PasswordPage.tsx'), 'PasswordPage');
const ProgressPage = lazyPage(() => import('./pages/progress/ProgressPage.tsx'), 'ProgressPage');
const PublicEvaluationPage = lazyPage(() => import('./pages/public/PublicEvaluationPage.tsx'), 'PublicEvaluationPage');
const PublicListPage = lazyPage(() => import('./pages/public/PublicListPage.tsx'), 'PublicListPage');
const RecheckDrawPage = lazyPage(() => import('./pages/recheck/RecheckDrawPage.tsx'), 'RecheckDrawPage');
const RecheckListPage = lazyPage(() => import('./pages/recheck/RecheckListPage.tsx'), 'RecheckListPage');
const TargetsListPage = lazyPage(() => import('./pages/cycle/CycleListPage.tsx'), 'TargetsListPage');
const MonitoringListPage = lazyPage(() => import('./pages/cycle/CycleListPage.tsx'), 'MonitoringListPage');
const TargetsPage = lazyPage(() => import('./pages/cycle/TargetsPage.tsx'), 'TargetsPage');
const RectificationListPage = lazyPage(() => import('./pages/rectification/RectificationListPage.tsx'), 'RectificationListPage');
const MonitoringPage = lazyPage(() => import('./pages/cycle/MonitoringPage.tsx'), 'MonitoringPage');

/**
 * The page of the address the app opens on is asked for at once, beside the session's /api/me,
 * not after it (a chunk and its vendor parts, a round trip or two on a slow line).
 */
const FIRST_PAGES: ReadonlyArray<readonly [RegExp, LazyPage]> = [
  [/^\/login\/?$/u, LoginPage],
  [/^\/(?:evaluations\/?)?$/u, EvaluationListPage],
  [/^\/evaluations\/[^/]+\/?$/u, EditorPage],
  [/^\/public\/?$/u, PublicListPage],
  [/^\/public\/[^/]+\/?$/u, PublicEvaluationPage],
  [/^\/dashboard\/?$/u, DashboardPage],
];
if (typeof window !== 'undefined') FIRST_PAGES.find(([path]) => path.test(window.location.pathname))?.[1].preload();

/** Finance-office look: one blue, square corners, dense controls. */
const THEME = {
  token: {
    colorPrimary: '#1d4f91', borderRadius: 2, fontSize: 13, fontFamily: '"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Noto Sans SC",sans-serif',
    // Contrast of at least 4.5:1 on white and on the page's grey (WCAG AA, checked by axe-core in the e2e): links in the
    // one blue, the red of errors darker, secondary words and placeholders darker than antd's 45 % and 25 % black.
    colorLink: '#1d4f91', colorError: '#cf1322', colorTextTertiary: 'rgba(0, 0, 0, 0.6)', colorTextDescription: 'rgba(0, 0, 0, 0.6)', colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
  },
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
                <Route path="/targets" element={<TargetsListPage />} />
                <Route path="/targets/:id" element={<TargetsPage />} />
                <Route path="/monitoring" element={<MonitoringListPage />} />
                <Route path="/monitoring/:id" element={<MonitoringPage />} />
                <Route path="/import" element={<ImportPage />} />
                <Route path="/dashboard" element={<DashboardPage />} />
                <Route path="/rechecks" element={<RecheckListPage />} />
                <Route path="/rechecks/:id" element={<RecheckDrawPage />} />
                <Route path="/rectifications" element={<RectificationListPage />} />
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
