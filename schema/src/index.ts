export { createApiClient, toWebSocketUrl } from './apollo.js';
export { catalogLanguage, catalogTextFor, EASY_GERMAN } from './catalog-text.js';
export { AppShell } from './components/AppShell.js';
export { describedBy, FieldError } from './components/FieldError.js';
export { LanguageSwitch } from './components/LanguageSwitch.js';
export { LegalFooter } from './components/LegalFooter.js';
export { LegalPage, legalRoutes } from './components/LegalPage.js';
export { PageHeading } from './components/PageHeading.js';
export { PairingForm } from './components/PairingForm.js';
export { PreferenceToggles } from './components/PreferenceToggles.js';
export { QueryState } from './components/QueryState.js';
export { formatTime, localeOf } from './datetime.js';
export { forgetDeviceToken, storeDeviceToken, takeDeviceToken } from './device.js';
export { isAccessRefused } from './device-errors.js';
export { errorReference } from './error-reference.js';
export { easyLanguageNamespace, initI18n, type Language, type LazyTexts, languages } from './i18n.js';
export { type LegalPageKind, LegalPageQuery } from './legal.js';
export { legalBlocks, legalTextFor } from './legal-text.js';
export { useFocusOnNavigation, usePageTitle } from './page-hooks.js';
export { PairDeviceMutation } from './pair-device.js';
export {
  applyContrast,
  ReadingPreferencesProvider,
  storedEasyLanguage,
  useReadingPreferences,
  useText,
} from './reading-preferences.js';
export { type CatalogItem, useCatalogText } from './use-catalog-text.js';
export { DEVICE_RETRY_MS, useCurrentDevice } from './use-current-device.js';
