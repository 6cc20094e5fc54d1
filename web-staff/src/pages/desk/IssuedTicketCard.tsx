import { useTranslation } from 'react-i18next';
import { ServiceLines } from '../../components/TicketBits';
import type { IssuedTicketFieldsFragment } from '../../gql/graphql';
import { formatTime } from '../../lib/datetime';

/**
 * The ticket just issued or checked in, as the visitor takes it along: the number, the QR code of the tracking link
 * (an <img> from the SVG text, never injected as markup), the link, the people ahead and the expected call. The focus
 * stays in the desk's scan field (the next visitor's code); the status region announces the number. Printing prints
 * this card only.
 */
export function IssuedTicketCard(props: {
  issued: IssuedTicketFieldsFragment;
  kind: 'walkIn' | 'checkIn';
  officeName: string;
  timeZone: string;
  onDismiss: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { issued } = props;
  const ticket = issued.ticket;
  const estimate = ticket.estimate;
  const time = (iso: string) => formatTime(iso, props.timeZone, i18n.language);

  return (
    <section className="kern-card bc-issued" aria-labelledby="issued-heading">
      <div className="kern-card__container bc-stack">
        <h2 id="issued-heading" className="kern-heading-medium bc-issued__heading">
          {t(props.kind === 'checkIn' ? 'issued.checkedIn' : 'issued.title')}{' '}
          <span className="bc-issued__number">{ticket.number}</span>
        </h2>
        <p className="kern-body bc-print-only">
          {t('issued.printOffice', { office: props.officeName, time: time(ticket.issuedAt) })}
        </p>
        {issued.alreadyIssued && <p className="kern-body bc-no-print">{t('issued.alreadyIssued')}</p>}
        <div className="bc-issued__body">
          <img
            className="bc-issued__qr"
            src={`data:image/svg+xml;utf8,${encodeURIComponent(issued.trackingQrSvg)}`}
            alt={t('issued.qrAlt', { number: ticket.number })}
            width={180}
            height={180}
          />
          <dl className="kern-description-list">
            <div className="kern-description-list-item">
              <dt className="kern-description-list-item__key">{t('issued.services')}</dt>
              <dd className="kern-description-list-item__value">
                <ServiceLines services={ticket.services} />
              </dd>
            </div>
            <div className="kern-description-list-item">
              <dt className="kern-description-list-item__key">{t('issued.ahead')}</dt>
              <dd className="kern-description-list-item__value">
                {estimate ? t('issued.aheadCount', { count: estimate.peopleAhead }) : t('issued.noEstimate')}
              </dd>
            </div>
            {estimate && (
              <div className="kern-description-list-item">
                <dt className="kern-description-list-item__key">{t('issued.expected')}</dt>
                <dd className="kern-description-list-item__value">
                  {t('issued.expectedAt', {
                    time: time(estimate.expectedCallAt),
                    from: time(estimate.earliestCallAt),
                    to: time(estimate.latestCallAt),
                  })}
                </dd>
              </div>
            )}
            {ticket.priority && (
              <div className="kern-description-list-item">
                <dt className="kern-description-list-item__key">{t('issued.priority')}</dt>
                <dd className="kern-description-list-item__value">{t('issued.priorityYes')}</dd>
              </div>
            )}
            <div className="kern-description-list-item">
              <dt className="kern-description-list-item__key">{t('issued.link')}</dt>
              <dd className="kern-description-list-item__value bc-issued__link">
                <a className="kern-link" href={issued.trackingLink} target="_blank" rel="noopener noreferrer">
                  {issued.trackingLink}
                  <span className="kern-sr-only"> {t('issued.newWindow')}</span>
                </a>
              </dd>
            </div>
          </dl>
        </div>
        <p className="kern-body bc-print-only">{t('issued.printHint')}</p>
        <div className="bc-actions bc-no-print">
          <button type="button" className="kern-btn kern-btn--primary" onClick={() => window.print()}>
            <span className="kern-label">{t('issued.print')}</span>
          </button>
          <button type="button" className="kern-btn kern-btn--secondary" onClick={props.onDismiss}>
            <span className="kern-label">{t('issued.dismiss')}</span>
          </button>
        </div>
      </div>
    </section>
  );
}
