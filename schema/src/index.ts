export { createApiClient, toWebSocketUrl } from './apollo.js';
export { AppShell } from './components/AppShell.js';
export { LanguageSwitch } from './components/LanguageSwitch.js';
export { QueryState } from './components/QueryState.js';
export { formatTime, localeOf } from './datetime.js';
export { forgetDeviceToken, takeDeviceToken } from './device.js';
export { isAccessRefused } from './device-errors.js';
export { initI18n, type Language, languages } from './i18n.js';
export { useFocusOnNavigation, usePageTitle } from './page-hooks.js';
