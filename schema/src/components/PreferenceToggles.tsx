import { useReadingPreferences, useText } from '../reading-preferences.js';

/**
 * Two switches in the header: easy language (only while German is active: it is a form of German) and high contrast.
 * Real buttons with aria-pressed; the pressed state also shows as a tick, not by colour alone.
 */
export function PreferenceToggles() {
  const { t, i18n } = useText();
  const prefs = useReadingPreferences();
  return (
    <div className="bc-prefs">
      {i18n.language === 'de' && (
        <button
          type="button"
          className="kern-btn kern-btn--tertiary bc-toggle"
          aria-pressed={prefs.easyLanguage}
          onClick={() => prefs.setEasyLanguage(!prefs.easyLanguage)}
        >
          <span
            className={`kern-icon ${prefs.easyLanguage ? 'kern-icon--check' : 'kern-icon--easy-language'}`}
            aria-hidden="true"
          />
          <span className="kern-label">{t('common.prefs.easyLanguage')}</span>
        </button>
      )}
      <button
        type="button"
        className="kern-btn kern-btn--tertiary bc-toggle"
        aria-pressed={prefs.highContrast}
        onClick={() => prefs.setHighContrast(!prefs.highContrast)}
      >
        <span
          className={`kern-icon ${prefs.highContrast ? 'kern-icon--check' : 'kern-icon--brightness-medium'}`}
          aria-hidden="true"
        />
        <span className="kern-label">{t('common.prefs.highContrast')}</span>
      </button>
    </div>
  );
}
