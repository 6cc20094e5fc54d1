import { useText } from '@bc/schema';
import { useCatalogText } from '../lib/catalog';
import { type DocumentInfo, sortDocuments } from './DocumentList';

export type DocumentWithUploads = DocumentInfo & { uploads: readonly { fileName: string }[] };

/** The documents of an appointment: a tick and the file names for the uploaded ones, "please bring" for the rest. */
export function DocumentStatusList(props: { documents: readonly DocumentWithUploads[]; labelledBy?: string }) {
  const { t } = useText();
  const textOf = useCatalogText();
  if (props.documents.length === 0) return <p className="kern-body">{t('service.noDocuments')}</p>;
  return (
    <ul className="bc-documents" aria-labelledby={props.labelledBy}>
      {sortDocuments(props.documents).map((d) => (
        <li key={d.documentId} className="bc-document">
          <p className="bc-document__head">
            <span className="kern-body kern-body--bold" lang={textOf(d).lang}>
              {textOf(d).name}
            </span>{' '}
            <span className={`kern-badge kern-badge--small ${d.mandatory ? 'kern-badge--info' : 'bc-badge--neutral'}`}>
              <span className="kern-label">{t(d.mandatory ? 'service.mandatory' : 'service.optional')}</span>
            </span>
          </p>
          {d.uploads.length > 0 ? (
            <p className="kern-body bc-upload bc-upload--done">
              <span className="kern-icon kern-icon--success" aria-hidden="true" />
              <span>
                {t('documents.uploaded')}:{' '}
                <span className="bc-file-name">{d.uploads.map((u) => u.fileName).join(', ')}</span>
              </span>
            </p>
          ) : (
            <p className="kern-body kern-body--small">{t('documents.bring')}</p>
          )}
        </li>
      ))}
    </ul>
  );
}
