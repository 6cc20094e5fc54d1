import { AppShell, useFocusOnNavigation } from '@bc/schema';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { HeaderNav } from './components/HeaderNav';
import { RequireStaff } from './components/RequireStaff';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { StartPage } from './pages/StartPage';
import { useStoreGeneration } from './session/use-store-generation';

export function App() {
  const { t } = useTranslation();
  useFocusOnNavigation();
  const generation = useStoreGeneration();
  return (
    <AppShell key={generation} title={t('app.title')} nav={<HeaderNav />}>
      <Routes>
        <Route path="login" element={<LoginPage />} />
        <Route element={<RequireStaff />}>
          <Route index element={<StartPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </AppShell>
  );
}
