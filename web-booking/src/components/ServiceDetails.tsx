import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { catalogLang } from '../lib/catalog';

export type ServiceInfo = {
  name: string;
  description: string;
  durationMinutes: number;
  bookableOnline: boolean;
  walkInAllowed: boolean;
  maxPerBooking: number;
  requiredDocuments: readonly DocumentInfo[];
};

type DocumentInfo = { documentId: string; name: string; description: string; mandatory: boolean; uploadable: boolean };

/**
 * One service as a disclosure: name and duration in the summary, what to bring inside. Whether a document is
 * required is said in words (a badge's text), never by colour alone; uploads only matter when booking online.
 */
export function ServiceDetails(props: { service: ServiceInfo }) {
  const { t } = useTranslation();
  const documentsId = useId();
  const s = props.service;
  const documents = [...s.requiredDocuments].sort((a, b) => Number(b.mandatory) - Number(a.mandatory));
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
        {documents.length === 0 ? (
          <p className="kern-body">{t('service.noDocuments')}</p>
        ) : (
          <ul className="bc-documents" aria-labelledby={documentsId}>
            {documents.map((d) => (
              <li key={d.documentId} className="bc-document">
                <p className="bc-document__head">
                  <span className="kern-body kern-body--bold" lang={catalogLang}>
                    {d.name}
                  </span>{' '}
                  <span
                    className={`kern-badge kern-badge--small ${d.mandatory ? 'kern-badge--info' : 'bc-badge--neutral'}`}
                  >
                    <span className="kern-label">{t(d.mandatory ? 'service.mandatory' : 'service.optional')}</span>
                  </span>
                </p>
                {d.description && (
                  <p className="kern-body kern-body--small" lang={catalogLang}>
                    {d.description}
                  </p>
                )}
                {s.bookableOnline && d.uploadable && (
                  <p className="kern-body kern-body--small bc-upload">
                    <span className="kern-icon kern-icon--small kern-icon--drive-folder-upload" aria-hidden="true" />
                    {t('service.uploadable')}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}
