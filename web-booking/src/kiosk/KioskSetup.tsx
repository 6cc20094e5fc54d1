import { PairingForm } from '@bc/schema';
import { useTranslation } from 'react-i18next';
import { useKioskTitle } from './use-kiosk-title';

export type SetupReason = 'missing' | 'rejected' | 'notKiosk';

/**
 * Shown on a terminal without a valid kiosk link. Staff of either language may be standing in front of it, so it
 * says everything in German and in English at once.
 */
export function KioskSetup(props: { reason: SetupReason }) {
  const { t } = useTranslation();
  useKioskTitle(t('kiosk.setup.pageTitle'));
  const example = `${window.location.origin}${import.meta.env.BASE_URL}kiosk#device=…`;
  return (
    <div className="kiosk kiosk--setup" data-kern-theme="light">
      <main id="main" tabIndex={-1} className="kiosk__main">
        {(['de', 'en'] as const).map((lng, i) => (
          <section key={lng} lang={lng} className="kiosk-setup" aria-labelledby={`kiosk-setup-${lng}`}>
            {i === 0 ? (
              <h1 id={`kiosk-setup-${lng}`} className="kiosk-setup__title">
                {t('kiosk.setup.title', { lng })}
              </h1>
            ) : (
              <h2 id={`kiosk-setup-${lng}`} className="kiosk-setup__title">
                {t('kiosk.setup.title', { lng })}
              </h2>
            )}
            <p>{t(`kiosk.setup.${props.reason}`, { lng })}</p>
            <p>{t('kiosk.setup.howTo', { lng })}</p>
          </section>
        ))}
        <p className="kiosk-setup__link">
          <code translate="no">{example}</code>
        </p>
        <PairingForm className="kiosk-setup__pairing" />
      </main>
    </div>
  );
}
