import { useMutation } from '@apollo/client/react';
import { describedBy, FieldError } from '@bc/schema';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusRegion, useNotice } from '../../components/StatusRegion';
import { catalogLang } from '../../components/TicketBits';
import type { DeskWalkInStatusQuery, IssuedTicketFieldsFragment, TicketPriority } from '../../gql/graphql';
import { formatDayTime } from '../../lib/datetime';
import { range } from '../../lib/range';
import { newRequestId } from '../../lib/request-id';
import { failureNotice, fieldProblemText } from '../../queue/outcome-text';
import type { OfficeService } from '../../session/offices';
import type { ServiceChoice } from './CheckInPanel';
import { IssueWalkInMutation, OfficeTicketsQuery, WalkInStatusQuery } from './desk-documents';

type WalkInServiceStatus = DeskWalkInStatusQuery['walkInStatus']['services'][number];
type PriorityChoice = 'NONE' | TicketPriority;

/**
 * A walk-in ticket for a visitor at the desk: the services open to walk-ins with their counts, and optionally
 * priority (biometrics already captured, or a staff decision with a short note). One request id per attempt, kept
 * for a retry after a lost answer, so a double click or a retry never issues two tickets.
 */
export function WalkInForm(props: {
  officeId: string;
  timeZone: string;
  statuses: readonly WalkInServiceStatus[];
  services: readonly OfficeService[];
  prefill: { services: ServiceChoice[]; key: number } | null;
  onIssued: (issued: IssuedTicketFieldsFragment) => void;
}) {
  const { t, i18n } = useTranslation();
  const [chosen, setChosen] = useState<Record<string, number>>({});
  const [priority, setPriority] = useState<PriorityChoice>('NONE');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ services: boolean; note: boolean }>({ services: false, note: false });
  const { notice, show, clear } = useNotice();
  const requestId = useRef<string | null>(null);
  const busy = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const noteInput = useRef<HTMLInputElement>(null);
  const [issue, { loading }] = useMutation(IssueWalkInMutation, {
    refetchQueries: [OfficeTicketsQuery, WalkInStatusQuery],
  });

  const changed = () => {
    requestId.current = null; // another request now: a new ticket, not the last one again
  };

  const { prefill } = props;
  useEffect(() => {
    if (!prefill) return;
    setChosen(Object.fromEntries(prefill.services.map((s) => [s.serviceId, s.count])));
    requestId.current = null;
    heading.current?.focus();
  }, [prefill]);

  const maxOf = (serviceId: string) => props.services.find((s) => s.id === serviceId)?.maxPerBooking ?? 1;
  const nameOf = (serviceId: string) => props.statuses.find((s) => s.serviceId === serviceId)?.name ?? '';

  const toggle = (serviceId: string, on: boolean) => {
    changed();
    setChosen((c) => {
      const next = { ...c };
      if (on) next[serviceId] = 1;
      else delete next[serviceId];
      return next;
    });
    if (on) setErrors((e) => ({ ...e, services: false }));
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy.current) return;
    clear();
    const services = Object.entries(chosen).map(([serviceId, count]) => ({ serviceId, count }));
    const trimmed = note.trim();
    const problems = { services: services.length === 0, note: priority === 'STAFF' && trimmed === '' };
    setErrors(problems);
    if (problems.services) {
      document.querySelector<HTMLInputElement>('#walkin-services input')?.focus();
      return;
    }
    if (problems.note) {
      noteInput.current?.focus();
      return;
    }
    requestId.current ??= newRequestId();
    busy.current = true;
    try {
      const { data } = await issue({
        variables: {
          input: {
            officeId: props.officeId,
            services,
            requestId: requestId.current,
            priority: priority === 'NONE' ? null : priority,
            priorityNote: priority === 'STAFF' ? trimmed : null,
          },
        },
      });
      const r = data?.issueWalkInTicket;
      if (r) requestId.current = null;
      switch (r?.__typename) {
        case 'IssuedTicket':
          setChosen({});
          setPriority('NONE');
          setNote('');
          show({ tone: 'success', text: t('walkIn.issued', { number: r.ticket.number }) });
          props.onIssued(r);
          return;
        case 'WalkInClosed': {
          const names = r.serviceIds.map(nameOf).filter(Boolean).join(', ');
          const next = r.nextAppointments.map((a) => formatDayTime(a, props.timeZone, i18n.language)).join('; ');
          show({
            tone: 'warning',
            text: [
              t(`walkIn.closed.${r.reason}`, { services: names }),
              next ? t('walkIn.nextAppointments', { list: next }) : t('walkIn.noAppointments'),
            ].join(' '),
          });
          return;
        }
        case 'InvalidInput':
          show({ tone: 'warning', text: t('outcome.invalid', { details: fieldProblemText(t, r.fields) }) });
          return;
        case 'OfficeNotAllowed':
          show({ tone: 'danger', text: t('outcome.officeNotAllowed') });
          return;
        default:
          show(failureNotice(t));
      }
    } catch (err) {
      // The answer may have been lost after the ticket was made: the same request id asks again for the same one.
      show(failureNotice(t, err));
    } finally {
      busy.current = false;
    }
  };

  return (
    <section className="bc-panel bc-stack" aria-labelledby="walkin-heading">
      <h2 id="walkin-heading" ref={heading} tabIndex={-1} className="kern-heading-medium">
        {t('walkIn.title')}
      </h2>
      <form noValidate className="bc-stack" onSubmit={(e) => void onSubmit(e)}>
        <fieldset
          id="walkin-services"
          className={`kern-fieldset${errors.services ? ' kern-fieldset--error' : ''}`}
          aria-describedby={describedBy(errors.services && 'walkin-services-error')}
        >
          <legend className="kern-label">{t('walkIn.services')}</legend>
          <div className="kern-fieldset__body">
            {errors.services && <FieldError id="walkin-services-error" text={t('walkIn.servicesMissing')} />}
            {props.statuses.length === 0 && <p className="kern-body">{t('walkIn.noServices')}</p>}
            <ul className="bc-plain-list bc-stack">
              {props.statuses.map((s) => {
                const id = `walkin-service-${s.serviceId}`;
                const count = chosen[s.serviceId];
                const max = maxOf(s.serviceId);
                return (
                  <li key={s.serviceId} className="bc-stack-sm">
                    <div className="kern-form-check">
                      <input
                        type="checkbox"
                        id={id}
                        className="kern-form-check__checkbox"
                        checked={count !== undefined}
                        onChange={(e) => toggle(s.serviceId, e.target.checked)}
                        aria-describedby={`${id}-hint`}
                      />
                      <label className="kern-label" htmlFor={id} lang={catalogLang}>
                        {s.name}
                      </label>
                    </div>
                    <p className="kern-hint bc-check-hint" id={`${id}-hint`}>
                      {t('walkIn.duration', { count: s.durationMinutes })}
                      {!s.open && s.reason && <> · {t('walkIn.closedNow', { reason: t(`refusal.${s.reason}`) })}</>}
                    </p>
                    {count !== undefined && max > 1 && (
                      <div className="kern-form-input bc-check-hint bc-count">
                        <label className="kern-label" htmlFor={`${id}-count`}>
                          {t('walkIn.count', { service: s.name })}
                        </label>
                        <div className="kern-form-input__select-wrapper">
                          <select
                            id={`${id}-count`}
                            className="kern-form-input__select"
                            value={count}
                            onChange={(e) => {
                              changed();
                              setChosen((c) => ({ ...c, [s.serviceId]: Number(e.target.value) }));
                            }}
                          >
                            {range(1, max).map((n) => (
                              <option key={n} value={n}>
                                {n}
                              </option>
                            ))}
                          </select>
                        </div>
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        </fieldset>

        <fieldset className="kern-fieldset">
          <legend className="kern-label">{t('walkIn.priority')}</legend>
          <div className="kern-fieldset__body">
            {(['NONE', 'BIOMETRICS', 'STAFF'] as const).map((p) => (
              <div key={p} className="kern-form-check">
                <input
                  type="radio"
                  id={`walkin-priority-${p}`}
                  name="walkin-priority"
                  className="kern-form-check__radio"
                  checked={priority === p}
                  onChange={() => {
                    changed();
                    setPriority(p);
                    if (p !== 'STAFF') setErrors((e) => ({ ...e, note: false }));
                  }}
                />
                <label className="kern-label" htmlFor={`walkin-priority-${p}`}>
                  {t(`walkIn.priorityOption.${p}`)}
                </label>
              </div>
            ))}
            {priority === 'STAFF' && (
              <div className={`kern-form-input${errors.note ? ' kern-form-input--error' : ''}`}>
                <label className="kern-label" htmlFor="walkin-note">
                  {t('priorityForm.note')}
                </label>
                <p className="kern-hint" id="walkin-note-hint">
                  {t('priorityForm.noteHint')}
                </p>
                <input
                  ref={noteInput}
                  id="walkin-note"
                  type="text"
                  maxLength={200}
                  autoComplete="off"
                  className={`kern-form-input__input${errors.note ? ' kern-form-input__input--error' : ''}`}
                  aria-invalid={errors.note || undefined}
                  aria-describedby={describedBy('walkin-note-hint', errors.note && 'walkin-note-error')}
                  value={note}
                  onChange={(e) => {
                    changed();
                    setNote(e.target.value);
                  }}
                />
                {errors.note && <FieldError id="walkin-note-error" text={t('priorityForm.noteMissing')} />}
              </div>
            )}
          </div>
        </fieldset>
        <div>
          <button type="submit" className="kern-btn kern-btn--primary" aria-disabled={loading || undefined}>
            <span className="kern-label">{t(loading ? 'walkIn.submitting' : 'walkIn.submit')}</span>
          </button>
        </div>
      </form>
      <StatusRegion notice={notice} />
    </section>
  );
}
