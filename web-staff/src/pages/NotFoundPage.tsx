import { usePageTitle } from '@bc/schema';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <>
      <h1 className="kern-heading-large">{t('notFound.title')}</h1>
      <p className="kern-body">{t('common.notFound')}</p>
      <p className="kern-body">
        <Link className="kern-link" to="/">
          {t('notFound.back')}
        </Link>
      </p>
    </>
  );
}
