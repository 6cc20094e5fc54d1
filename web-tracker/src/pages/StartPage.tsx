import { usePageTitle } from '@bc/schema';
import { useTranslation } from 'react-i18next';

/** /track/ itself: explains where the tracking link comes from. */
export function StartPage() {
  const { t } = useTranslation();
  usePageTitle(t('start.pageTitle'));
  return (
    <>
      <h1 className="kern-heading-large">{t('start.title')}</h1>
      <p className="kern-body kern-body--large">{t('start.lead')}</p>
      <p className="kern-body">{t('start.ticket')}</p>
      <p className="kern-body">{t('start.privacy')}</p>
    </>
  );
}
