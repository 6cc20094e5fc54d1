import { useTranslation } from 'react-i18next';

/** One button that switches between German and English; its own text is in the other language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'de' ? 'en' : 'de';
  return (
    <button
      type="button"
      className="kern-btn kern-btn--tertiary"
      lang={next}
      aria-label={t('common.switchToLabel')}
      onClick={() => void i18n.changeLanguage(next)}
    >
      <span className="kern-label">{t('common.switchTo')}</span>
    </button>
  );
}
