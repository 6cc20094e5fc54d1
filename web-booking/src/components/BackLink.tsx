import { useText } from '@bc/schema';
import { Link } from 'react-router';

/** Back to the list of offices. */
export function BackLink() {
  const { t } = useText();
  return (
    <p>
      <Link to="/" className="kern-link kern-link--small bc-back-link">
        <span className="kern-icon kern-icon--small kern-icon--chevron-left" aria-hidden="true" />
        {t('office.back')}
      </Link>
    </p>
  );
}
