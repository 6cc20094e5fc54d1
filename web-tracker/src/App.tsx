import {
  AppShell,
  LegalFooter,
  legalRoutes,
  PreferenceToggles,
  QueryState,
  useFocusOnNavigation,
  useText,
} from '@bc/schema';
import { lazy, Suspense } from 'react';
import { Outlet, Route, Routes } from 'react-router';
import { NotFoundPage } from './pages/NotFoundPage';
import { StartPage } from './pages/StartPage';
import { TrackingPage } from './pages/TrackingPage';

/**
 * The tracking page, what a visitor's phone opens from the ticket's QR code, comes with the app: a chunk of its own
 * would cost one more round trip before the ticket shows on a slow line. The call display, a screen on the office
 * network, is its own chunk (docs/decisions.md, "First load on a slow line").
 */
const DisplayPage = lazy(() => import('./pages/DisplayPage').then((m) => ({ default: m.DisplayPage })));

/** The call display fills its screen on its own; the visitor pages share the usual page frame. */
export function App() {
  return (
    <Routes>
      <Route
        path="display"
        element={
          <Suspense fallback={null}>
            <DisplayPage />
          </Suspense>
        }
      />
      <Route element={<VisitorFrame />}>
        <Route index element={<StartPage />} />
        <Route path="t/:token" element={<TrackingPage />} />
        {legalRoutes()}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

function VisitorFrame() {
  const { t } = useText();
  useFocusOnNavigation();
  return (
    <AppShell title={t('app.title')} nav={<PreferenceToggles />} footer={<LegalFooter />}>
      {/* The frame stays while a page's code loads; the wait is announced like any other. */}
      <Suspense fallback={<QueryState loading />}>
        <Outlet />
      </Suspense>
    </AppShell>
  );
}
