import '@kern-ux/native/dist/kern.min.css';
import '@bc/schema/fonts.css';
import '@bc/schema/styles.css';
import './styles.css';
import { ApolloProvider } from '@apollo/client/react';
import { applyContrast, initI18n, ReadingPreferencesProvider, storedEasyLanguage, takeDeviceToken } from '@bc/schema';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import { createTrackerClient } from './api-client';
import { SocketContext } from './components/socket';
import de from './locales/de.json';

applyContrast();
/** Only the call display is a device; visitor pages never send its token. */
const onDisplay = () => window.location.pathname.startsWith(`${import.meta.env.BASE_URL}display`);
const { client, socket } = createTrackerClient({
  graphqlUrl: import.meta.env.VITE_GRAPHQL_URL,
  bearer: () => (onDisplay() ? takeDeviceToken() : undefined),
  // The tracking page subscribes as soon as it renders: its socket's handshake (a round trip on a slow line) goes
  // on while the page renders rather than after.
  connectAtOnce: window.location.pathname.startsWith(`${import.meta.env.BASE_URL}t/`),
});
// English and easy language (German, the page stays lang="de", falling back to standard German) come when needed.
const i18n = await initI18n(
  { de, en: () => import('./locales/en.json'), easy: () => import('./locales/de-ls.json') },
  { withEasyLanguage: storedEasyLanguage() },
);

if (onDisplay()) {
  // Store the token from `#device=…` and remove it from the address bar before anything renders.
  takeDeviceToken();
  // The waiting room's screen starts in German, whatever the browser of the screen prefers; the switch stays. Its
  // set-up screen speaks German and English at once, so English is there from the start.
  await i18n.loadLanguages('en');
  void i18n.changeLanguage('de');
}
// Opening a new display link in the same tab changes only the fragment: start again with the new token.
window.addEventListener('hashchange', () => {
  if (onDisplay() && window.location.hash.includes('device=')) window.location.reload();
});

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <SocketContext value={socket}>
        <BrowserRouter basename={import.meta.env.BASE_URL}>
          <ReadingPreferencesProvider>
            <App />
          </ReadingPreferencesProvider>
        </BrowserRouter>
      </SocketContext>
    </ApolloProvider>
  </StrictMode>,
);
