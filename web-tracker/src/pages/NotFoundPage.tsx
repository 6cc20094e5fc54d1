import { usePageTitle, useText } from '@bc/schema';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useText();
  usePageTitle(t('notFound.pageTitle'));
  return (
    <>
      <h1 className="kern-heading-large">{t('notFound.pageTitle')}</h1>
      <p className="kern-body">{t('common.notFound')}</p>
      <p className="kern-body">
        <Link className="kern-link" to="/">
          {t('notFound.toStart')}
        </Link>
      </p>
    </>
  );
}
