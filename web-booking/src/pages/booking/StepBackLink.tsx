import { useText } from '@bc/schema';
import { Link, type To } from 'react-router';

/** "Zurück" to the previous step (the browser's Back does the same). */
export function StepBackLink(props: { to: To; label?: string }) {
  const { t } = useText();
  return (
    <p className="bc-no-print">
      <Link to={props.to} className="kern-link kern-link--small bc-back-link">
        <span className="kern-icon kern-icon--small kern-icon--chevron-left" aria-hidden="true" />
        {props.label ?? t('steps.back')}
      </Link>
    </p>
  );
}
