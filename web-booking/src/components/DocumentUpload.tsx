import { describedBy, FieldError, useCatalogText, useText } from '@bc/schema';
import { type ChangeEvent, useEffect, useRef, useState } from 'react';
import type { DraftUpload } from '../lib/draft';
import { acceptAttribute, precheck, sendUpload, UploadError, type UploadErrorCode, uploadRules } from '../lib/uploads';
import type { DocumentInfo } from './DocumentList';

export const uploadInputId = (documentId: string) => `upload-${documentId}`;

/** "12 KB", "1,4 MB" in the interface language. */
function fileSize(bytes: number, language: string): string {
  const locale = language === 'en' ? 'en-GB' : 'de-DE';
  if (bytes < 1024 * 1024) return `${new Intl.NumberFormat(locale).format(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;
}

type Failure = { code: UploadErrorCode; retryAfterSeconds?: number };

/**
 * One document that may be uploaded: a file input, the progress while sending, then "uploaded ✓ name" with a
 * remove button. The file is checked here first (type, size, number of files) and then by the server, whose
 * refusal is shown under the input, tied to it, and announced.
 */
export function DocumentUpload(props: {
  document: DocumentInfo;
  uploads: readonly DraftUpload[];
  filesSoFar: number;
  onUploaded: (upload: DraftUpload) => void;
  onRemove: (uploadId: string) => void;
  onBusyChange: (documentId: string, busy: boolean) => void;
  /** A problem the booking reported for this document's files. */
  bookingError?: string;
}) {
  const { t, i18n } = useText();
  const d = props.document;
  const name = useCatalogText()(d);
  const id = uploadInputId(d.documentId);
  const hintId = `${id}-hint`;
  const needId = `${id}-need`;
  const errorId = `${id}-error`;
  const [progress, setProgress] = useState<{ fileName: string; percent: number } | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const abort = useRef<(() => void) | null>(null);
  const generation = useRef(0);
  const { onBusyChange } = props;

  useEffect(() => () => abort.current?.(), []);

  const onChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Clear the input, so that choosing the same file again (after a fix) is a change too.
    input.value = '';
    if (!file) return;
    // A new choice while a file is still on its way replaces that one.
    abort.current?.();
    const self = ++generation.current;
    setAnnouncement('');
    const problem = precheck(file, props.filesSoFar);
    if (problem) {
      setProgress(null);
      setFailure({ code: problem });
      onBusyChange(d.documentId, false);
      return;
    }
    setFailure(null);
    setProgress({ fileName: file.name, percent: 0 });
    onBusyChange(d.documentId, true);
    const upload = sendUpload(d.documentId, file, (fraction) => {
      if (self === generation.current) setProgress({ fileName: file.name, percent: Math.round(fraction * 100) });
    });
    abort.current = upload.abort;
    try {
      const done = await upload.done;
      if (self !== generation.current) return;
      props.onUploaded(done);
      setAnnouncement(t('upload.done', { file: done.fileName }));
    } catch (err) {
      if (self !== generation.current) return;
      setFailure(
        err instanceof UploadError
          ? { code: err.code, retryAfterSeconds: err.retryAfterSeconds }
          : { code: 'UNEXPECTED' },
      );
    } finally {
      if (self === generation.current) {
        abort.current = null;
        setProgress(null);
        onBusyChange(d.documentId, false);
      }
    }
  };

  const failureText = failure
    ? t(`uploadErrors.${failure.code}`, {
        count: Math.max(1, Math.ceil((failure.retryAfterSeconds ?? 60) / 60)),
        max: uploadRules.maxFiles,
      })
    : undefined;
  const errorText = failureText ?? props.bookingError;
  const invalid = errorText !== undefined;

  return (
    <div className={`kern-form-input bc-upload-field${invalid ? ' kern-form-input--error' : ''}`}>
      <label className="kern-label" htmlFor={id}>
        <span lang={name.lang}>{name.name}</span>
        {/* Uploading is voluntary even for a required document (it can be brought along instead): the label says
            so, the hint says whether the document is needed. */}
        <span className="kern-label__optional"> ({t('upload.voluntary')})</span>
      </label>
      <p className="kern-hint" id={needId}>
        {t(d.mandatory ? 'upload.neededAnyway' : 'upload.ifApplicable')}
      </p>
      <p className="kern-hint" id={hintId}>
        {t('upload.hint')}
      </p>
      <input
        id={id}
        type="file"
        className={`kern-form-input__input${invalid ? ' kern-form-input__input--error' : ''}`}
        accept={acceptAttribute}
        onChange={(e) => void onChange(e)}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(needId, hintId, invalid && errorId)}
      />
      {invalid && <FieldError id={errorId} text={errorText as string} live />}
      {progress && (
        <div className="kern-progress bc-upload-progress">
          <progress
            max={100}
            value={progress.percent}
            aria-label={t('upload.progressLabel', { file: progress.fileName })}
          />
          <p className="kern-body kern-body--small" role="status">
            {t('upload.progress', { file: progress.fileName, percent: progress.percent })}
          </p>
        </div>
      )}
      {props.uploads.length > 0 && (
        <ul className="bc-uploaded-list">
          {props.uploads.map((u) => (
            <li key={u.id} className="bc-uploaded">
              <span className="kern-icon kern-icon--success" aria-hidden="true" />
              <span className="kern-body bc-uploaded__name">
                {t('upload.uploaded')}: <span className="bc-file-name">{u.fileName}</span>{' '}
                <span className="bc-muted">({fileSize(u.sizeBytes, i18n.language)})</span>
              </span>
              <button
                type="button"
                className="kern-btn kern-btn--tertiary bc-remove"
                onClick={() => {
                  props.onRemove(u.id);
                  setAnnouncement(t('upload.removed', { file: u.fileName }));
                  document.getElementById(id)?.focus();
                }}
              >
                <span className="kern-icon kern-icon--delete" aria-hidden="true" />
                <span className="kern-label">
                  {t('upload.remove')}
                  <span className="kern-sr-only"> {u.fileName}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="kern-sr-only" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
