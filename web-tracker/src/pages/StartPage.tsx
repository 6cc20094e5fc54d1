import { usePageTitle, useText } from '@bc/schema';

/** /track/ itself: explains where the tracking link comes from. */
export function StartPage() {
  const { t } = useText();
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
