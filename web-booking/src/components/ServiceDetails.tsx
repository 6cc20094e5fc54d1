import { useText } from '@bc/schema';
import { useId } from 'react';
import { catalogLang } from '../lib/catalog';
import { type DocumentInfo, DocumentList } from './DocumentList';

export type ServiceInfo = {
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
  return (
    <details className="kern-accordion bc-service">
      <summary className="kern-accordion__header">
        <span className="bc-service__summary">
          <span className="kern-title" lang={catalogLang}>
            {s.name}
          </span>
          <span className="kern-body kern-body--small kern-body--muted">
            {t('service.duration', { count: s.durationMinutes })}
          </span>
        </span>
      </summary>
      <div className="kern-accordion__body bc-stack">
        {s.description && (
          <p className="kern-body" lang={catalogLang}>
            {s.description}
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
