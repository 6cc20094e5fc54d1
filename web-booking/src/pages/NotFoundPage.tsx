import { PageHeading, usePageTitle, useText } from '@bc/schema';
import { Link } from 'react-router';

/** Any address the app does not know. */
export function NotFoundPage() {
  const { t } = useText();
  usePageTitle(t('notFound.title'));
  return (
    <div className="bc-stack">
      <PageHeading>{t('notFound.title')}</PageHeading>
      <p className="kern-body">{t('common.notFound')}</p>
      <p>
        <Link to="/" className="kern-link">
          {t('notFound.link')}
        </Link>
      </p>
    </div>
  );
}
