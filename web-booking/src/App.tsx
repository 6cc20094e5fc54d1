import { AppShell } from '@bc/schema';
import { Route, Routes } from 'react-router';
import { PreferenceToggles } from './components/PreferenceToggles';
import { useText } from './lib/reading-preferences';
import { BookingFlow } from './pages/booking/BookingFlow';
import { CancelPage } from './pages/manage/CancelPage';
import { ManagePage } from './pages/manage/ManagePage';
import { ReschedulePage } from './pages/manage/ReschedulePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OfficePage } from './pages/OfficePage';
import { OfficesPage } from './pages/OfficesPage';

/**
 * Routes (under /booking/): the offices, one office, the booking steps of an office, and the manage pages, whose
 * secret token lives in the address's fragment. "verwaltung" is a reserved word: no office may use it as its slug.
 */
export function App() {
  const { t } = useText();
  return (
    <AppShell title={t('app.title')} nav={<PreferenceToggles />}>
      <Routes>
        <Route index element={<OfficesPage />} />
        <Route path="verwaltung" element={<ManagePage />} />
        <Route path="verwaltung/verschieben" element={<ReschedulePage />} />
        <Route path="verwaltung/absagen" element={<CancelPage />} />
        <Route path=":slug" element={<OfficePage />} />
        <Route path=":slug/termin/*" element={<BookingFlow />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </AppShell>
  );
}
