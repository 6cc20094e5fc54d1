import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the document title to "<page> – <app>", in the current language. */
export function usePageTitle(page: string) {
  const { t } = useTranslation();
  const app = t('app.title');
  useEffect(() => {
    document.title = `${page} – ${app}`;
  }, [page, app]);
}
