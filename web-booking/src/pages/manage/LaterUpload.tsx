import { useMutation } from '@apollo/client/react';
import { describedBy, FieldError, useText } from '@bc/schema';
import { type ChangeEvent, useEffect, useRef, useState } from 'react';
import type { DocumentWithUploads } from '../../components/DocumentStatusList';
import { ReplaceUploadMutation } from '../../lib/appointment';
import { catalogLang } from '../../lib/catalog';
import {
  acceptAttribute,
  precheck,
  sendUpload,
  UploadError,
  type UploadErrorCode,
  uploadRules,
} from '../../lib/uploads';

type Failure =
  | { kind: 'upload'; code: UploadErrorCode; retryAfterSeconds?: number }
  | { kind: 'attach'; code: 'NOT_CHANGEABLE' | 'NOT_ALLOWED' | 'TOO_MANY' | 'GONE' | 'FAILED' };

/**
 * Uploading a document later, from the manage page, until the appointment begins: the file goes to POST /uploads
 * (the same checks as while booking), then the manage link attaches it in place of the document's files. The
 * appointment in the cache is updated from the answer, so the list shows the new file "to check".
 */
export function LaterUpload(props: { token: string; document: DocumentWithUploads; filesOfOthers: number }) {
  const { t } = useText();
  const d = props.document;
  const id = `later-upload-${d.documentId}`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const [replace] = useMutation(ReplaceUploadMutation);
  const [busy, setBusy] = useState<{ fileName: string; percent: number } | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const abort = useRef<(() => void) | null>(null);
  useEffect(() => () => abort.current?.(), []);

  const onChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file || busy) return;
    setAnnouncement('');
    const problem = precheck(file, props.filesOfOthers);
    if (problem) {
      setFailure({ kind: 'upload', code: problem });
      return;
    }
    setFailure(null);
    setBusy({ fileName: file.name, percent: 0 });
    try {
      const upload = sendUpload(d.documentId, file, (f) =>
        setBusy({ fileName: file.name, percent: Math.round(f * 100) }),
      );
      abort.current = upload.abort;
      const done = await upload.done;
      const { data } = await replace({ variables: { token: props.token, uploadId: done.id } });
      const result = data?.replaceAppointmentUpload;
      if (result?.__typename === 'Appointment') {
        setAnnouncement(t('manage.later.done', { file: done.fileName }));
        return;
      }
      if (result?.__typename === 'AppointmentNotChangeable') setFailure({ kind: 'attach', code: 'NOT_CHANGEABLE' });
      else if (result?.__typename === 'InvalidInput') {
        const code = result.fields[0]?.code;
        setFailure({
          kind: 'attach',
          code: code === 'NOT_ALLOWED' || code === 'TOO_MANY' ? code : code === 'NOT_FOUND' ? 'GONE' : 'FAILED',
        });
      } else setFailure({ kind: 'attach', code: 'FAILED' });
    } catch (err) {
      setFailure(
        err instanceof UploadError
          ? { kind: 'upload', code: err.code, retryAfterSeconds: err.retryAfterSeconds }
          : { kind: 'attach', code: 'FAILED' },
      );
    } finally {
      abort.current = null;
      setBusy(null);
    }
  };

  const errorText = !failure
    ? undefined
    : failure.kind === 'upload'
      ? t(`uploadErrors.${failure.code}`, {
          count: Math.max(1, Math.ceil((failure.retryAfterSeconds ?? 60) / 60)),
          max: uploadRules.maxFiles,
        })
      : t(`manage.later.errors.${failure.code}`, { max: uploadRules.maxFiles });
  const invalid = errorText !== undefined;
  const replacing = d.uploads.length > 0;

  return (
    <div className={`kern-form-input bc-upload-field bc-later-upload${invalid ? ' kern-form-input--error' : ''}`}>
      <label className="kern-label" htmlFor={id}>
        {t(replacing ? 'manage.later.replaceLabel' : 'manage.later.uploadLabel')}
        <span className="kern-sr-only">
          : <span lang={catalogLang}>{d.name}</span>
        </span>
      </label>
      <p className="kern-hint" id={hintId}>
        {t(replacing ? 'manage.later.replaceHint' : 'manage.later.uploadHint')} {t('upload.hint')}
      </p>
      <input
        id={id}
        type="file"
        className={`kern-form-input__input${invalid ? ' kern-form-input__input--error' : ''}`}
        accept={acceptAttribute}
        disabled={busy !== null}
        onChange={(e) => void onChange(e)}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(hintId, invalid && errorId)}
      />
      {invalid && <FieldError id={errorId} text={errorText as string} live />}
      {busy && (
        <div className="kern-progress bc-upload-progress">
          <progress max={100} value={busy.percent} aria-label={t('upload.progressLabel', { file: busy.fileName })} />
          <p className="kern-body kern-body--small" role="status">
            {t('upload.progress', { file: busy.fileName, percent: busy.percent })}
          </p>
        </div>
      )}
      <p className="kern-body kern-body--small" role="status">
        {announcement}
      </p>
    </div>
  );
}
