import { PageHeading, usePageTitle, useText } from '@bc/schema';
import { Link } from 'react-router';
import { FIND_APPOINTMENT_PATH } from '../../lib/paths';

/** A manage link without (or with an unknown) token: calm, with the way on. */
export function AppointmentNotFound() {
  const { t } = useText();
  usePageTitle(t('manage.notFoundTitle'));
  return (
    <div className="bc-stack">
      <PageHeading>{t('manage.notFoundTitle')}</PageHeading>
      <p className="kern-body kern-body--large bc-lead">{t('manage.notFoundText')}</p>
      <p className="kern-body">{t('manage.notFoundHelp')}</p>
      <p>
        <Link to={`/${FIND_APPOINTMENT_PATH}`} className="kern-link">
          {t('find.link')}
        </Link>
      </p>
      <p>
        <Link to="/" className="kern-link">
          {t('manage.notFoundLink')}
        </Link>
      </p>
    </div>
  );
}
