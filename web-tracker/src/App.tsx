import { AppShell, LegalFooter, legalRoutes, useFocusOnNavigation } from '@bc/schema';
import { useTranslation } from 'react-i18next';
import { Outlet, Route, Routes } from 'react-router';
import { DisplayPage } from './pages/DisplayPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { StartPage } from './pages/StartPage';
import { TrackingPage } from './pages/TrackingPage';

/** The call display fills its screen on its own; the visitor pages share the usual page frame. */
export function App() {
  return (
    <Routes>
      <Route path="display" element={<DisplayPage />} />
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
  const { t } = useTranslation();
  useFocusOnNavigation();
  return (
    <AppShell title={t('app.title')} footer={<LegalFooter />}>
      <Outlet />
    </AppShell>
  );
}
