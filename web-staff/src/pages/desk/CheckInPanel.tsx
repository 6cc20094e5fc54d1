import { useMutation } from '@apollo/client/react';
import { describedBy, FieldError } from '@bc/schema';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusRegion, useNotice } from '../../components/StatusRegion';
import { catalogLang } from '../../components/TicketBits';
import type { IssuedTicketFieldsFragment } from '../../gql/graphql';
import { formatDayTime, formatTime } from '../../lib/datetime';
import { failureNotice } from '../../queue/outcome-text';
import { DeskCheckInMutation, OfficeTicketsQuery } from './desk-documents';

export type ServiceChoice = { serviceId: string; count: number };

/**
 * Check-in of an appointment by its reference (typed) or the content of its QR code (a scanner types it into the
 * field and presses Enter). A late visitor is offered a walk-in ticket for the appointment's services.
 */
export function CheckInPanel(props: {
  officeId: string;
  timeZone: string;
  onIssued: (issued: IssuedTicketFieldsFragment) => void;
  /** The code was answered with a refusal (too early, unknown, …): the field takes the focus for the next scan. */
  onRefused: () => void;
  onOfferWalkIn: (services: ServiceChoice[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const [code, setCode] = useState('');
  const [missing, setMissing] = useState(false);
  const [late, setLate] = useState<{ services: { serviceId: string; name: string; count: number }[] } | null>(null);
  const { notice, show, clear } = useNotice();
  const input = useRef<HTMLInputElement>(null);
  const busy = useRef(false);
  const [checkIn, { loading }] = useMutation(DeskCheckInMutation, { refetchQueries: [OfficeTicketsQuery] });
  const time = (iso: string) => formatTime(iso, props.timeZone, i18n.language);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy.current) return;
    setLate(null);
    clear();
    if (code.trim() === '') {
      setMissing(true);
      input.current?.focus();
      return;
    }
    setMissing(false);
    busy.current = true;
    try {
      const { data } = await checkIn({ variables: { code: code.trim(), officeId: props.officeId } });
      const r = data?.checkIn;
      switch (r?.__typename) {
        case 'IssuedTicket':
          setCode('');
          props.onIssued(r);
          show({ tone: 'success', text: t('checkIn.done', { number: r.ticket.number }) });
          return;
        case 'CheckInTooEarly':
          show({
            tone: 'info',
            text: t('checkIn.tooEarly', { start: formatDayTime(r.startsAt, props.timeZone, i18n.language) }),
          });
          break;
        case 'CheckInTooLate':
          setLate({ services: r.walkInServices });
          show({
            tone: 'warning',
            text: t(r.walkInServices.length > 0 ? 'checkIn.tooLate' : 'checkIn.tooLateNoWalkIn', {
              start: time(r.startsAt),
            }),
          });
          break;
        case 'CheckInCancelled':
          show({ tone: 'warning', text: t('checkIn.cancelled') });
          break;
        case 'CheckInWrongOffice':
          show({ tone: 'info', text: t('checkIn.wrongOffice', { office: r.officeName }) });
          break;
        case 'UnknownCode':
          show({ tone: 'warning', text: t('checkIn.unknown') });
          break;
        case 'OfficeNotAllowed':
          show({ tone: 'danger', text: t('outcome.officeNotAllowed') });
          break;
        default:
          show(failureNotice(t));
      }
    } catch (err) {
      show(failureNotice(t, err));
    } finally {
      busy.current = false;
    }
    // Every answer but a ticket: the code stays, selected, so the next scan replaces it.
    props.onRefused();
  };

  return (
    <section className="bc-panel bc-stack" aria-labelledby="checkin-heading">
      <h2 id="checkin-heading" className="kern-heading-medium">
        {t('checkIn.title')}
      </h2>
      <form noValidate className="bc-stack" onSubmit={(e) => void onSubmit(e)}>
        <div className={`kern-form-input${missing ? ' kern-form-input--error' : ''}`}>
          <label className="kern-label" htmlFor="checkin-code">
            {t('checkIn.code')}
          </label>
          <p className="kern-hint" id="checkin-code-hint">
            {t('checkIn.codeHint')}
          </p>
          <input
            ref={input}
            id="checkin-code"
            name="code"
            type="text"
            className={`kern-form-input__input${missing ? ' kern-form-input__input--error' : ''}`}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-invalid={missing || undefined}
            aria-describedby={describedBy('checkin-code-hint', missing && 'checkin-code-error')}
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          {missing && <FieldError id="checkin-code-error" text={t('checkIn.codeMissing')} />}
        </div>
        <div>
          <button type="submit" className="kern-btn kern-btn--primary" aria-disabled={loading || undefined}>
            <span className="kern-label">{t(loading ? 'checkIn.submitting' : 'checkIn.submit')}</span>
          </button>
        </div>
      </form>
      <StatusRegion notice={notice} />
      {late && late.services.length > 0 && (
        <div className="bc-stack-sm">
          <p className="kern-body">
            {t('checkIn.lateServices')} <span lang={catalogLang}>{late.services.map((s) => s.name).join(', ')}</span>
          </p>
          <div>
            <button
              type="button"
              className="kern-btn kern-btn--secondary"
              onClick={() => {
                props.onOfferWalkIn(
                  late.services.map((s) => ({ serviceId: s.serviceId, count: Math.max(1, s.count) })),
                );
                setLate(null);
              }}
            >
              <span className="kern-label">{t('checkIn.prepareWalkIn')}</span>
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
