import { PageHeading, useText } from '@bc/schema';
import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { type ManagedAppointment, managePath } from './use-managed-appointment';

/** Moving or cancelling is no longer possible: cancelled already, or it has begun. */
export function NotChangeable(props: { token: string; appointment: ManagedAppointment }) {
  const { t } = useText();
  const reason = props.appointment.status === 'CANCELLED' ? 'cancelled' : 'started';
  return (
    <div className="bc-stack">
      <PageTitle title={t('manage.notChangeableTitle')} />
      <PageHeading>{t('manage.notChangeableTitle')}</PageHeading>
      <p className="kern-body kern-body--large bc-lead">{t(`manage.notChangeable.${reason}`)}</p>
      <p>
        <Link to={managePath(props.token)} className="kern-link">
          {t('reschedule.back')}
        </Link>
      </p>
    </div>
  );
}
