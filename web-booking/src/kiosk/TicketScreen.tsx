import { Fragment, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskIssuedTicketFragment } from '../gql/graphql';
import { formatTime } from '../lib/datetime';
import { autoPrintEnabled } from './kiosk-device';
import { callRange } from './kiosk-format';
import { type KioskOffice, useKioskServiceText } from './kiosk-office';
import { useKioskTitle } from './use-kiosk-title';

/** The QR code as an image source; the markup is the api's own SVG. */
function svgSource(svg: string): string {
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}

/**
 * The ticket: the number very large, the QR code that opens live tracking on the phone, people ahead and the
 * estimated call as a range; a print button (printing by itself only where the kiosk is set up so). The printed
 * receipt is its own block, shown only on paper (see kiosk.css): office, number, QR code, times, people ahead.
 */
export function TicketScreen(props: {
  office: KioskOffice;
  issued: KioskIssuedTicketFragment;
  via: 'walkIn' | 'checkIn';
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const serviceText = useKioskServiceText();
  const { office, issued } = props;
  const { ticket } = issued;
  useKioskTitle(t('kiosk.ticket.pageTitle', { number: ticket.number }));
  const language = i18n.language;
  const time = (instant: string) => formatTime(instant, office.timeZone, language);
  const estimate = ticket.status === 'WAITING' ? ticket.estimate : null;
  const range = estimate
    ? callRange(estimate.earliestCallAt, estimate.latestCallAt, Date.now(), office.timeZone, language)
    : null;
  const rangeText = range
    ? t(range.to ? 'kiosk.ticket.range' : 'kiosk.ticket.rangeOne', { from: range.from, to: range.to })
    : null;
  const called = (ticket.status === 'CALLED' || ticket.status === 'SERVING') && ticket.counterLabel;
  const qrAlt = t('kiosk.ticket.qrAlt', { number: ticket.number });

  const printed = useRef(false);
  useEffect(() => {
    if (printed.current || !autoPrintEnabled()) return;
    // After the QR image has been painted; once, also where effects run twice (StrictMode in development).
    const timer = setTimeout(() => {
      printed.current = true;
      window.print();
    }, 300);
    return () => clearTimeout(timer);
  }, []);

  return (
    <div className="kiosk-screen kiosk-ticket">
      <div className="kiosk-ticket__screen">
        <div className="kiosk-ticket__main">
          <h1 tabIndex={-1} className="kiosk-ticket__heading">
            <span className="kiosk-ticket__label">{t('kiosk.ticket.title')}</span>{' '}
            <span className="kiosk-ticket__number" data-testid="kiosk-ticket-number">
              {ticket.number}
            </span>
          </h1>
          <div className="kiosk-ticket__facts" role="status">
            {props.via === 'checkIn' && (
              <p className="kiosk-ticket__checked-in">
                {t(issued.alreadyIssued ? 'kiosk.ticket.checkedInBefore' : 'kiosk.ticket.checkedIn')}
              </p>
            )}
            {called ? (
              <p className="kiosk-ticket__fact">{t('kiosk.ticket.called', { counter: ticket.counterLabel })}</p>
            ) : estimate ? (
              <dl className="kiosk-ticket__list">
                <div>
                  <dt>{t('kiosk.ticket.ahead')}</dt>
                  <dd data-testid="kiosk-people-ahead">{estimate.peopleAhead}</dd>
                </div>
                <div>
                  <dt>{t('kiosk.ticket.expected')}</dt>
                  <dd>{rangeText}</dd>
                </div>
              </dl>
            ) : (
              <p className="kiosk-ticket__fact">
                {t(ticket.status === 'WAITING' ? 'kiosk.ticket.noEstimate' : 'kiosk.ticket.askDesk')}
              </p>
            )}
          </div>
          {ticket.services.length > 0 && (
            <p className="kiosk-ticket__services">
              <span className="kiosk-ticket__services-label">{t('kiosk.ticket.services')}</span>{' '}
              {ticket.services.map((s, i) => {
                const text = serviceText(s);
                return (
                  <Fragment key={s.serviceId}>
                    {i > 0 && ', '}
                    <span lang={text.lang}>{s.count > 1 ? `${text.name} (${s.count})` : text.name}</span>
                  </Fragment>
                );
              })}
            </p>
          )}
        </div>
        <figure className="kiosk-ticket__qr">
          <img src={svgSource(issued.trackingQrSvg)} alt={qrAlt} className="kiosk-ticket__qr-image" />
          <figcaption>{t('kiosk.ticket.qrHint')}</figcaption>
        </figure>
        <p className="kiosk-actions kiosk-ticket__actions">
          <button type="button" className="kern-btn kern-btn--secondary kiosk-action" onClick={() => window.print()}>
            <span className="kern-label">{t('kiosk.ticket.print')}</span>
          </button>
          <button type="button" className="kern-btn kern-btn--primary kiosk-action" onClick={props.onDone}>
            <span className="kern-label">{t('kiosk.ticket.done')}</span>
          </button>
        </p>
      </div>

      <div className="kiosk-receipt" aria-hidden="true">
        <p className="kiosk-receipt__office">{ticket.officeName}</p>
        <p className="kiosk-receipt__label">{t('kiosk.ticket.title')}</p>
        <p className="kiosk-receipt__number">{ticket.number}</p>
        <img src={svgSource(issued.trackingQrSvg)} alt="" className="kiosk-receipt__qr" />
        <p className="kiosk-receipt__hint">{t('kiosk.receipt.qrHint')}</p>
        <p>
          {t('kiosk.receipt.issued', {
            time: time(ticket.issuedAt),
          })}
        </p>
        {estimate && (
          <>
            <p>
              {t('kiosk.ticket.ahead')} {estimate.peopleAhead}
            </p>
            <p>
              {t('kiosk.ticket.expected')} {rangeText}
            </p>
          </>
        )}
      </div>
    </div>
  );
}
