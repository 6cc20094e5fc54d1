import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Back to the list of offices. */
export function BackLink() {
  const { t } = useTranslation();
  return (
    <p>
      <Link to="/" className="kern-link kern-link--small bc-back-link">
        <span className="kern-icon kern-icon--small kern-icon--chevron-left" aria-hidden="true" />
        {t('office.back')}
      </Link>
    </p>
  );
}
