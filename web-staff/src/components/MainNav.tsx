import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ADMIN_BASE, DESK_BASE, DOCUMENT_CHECK_BASE, STATISTICS_BASE, WORKSTATION_BASE } from '../lib/paths';
import { CHECK_ROLES, CLERK_ROLES, DESK_ROLES, hasAnyRole, MANAGER_ROLES } from '../lib/roles';
import { useMe } from '../session/me';
import { officeHome } from '../session/offices';

/** The areas the signed-in staff member's roles open: start page, information desk, workstation. */
export function MainNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const me = useMe().data?.me;
  if (!me) return null;
  const links = [
    { key: 'start', to: '/', label: t('nav.start'), active: pathname === '/' },
    ...(hasAnyRole(me.roles, DESK_ROLES)
      ? [
          {
            key: 'desk',
            to: officeHome(DESK_BASE, me.offices),
            label: t('nav.desk'),
            active: pathname.startsWith(DESK_BASE),
          },
        ]
      : []),
    ...(hasAnyRole(me.roles, CLERK_ROLES)
      ? [
          {
            key: 'workstation',
            to: officeHome(WORKSTATION_BASE, me.offices),
            label: t('nav.workstation'),
            active: pathname.startsWith(WORKSTATION_BASE),
          },
        ]
      : []),
    ...(hasAnyRole(me.roles, CHECK_ROLES)
      ? [
          {
            key: 'documents',
            to: officeHome(DOCUMENT_CHECK_BASE, me.offices),
            label: t('nav.documents'),
            active: pathname.startsWith(DOCUMENT_CHECK_BASE),
          },
        ]
      : []),
    ...(hasAnyRole(me.roles, MANAGER_ROLES)
      ? [
          {
            key: 'statistics',
            to: officeHome(STATISTICS_BASE, me.offices),
            label: t('nav.statistics'),
            active: pathname.startsWith(STATISTICS_BASE),
          },
          {
            key: 'admin',
            to: officeHome(ADMIN_BASE, me.offices),
            label: t('nav.admin'),
            active: pathname.startsWith(ADMIN_BASE),
          },
        ]
      : []),
  ];
  return (
    <nav className="bc-main-nav" aria-label={t('nav.areas')}>
      <ul className="bc-main-nav__list">
        {links.map((l) => (
          <li key={l.key}>
            <Link className="kern-link bc-main-nav__link" to={l.to} aria-current={l.active ? 'page' : undefined}>
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
