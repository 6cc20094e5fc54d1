import { useMutation } from '@apollo/client/react';
import type { CatalogItem } from '@bc/schema';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { KioskIssuedTicketFragment } from '../gql/graphql';
import { formatTime } from '../lib/datetime';
import { deleteLast, formatTypedCode, isCompleteCode, typeKey } from './kiosk-format';
import { type KioskOffice, useKioskServiceText } from './kiosk-office';
import { QrScanner } from './QrScanner';
import { ReferenceKeyboard } from './ReferenceKeyboard';
import { useDayLabel } from './use-day-label';
import { useDrawTicket } from './use-draw-ticket';
import { useKioskTitle } from './use-kiosk-title';
import { Refusal } from './WalkInScreen';

const KioskCheckInMutation = graphql(`
  mutation KioskCheckIn($code: String!) {
    checkIn(code: $code) {
      __typename
      ... on IssuedTicket {
        ...KioskIssuedTicket
      }
      ... on CheckInTooEarly {
        startsAt
      }
      ... on CheckInTooLate {
        startsAt
        walkInServices {
          serviceId
          name
          count
          texts {
            language
            name
            description
          }
        }
      }
      ... on CheckInWrongOffice {
        officeName
      }
    }
  }
`);

type Outcome =
  | { kind: 'incomplete' }
  | { kind: 'tooEarly'; startsAt: string }
  | { kind: 'tooLate'; startsAt: string; services: readonly (CatalogItem & { serviceId: string; count: number })[] }
  | { kind: 'cancelled' }
  | { kind: 'wrongOffice'; officeName: string }
  | { kind: 'unknown' }
  | { kind: 'failed' };

const CODE_FIELD = 'kiosk-code';

/**
 * Check-in with an appointment: the confirmation's QR code in front of the camera, or the reference typed on the
 * on-screen keyboard (a physical keyboard or a hand scanner typing into the field works too). Every answer of the
 * api has its own message in the live region; too late offers a walk-in ticket for the appointment's services.
 */
export function CheckInScreen(props: {
  office: KioskOffice;
  onIssued: (issued: KioskIssuedTicketFragment, via: 'checkIn' | 'walkIn') => void;
}) {
  const { t } = useTranslation();
  useKioskTitle(t('kiosk.checkIn.pageTitle'));
  const [code, setCode] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // Each answer gets its own number, so that a walk-in offer after "too late" has its own request id.
  const [answer, setAnswer] = useState(0);
  const [checkIn, { loading }] = useMutation(KioskCheckInMutation);
  const pending = useRef(false);

  const change = (next: string) => {
    setCode(next);
    setOutcome(null);
  };

  const send = async (value: string) => {
    if (pending.current) return;
    pending.current = true;
    setOutcome(null);
    try {
      const { data } = await checkIn({ variables: { code: value } });
      const result = data?.checkIn;
      switch (result?.__typename) {
        case 'IssuedTicket':
          props.onIssued(result, 'checkIn');
          return;
        case 'CheckInTooEarly':
          setOutcome({ kind: 'tooEarly', startsAt: result.startsAt });
          break;
        case 'CheckInTooLate':
          setOutcome({ kind: 'tooLate', startsAt: result.startsAt, services: result.walkInServices });
          break;
        case 'CheckInCancelled':
          setOutcome({ kind: 'cancelled' });
          break;
        case 'CheckInWrongOffice':
          setOutcome({ kind: 'wrongOffice', officeName: result.officeName });
          break;
        case 'UnknownCode':
          setOutcome({ kind: 'unknown' });
          break;
        default:
          setOutcome({ kind: 'failed' });
      }
      setAnswer((n) => n + 1);
    } catch {
      setOutcome({ kind: 'failed' });
    } finally {
      pending.current = false;
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (pending.current) return;
    if (!isCompleteCode(code)) {
      setOutcome({ kind: 'incomplete' });
      return;
    }
    void send(code);
  };

  return (
    <div className="kiosk-screen kiosk-checkin">
      <h1 tabIndex={-1} className="kiosk-title">
        {t('kiosk.checkIn.title')}
      </h1>
      <div className="kiosk-checkin__ways">
        <div className="kiosk-checkin__side">
          <div className="kiosk-result" role="status">
            {loading && <p className="kiosk-message kiosk-message--info">{t('kiosk.checkIn.checking')}</p>}
            {outcome && (
              <CheckInOutcome
                key={answer}
                outcome={outcome}
                office={props.office}
                onIssued={(issued) => props.onIssued(issued, 'walkIn')}
              />
            )}
          </div>
          <section className="kiosk-panel kiosk-checkin__scan" aria-labelledby="kiosk-scan-title">
            <h2 id="kiosk-scan-title" className="kiosk-panel__title">
              {t('kiosk.checkIn.scanTitle')}
            </h2>
            <p>{t('kiosk.checkIn.scanText')}</p>
            <QrScanner onCode={(scanned) => void send(scanned)} paused={loading} />
          </section>
        </div>
        <section className="kiosk-panel kiosk-checkin__type" aria-labelledby="kiosk-type-title">
          <h2 id="kiosk-type-title" className="kiosk-panel__title">
            {t('kiosk.checkIn.typeTitle')}
          </h2>
          <form className="kiosk-code-form" onSubmit={onSubmit}>
            <label htmlFor={CODE_FIELD} className="kiosk-code-form__label">
              {t('kiosk.checkIn.codeLabel')}
            </label>
            <p id={`${CODE_FIELD}-hint`} className="kiosk-code-form__hint">
              {t('kiosk.checkIn.codeHint')}
            </p>
            <div className="kiosk-code-form__row">
              <input
                id={CODE_FIELD}
                className="kiosk-code"
                value={code}
                onChange={(e) => change(formatTypedCode(e.target.value))}
                aria-describedby={`${CODE_FIELD}-hint`}
                // No system keyboard popping up on a touch screen: the keys below are the keyboard.
                inputMode="none"
                autoComplete="off"
                autoCorrect="off"
                autoCapitalize="characters"
                spellCheck={false}
                translate="no"
              />
              <button
                type="button"
                className="kern-btn kern-btn--secondary kiosk-code-form__clear"
                aria-disabled={code === '' || undefined}
                onClick={() => change('')}
              >
                <span className="kern-label">{t('kiosk.checkIn.clear')}</span>
              </button>
            </div>
            <ReferenceKeyboard
              controls={CODE_FIELD}
              onKey={(key) => change(typeKey(code, key))}
              onDelete={() => change(deleteLast(code))}
            />
            <p className="kiosk-actions">
              <button
                type="submit"
                className="kern-btn kern-btn--primary kiosk-action"
                aria-disabled={loading || undefined}
              >
                <span className="kern-label">{t('kiosk.checkIn.submit')}</span>
              </button>
            </p>
          </form>
        </section>
      </div>
    </div>
  );
}

function CheckInOutcome(props: {
  outcome: Outcome;
  office: KioskOffice;
  onIssued: (issued: KioskIssuedTicketFragment) => void;
}) {
  const { t, i18n } = useTranslation();
  const { outcome, office } = props;
  const time = (instant: string) => formatTime(instant, office.timeZone, i18n.language);
  const day = useDayLabel(office.timeZone);
  switch (outcome.kind) {
    case 'incomplete':
      return <Message tone="info" text={t('kiosk.checkIn.incomplete')} />;
    case 'tooEarly':
      return (
        <Message
          tone="warning"
          title={t('kiosk.checkIn.tooEarlyTitle')}
          text={t('kiosk.checkIn.tooEarly', {
            day: day(outcome.startsAt),
            start: time(outcome.startsAt),
          })}
        />
      );
    case 'tooLate':
      return <TooLate outcome={outcome} office={office} onIssued={props.onIssued} startsAt={time(outcome.startsAt)} />;
    case 'cancelled':
      return <Message tone="danger" title={t('kiosk.checkIn.cancelledTitle')} text={t('kiosk.checkIn.cancelled')} />;
    case 'wrongOffice':
      return (
        <Message
          tone="warning"
          title={t('kiosk.checkIn.wrongOfficeTitle')}
          text={t('kiosk.checkIn.wrongOffice', { office: outcome.officeName })}
        />
      );
    case 'unknown':
      return <Message tone="danger" title={t('kiosk.checkIn.unknownTitle')} text={t('kiosk.checkIn.unknown')} />;
    case 'failed':
      return <Message tone="danger" title={t('kiosk.failed.title')} text={t('kiosk.failed.text')} />;
  }
}

/** The appointment has passed: its walk-in services can still be had with a walk-in ticket, if the visitor wants. */
function TooLate(props: {
  outcome: Extract<Outcome, { kind: 'tooLate' }>;
  startsAt: string;
  office: KioskOffice;
  onIssued: (issued: KioskIssuedTicketFragment) => void;
}) {
  const { t } = useTranslation();
  const serviceText = useKioskServiceText();
  const { outcome } = props;
  const { draw, drawing, refusal } = useDrawTicket(props.onIssued);
  const services = outcome.services.map((s) => ({ serviceId: s.serviceId, count: s.count }));
  return (
    <div className="kiosk-message kiosk-message--warning">
      <h2 className="kiosk-message__title">{t('kiosk.checkIn.tooLateTitle')}</h2>
      <p>{t('kiosk.checkIn.tooLate', { start: props.startsAt })}</p>
      {services.length === 0 ? (
        <p>{t('kiosk.checkIn.tooLateNoWalkIn')}</p>
      ) : (
        <>
          <p>{t('kiosk.checkIn.tooLateOffer')}</p>
          <ul className="kiosk-message__list">
            {outcome.services.map((s) => {
              const text = serviceText(s);
              return (
                <li key={s.serviceId} lang={text.lang}>
                  {s.count > 1 ? `${text.name} (${s.count})` : text.name}
                </li>
              );
            })}
          </ul>
          {!refusal && (
            <p className="kiosk-actions">
              <button
                type="button"
                className="kern-btn kern-btn--primary kiosk-action"
                aria-disabled={drawing || undefined}
                onClick={() => void draw(services)}
              >
                <span className="kern-label">{t(drawing ? 'kiosk.walkIn.drawing' : 'kiosk.checkIn.tooLateDraw')}</span>
              </button>
            </p>
          )}
        </>
      )}
      {refusal && (
        <Refusal
          refusal={refusal}
          services={outcome.services.map((s) => ({ id: s.serviceId, name: serviceText(s).name }))}
          office={props.office}
        />
      )}
    </div>
  );
}

function Message(props: { tone: 'info' | 'warning' | 'danger'; title?: string; text: string }) {
  return (
    <div className={`kiosk-message kiosk-message--${props.tone}`}>
      {props.title && <h2 className="kiosk-message__title">{props.title}</h2>}
      <p>{props.text}</p>
    </div>
  );
}
