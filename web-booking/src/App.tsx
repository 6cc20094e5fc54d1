import { AppShell, LegalFooter, legalRoutes, PreferenceToggles, QueryState, useText } from '@bc/schema';
import { BOOKING_PAGES } from '@bc/schema/app-paths';
import { lazy, Suspense } from 'react';
import { Outlet, Route, Routes } from 'react-router';
import { FIND_APPOINTMENT_PATH } from './lib/paths';
import { NotFoundPage } from './pages/NotFoundPage';
import { OfficesPage } from './pages/OfficesPage';

/** The kiosk (its camera scanner included) is loaded only on the terminal, never with the citizen's pages. */
const KioskPage = lazy(() => import('./kiosk/KioskPage').then((m) => ({ default: m.KioskPage })));
/**
 * The start page comes with the app; every other page is its own chunk, fetched when first opened, so that a phone
 * on a slow line loads only the page it shows (docs/decisions.md, "First load on a slow line").
 */
const OfficePage = lazy(() => import('./pages/OfficePage').then((m) => ({ default: m.OfficePage })));
const BookingFlow = lazy(() => import('./pages/booking/BookingFlow').then((m) => ({ default: m.BookingFlow })));
const ManagePage = lazy(() => import('./pages/manage/ManagePage').then((m) => ({ default: m.ManagePage })));
const ReschedulePage = lazy(() => import('./pages/manage/ReschedulePage').then((m) => ({ default: m.ReschedulePage })));
const CancelPage = lazy(() => import('./pages/manage/CancelPage').then((m) => ({ default: m.CancelPage })));
const FindAppointmentPage = lazy(() =>
  import('./pages/manage/FindAppointmentPage').then((m) => ({ default: m.FindAppointmentPage })),
);

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
      {/* The frame stays while a page's code loads; the wait is announced like any other. */}
      <Suspense fallback={<QueryState loading />}>
        <Outlet />
      </Suspense>
    </AppShell>
  );
}
