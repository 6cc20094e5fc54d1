import { useCatalogText, useText } from '@bc/schema';
import type { ReactNode } from 'react';
import { catalogLang } from '../lib/catalog';
import { type DocumentInfo, sortDocuments } from './DocumentList';

export type CheckState = 'TO_CHECK' | 'ACCEPTED' | 'REPLACE';
export type DocumentWithUploads = DocumentInfo & {
  uploads: readonly { fileName: string; checkState?: CheckState; checkMessage?: string | null }[];
};

/**
 * What the office's pre-check says about a document's files: REPLACE when one is to be replaced (with the office's
 * messages), ACCEPTED when all are, TO_CHECK while one is not checked yet; null without files or check data.
 */
export function documentCheck(d: DocumentWithUploads): { state: CheckState; messages: string[] } | null {
  const checked = d.uploads.filter((u) => u.checkState);
  if (checked.length === 0) return null;
  const replace = checked.filter((u) => u.checkState === 'REPLACE');
  if (replace.length > 0)
    return { state: 'REPLACE', messages: replace.map((u) => u.checkMessage ?? '').filter(Boolean) };
  if (checked.every((u) => u.checkState === 'ACCEPTED')) return { state: 'ACCEPTED', messages: [] };
  return { state: 'TO_CHECK', messages: [] };
}

const badge: Record<CheckState, string> = {
  TO_CHECK: 'kern-badge--info',
  ACCEPTED: 'kern-badge--success',
  REPLACE: 'kern-badge--warning',
};

/**
 * The documents of an appointment: a tick and the file names for the uploaded ones, "please bring" for the rest;
 * with the office's check of the files when there is one. `extra` adds to a document's entry (the manage page's
 * upload field).
 */
export function DocumentStatusList(props: {
  documents: readonly DocumentWithUploads[];
  labelledBy?: string;
  extra?: (d: DocumentWithUploads) => ReactNode;
}) {
  const { t } = useText();
  const textOf = useCatalogText();
  if (props.documents.length === 0) return <p className="kern-body">{t('service.noDocuments')}</p>;
  return (
    <ul className="bc-documents" aria-labelledby={props.labelledBy}>
      {sortDocuments(props.documents).map((d) => {
        const check = d.uploads.length > 0 ? documentCheck(d) : null;
        return (
          <li key={d.documentId} className="bc-document" data-document={d.documentId}>
            <p className="bc-document__head">
              <span className="kern-body kern-body--bold" lang={textOf(d).lang}>
                {textOf(d).name}
              </span>{' '}
              <span
                className={`kern-badge kern-badge--small ${d.mandatory ? 'kern-badge--info' : 'bc-badge--neutral'}`}
              >
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
            {check && (
              <div className="bc-check" data-check={check.state}>
                <p className="bc-check__line">
                  <span className={`kern-badge ${badge[check.state]}`}>
                    <span className="kern-label">{t(`documents.check.${check.state}`)}</span>
                  </span>
                </p>
                {check.state === 'REPLACE' && (
                  <>
                    <p className="kern-body bc-check__line">{t('documents.check.replaceText')}</p>
                    {check.messages.map((m) => (
                      <p key={m} className="kern-body bc-check__line bc-check__message">
                        {t('documents.check.officeSays')} <q lang={catalogLang}>{m}</q>
                      </p>
                    ))}
                  </>
                )}
              </div>
            )}
            {props.extra?.(d)}
          </li>
        );
      })}
    </ul>
  );
}
