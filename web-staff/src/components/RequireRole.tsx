import { usePageTitle } from '@bc/schema';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import type { Role } from '../gql/graphql';
import { hasAnyRole } from '../lib/roles';
import { useMe } from '../session/me';

/** Renders the nested routes only for the given roles (the api refuses the others anyway); says so otherwise. */
export function RequireRole(props: { roles: readonly Role[] }) {
  const me = useMe().data?.me;
  if (!me) return null; // inside RequireStaff
  if (!hasAnyRole(me.roles, props.roles)) return <NoAccess />;
  return <Outlet />;
}

function NoAccess() {
  const { t } = useTranslation();
  usePageTitle(t('noAccess.title'));
  return (
    <>
      <h1 className="kern-heading-large">{t('noAccess.title')}</h1>
      <p className="kern-body">{t('noAccess.body')}</p>
      <p className="kern-body">
        <Link className="kern-link" to="/">
          {t('notFound.back')}
        </Link>
      </p>
    </>
  );
}
