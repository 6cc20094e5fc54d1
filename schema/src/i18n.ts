import i18next from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import { common } from './locales.js';

export const languages = ['de', 'en'] as const;
export type Language = (typeof languages)[number];
const STORAGE_KEY = 'bc.language';

/** The i18next namespace of the easy-language texts (German only; missing keys fall back to standard German). */
export const easyLanguageNamespace = 'easy';

type Texts = Record<string, unknown>;
/** A locale file loaded on demand, e.g. `() => import('./locales/en.json')`: its own small chunk in the build. */
export type LazyTexts = () => Promise<{ default: Texts }>;

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'de' || stored === 'en') return stored;
  // German first: English only when the browser prefers it over German.
  const preferred = navigator.languages.find((l) => /^(de|en)\b/i.test(l));
  return preferred?.toLowerCase().startsWith('en') ? 'en' : 'de';
}

/**
 * German by default, English second; texts live in each app's locale files, shared ones in locales.ts. German is in
 * the first bundle; English and easy language (Leichte Sprache, a German namespace) are fetched when first needed,
 * so a German visitor on a phone downloads only German. Resolves when the starting language's texts are there.
 */
export async function initI18n(
  texts: { de: Texts; en: LazyTexts; easy?: LazyTexts },
  options: { withEasyLanguage?: boolean } = {},
) {
  const lng = initialLanguage();
  document.documentElement.lang = lng;
  i18next.on('languageChanged', (l) => {
    document.documentElement.lang = l;
    localStorage.setItem(STORAGE_KEY, l);
  });
  const load = async (language: string, namespace: string): Promise<Texts> => {
    if (language === 'en' && namespace === 'translation') return { common: common.en, ...(await texts.en()).default };
    if (language === 'de' && namespace === easyLanguageNamespace && texts.easy) return (await texts.easy()).default;
    return {};
  };
  await i18next
    .use(initReactI18next)
    .use(resourcesToBackend(load))
    .init({
      resources: { de: { translation: { common: common.de, ...texts.de } } },
      partialBundledLanguages: true,
      lng,
      fallbackLng: 'de',
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  if (options.withEasyLanguage) await loadEasyLanguage();
  return i18next;
}

/** Fetches the easy-language texts (once); switch easy language on only after this has resolved. */
export function loadEasyLanguage(): Promise<void> {
  return i18next.loadNamespaces(easyLanguageNamespace);
}
