import { useMutation } from '@apollo/client/react';
import { PageHeading, QueryState, useText } from '@bc/schema';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PageTitle } from '../../components/PageTitle';
import { graphql } from '../../gql';
import { StepBackLink } from '../booking/StepBackLink';
import { AppointmentNotFound } from './AppointmentNotFound';
import { Facts } from './ManagePage';
import { NotChangeable } from './NotChangeable';
import { isChangeable, managePath, useManagedAppointment } from './use-managed-appointment';

const CancelMutation = graphql(`
  mutation CancelAppointment($token: String!) {
    cancelAppointment(token: $token) {
      __typename
      ... on Appointment {
        ...ManagedAppointmentFields
      }
      ... on AppointmentNotChangeable {
        reason
      }
    }
  }
`);

/** /booking/verwaltung/absagen#<token> — asks once more, then cancels; the time is free for others at once. */
export function CancelPage() {
  const { t } = useText();
  const navigate = useNavigate();
  const { token, appointment: a, notFound, loading, error, refetch } = useManagedAppointment();
  const [cancel, { loading: saving }] = useMutation(CancelMutation);
  const [failed, setFailed] = useState<'notChangeable' | 'failed' | 'notFound' | null>(null);
  const pending = useRef(false);
  const alertRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (failed) alertRef.current?.focus();
  }, [failed]);

  if (notFound || failed === 'notFound') return <AppointmentNotFound />;
  if (!a) return <QueryState loading={loading} error={error} onRetry={() => void refetch()} />;
  if (!isChangeable(a)) return <NotChangeable token={token} appointment={a} />;

  const onCancel = async () => {
    if (pending.current) return;
    pending.current = true;
    setFailed(null);
    try {
      const { data } = await cancel({ variables: { token } });
      const result = data?.cancelAppointment;
      if (result?.__typename === 'Appointment') {
        navigate(managePath(token), { replace: true, state: { changed: 'cancelled' } });
        return;
      }
      if (result?.__typename === 'AppointmentNotChangeable') {
        setFailed('notChangeable');
        void refetch();
      } else setFailed(result?.__typename === 'AppointmentNotFound' ? 'notFound' : 'failed');
    } catch {
      setFailed('failed');
    } finally {
      pending.current = false;
    }
  };

  return (
    <div className="bc-stack-lg">
      <PageTitle title={t('cancel.title')} />
      <div className="bc-stack-sm">
        <StepBackLink to={managePath(token)} label={t('reschedule.back')} />
        <PageHeading>{t('cancel.title')}</PageHeading>
        <p className="kern-body kern-body--large bc-lead">{t('cancel.question')}</p>
      </div>
      {failed && (
        <section ref={alertRef} tabIndex={-1} className="kern-alert kern-alert--danger" aria-labelledby="cancel-failed">
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--danger" aria-hidden="true" />
            <h2 id="cancel-failed" className="kern-title">
              {t(`cancel.failed.${failed}`)}
            </h2>
          </div>
        </section>
      )}
      <Facts appointment={a} compact />
      <p className="kern-body">{t('cancel.consequence')}</p>
      <div className="bc-actions">
        <button
          type="button"
          className="kern-btn kern-btn--primary"
          aria-disabled={saving || undefined}
          onClick={() => void onCancel()}
        >
          <span className="kern-label">{t(saving ? 'cancel.submitting' : 'cancel.confirm')}</span>
        </button>
        <Link to={managePath(token)} className="kern-btn kern-btn--secondary">
          <span className="kern-label">{t('cancel.keep')}</span>
        </Link>
      </div>
    </div>
  );
}
