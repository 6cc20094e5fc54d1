import { AppShell, useFocusOnNavigation } from '@bc/schema';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { HeaderNav } from './components/HeaderNav';
import { OfficeChoice } from './components/OfficeScope';
import { RequireRole } from './components/RequireRole';
import { RequireStaff } from './components/RequireStaff';
import { ADMIN_BASE, DESK_BASE, DOCUMENT_CHECK_BASE, STATISTICS_BASE, WORKSTATION_BASE } from './lib/paths';
import { CHECK_ROLES, CLERK_ROLES, DESK_ROLES, MANAGER_ROLES } from './lib/roles';
import { AdminHomePage } from './pages/admin/AdminHomePage';
import { AuditLogPage } from './pages/admin/AuditLogPage';
import { CountersPage } from './pages/admin/catalog/CountersPage';
import { DocumentsPage } from './pages/admin/catalog/DocumentsPage';
import { ServicesPage } from './pages/admin/catalog/ServicesPage';
import { DevicesPage } from './pages/admin/devices/DevicesPage';
import { LegalPagesPage } from './pages/admin/legal/LegalPagesPage';
import { ClosuresPage } from './pages/admin/office/ClosuresPage';
import { ExtraDaysPage } from './pages/admin/office/ExtraDaysPage';
import { NewOfficePage } from './pages/admin/office/NewOfficePage';
import { OfficeDetailsPage } from './pages/admin/office/OfficeDetailsPage';
import { OpeningHoursPage } from './pages/admin/office/OpeningHoursPage';
import { PortalKeysPage } from './pages/admin/PortalKeysPage';
import { ADMIN_SECTIONS, type AdminSectionKey, sectionPath } from './pages/admin/sections';
import { AllStaffAccountsPage, StaffAccountsPage } from './pages/admin/staff/StaffAccountsPage';
import { DeskPage } from './pages/desk/DeskPage';
import { DocumentCheckPage } from './pages/documents/DocumentCheckPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OwnPasswordPage } from './pages/OwnPasswordPage';
import { SetPasswordPage } from './pages/SetPasswordPage';
import { StartPage } from './pages/StartPage';
import { StatisticsPage } from './pages/statistics/StatisticsPage';
import { WorkstationPage } from './pages/workstation/WorkstationPage';
import { useStoreGeneration } from './session/use-store-generation';

/** The page of each administration section; the sections' paths and roles come from ADMIN_SECTIONS. */
const ADMIN_PAGES: Record<AdminSectionKey, ComponentType> = {
  office: OfficeDetailsPage,
  hours: OpeningHoursPage,
  closures: ClosuresPage,
  extraDays: ExtraDaysPage,
  services: ServicesPage,
  documents: DocumentsPage,
  counters: CountersPage,
  devices: DevicesPage,
  staff: StaffAccountsPage,
  newOffice: NewOfficePage,
  allStaff: AllStaffAccountsPage,
  portalKeys: PortalKeysPage,
  auditLog: AuditLogPage,
  legalPages: LegalPagesPage,
};

export function App() {
  const { t } = useTranslation();
  useFocusOnNavigation();
  const generation = useStoreGeneration();
  return (
    <AppShell key={generation} title={t('app.title')} nav={<HeaderNav />}>
      <Routes>
        <Route path="login" element={<LoginPage />} />
        <Route path="passwort" element={<SetPasswordPage />} />
        <Route element={<RequireStaff />}>
          <Route index element={<StartPage />} />
          <Route path="konto/passwort" element={<OwnPasswordPage />} />
          <Route element={<RequireRole roles={DESK_ROLES} />}>
            <Route path={DESK_BASE.slice(1)} element={<OfficeChoice base={DESK_BASE} title={t('desk.title')} />} />
            <Route path={`${DESK_BASE.slice(1)}/:office`} element={<DeskPage />} />
          </Route>
          <Route element={<RequireRole roles={CLERK_ROLES} />}>
            <Route
              path={WORKSTATION_BASE.slice(1)}
              element={<OfficeChoice base={WORKSTATION_BASE} title={t('ws.title')} />}
            />
            <Route path={`${WORKSTATION_BASE.slice(1)}/:office`} element={<WorkstationPage />} />
          </Route>
          <Route element={<RequireRole roles={CHECK_ROLES} />}>
            <Route
              path={DOCUMENT_CHECK_BASE.slice(1)}
              element={<OfficeChoice base={DOCUMENT_CHECK_BASE} title={t('docs.title')} />}
            />
            <Route path={`${DOCUMENT_CHECK_BASE.slice(1)}/:office`} element={<DocumentCheckPage />} />
          </Route>
          <Route element={<RequireRole roles={MANAGER_ROLES} />}>
            <Route
              path={STATISTICS_BASE.slice(1)}
              element={<OfficeChoice base={STATISTICS_BASE} title={t('stats.title')} />}
            />
            <Route path={`${STATISTICS_BASE.slice(1)}/:office`} element={<StatisticsPage />} />
          </Route>
          <Route element={<RequireRole roles={MANAGER_ROLES} />}>
            <Route path={ADMIN_BASE.slice(1)} element={<OfficeChoice base={ADMIN_BASE} title={t('admin.title')} />} />
            <Route path={`${ADMIN_BASE.slice(1)}/:office`} element={<AdminHomePage />} />
          </Route>
          {ADMIN_SECTIONS.map((section) => {
            const Page = ADMIN_PAGES[section.key];
            return (
              <Route key={section.key} element={<RequireRole roles={section.roles} />}>
                <Route path={sectionPath(section, ':office').slice(1)} element={<Page />} />
              </Route>
            );
          })}
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </AppShell>
  );
}
