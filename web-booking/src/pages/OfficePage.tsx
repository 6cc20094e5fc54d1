import { useQuery } from '@apollo/client/react';
import { PageHeading, QueryState, useText } from '@bc/schema';
import { Link, useParams } from 'react-router';
import { BackLink } from '../components/BackLink';
import { OfficeContact } from '../components/OfficeContact';
import { OfficeNotFound } from '../components/OfficeNotFound';
import { OpeningHours, SpecialDays } from '../components/OpeningHours';
import { PageTitle } from '../components/PageTitle';
import { ServiceDetails } from '../components/ServiceDetails';
import { graphql } from '../gql';
import { catalogLang } from '../lib/catalog';

const OfficeQuery = graphql(`
  query Office($slug: String!) {
    office(slug: $slug) {
      id
      slug
      name
      notice
      timeZone
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
      mapUrl
      openingHours {
        kind
        weekday
        opensAt
        closesAt
      }
      specialDays {
        date
        closed
        reason
        hours {
          opensAt
          closesAt
        }
      }
      services {
        id
        name
        description
        durationMinutes
        bookableOnline
        walkInAllowed
        maxPerBooking
        texts {
          language
          name
          description
        }
        requiredDocuments {
          documentId
          name
          description
          mandatory
          uploadable
          texts {
            language
            name
            description
          }
        }
      }
    }
  }
`);

/** One office: where and when it is open, and what can be done there with or without an appointment. */
export function OfficePage() {
  const { t } = useText();
  const { slug = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(OfficeQuery, { variables: { slug } });
  const office = data?.office;

  if (!data) {
    return (
      <div className="bc-stack-lg">
        <PageTitle />
        <BackLink />
        <QueryState loading={loading} error={error} onRetry={() => void refetch()} />
      </div>
    );
  }
  if (!office) return <OfficeNotFound />;

  const bookable = office.services.filter((s) => s.bookableOnline);
  const walkInOnly = office.services.filter((s) => !s.bookableOnline);
  return (
    <div className="bc-stack-lg">
      <PageTitle title={office.name} />
      <div className="bc-stack-sm">
        <BackLink />
        <PageHeading lang={catalogLang}>{office.name}</PageHeading>
        <address className="kern-body kern-body--large bc-address" lang={catalogLang}>
          {office.address.street}, {office.address.postalCode} {office.address.city}
        </address>
        <OfficeContact office={office} />
      </div>

      {bookable.length > 0 && (
        <section className="kern-card kern-card--surface kern-card--hug bc-book-cta" aria-labelledby="book-cta">
          <div className="kern-card__container bc-stack">
            <h2 id="book-cta" className="kern-heading-small">
              {t('office.bookTitle')}
            </h2>
            <p className="kern-body">{t('office.bookText')}</p>
            <p>
              <Link to={`/${office.slug}/termin`} className="kern-btn kern-btn--primary">
                <span className="kern-label">{t('office.book')}</span>
                <span className="kern-icon kern-icon--arrow-forward" aria-hidden="true" />
              </Link>
            </p>
          </div>
        </section>
      )}

      {office.notice && (
        <section className="kern-alert kern-alert--info" aria-labelledby="office-notice">
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--info" aria-hidden="true" />
            <h2 id="office-notice" className="kern-title">
              {t('office.notice')}
            </h2>
          </div>
          <div className="kern-alert__body">
            <p className="kern-body bc-preserve-lines" lang={catalogLang}>
              {office.notice}
            </p>
          </div>
        </section>
      )}

      <div className="bc-office-layout">
        <section className="kern-card kern-card--surface kern-card--hug bc-office-layout__hours">
          <div className="kern-card__container bc-stack">
            <h2 className="kern-heading-small">{t('office.hours')}</h2>
            <OpeningHours hours={office.openingHours} />
            {office.specialDays.length > 0 && (
              <>
                <h3 className="kern-title">{t('office.specialDays')}</h3>
                <SpecialDays days={office.specialDays} timeZone={office.timeZone} reasonLang={catalogLang} />
              </>
            )}
          </div>
        </section>

        <div className="bc-office-layout__services bc-stack-lg">
          <section className="bc-stack">
            <h2 className="kern-heading-medium">{t('office.bookable')}</h2>
            {bookable.length === 0 ? (
              <p className="kern-body">{t('office.noBookable')}</p>
            ) : (
              <>
                <p className="kern-body">{t('office.bookableIntro')}</p>
                <ul className="bc-service-list">
                  {bookable.map((s) => (
                    <li key={s.id}>
                      <ServiceDetails service={s} />
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>

          {walkInOnly.length > 0 && (
            <section className="bc-stack">
              <h2 className="kern-heading-medium">{t('office.walkInOnly')}</h2>
              <p className="kern-body">{t('office.walkInOnlyIntro')}</p>
              <ul className="bc-service-list">
                {walkInOnly.map((s) => (
                  <li key={s.id}>
                    <ServiceDetails service={s} />
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      </div>
    </div>
  );
}
