import { PairingForm, usePageTitle } from '@bc/schema';
import { useTranslation } from 'react-i18next';

export type SetupReason = 'missing' | 'rejected' | 'notDisplay';

/**
 * Shown on a screen that has no valid display link. Staff of either language may be standing in front of it,
 * so it says everything in German and in English at once.
 */
export function DisplaySetup(props: { reason: SetupReason }) {
  const { t } = useTranslation();
  usePageTitle(t('display.setup.pageTitle'));
  const example = `${window.location.origin}${import.meta.env.BASE_URL}display#device=…`;
  return (
    <div className="tr-display tr-display--setup" data-kern-theme="dark">
      <main id="main" tabIndex={-1} className="tr-display__main">
        {(['de', 'en'] as const).map((lng, i) => (
          <section key={lng} lang={lng} className="tr-setup" aria-labelledby={`setup-${lng}`}>
            {i === 0 ? (
              <h1 id={`setup-${lng}`} className="tr-setup__title">
                {t('display.setup.title', { lng })}
              </h1>
            ) : (
              <h2 id={`setup-${lng}`} className="tr-setup__title">
                {t('display.setup.title', { lng })}
              </h2>
            )}
            <p className="tr-setup__text">{t(`display.setup.${props.reason}`, { lng })}</p>
            <p className="tr-setup__text">{t('display.setup.howTo', { lng })}</p>
          </section>
        ))}
        <p className="tr-setup__link">
          <code translate="no">{example}</code>
        </p>
        <PairingForm className="tr-setup__pairing" />
      </main>
    </div>
  );
}
