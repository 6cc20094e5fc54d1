import { AppShell } from '@bc/schema';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from './pages/NotFoundPage';
import { OfficePage } from './pages/OfficePage';
import { OfficesPage } from './pages/OfficesPage';

export function App() {
  const { t } = useTranslation();
  return (
    <AppShell title={t('app.title')}>
      <Routes>
        <Route index element={<OfficesPage />} />
        <Route path=":slug" element={<OfficePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </AppShell>
  );
}
