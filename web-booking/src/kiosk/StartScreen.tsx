import { useTranslation } from 'react-i18next';
import { catalogLang } from '../lib/catalog';
import type { KioskOffice } from './kiosk-office';
import { useKioskTitle } from './use-kiosk-title';

/** The first screen: two big choices (appointment or not) and the office's current notice. */
export function StartScreen(props: { office: KioskOffice; onCheckIn: () => void; onWalkIn: () => void }) {
  const { t } = useTranslation();
  useKioskTitle(t('kiosk.start.pageTitle'));
  const { office } = props;
  return (
    <div className="kiosk-screen kiosk-start">
      <h1 tabIndex={-1} className="kiosk-title">
        {t('kiosk.start.title')}
      </h1>
      <div className="kiosk-start__choices">
        <button type="button" className="kiosk-choice" onClick={props.onCheckIn}>
          <span className="kiosk-choice__title">{t('kiosk.start.checkIn')}</span>{' '}
          <span className="kiosk-choice__text">{t('kiosk.start.checkInText')}</span>
        </button>
        <button type="button" className="kiosk-choice" onClick={props.onWalkIn}>
          <span className="kiosk-choice__title">{t('kiosk.start.walkIn')}</span>{' '}
          <span className="kiosk-choice__text">{t('kiosk.start.walkInText')}</span>
        </button>
      </div>
      {office.notice && (
        <section className="kiosk-notice" aria-labelledby="kiosk-notice">
          <h2 id="kiosk-notice" className="kiosk-notice__title">
            <span className="kern-icon kern-icon--info" aria-hidden="true" />
            {t('kiosk.start.notice')}
          </h2>
          <p className="kiosk-notice__text" lang={catalogLang}>
            {office.notice}
          </p>
        </section>
      )}
    </div>
  );
}
