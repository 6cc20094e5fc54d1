import { useTranslation } from 'react-i18next';
import { CheckBadge } from '../../components/CheckBadge';
import { catalogLang, PriorityBadge, ServiceLines, StatusBadge } from '../../components/TicketBits';
import type { WorkstationQuery } from '../../gql/graphql';
import { formatTime } from '../../lib/datetime';
import { fileKind, fileSize, uploadUrl } from '../../lib/uploads';

export type CurrentTicketData = NonNullable<WorkstationQuery['workstation']['counter']['current']>;

/**
 * The visitor at the counter, compact (the actions follow right beneath it): number, status, services, how often
 * called, waiting time and the appointment. The documents follow the actions (CurrentDocuments).
 */
export function CurrentTicket(props: { ticket: CurrentTicketData | null; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const time = (iso: string) => formatTime(iso, props.timeZone, i18n.language);
  const tk = props.ticket;
  return (
    <section className="bc-current" aria-labelledby="current-heading">
      <div className="bc-current__top">
        <h2 id="current-heading" className="kern-heading-small">
          {t('current.title')}
        </h2>
        {tk && (
          <p className="bc-current__head">
            <span className="bc-current__number" data-testid="current-number">
              {tk.number}
            </span>
            <StatusBadge status={tk.status} />
            {tk.priority && <PriorityBadge priority={tk.priority} note={tk.priorityNote} />}
          </p>
        )}
      </div>
      {!tk ? (
        <p className="kern-body">{t('current.none')}</p>
      ) : (
        <dl className="kern-description-list bc-current__facts">
          <div className="kern-description-list-item">
            <dt className="kern-description-list-item__key">{t('current.services')}</dt>
            <dd className="kern-description-list-item__value">
              <ServiceLines services={tk.services} />
            </dd>
          </div>
          <div className="kern-description-list-item">
            <dt className="kern-description-list-item__key">{t('current.calls')}</dt>
            <dd className="kern-description-list-item__value">
              {t('current.callsValue', { count: tk.callCount, max: tk.maxCalls })}
              {tk.calledAt && <> · {t('current.lastCall', { time: time(tk.calledAt) })}</>}
            </dd>
          </div>
          <div className="kern-description-list-item">
            <dt className="kern-description-list-item__key">{t('current.waited')}</dt>
            <dd className="kern-description-list-item__value">
              {t('current.waitedValue', { count: tk.waitedMinutes, time: time(tk.arrivedAt) })}
            </dd>
          </div>
          {tk.appointmentStartsAt && (
            <div className="kern-description-list-item">
              <dt className="kern-description-list-item__key">{t('current.appointment')}</dt>
              <dd className="kern-description-list-item__value">
                {t('current.appointmentAt', { time: time(tk.appointmentStartsAt) })}
                {tk.late && <> · {t('current.late')}</>}
                {tk.appointment && (
                  <>
                    <br />
                    {t('current.reference', { reference: tk.appointment.reference })} · {tk.appointment.citizenName}
                  </>
                )}
              </dd>
            </div>
          )}
        </dl>
      )}
    </section>
  );
}

/**
 * The documents of the appointment at the counter and the files uploaded for them. Each file opens in a new tab (the
 * api shows it inline to staff of the office), so the workstation stays as it was.
 */
export function CurrentDocuments(props: { ticket: CurrentTicketData | null }) {
  const { t, i18n } = useTranslation();
  const tk = props.ticket;
  if (!tk?.appointment) return null;
  return (
    <section className="bc-stack-sm" aria-labelledby="documents-heading">
      <h2 id="documents-heading" className="kern-heading-small">
        {t('current.documents')}
      </h2>
      {tk.appointment.documents.length === 0 ? (
        <p className="kern-body">{t('current.noDocuments')}</p>
      ) : (
        <ul className="bc-plain-list bc-stack">
          {tk.appointment.documents.map((d) => (
            <li key={d.documentId} className="bc-document">
              <span className="kern-body kern-body--bold" lang={catalogLang}>
                {d.name}
              </span>{' '}
              <span className="kern-body kern-body--small">
                ({t(d.mandatory ? 'current.mandatory' : 'current.optional')})
              </span>
              {d.uploads.length > 0 ? (
                <ul className="kern-list kern-list--small">
                  {d.uploads.map((u) => (
                    <li key={u.id} className="kern-body kern-body--small">
                      <span>
                        {t('current.uploaded')}{' '}
                        <a className="kern-link" href={uploadUrl(u.id)} target="_blank" rel="noopener">
                          {t('current.uploadLink', {
                            name: u.fileName,
                            kind: fileKind(u.mediaType),
                            size: fileSize(u.sizeBytes, i18n.language),
                          })}
                        </a>
                      </span>{' '}
                      {/* The office's pre-check of the file ("Unterlagen prüfen"), with what the citizen was asked. */}
                      <CheckBadge state={u.checkState} message={u.checkMessage} />
                    </li>
                  ))}
                </ul>
              ) : (
                d.uploadable && <p className="kern-body kern-body--small">{t('current.notUploaded')}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
