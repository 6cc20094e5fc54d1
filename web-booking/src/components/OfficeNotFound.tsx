import { PageHeading, usePageTitle, useText } from '@bc/schema';
import { Link } from 'react-router';

/** An office that does not exist or is not public. */
export function OfficeNotFound() {
  const { t } = useText();
  usePageTitle(t('office.notFoundTitle'));
  return (
    <div className="bc-stack">
      <PageHeading>{t('office.notFoundTitle')}</PageHeading>
      <p className="kern-body">{t('office.notFoundText')}</p>
      <p className="kern-body">{t('officeContact.listHint')}</p>
      <p>
        <Link to="/" className="kern-link">
          {t('office.notFoundLink')}
        </Link>
      </p>
    </div>
  );
}
