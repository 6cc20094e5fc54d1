import '@kern-ux/native/dist/kern.min.css';
import '@bc/schema/styles.css';
import './styles.css';
import { ApolloProvider } from '@apollo/client/react';
import { createApiClient, initI18n } from '@bc/schema';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import { applyContrast, easyLanguageNamespace, ReadingPreferencesProvider } from './lib/reading-preferences';
import de from './locales/de.json';
import deLs from './locales/de-ls.json';
import en from './locales/en.json';

applyContrast();
const i18n = initI18n({ de, en });
// Easy language is German (the page stays lang="de"): its own namespace, falling back to standard German.
i18n.addResourceBundle('de', easyLanguageNamespace, deLs);
const client = createApiClient({ graphqlUrl: import.meta.env.VITE_GRAPHQL_URL });

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
