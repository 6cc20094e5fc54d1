import '@kern-ux/native/dist/kern.min.css';
import '@bc/schema/fonts.css';
import '@bc/schema/styles.css';
import './styles.css';
import { ApolloProvider } from '@apollo/client/react';
import {
  applyContrast,
  createApiClient,
  initI18n,
  ReadingPreferencesProvider,
  storedEasyLanguage,
  takeDeviceToken,
} from '@bc/schema';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import { isKioskPath, takeKioskSettings } from './kiosk/kiosk-device';
import de from './locales/de.json';

applyContrast();
// English and easy language (German, the page stays lang="de", falling back to standard German) come when needed.
const i18n = await initI18n(
  { de, en: () => import('./locales/en.json'), easy: () => import('./locales/de-ls.json') },
  { withEasyLanguage: storedEasyLanguage() },
);

/** Only the kiosk is a device; the citizen's pages never send its token. */
const onKiosk = () => isKioskPath(window.location.pathname, import.meta.env.BASE_URL);
if (onKiosk()) {
  // Settings from `#device=…&autoprint=1` first, then the token; the fragment leaves the address bar before anything renders.
  takeKioskSettings();
  takeDeviceToken();
  // The terminal starts in German, whatever its browser prefers; the visitor can switch. Its set-up screens speak
  // German and English at once, so English is there from the start.
  await i18n.loadLanguages('en');
  void i18n.changeLanguage('de');
}
// Opening a new kiosk link in the same tab changes only the fragment: start again with the new token.
window.addEventListener('hashchange', () => {
  if (onKiosk() && window.location.hash.includes('device=')) window.location.reload();
});

const client = createApiClient({
  graphqlUrl: import.meta.env.VITE_GRAPHQL_URL,
  bearer: () => (onKiosk() ? takeDeviceToken() : undefined),
});

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <BrowserRouter basename={import.meta.env.BASE_URL}>
        <ReadingPreferencesProvider>
          <App />
        </ReadingPreferencesProvider>
      </BrowserRouter>
    </ApolloProvider>
  </StrictMode>,
);
