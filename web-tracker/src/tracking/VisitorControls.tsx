import { useMutation } from '@apollo/client/react';
import { useText } from '@bc/schema';
import { useEffect, useRef, useState } from 'react';
import { SelectField } from '../components/SelectField';
import { graphql } from '../gql';
import { playBeep, unlockAudio } from '../live/sound';
import { alertVisitor, askForNotifications, type NotificationState, notificationState } from '../live/visitor-alert';
import type { TrackedTicket } from '../pages/TrackingPage';
import { PushControl } from './PushControl';
import { loadAlertedCall, loadReminder, type Reminder, saveAlertedCall, saveReminder } from './visitor-storage';

const LeaveQueueMutation = graphql(`
  mutation LeaveQueue($token: String!) {
    leaveQueue(token: $token) {
      __typename
      ... on PublicTicket {
        ...TrackedTicketFields
      }
      ... on NotAllowed {
        message
      }
    }
  }
`);

const reminderChoices = [1, 2, 3, 5, 10];
const stillInQueue = new Set(['WAITING', 'CALLED', 'PARKED']);

/** What the visitor can do on the page: alerts (sound, notification, reminder) and giving up the place. */
export function VisitorControls(props: {
  token: string;
  ticket: TrackedTicket;
  onLeft: (ticket: TrackedTicket | null) => void;
}) {
  const { token, ticket } = props;
  const [reminder, setReminder] = useState<Reminder | null>(() => loadReminder(token));
  const reached = useVisitorAlerts(token, ticket, reminder, setReminder);
  useAudioOnFirstGesture();
  if (!stillInQueue.has(ticket.status)) return null;
  return (
    <>
      <AlertSettings
        token={token}
        waiting={ticket.status === 'WAITING'}
        reminder={reminder}
        reached={reached}
        onReminder={setReminder}
      />
      <PushControl token={token} />
      <LeavePlace token={token} onLeft={props.onLeft} />
    </>
  );
}

/** Phones play sound only after a touch: any tap on the page allows the alerts to be heard later. */
function useAudioOnFirstGesture() {
  useEffect(() => {
    const unlock = () => void unlockAudio();
    window.addEventListener('pointerdown', unlock, { once: true });
    window.addEventListener('keydown', unlock, { once: true });
    return () => {
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
    };
  }, []);
}

/**
 * Beep, vibration and notification when the ticket is called (again on a recall: it has a new calledAt), and once
 * when no more than the chosen number of people are ahead. Returns the people ahead when the reminder went off.
 */
function useVisitorAlerts(
  token: string,
  ticket: TrackedTicket,
  reminder: Reminder | null,
  setReminder: (r: Reminder) => void,
): number | undefined {
  const { t } = useText();
  const [reached, setReached] = useState<number>();
  const alertedCall = useRef(loadAlertedCall(token));

  useEffect(() => {
    if (ticket.status !== 'CALLED' || !ticket.calledAt || !ticket.counterLabel) return;
    if (alertedCall.current === ticket.calledAt) return;
    alertedCall.current = ticket.calledAt;
    saveAlertedCall(token, ticket.calledAt);
    alertVisitor(
      t('tracking.calledTitle', { counter: ticket.counterLabel }),
      t('tracking.alert.calledBody', { number: ticket.number }),
      `call-${ticket.number}`,
    );
  }, [token, ticket, t]);

  const ahead = ticket.status === 'WAITING' ? ticket.estimate?.peopleAhead : undefined;
  useEffect(() => {
    if (!reminder || reminder.done || ahead === undefined || ahead > reminder.ahead) return;
    const done = { ...reminder, done: true };
    saveReminder(token, done);
    setReminder(done);
    setReached(ahead);
    const text = ahead === 0 ? t('tracking.next') : t('tracking.ahead', { count: ahead });
    alertVisitor(t('tracking.reminder.alertTitle', { number: ticket.number }), text, `ahead-${ticket.number}`);
  }, [token, reminder, ahead, ticket.number, setReminder, t]);
  return reached;
}

function AlertSettings(props: {
  token: string;
  waiting: boolean;
  reminder: Reminder | null;
  reached: number | undefined;
  onReminder: (r: Reminder | null) => void;
}) {
  const { t } = useText();
  const [permission, setPermission] = useState<NotificationState>(notificationState);

  const ask = async () => {
    void unlockAudio();
    setPermission(await askForNotifications());
  };
  const tryOut = async () => {
    await unlockAudio();
    playBeep();
    if (typeof navigator.vibrate === 'function') navigator.vibrate(200);
  };
  const choose = (value: string) => {
    const next = value === '' ? null : { ahead: Number(value), done: false };
    saveReminder(props.token, next);
    props.onReminder(next);
  };

  return (
    <section className="tr-panel tr-gap" aria-labelledby="alerts-title">
      <h2 id="alerts-title" className="kern-heading-small">
        {t('tracking.alerts.title')}
      </h2>
      <p className="kern-body">{t('tracking.alerts.lead')}</p>
      <div className="tr-actions">
        <button type="button" className="kern-btn kern-btn--secondary" onClick={() => void tryOut()}>
          <span className="kern-label">{t('tracking.alerts.testSound')}</span>
        </button>
        {permission === 'default' && (
          <button type="button" className="kern-btn kern-btn--secondary" onClick={() => void ask()}>
            <span className="kern-label">{t('tracking.alerts.allow')}</span>
          </button>
        )}
      </div>
      {permission !== 'default' && (
        <p className="kern-body" data-testid="notification-state">
          {t(`tracking.alerts.${permission}`)}
        </p>
      )}
      {props.waiting && (
        <SelectField
          label={t('tracking.reminder.label')}
          hint={t('tracking.reminder.hint')}
          value={props.reminder ? String(props.reminder.ahead) : ''}
          onChange={choose}
        >
          <option value="">{t('tracking.reminder.off')}</option>
          {reminderChoices.map((n) => (
            <option key={n} value={n}>
              {t('tracking.reminder.choice', { count: n })}
            </option>
          ))}
        </SelectField>
      )}
      {props.reached !== undefined && (
        <div className="kern-alert kern-alert--success tr-gap" data-testid="reminder-reached">
          <div className="kern-alert__body">
            <p className="kern-body">
              {props.reached === 0
                ? t('tracking.reminder.reachedNext')
                : t('tracking.reminder.reached', { count: props.reached })}
            </p>
          </div>
        </div>
      )}
    </section>
  );
}

/** "Give up my place", with a confirmation step; the page then shows the cancelled ticket. */
function LeavePlace(props: { token: string; onLeft: (ticket: TrackedTicket | null) => void }) {
  const { t } = useText();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<'notAllowed' | 'failed' | null>(null);
  const [leave, { loading }] = useMutation(LeaveQueueMutation);
  const question = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) question.current?.focus();
    else if (wasConfirming.current) opener.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const confirm = async () => {
    setProblem(null);
    try {
      const { data } = await leave({ variables: { token: props.token } });
      const result = data?.leaveQueue;
      if (result?.__typename === 'PublicTicket') {
        props.onLeft(result);
        // The controls are gone with the place: focus goes to the ticket's new status.
        setTimeout(() => document.getElementById('ticket-status')?.focus());
      } else if (result?.__typename === 'TicketNotFound') props.onLeft(null);
      else setProblem('notAllowed');
    } catch {
      setProblem('failed');
    }
  };

  return (
    <section className="tr-panel tr-gap" aria-labelledby="leave-title">
      <h2 id="leave-title" className="kern-heading-small">
        {t('tracking.leave.title')}
      </h2>
      {!confirming ? (
        <>
          <p className="kern-body">{t('tracking.leave.lead')}</p>
          <button
            ref={opener}
            type="button"
            className="kern-btn kern-btn--secondary"
            onClick={() => setConfirming(true)}
          >
            <span className="kern-label">{t('tracking.leave.button')}</span>
          </button>
        </>
      ) : (
        <div className="tr-confirm">
          <h3 ref={question} tabIndex={-1} className="kern-title">
            {t('tracking.leave.question')}
          </h3>
          <p className="kern-body">{t('tracking.leave.consequence')}</p>
          <div className="tr-actions">
            <button
              type="button"
              className="kern-btn kern-btn--primary"
              disabled={loading}
              onClick={() => void confirm()}
            >
              <span className="kern-label">{t('tracking.leave.confirm')}</span>
            </button>
            <button type="button" className="kern-btn kern-btn--secondary" onClick={() => setConfirming(false)}>
              <span className="kern-label">{t('tracking.leave.keep')}</span>
            </button>
          </div>
        </div>
      )}
      {problem && (
        <p className="kern-body tr-problem" role="alert">
          {t(`tracking.leave.${problem}`)}
        </p>
      )}
    </section>
  );
}
