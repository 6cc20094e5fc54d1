import { useMutation, useQuery } from '@apollo/client/react';
import { describedBy, FieldError, QueryState, usePageTitle } from '@bc/schema';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckBadge } from '../../components/CheckBadge';
import { OfficeLine, OfficeScope } from '../../components/OfficeScope';
import { StatusRegion, useNotice } from '../../components/StatusRegion';
import { catalogLang } from '../../components/TicketBits';
import { graphql } from '../../gql';
import type { DocumentChecksQuery } from '../../gql/graphql';
import { formatDayTime } from '../../lib/datetime';
import { DOCUMENT_CHECK_BASE } from '../../lib/paths';
import { fileKind, fileSize, uploadUrl } from '../../lib/uploads';
import type { StaffOffice } from '../../session/offices';

export const DocumentCheckFields = graphql(`
  fragment DocumentCheckFields on Appointment {
    id
    reference
    startsAt
    citizenName
    documents {
      documentId
      name
      mandatory
      uploads {
        id
        fileName
        mediaType
        sizeBytes
        checkState
        checkMessage
        checkedAt
      }
    }
  }
`);

export const DocumentChecksQueryDoc = graphql(`
  query DocumentChecks($officeId: ID!) {
    documentChecks(officeId: $officeId) {
      __typename
      ... on DocumentCheckList {
        appointments {
          ...DocumentCheckFields
        }
      }
    }
  }
`);

const CheckUploadMutation = graphql(`
  mutation CheckUpload($uploadId: ID!, $state: DocumentCheckState!, $message: String) {
    checkUpload(uploadId: $uploadId, state: $state, message: $message) {
      __typename
      ... on Appointment {
        ...DocumentCheckFields
      }
      ... on InvalidInput {
        fields {
          field
          code
        }
      }
    }
  }
`);

type Appointment = Extract<
  NonNullable<DocumentChecksQuery['documentChecks']>,
  { __typename: 'DocumentCheckList' }
>['appointments'][number];
type Upload = Appointment['documents'][number]['uploads'][number];

/** The office-local calendar day of an instant, as YYYY-MM-DD. */
function localDay(instant: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(instant),
  );
}

/** /unterlagen/:office — Unterlagen prüfen: today's and tomorrow's uploads, each accepted or to be replaced. */
export function DocumentCheckPage() {
  return (
    <OfficeScope base={DOCUMENT_CHECK_BASE}>
      {(office) => <DocumentCheck key={office.id} office={office} />}
    </OfficeScope>
  );
}

function DocumentCheck(props: { office: StaffOffice }) {
  const { t, i18n } = useTranslation();
  const { office } = props;
  usePageTitle(`${t('docs.title')} – ${office.name}`);
  const { notice, show } = useNotice();
  const { data, loading, error, refetch } = useQuery(DocumentChecksQueryDoc, {
    variables: { officeId: office.id },
    fetchPolicy: 'cache-and-network',
  });
  const result = data?.documentChecks;
  const today = localDay(new Date(), office.timeZone);
  const appointments = result?.__typename === 'DocumentCheckList' ? result.appointments : [];
  const days = [
    { key: 'today', list: appointments.filter((a) => localDay(a.startsAt, office.timeZone) === today) },
    { key: 'tomorrow', list: appointments.filter((a) => localDay(a.startsAt, office.timeZone) !== today) },
  ];

  return (
    <div className="bc-stack-lg bc-doc-check">
      <div className="bc-stack-sm">
        <h1 className="kern-heading-large">{t('docs.title')}</h1>
        <OfficeLine base={DOCUMENT_CHECK_BASE} office={office} />
        <p className="kern-body">{t('docs.intro')}</p>
      </div>
      <StatusRegion notice={notice} />
      <QueryState loading={loading && !data} error={error} onRetry={() => void refetch()} />
      {result?.__typename === 'OfficeNotAllowed' && (
        <p className="kern-body" role="alert">
          {t('docs.notAllowed')}
        </p>
      )}
      {result?.__typename === 'DocumentCheckList' &&
        days.map((day) => (
          <section key={day.key} className="bc-stack" aria-labelledby={`docs-${day.key}`}>
            <h2 id={`docs-${day.key}`} className="kern-heading-medium">
              {t(`docs.${day.key}`)}
            </h2>
            {day.list.length === 0 ? (
              <p className="kern-body">{t('docs.none')}</p>
            ) : (
              <ul className="bc-plain-list bc-stack">
                {day.list.map((a) => (
                  <li key={a.id} className="kern-card bc-doc-check__appointment">
                    <div className="kern-card__container bc-stack-sm">
                      <h3 className="kern-title">
                        {formatDayTime(a.startsAt, office.timeZone, i18n.language)} · {a.reference} · {a.citizenName}
                      </h3>
                      {a.documents
                        .filter((d) => d.uploads.length > 0)
                        .map((d) => (
                          <div key={d.documentId} className="bc-stack-sm">
                            <h4 className="kern-body kern-body--bold" lang={catalogLang}>
                              {d.name}
                            </h4>
                            <ul className="bc-plain-list bc-stack-sm">
                              {d.uploads.map((u) => (
                                <UploadCheck
                                  key={u.id}
                                  upload={u}
                                  documentName={d.name}
                                  onDone={(text, tone) => show({ text, tone })}
                                />
                              ))}
                            </ul>
                          </div>
                        ))}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
    </div>
  );
}

/** One file: open it, see its state, accept it or ask for a replacement with a short message. */
function UploadCheck(props: {
  upload: Upload;
  documentName: string;
  onDone: (text: string, tone: 'success' | 'danger') => void;
}) {
  const { t, i18n } = useTranslation();
  const u = props.upload;
  const [check, { loading }] = useMutation(CheckUploadMutation);
  const [asking, setAsking] = useState(false);
  const [message, setMessage] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const replaceButton = useRef<HTMLButtonElement>(null);
  const id = `check-${u.id}`;

  useEffect(() => {
    if (asking) field.current?.focus();
  }, [asking]);

  const send = async (state: 'ACCEPTED' | 'REPLACE') => {
    setProblem(null);
    try {
      const { data } = await check({
        variables: { uploadId: u.id, state, message: state === 'REPLACE' ? message : null },
      });
      const r = data?.checkUpload;
      if (r?.__typename === 'Appointment') {
        if (asking) setTimeout(() => replaceButton.current?.focus());
        setAsking(false);
        setMessage('');
        props.onDone(
          t(state === 'ACCEPTED' ? 'docs.acceptedNotice' : 'docs.replaceNotice', { file: u.fileName }),
          'success',
        );
        return;
      }
      if (r?.__typename === 'InvalidInput' && r.fields.some((f) => f.field === 'message')) {
        const code = r.fields.find((f) => f.field === 'message')?.code;
        setProblem(t(code === 'TOO_LONG' ? 'docs.messageTooLong' : 'docs.messageRequired'));
        field.current?.focus();
        return;
      }
      props.onDone(t('docs.failed', { file: u.fileName }), 'danger');
    } catch {
      props.onDone(t('docs.failed', { file: u.fileName }), 'danger');
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!message.trim()) {
      setProblem(t('docs.messageRequired'));
      field.current?.focus();
      return;
    }
    void send('REPLACE');
  };

  return (
    <li className="bc-doc-check__file bc-stack-sm" data-upload={u.id}>
      <p className="kern-body">
        <a className="kern-link" href={uploadUrl(u.id)} target="_blank" rel="noopener">
          {t('current.uploadLink', {
            name: u.fileName,
            kind: fileKind(u.mediaType),
            size: fileSize(u.sizeBytes, i18n.language),
          })}
        </a>{' '}
        <CheckBadge state={u.checkState} message={u.checkMessage} />
      </p>
      {!asking && (
        <div className="bc-actions">
          <button
            type="button"
            className="kern-btn kern-btn--secondary"
            disabled={loading}
            onClick={() => void send('ACCEPTED')}
          >
            <span className="kern-icon kern-icon--check" aria-hidden="true" />
            <span className="kern-label">
              {t('docs.accept')}
              <span className="kern-sr-only">: {u.fileName}</span>
            </span>
          </button>
          <button
            ref={replaceButton}
            type="button"
            className="kern-btn kern-btn--tertiary"
            disabled={loading}
            onClick={() => setAsking(true)}
          >
            <span className="kern-label">
              {t('docs.askReplace')}
              <span className="kern-sr-only">: {u.fileName}</span>
            </span>
          </button>
        </div>
      )}
      {asking && (
        <form className="bc-stack-sm" onSubmit={submit} noValidate>
          <div className={`kern-form-input${problem ? ' kern-form-input--error' : ''}`}>
            <label className="kern-label" htmlFor={`${id}-message`}>
              {t('docs.messageLabel', { file: u.fileName })}
            </label>
            <p className="kern-hint" id={`${id}-hint`}>
              {t('docs.messageHint')}
            </p>
            <textarea
              ref={field}
              id={`${id}-message`}
              className={`kern-form-input__input${problem ? ' kern-form-input__input--error' : ''}`}
              rows={2}
              maxLength={300}
              value={message}
              onChange={(e) => setMessage(e.target.value)}
              aria-invalid={problem ? true : undefined}
              aria-describedby={describedBy(`${id}-hint`, problem && `${id}-error`)}
            />
            {problem && <FieldError id={`${id}-error`} text={problem} />}
          </div>
          <div className="bc-actions">
            <button type="submit" className="kern-btn kern-btn--primary" disabled={loading}>
              <span className="kern-label">{t('docs.sendReplace')}</span>
            </button>
            <button
              type="button"
              className="kern-btn kern-btn--tertiary"
              onClick={() => {
                setAsking(false);
                setProblem(null);
                // The form goes; the focus returns to where it was opened.
                setTimeout(() => replaceButton.current?.focus());
              }}
            >
              <span className="kern-label">{t('docs.cancel')}</span>
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
