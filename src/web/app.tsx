/**
 * The app shell (header, language switch, navigation) and the route table. Feature pages are
 * loaded on demand so that the first download stays small on a phone.
 */
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { createBrowserRouter, Navigate, Outlet, useRouteError } from "react-router";
import { LANGUAGES } from "../core/errors/language.ts";
import { ErrorMessage } from "./components/error-message.tsx";
import { LoadingState } from "./components/loading-state.tsx";
import { NotFoundPage } from "./components/not-found-page.tsx";
import { AuthProvider } from "./features/auth/auth-context.tsx";
import { RequireAuth } from "./features/auth/require-auth.tsx";
import { UserMenu } from "./features/auth/user-menu.tsx";
import { changeLanguage, useLanguage } from "./i18n/i18n.ts";
import { BottomNavigation, TopNavigation } from "./navigation/app-navigation.tsx";
import { OfflineStatusBadge } from "./offline/offline-status.tsx";

const cases = () => import("./features/cases/index.ts");
const CaseListPage = lazy(() => cases().then((m) => ({ default: m.CaseListPage })));
const CasePage = lazy(() => cases().then((m) => ({ default: m.CasePage })));
const NewCasePage = lazy(() => cases().then((m) => ({ default: m.NewCasePage })));
const CaseReportPage = lazy(() => cases().then((m) => ({ default: m.CaseReportPage })));
const MyTasksPage = lazy(() => cases().then((m) => ({ default: m.MyTasksPage })));
const dashboards = () => import("./features/dashboards/index.ts");
const DashboardHomePage = lazy(() => dashboards().then((m) => ({ default: m.DashboardHomePage })));
const DashboardPage = lazy(() => dashboards().then((m) => ({ default: m.DashboardPage })));
const TrainingComparisonPage = lazy(() => dashboards().then((m) => ({ default: m.TrainingComparisonPage })));
const KinerjaPage = lazy(() =>
  import("./features/kinerja/index.ts").then((m) => ({ default: m.KinerjaPage })),
);
const KinerjaTargetsPage = lazy(() =>
  import("./features/kinerja/index.ts").then((m) => ({ default: m.KinerjaTargetsPage })),
);
const training = () => import("./features/training/index.ts");
const TrainingPage = lazy(() => training().then((m) => ({ default: m.TrainingPage })));
const CohortPage = lazy(() => training().then((m) => ({ default: m.CohortPage })));
const InvitationsPage = lazy(() => training().then((m) => ({ default: m.InvitationsPage })));
const ProgrammePage = lazy(() => training().then((m) => ({ default: m.ProgrammePage })));
const AttendancePage = lazy(() => training().then((m) => ({ default: m.AttendancePage })));
const CheckInPage = lazy(() => training().then((m) => ({ default: m.CheckInPage })));
const TestPage = lazy(() => training().then((m) => ({ default: m.TestPage })));
const ItemAnalysisPage = lazy(() => training().then((m) => ({ default: m.ItemAnalysisPage })));
const poverty = () => import("./features/assessments/index.ts");
const AssessmentPage = lazy(() => poverty().then((m) => ({ default: m.AssessmentPage })));
const AnalysisPage = lazy(() => poverty().then((m) => ({ default: m.AnalysisPage })));
const PoorHouseholdsPage = lazy(() => poverty().then((m) => ({ default: m.PoorHouseholdsPage })));
const IndicatorSetsPage = lazy(() => poverty().then((m) => ({ default: m.IndicatorSetsPage })));
const registry = () => import("./features/registry/index.ts");
const HouseholdListPage = lazy(() => registry().then((m) => ({ default: m.HouseholdListPage })));
const HouseholdPage = lazy(() => registry().then((m) => ({ default: m.HouseholdPage })));
const NewHouseholdPage = lazy(() => registry().then((m) => ({ default: m.NewHouseholdPage })));
const EditHouseholdPage = lazy(() => registry().then((m) => ({ default: m.EditHouseholdPage })));
const NewPersonPage = lazy(() => registry().then((m) => ({ default: m.NewPersonPage })));
const EditPersonPage = lazy(() => registry().then((m) => ({ default: m.EditPersonPage })));
const PersonPage = lazy(() => registry().then((m) => ({ default: m.PersonPage })));
const ImportPage = lazy(() => registry().then((m) => ({ default: m.ImportPage })));
const DuplicatesPage = lazy(() => registry().then((m) => ({ default: m.DuplicatesPage })));
const PsksPage = lazy(() => registry().then((m) => ({ default: m.PsksPage })));
const workers = () => import("./features/workers/index.ts");
const WorkerListPage = lazy(() => workers().then((m) => ({ default: m.WorkerListPage })));
const WorkerPage = lazy(() => workers().then((m) => ({ default: m.WorkerPage })));
const RegionListPage = lazy(() =>
  import("./features/regions/region-list-page.tsx").then((m) => ({ default: m.RegionListPage })),
);
const RegionPage = lazy(() =>
  import("./features/regions/region-page.tsx").then((m) => ({ default: m.RegionPage })),
);

const OfflinePage = lazy(() =>
  import("./offline/offline-page.tsx").then((m) => ({ default: m.OfflinePage })),
);
const LoginPage = lazy(() =>
  import("./features/auth/login-page.tsx").then((m) => ({ default: m.LoginPage })),
);
const ProfilePage = lazy(() =>
  import("./features/auth/profile-page.tsx").then((m) => ({ default: m.ProfilePage })),
);
const UsersPage = lazy(() =>
  import("./features/users/users-page.tsx").then((m) => ({ default: m.UsersPage })),
);
const AuditPage = lazy(() =>
  import("./features/audit/audit-page.tsx").then((m) => ({ default: m.AuditPage })),
);
const DevicesPage = lazy(() =>
  import("./features/devices/devices-page.tsx").then((m) => ({ default: m.DevicesPage })),
);
const ConflictsPage = lazy(() =>
  import("./offline/screens/conflicts-page.tsx").then((m) => ({ default: m.ConflictsPage })),
);

function LanguageSwitch() {
  const { t, language } = useLanguage();
  return (
    <fieldset className="language-switch">
      <legend className="visually-hidden">{t("language.label")}</legend>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          aria-pressed={language === lang}
          aria-label={t(`language.${lang}`)}
          title={t(`language.${lang}`)}
          onClick={() => void changeLanguage(lang)}
        >
          <span className="long" aria-hidden="true">
            {t(`language.${lang}`)}
          </span>
          <span className="short" aria-hidden="true">
            {lang === "id" ? t("language.idShort") : t("language.enShort")}
          </span>
        </button>
      ))}
    </fieldset>
  );
}

/** Header, navigation and the current page. */
export function Layout() {
  const { t } = useTranslation();
  return (
    <AuthProvider>
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true">
              P
            </span>
            <div>
              <p className="brand-name">{t("app.name")}</p>
              <p className="brand-tagline">{t("app.tagline")}</p>
            </div>
          </div>
          <OfflineStatusBadge />
          <LanguageSwitch />
          <UserMenu />
        </div>
        <TopNavigation />
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Suspense fallback={<LoadingState />}>
          <Outlet />
        </Suspense>
      </main>
      <BottomNavigation />
    </AuthProvider>
  );
}

/** Last resort for a page that failed to render or to load its code. */
function RouteError() {
  const error = useRouteError();
  return (
    <main className="app-main">
      <ErrorMessage error={error} onRetry={() => window.location.reload()} />
    </main>
  );
}

export function createRouter() {
  return createBrowserRouter([
    {
      element: <Layout />,
      errorElement: <RouteError />,
      children: [
        { index: true, element: <Navigate to="/wilayah" replace /> },
        { path: "wilayah", element: <RegionListPage /> },
        { path: "wilayah/:code", element: <RegionPage /> },
        { path: "masuk", element: <LoginPage /> },
        // Outside RequireAuth: it must open without signal, where /auth/me cannot answer.
        { path: "luring", element: <OfflinePage /> },
        {
          path: "profil",
          element: (
            <RequireAuth>
              <ProfilePage />
            </RequireAuth>
          ),
        },
        {
          path: "admin/pengguna",
          element: (
            <RequireAuth permission="users:manage">
              <UsersPage />
            </RequireAuth>
          ),
        },
        {
          path: "admin/perangkat",
          element: (
            <RequireAuth permission="users:manage">
              <DevicesPage />
            </RequireAuth>
          ),
        },
        {
          path: "luring/konflik",
          element: (
            <RequireAuth permission="households:read">
              <ConflictsPage />
            </RequireAuth>
          ),
        },
        {
          path: "admin/audit",
          element: (
            <RequireAuth permission="audit:read">
              <AuditPage />
            </RequireAuth>
          ),
        },
        {
          path: "tugas",
          element: (
            <RequireAuth permission="persons:read">
              <MyTasksPage />
            </RequireAuth>
          ),
        },
        {
          path: "kasus",
          element: (
            <RequireAuth permission="persons:read">
              <CaseListPage />
            </RequireAuth>
          ),
        },
        {
          path: "kasus/baru",
          element: (
            <RequireAuth permission="persons:write">
              <NewCasePage />
            </RequireAuth>
          ),
        },
        {
          path: "kasus/laporan",
          element: (
            <RequireAuth permission="aggregates:read">
              <CaseReportPage />
            </RequireAuth>
          ),
        },
        {
          path: "kasus/:id",
          element: (
            <RequireAuth permission="persons:read">
              <CasePage />
            </RequireAuth>
          ),
        },
        {
          path: "dasbor",
          element: (
            <RequireAuth permission="aggregates:read">
              <DashboardHomePage />
            </RequireAuth>
          ),
        },
        {
          path: "dasbor/pelatihan",
          element: (
            <RequireAuth permission="aggregates:read">
              <TrainingComparisonPage />
            </RequireAuth>
          ),
        },
        {
          path: "dasbor/:code",
          element: (
            <RequireAuth permission="aggregates:read">
              <DashboardPage />
            </RequireAuth>
          ),
        },
        {
          path: "petugas",
          element: (
            <RequireAuth permission="workers:read">
              <WorkerListPage />
            </RequireAuth>
          ),
        },
        {
          path: "petugas/:id",
          element: (
            <RequireAuth permission="workers:read">
              <WorkerPage />
            </RequireAuth>
          ),
        },
        {
          path: "kinerja",
          element: (
            <RequireAuth permission="kinerja:read">
              <KinerjaPage />
            </RequireAuth>
          ),
        },
        {
          path: "kinerja/target",
          element: (
            <RequireAuth permission="kinerja:targets">
              <KinerjaTargetsPage />
            </RequireAuth>
          ),
        },
        ...[
          { path: "pelatihan", element: <TrainingPage /> },
          { path: "pelatihan/angkatan/:id", element: <CohortPage /> },
          { path: "pelatihan/angkatan/:id/undangan", element: <InvitationsPage /> },
          { path: "pelatihan/program/:id", element: <ProgrammePage /> },
          { path: "pelatihan/sesi/:id", element: <AttendancePage /> },
          { path: "pelatihan/presensi", element: <CheckInPage /> },
          { path: "pelatihan/tes/:id", element: <TestPage /> },
          { path: "pelatihan/tes/:id/analisis", element: <ItemAnalysisPage /> },
        ].map((route) => ({ ...route, element: <RequireAuth>{route.element}</RequireAuth> })),
        ...(
          [
            ["keluarga", <HouseholdListPage key="l" />, "households:read"],
            ["keluarga/baru", <NewHouseholdPage key="n" />, "households:write"],
            ["keluarga/impor", <ImportPage key="i" />, "persons:write"],
            ["keluarga/duplikat", <DuplicatesPage key="d" />, "persons:read"],
            ["keluarga/:id", <HouseholdPage key="h" />, "households:read"],
            ["keluarga/:id/ubah", <EditHouseholdPage key="e" />, "households:write"],
            ["keluarga/:id/anggota/baru", <NewPersonPage key="a" />, "persons:write"],
            ["penduduk/:id", <PersonPage key="p" />, "persons:read"],
            ["penduduk/:id/ubah", <EditPersonPage key="u" />, "persons:write"],
            ["wilayah/:code/psks", <PsksPage key="ps" />, "households:read"],
          ] as const
        ).map(([path, page, permission]) => ({
          path,
          element: <RequireAuth permission={permission}>{page}</RequireAuth>,
        })),
        ...(
          [
            ["keluarga/:id/penilaian", <AssessmentPage key="pa" />, "households:read"],
            ["kemiskinan", <AnalysisPage key="pk" />, "aggregates:read"],
            ["kemiskinan/miskin", <PoorHouseholdsPage key="pm" />, "households:read"],
            ["admin/indikator", <IndicatorSetsPage key="pi" />, "system:settings"],
          ] as const
        ).map(([path, page, permission]) => ({
          path,
          element: <RequireAuth permission={permission}>{page}</RequireAuth>,
        })),
        { path: "*", element: <NotFoundPage /> },
      ],
    },
  ]);
}
