import { PageHeading, QueryState, useCatalogText, useText } from '@bc/schema';
import { useId, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { AppointmentTime } from '../../components/AppointmentTime';
import { DocumentStatusList } from '../../components/DocumentStatusList';
import { OfficeQuestions } from '../../components/OfficeContact';
import { PageTitle } from '../../components/PageTitle';
import { manageUrl } from '../../lib/appointment';
import { catalogLang } from '../../lib/catalog';
import { copyText, downloadText } from '../../lib/download';
import { AppointmentNotFound } from './AppointmentNotFound';
import { LaterUpload } from './LaterUpload';
import { isChangeable, type ManagedAppointment, managePath, useManagedAppointment } from './use-managed-appointment';

type ArrivalState = { justBooked?: boolean; changed?: 'rescheduled' | 'cancelled' } | null;

/**
 * /booking/verwaltung#<token> — the confirmation and the place to manage the appointment: when and where first,
 * then the reference, documents, the QR code for the kiosk, the calendar file, the link itself; move or cancel it.
 */
export function ManagePage() {
  const { t } = useText();
  const { token, appointment, notFound, loading, error, refetch } = useManagedAppointment();
  const arrival = useLocation().state as ArrivalState;
  const cancelled = appointment?.status === 'CANCELLED';
  const title = !appointment
    ? undefined
    : cancelled
      ? t('manage.titleCancelled')
      : arrival?.justBooked
        ? t('manage.titleBooked')
        : t('manage.title');

  if (notFound) return <AppointmentNotFound />;
  if (!appointment) return <QueryState loading={loading} error={error} onRetry={() => void refetch()} />;
  const a = appointment;
  const changeable = isChangeable(a);

  return (
    <div className="bc-stack-lg bc-manage">
      <PageTitle title={title} />
      {arrival?.changed && !arrival.justBooked && (
        <div className="kern-alert kern-alert--success bc-no-print" role="status">
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--success" aria-hidden="true" />
            <p className="kern-title">{t(`manage.changed.${arrival.changed}`)}</p>
          </div>
        </div>
      )}
      <div className="bc-stack-sm">
        <PageHeading>{title}</PageHeading>
        <p>
          <span className={`kern-badge ${cancelled ? 'kern-badge--danger' : 'kern-badge--success'}`}>
            <span className="kern-label">
              {t('manage.status')}: {t(cancelled ? 'manage.statusCancelled' : 'manage.statusBooked')}
            </span>
          </span>
        </p>
        {arrival?.justBooked && !cancelled && (
          <p className="kern-body kern-body--large bc-lead bc-no-print">{t('manage.bookedIntro')}</p>
        )}
        {arrival?.justBooked && !cancelled && (
          <p className="kern-body bc-no-print">{t('manage.sentTo', { email: a.email })}</p>
        )}
      </div>

      {/* When and where first: on a phone that is what a visitor looks for; reference and QR code follow. */}
      <Facts appointment={a} />
      <section className="kern-card kern-card--surface kern-card--hug bc-reference" aria-labelledby="reference-title">
        <div className="kern-card__container bc-stack-sm">
          <h2 id="reference-title" className="kern-title">
            {t('manage.reference')}
          </h2>
          <p className="bc-reference__code">{a.reference}</p>
          <p className="kern-body kern-body--small">{t('manage.referenceHint')}</p>
        </div>
      </section>

      {/* The QR code comes first on a phone (it is what the kiosk needs); wide screens and paper show it beside. */}
      <div className="bc-manage__grid">
        {!cancelled && <CheckIn appointment={a} />}
        <div className="bc-stack-lg bc-manage__details">
          <section className="bc-stack" aria-labelledby="documents-title">
            <h2 id="documents-title" className="kern-heading-small">
              {t('manage.documentsTitle')}
            </h2>
            <DocumentStatusList
              documents={a.documents}
              extra={
                changeable
                  ? (d) =>
                      d.uploadable ? (
                        <LaterUpload
                          token={token}
                          document={d}
                          filesOfOthers={a.documents
                            .filter((o) => o.documentId !== d.documentId)
                            .reduce((n, o) => n + o.uploads.length, 0)}
                        />
                      ) : null
                  : undefined
              }
            />
          </section>
        </div>
      </div>

      <ManageLink token={token} />

      {changeable && (
        <section className="bc-stack bc-no-print" aria-labelledby="change-title">
          <h2 id="change-title" className="kern-heading-small">
            {t('manage.changeTitle')}
          </h2>
          <p className="kern-body">{t('manage.changeText')}</p>
          <div className="bc-actions">
            <Link to={managePath(token, 'verschieben')} className="kern-btn kern-btn--secondary">
              <span className="kern-icon kern-icon--calendar-today" aria-hidden="true" />
              <span className="kern-label">{t('manage.reschedule')}</span>
            </Link>
            <Link to={managePath(token, 'absagen')} className="kern-btn kern-btn--secondary">
              <span className="kern-icon kern-icon--close" aria-hidden="true" />
              <span className="kern-label">{t('manage.cancel')}</span>
            </Link>
          </div>
        </section>
      )}
      {cancelled && (
        <p className="bc-no-print">
          <Link to={`/${a.office.slug}/termin`} className="kern-link">
            {t('manage.bookAgain')}
          </Link>
        </p>
      )}
      <OfficeQuestions office={a.office} />
    </div>
  );
}

/** When, where, what, for whom. */
export function Facts(props: { appointment: ManagedAppointment; compact?: boolean }) {
  const { t } = useText();
  const textOf = useCatalogText();
  const a = props.appointment;
  const headingId = useId();
  return (
    <section className="bc-stack" aria-labelledby={headingId}>
      <h2 id={headingId} className="kern-heading-small">
        {t('manage.factsTitle')}
      </h2>
      <dl className="kern-description-list">
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t('review.date')}</dt>
          <dd className="kern-description-list-item__value">
            <AppointmentTime start={a.startsAt} end={a.endsAt} timeZone={a.office.timeZone} />
          </dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t('review.place')}</dt>
          <dd className="kern-description-list-item__value" lang={catalogLang}>
            {a.office.name}
            <br />
            {a.office.address.street}, {a.office.address.postalCode} {a.office.address.city}
          </dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t('review.servicesTitle')}</dt>
          <dd className="kern-description-list-item__value">
            <ul className="bc-plain-list">
              {a.services.map((s) => (
                <li key={s.serviceId}>
                  <span lang={textOf(s).lang}>{textOf(s).name}</span>
                  {s.count > 1 && <> ({t('review.countOf', { count: s.count })})</>}
                </li>
              ))}
            </ul>
          </dd>
        </div>
        {!props.compact && (
          <div className="kern-description-list-item">
            <dt className="kern-description-list-item__key">{t('manage.for')}</dt>
            <dd className="kern-description-list-item__value">
              {a.citizenName}
              <br />
              {a.email}
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}

/** The QR code for the kiosk (an <img> from the SVG text: never injected as markup), and the calendar file. */
function CheckIn(props: { appointment: ManagedAppointment }) {
  const { t } = useText();
  const a = props.appointment;
  const src = `data:image/svg+xml;utf8,${encodeURIComponent(a.checkInQrSvg)}`;
  return (
    <section className="bc-stack bc-checkin" aria-labelledby="checkin-title">
      <h2 id="checkin-title" className="kern-heading-small">
        {t('manage.checkInTitle')}
      </h2>
      <img className="bc-qr" src={src} alt={t('manage.qrAlt', { reference: a.reference })} width={220} height={220} />
      <p className="kern-body">{t('manage.checkInText')}</p>
      <div className="bc-actions bc-no-print">
        <button
          type="button"
          className="kern-btn kern-btn--secondary"
          onClick={() => downloadText(`termin-${a.reference}.ics`, a.calendar, 'text/calendar;charset=utf-8')}
        >
          <span className="kern-icon kern-icon--download" aria-hidden="true" />
          <span className="kern-label">{t('manage.ics')}</span>
        </button>
        <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => window.print()}>
          <span className="kern-label">{t('manage.print')}</span>
        </button>
      </div>
    </section>
  );
}

/** The manage link with a copy button; the status of copying is announced. */
function ManageLink(props: { token: string }) {
  const { t } = useText();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const url = manageUrl(props.token);
  return (
    <section className="bc-stack bc-no-print" aria-labelledby="link-title">
      <h2 id="link-title" className="kern-heading-small">
        {t('manage.linkTitle')}
      </h2>
      <p className="kern-body">{t('manage.linkText')}</p>
      <div className="kern-form-input">
        <label className="kern-label" htmlFor="manage-link">
          {t('manage.linkLabel')}
        </label>
        <input
          ref={input}
          id="manage-link"
          className="kern-form-input__input bc-link-input"
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
        />
      </div>
      <div className="bc-actions">
        <button
          type="button"
          className="kern-btn kern-btn--secondary"
          onClick={() => void copyText(url, input.current).then((ok) => setCopied(ok ? 'yes' : 'no'))}
        >
          <span className="kern-icon kern-icon--content-copy" aria-hidden="true" />
          <span className="kern-label">{t('manage.copy')}</span>
        </button>
      </div>
      <p className="kern-body kern-body--small" role="status">
        {copied === 'yes' ? t('manage.copied') : copied === 'no' ? t('manage.copyFailed') : ''}
      </p>
    </section>
  );
}
