import '@kern-ux/native/dist/kern.min.css';
import '@bc/schema/fonts.css';
import '@bc/schema/styles.css';
import './styles.css';
import { ApolloProvider } from '@apollo/client/react';
import { createApiClient, initI18n } from '@bc/schema';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import de from './locales/de.json';

await initI18n({ de, en: () => import('./locales/en.json') });
const client = createApiClient({ graphqlUrl: import.meta.env.VITE_GRAPHQL_URL });

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <BrowserRouter basename={import.meta.env.BASE_URL}>
        <App />
      </BrowserRouter>
    </ApolloProvider>
  </StrictMode>,
);
