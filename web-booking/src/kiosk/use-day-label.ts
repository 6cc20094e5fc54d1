import { useTranslation } from 'react-i18next';
import { dayLabel } from './kiosk-format';

/** "heute" / "morgen" / "am Freitag, 27. November" for an instant, in the office's zone and the current language. */
export function useDayLabel(timeZone: string): (instant: string) => string {
  const { t, i18n } = useTranslation();
  const words = {
    today: t('kiosk.day.today'),
    tomorrow: t('kiosk.day.tomorrow'),
    on: (date: string) => t('kiosk.day.on', { date }),
  };
  return (instant) => dayLabel(instant, timeZone, i18n.language, words);
}
