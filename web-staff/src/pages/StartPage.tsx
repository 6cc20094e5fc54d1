import { usePageTitle } from '@bc/schema';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ADMIN_BASE, DESK_BASE, DOCUMENT_CHECK_BASE, STATISTICS_BASE, WORKSTATION_BASE } from '../lib/paths';
import { CHECK_ROLES, CLERK_ROLES, DESK_ROLES, hasAnyRole, MANAGER_ROLES } from '../lib/roles';
import { useMe } from '../session/me';
import { officeHome } from '../session/offices';

/** Start page of a signed-in staff member: where their roles lead, who they are, their roles and their offices. */
export function StartPage() {
  const { t } = useTranslation();
  usePageTitle(t('start.title'));
  const me = useMe().data?.me;
  if (!me) return null; // RequireStaff renders this page only for a signed-in staff member
  const areas = [
    ...(hasAnyRole(me.roles, DESK_ROLES) ? [{ key: 'desk', to: officeHome(DESK_BASE, me.offices) }] : []),
    ...(hasAnyRole(me.roles, CLERK_ROLES)
      ? [{ key: 'workstation', to: officeHome(WORKSTATION_BASE, me.offices) }]
      : []),
    ...(hasAnyRole(me.roles, CHECK_ROLES)
      ? [{ key: 'documents', to: officeHome(DOCUMENT_CHECK_BASE, me.offices) }]
      : []),
    ...(hasAnyRole(me.roles, MANAGER_ROLES)
      ? [
          { key: 'statistics', to: officeHome(STATISTICS_BASE, me.offices) },
          { key: 'admin', to: officeHome(ADMIN_BASE, me.offices) },
        ]
      : []),
  ];

  return (
    <>
      <h1 className="kern-heading-large">{t('start.greeting', { name: me.displayName })}</h1>
      {areas.length > 0 && (
        <section aria-labelledby="areas-heading">
          <h2 id="areas-heading" className="kern-heading-medium">
            {t('start.areas')}
          </h2>
          <ul className="kern-list bc-areas">
            {areas.map((a) => (
              <li key={a.key} className="kern-body">
                <Link className="kern-link" to={a.to}>
                  {t(`nav.${a.key}`)}
                </Link>
                : {t(`start.area.${a.key}`)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="roles-heading">
        <h2 id="roles-heading" className="kern-heading-medium">
          {t('start.roles')}
        </h2>
        <ul className="kern-list kern-list--bullet">
          {me.roles.map((role) => (
            <li key={role} className="kern-body">
              {t(`roles.${role}`, { defaultValue: role })}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="offices-heading">
        <h2 id="offices-heading" className="kern-heading-medium">
          {t('start.offices')}
        </h2>
        {me.offices.length === 0 ? (
          <p className="kern-body">{t('start.noOffices')}</p>
        ) : (
          <ul className="bc-office-list">
            {me.offices.map((office) => (
              <li key={office.id} className="kern-card">
                <div className="kern-card__container">
                  <div className="kern-card__header">
                    <h3 className="kern-title">{office.name}</h3>
                  </div>
                  <div className="kern-card__body">
                    <address className="kern-body">
                      {office.address.street}
                      <br />
                      {office.address.postalCode} {office.address.city}
                    </address>
                    {!office.enabled && (
                      <p className="kern-badge kern-badge--warning">
                        <span className="kern-icon kern-icon--warning" aria-hidden="true" />
                        <span className="kern-label">{t('start.notPublic')}</span>
                      </p>
                    )}
                  </div>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
