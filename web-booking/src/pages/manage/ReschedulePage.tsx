import { useMutation } from '@apollo/client/react';
import { PageHeading, QueryState, useText } from '@bc/schema';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { AppointmentTime } from '../../components/AppointmentTime';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageTitle } from '../../components/PageTitle';
import { SlotAlternatives } from '../../components/SlotAlternatives';
import { TimeChoice } from '../../components/TimeChoice';
import { graphql } from '../../gql';
import { type FieldIssue, issueText } from '../../lib/field-errors';
import { StepBackLink } from '../booking/StepBackLink';
import { AppointmentNotFound } from './AppointmentNotFound';
import { NotChangeable } from './NotChangeable';
import { isChangeable, managePath, useManagedAppointment } from './use-managed-appointment';

const RescheduleMutation = graphql(`
  mutation RescheduleAppointment($token: String!, $start: DateTimeISO!) {
    rescheduleAppointment(token: $token, start: $start) {
      __typename
      ... on Appointment {
        ...ManagedAppointmentFields
      }
      ... on AppointmentNotChangeable {
        reason
      }
      ... on SlotUnavailable {
        alternatives
      }
      ... on InvalidInput {
        fields {
          field
          code
        }
      }
    }
  }
`);

const choiceId = 'new-start';

type Outcome =
  | { kind: 'unavailable'; alternatives: readonly string[] }
  | { kind: 'notChangeable' }
  | { kind: 'notFound' }
  | { kind: 'failed' };

/** /booking/verwaltung/verschieben#<token> — a new free time for the same services, chosen as when booking. */
export function ReschedulePage() {
  const { t } = useText();
  const navigate = useNavigate();
  const { token, appointment: a, notFound, loading, error, refetch } = useManagedAppointment();
  const [reschedule, { loading: saving }] = useMutation(RescheduleMutation);
  const [start, setStart] = useState<string | null>(null);
  const [issue, setIssue] = useState<FieldIssue | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const pending = useRef(false);
  const outcomeRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  if (notFound || outcome?.kind === 'notFound') return <AppointmentNotFound />;
  if (!a) return <QueryState loading={loading} error={error} onRetry={() => void refetch()} />;
  if (!isChangeable(a)) return <NotChangeable token={token} appointment={a} />;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending.current) return;
    if (!start) {
      setIssue({ field: 'start', code: 'REQUIRED' });
      setAttempt((n) => n + 1);
      return;
    }
    pending.current = true;
    setOutcome(null);
    try {
      const { data } = await reschedule({ variables: { token, start } });
      const result = data?.rescheduleAppointment;
      switch (result?.__typename) {
        case 'Appointment':
          navigate(managePath(token), { replace: true, state: { changed: 'rescheduled' } });
          return;
        case 'SlotUnavailable':
          setOutcome({ kind: 'unavailable', alternatives: result.alternatives });
          return;
        case 'InvalidInput':
          setIssue(result.fields[0] ? { field: 'start', code: result.fields[0].code } : null);
          setAttempt((n) => n + 1);
          return;
        case 'AppointmentNotChangeable':
          setOutcome({ kind: 'notChangeable' });
          void refetch();
          return;
        case 'AppointmentNotFound':
          setOutcome({ kind: 'notFound' });
          return;
        default:
          setOutcome({ kind: 'failed' });
      }
    } catch {
      setOutcome({ kind: 'failed' });
    } finally {
      pending.current = false;
    }
  };

  const errorText = issue ? issueText(t, issue) : undefined;
  return (
    <div className="bc-stack-lg">
      <PageTitle title={t('reschedule.title')} />
      <div className="bc-stack-sm">
        <StepBackLink to={managePath(token)} label={t('reschedule.back')} />
        <PageHeading>{t('reschedule.title')}</PageHeading>
        <p className="kern-body kern-body--large bc-lead">{t('reschedule.intro')}</p>
        <p className="kern-body">
          {t('reschedule.current')}{' '}
          <strong>
            <AppointmentTime start={a.startsAt} end={a.endsAt} timeZone={a.office.timeZone} />
          </strong>
        </p>
      </div>
      {errorText && <ErrorSummary focusKey={attempt} items={[{ text: errorText, targetId: choiceId }]} />}
      {outcome && (
        <section
          ref={outcomeRef}
          tabIndex={-1}
          className={`kern-alert ${outcome.kind === 'unavailable' ? 'kern-alert--warning' : 'kern-alert--danger'}`}
          aria-labelledby="reschedule-outcome"
        >
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--warning" aria-hidden="true" />
            <h2 id="reschedule-outcome" className="kern-title">
              {t(`reschedule.outcome.${outcome.kind}`)}
            </h2>
          </div>
          {outcome.kind === 'unavailable' && (
            <div className="kern-alert__body">
              <SlotAlternatives
                alternatives={outcome.alternatives}
                timeZone={a.office.timeZone}
                onChoose={(alt) => {
                  setStart(alt);
                  setOutcome(null);
                  document.getElementById('reschedule-submit')?.focus();
                }}
              />
            </div>
          )}
        </section>
      )}
      <form noValidate onSubmit={(e) => void onSubmit(e)} className="bc-stack-lg">
        <TimeChoice
          id={choiceId}
          officeId={a.officeId}
          services={a.services.map((s) => ({ serviceId: s.serviceId, count: s.count }))}
          timeZone={a.office.timeZone}
          horizonDays={a.office.horizonDays}
          value={start}
          exclude={a.startsAt}
          exceptManageToken={token}
          onChange={(s) => {
            setStart(s);
            setIssue(null);
          }}
          error={errorText}
        />
        <div className="bc-actions">
          <button
            id="reschedule-submit"
            type="submit"
            className="kern-btn kern-btn--primary"
            aria-disabled={saving || undefined}
          >
            <span className="kern-label">{t(saving ? 'reschedule.submitting' : 'reschedule.submit')}</span>
          </button>
        </div>
      </form>
    </div>
  );
}
