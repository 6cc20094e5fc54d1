import { type CatalogItem, useCatalogText, useText } from '@bc/schema';
import { useId } from 'react';
import { type DocumentInfo, DocumentList } from './DocumentList';

export type ServiceInfo = CatalogItem & {
  name: string;
  description: string;
  durationMinutes: number;
  bookableOnline: boolean;
  walkInAllowed: boolean;
  maxPerBooking: number;
  requiredDocuments: readonly DocumentInfo[];
};

/**
 * One service as a disclosure: name and duration in the summary, what to bring inside. Uploads only matter when
 * booking online.
 */
export function ServiceDetails(props: { service: ServiceInfo }) {
  const { t } = useText();
  const documentsId = useId();
  const s = props.service;
  const text = useCatalogText()(s);
  return (
    <details className="kern-accordion bc-service">
      <summary className="kern-accordion__header">
        <span className="bc-service__summary">
          <span className="kern-title" lang={text.lang}>
            {text.name}
          </span>
          <span className="kern-body kern-body--small kern-body--muted">
            {t('service.duration', { count: s.durationMinutes })}
          </span>
        </span>
      </summary>
      <div className="kern-accordion__body bc-stack">
        {text.description && (
          <p className="kern-body" lang={text.lang}>
            {text.description}
          </p>
        )}
        {s.bookableOnline && !s.walkInAllowed && <p className="kern-body">{t('service.appointmentOnly')}</p>}
        {s.bookableOnline && s.maxPerBooking > 1 && (
          <p className="kern-body">{t('service.maxPerBooking', { count: s.maxPerBooking })}</p>
        )}
        <p id={documentsId} className="kern-body kern-body--bold">
          {t('service.documents')}
        </p>
        <DocumentList documents={s.requiredDocuments} uploadHint={s.bookableOnline} labelledBy={documentsId} />
      </div>
    </details>
  );
}
