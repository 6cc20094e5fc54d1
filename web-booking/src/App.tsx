import { AppShell, LegalFooter, legalRoutes } from '@bc/schema';
import { BOOKING_PAGES } from '@bc/schema/app-paths';
import { lazy, Suspense } from 'react';
import { Outlet, Route, Routes } from 'react-router';
import { PreferenceToggles } from './components/PreferenceToggles';
import { useText } from './lib/reading-preferences';
import { BookingFlow } from './pages/booking/BookingFlow';
import { CancelPage } from './pages/manage/CancelPage';
import { FIND_APPOINTMENT_PATH, FindAppointmentPage } from './pages/manage/FindAppointmentPage';
import { ManagePage } from './pages/manage/ManagePage';
import { ReschedulePage } from './pages/manage/ReschedulePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OfficePage } from './pages/OfficePage';
import { OfficesPage } from './pages/OfficesPage';

/** The kiosk (its camera scanner included) is loaded only on the terminal, never with the citizen's pages. */
const KioskPage = lazy(() => import('./kiosk/KioskPage').then((m) => ({ default: m.KioskPage })));

/**
 * Routes (under /booking/): the offices, one office, the booking steps of an office, and the manage pages, whose
 * secret token lives in the address's fragment; and the kiosk of the waiting area, full screen without the page
 * frame. The kiosk's and the manage pages' paths (BOOKING_PAGES) are reserved: no office may use them as its slug
 * (static segments win over `:slug` whatever their order), and so are the legal pages' (LEGAL_PAGES).
 */
export function App() {
  return (
    <Routes>
      <Route
        path={BOOKING_PAGES.kiosk}
        element={
          <Suspense fallback={null}>
            <KioskPage />
          </Suspense>
        }
      />
      <Route element={<CitizenFrame />}>
        <Route index element={<OfficesPage />} />
        <Route path={BOOKING_PAGES.manage} element={<ManagePage />} />
        <Route path={`${BOOKING_PAGES.manage}/verschieben`} element={<ReschedulePage />} />
        <Route path={`${BOOKING_PAGES.manage}/absagen`} element={<CancelPage />} />
        <Route path={FIND_APPOINTMENT_PATH} element={<FindAppointmentPage />} />
        {legalRoutes()}
        <Route path=":slug" element={<OfficePage />} />
        <Route path=":slug/termin/*" element={<BookingFlow />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

function CitizenFrame() {
  const { t } = useText();
  return (
    <AppShell title={t('app.title')} nav={<PreferenceToggles />} footer={<LegalFooter />}>
      <Outlet />
    </AppShell>
  );
}
