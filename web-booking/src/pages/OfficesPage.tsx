import { useQuery } from '@apollo/client/react';
import { QueryState } from '@bc/schema';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';

const OfficesQuery = graphql(`
  query Offices {
    offices {
      id
      name
      services {
        id
        name
        durationMinutes
        requiredDocuments {
          id
          name
          mandatory
          uploadable
        }
      }
    }
  }
`);

export function OfficesPage() {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(OfficesQuery);
  return (
    <>
      <h1 className="kern-heading-large">{t('offices.title')}</h1>
      <QueryState loading={loading} error={error} onRetry={() => void refetch()} />
      {data?.offices.map((office) => (
        <section key={office.id} aria-labelledby={`office-${office.id}`}>
          <h2 id={`office-${office.id}`} className="kern-heading-medium">
            {office.name}
          </h2>
          <ul>
            {office.services.map((s) => (
              <li key={s.id}>{s.name}</li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
