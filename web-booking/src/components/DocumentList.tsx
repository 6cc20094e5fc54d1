import { type CatalogItem, useCatalogText, useText } from '@bc/schema';

export type DocumentInfo = CatalogItem & {
  documentId: string;
  name: string;
  description: string;
  mandatory: boolean;
  uploadable: boolean;
};

/** Mandatory documents first, otherwise in the catalogue's order. */
export function sortDocuments<T extends { mandatory: boolean }>(documents: readonly T[]): T[] {
  return [...documents].sort((a, b) => Number(b.mandatory) - Number(a.mandatory));
}

/** The documents of several services, each once; required when any of the services requires it. */
export function mergeDocuments(lists: readonly (readonly DocumentInfo[])[]): DocumentInfo[] {
  const byId = new Map<string, DocumentInfo>();
  for (const d of lists.flat()) {
    const seen = byId.get(d.documentId);
    byId.set(d.documentId, seen ? { ...seen, mandatory: seen.mandatory || d.mandatory } : d);
  }
  return sortDocuments([...byId.values()]);
}

/**
 * What to bring: whether a document is required is said in words (a badge's text), never by colour alone.
 * `uploadHint` adds "can be uploaded when booking" where that applies.
 */
export function DocumentList(props: { documents: readonly DocumentInfo[]; uploadHint: boolean; labelledBy?: string }) {
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
          {textOf(d).description && (
            <p className="kern-body kern-body--small" lang={textOf(d).lang}>
              {textOf(d).description}
            </p>
          )}
          {props.uploadHint && d.uploadable && (
            <p className="kern-body kern-body--small bc-upload">
              <span className="kern-icon kern-icon--small kern-icon--drive-folder-upload" aria-hidden="true" />
              {t('service.uploadable')}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
