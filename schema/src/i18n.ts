import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { common } from './locales.js';

export const languages = ['de', 'en'] as const;
export type Language = (typeof languages)[number];
const STORAGE_KEY = 'bc.language';

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'de' || stored === 'en') return stored;
  // German first: English only when the browser prefers it over German.
  const preferred = navigator.languages.find((l) => /^(de|en)\b/i.test(l));
  return preferred?.toLowerCase().startsWith('en') ? 'en' : 'de';
}

/** German by default, English second; texts live in each app's locale files, shared ones in locales.ts. */
export function initI18n(resources: { de: Record<string, unknown>; en: Record<string, unknown> }) {
  const merged: Resource = {
    de: { translation: { common: common.de, ...resources.de } },
    en: { translation: { common: common.en, ...resources.en } },
  };
  const lng = initialLanguage();
  document.documentElement.lang = lng;
  i18next.on('languageChanged', (l) => {
    document.documentElement.lang = l;
    localStorage.setItem(STORAGE_KEY, l);
  });
  void i18next.use(initReactI18next).init({
    resources: merged,
    lng,
    fallbackLng: 'de',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}
