import { useQuery } from '@apollo/client/react';
import { PageHeading, QueryState, useCatalogText, usePageTitle, useText } from '@bc/schema';
import { Fragment } from 'react';
import { Link } from 'react-router';
import { OfficeContact } from '../components/OfficeContact';
import { graphql } from '../gql';
import { catalogLang } from '../lib/catalog';
import { FIND_APPOINTMENT_PATH } from '../lib/paths';

const OfficesQuery = graphql(`
  query Offices {
    offices {
      id
      slug
      name
      address {
        street
        postalCode
        city
      }
      contact {
        phone
        phoneUri
        email
      }
      services {
        id
        name
        bookableOnline
        texts {
          language
          name
          description
        }
      }
    }
  }
`);

const previewCount = 3;

/** Start of the journey: the offices open to the public, each leading to its page. */
export function OfficesPage() {
  const { t } = useText();
  const textOf = useCatalogText();
  usePageTitle(t('offices.title'));
  const { data, loading, error, refetch } = useQuery(OfficesQuery);
  return (
    <div className="bc-stack-lg">
      <div className="bc-stack">
        <PageHeading>{t('offices.title')}</PageHeading>
        <p className="kern-body kern-body--large bc-lead">{t('offices.intro')}</p>
      </div>
      <QueryState loading={loading && !data} error={error} onRetry={() => void refetch()} />
      {data && data.offices.length === 0 && <p className="kern-body">{t('offices.empty')}</p>}
      {data && data.offices.length > 0 && (
        <ul className="bc-office-list" aria-label={t('offices.listLabel')}>
          {data.offices.map((office) => {
            const bookable = office.services.filter((s) => s.bookableOnline).map(textOf);
            const more = bookable.length - previewCount;
            return (
              <li key={office.id}>
                <div className="kern-card kern-card--interactive bc-office-card">
                  <div className="kern-card__container">
                    <div className="kern-card__header">
                      <h2 className="kern-title" lang={catalogLang}>
                        <Link to={`/${office.slug}`} className="kern-link kern-link--stretched">
                          {office.name}
                        </Link>
                      </h2>
                    </div>
                    <div className="kern-card__body">
                      <p className="kern-body" lang={catalogLang}>
                        {office.address.street}, {office.address.postalCode} {office.address.city}
                      </p>
                      <OfficeContact office={office} className="kern-body" />
                      {bookable.length > 0 && (
                        <p className="kern-body kern-body--small kern-body--muted">
                          {t('offices.servicesPreview')}{' '}
                          {bookable.slice(0, previewCount).map((s, i) => (
                            // biome-ignore lint/suspicious/noArrayIndexKey: names in the catalogue's order
                            <Fragment key={i}>
                              {i > 0 && ', '}
                              <span lang={s.lang}>{s.name}</span>
                            </Fragment>
                          ))}
                          {more > 0 && ` ${t('offices.more', { count: more })}`}
                        </p>
                      )}
                    </div>
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <p className="kern-body">
        <Link to={`/${FIND_APPOINTMENT_PATH}`} className="kern-link">
          {t('find.link')}
        </Link>
      </p>
    </div>
  );
}
