import { usePageTitle, useText } from '@bc/schema';
import { Navigate } from 'react-router';
import { loadLastTicket, localDay } from '../tracking/visitor-storage';

/**
 * /track/ itself: explains where the tracking link comes from. The installed tracker starts here: with a ticket
 * followed today on this phone, it goes straight back to it.
 */
export function StartPage() {
  const { t } = useText();
  usePageTitle(t('start.pageTitle'));
  const last = loadLastTicket(localDay());
  if (last) return <Navigate to={`/t/${last}`} replace />;
  return (
    <>
      <h1 className="kern-heading-large">{t('start.title')}</h1>
      <p className="kern-body kern-body--large">{t('start.lead')}</p>
      <p className="kern-body">{t('start.ticket')}</p>
      <p className="kern-body">{t('start.privacy')}</p>
    </>
  );
}
