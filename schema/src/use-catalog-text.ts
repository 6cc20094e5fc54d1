import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogLanguage, catalogTextFor } from './catalog-text.js';
import { useReadingPreferences } from './reading-preferences.js';

/** A service or document as the queries give it: its German name and description and `texts` in every language. */
export type CatalogItem = {
  name: string;
  description?: string | null;
  texts?: readonly { language: string; name: string; description: string }[] | null;
};

/**
 * Service and document texts in the reader's language (English, Leichte Sprache while it is on, German): a function
 * giving an item's name, description and `lang` ("de" when the text is the German fallback, for the element's
 * `lang` attribute).
 */
export function useCatalogText(options: { easyLanguage?: boolean } = {}) {
  const { i18n } = useTranslation();
  const preferences = useReadingPreferences();
  // The kiosk, a shared screen, does not offer Leichte Sprache (it passes `easyLanguage: false`).
  const language = catalogLanguage(i18n.language, options.easyLanguage ?? preferences.easyLanguage);
  return useCallback((item: CatalogItem) => catalogTextFor(item, language), [language]);
}
