import { usePageTitle } from '@bc/schema';
import { useTranslation } from 'react-i18next';

/**
 * /track/t/:token, the page a ticket's QR code opens. Live tracking comes later; until then it says so calmly.
 * The token is a secret: it is neither read nor shown here.
 */
export function TrackingPage() {
  const { t } = useTranslation();
  usePageTitle(t('tracking.pageTitle'));
  return (
    <>
      <h1 className="kern-heading-large">{t('tracking.title')}</h1>
      <div className="kern-alert kern-alert--info">
        <div className="kern-alert__header">
          <h2 className="kern-title">{t('tracking.notYetTitle')}</h2>
        </div>
        <div className="kern-alert__body">
          <p className="kern-body">{t('tracking.notYet')}</p>
        </div>
      </div>
      <p className="kern-body tr-gap">{t('tracking.meanwhile')}</p>
    </>
  );
}
