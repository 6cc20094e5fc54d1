import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** `<title>` on the terminal: "screen – Terminal" (not the booking site's name), in the current language. */
export function useKioskTitle(screen: string) {
  const { t } = useTranslation();
  const app = t('kiosk.title');
  useEffect(() => {
    document.title = `${screen} – ${app}`;
  }, [screen, app]);
}
