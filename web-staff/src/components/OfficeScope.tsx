import { usePageTitle } from '@bc/schema';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { useMe } from '../session/me';
import { rememberOffice, type StaffOffice } from '../session/offices';

/**
 * The office of an area's route (`/information/:office`): one of the staff member's offices, remembered on this
 * device for the next visit. An unknown slug gets a short explanation and the way to the choice.
 */
export function OfficeScope(props: { base: string; children: (office: StaffOffice) => ReactNode }) {
  const { office: slug } = useParams();
  const me = useMe().data?.me;
  const office = me?.offices.find((o) => o.slug === slug);
  useEffect(() => {
    if (office) rememberOffice(office.slug);
  }, [office]);
  if (!me) return null;
  if (!office) return <UnknownOffice base={props.base} />;
  return props.children(office);
}

function UnknownOffice(props: { base: string }) {
  const { t } = useTranslation();
  usePageTitle(t('offices.unknownTitle'));
  return (
    <>
      <h1 className="kern-heading-large">{t('offices.unknownTitle')}</h1>
      <p className="kern-body">{t('offices.unknownBody')}</p>
      <p className="kern-body">
        <Link className="kern-link" to={props.base}>
          {t('offices.choose')}
        </Link>
      </p>
    </>
  );
}

/** `/information` or `/arbeitsplatz` without an office: straight on with one office, else a choice. */
export function OfficeChoice(props: { base: string; title: string }) {
  const { t } = useTranslation();
  usePageTitle(props.title);
  const me = useMe().data?.me;
  if (!me) return null;
  const only = me.offices.length === 1 ? me.offices[0] : undefined;
  if (only) return <Navigate replace to={`${props.base}/${only.slug}`} />;
  return (
    <>
      <h1 className="kern-heading-large">{props.title}</h1>
      {me.offices.length === 0 ? (
        <p className="kern-body">{t('start.noOffices')}</p>
      ) : (
        <section aria-labelledby="office-choice-heading" className="bc-stack">
          <h2 id="office-choice-heading" className="kern-heading-medium">
            {t('offices.choose')}
          </h2>
          <ul className="kern-list bc-office-choice">
            {me.offices.map((o) => (
              <li key={o.id}>
                <Link className="kern-link" to={`${props.base}/${o.slug}`}>
                  {o.name}
                </Link>
                {!o.enabled && <span className="kern-body kern-body--muted"> ({t('start.notPublic')})</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** Under an area's heading: the office worked in, and the way to another when the account has several. */
export function OfficeLine(props: { base: string; office: StaffOffice }) {
  const { t } = useTranslation();
  const several = (useMe().data?.me?.offices.length ?? 0) > 1;
  return (
    <p className="kern-body kern-body--large bc-office-line">
      {props.office.name}
      {several && (
        <>
          {' · '}
          <Link className="kern-link" to={props.base}>
            {t('offices.switch')}
          </Link>
        </>
      )}
    </p>
  );
}
