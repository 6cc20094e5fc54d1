import { describedBy, FieldError, useText } from '@bc/schema';
import { LEGAL_PAGES } from '@bc/schema/app-paths';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { type DocumentInfo, mergeDocuments } from '../../components/DocumentList';
import { DocumentUpload, uploadInputId } from '../../components/DocumentUpload';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { StepHeading } from '../../components/StepHeading';
import { TextField } from '../../components/TextField';
import type { ConfirmationLanguage } from '../../lib/draft';
import { contactIssues, type FieldIssue, issueText, stepOfField } from '../../lib/field-errors';
import { useBookingFlow } from './booking-flow-context';
import { StepBackLink } from './StepBackLink';

/** The element an issue of this step points to. */
function targetOf(issue: FieldIssue, firstUpload: string | undefined): string | undefined {
  if (issue.field.startsWith('uploadIds:')) return uploadInputId(issue.field.slice('uploadIds:'.length));
  if (issue.field.startsWith('uploadIds')) return firstUpload;
  if (issue.field === 'language') return 'language-de';
  return issue.field;
}

/** Step 3: who comes and how to reach them, uploads for the documents that allow it, and the privacy consent. */
export function ContactStep() {
  const { t, i18n } = useText();
  const navigate = useNavigate();
  const { services, draft, update, issues, setIssues, paths } = useBookingFlow();
  const [errors, setErrors] = useState<readonly FieldIssue[]>(() =>
    issues.filter((i) => stepOfField(i.field) === 'contact'),
  );
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());

  const chosen = services.filter((s) => draft.services.some((c) => c.serviceId === s.id));
  const uploadable = mergeDocuments(chosen.map((s) => s.requiredDocuments as DocumentInfo[])).filter(
    (d) => d.uploadable,
  );
  const firstUpload = uploadable[0] ? uploadInputId(uploadable[0].documentId) : undefined;
  const language: ConfirmationLanguage = draft.language ?? (i18n.language === 'en' ? 'en' : 'de');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldIssue[] = contactIssues(draft);
    for (const documentId of busy) found.push({ field: `uploadIds:${documentId}`, code: 'UPLOAD_PENDING' });
    setErrors(found);
    setAttempt((n) => n + 1);
    if (found.length > 0) return;
    setIssues(issues.filter((i) => stepOfField(i.field) !== 'contact'));
    navigate(paths.review);
  };

  const errorOf = (field: string) => {
    const issue = errors.find((e) => e.field === field);
    return issue ? issueText(t, issue) : undefined;
  };
  const summary: SummaryItem[] = errors.map((e) => ({ text: issueText(t, e), targetId: targetOf(e, firstUpload) }));
  const uploadsGroupError = errors.find((e) => e.field === 'uploadIds');
  const consentError = errorOf('privacyConsent');
  const languageError = errorOf('language');

  return (
    <div className="bc-stack-lg">
      <div className="bc-stack-sm">
        <StepBackLink to={paths.time} />
        <StepHeading step={3} title={t('steps.contact')} />
        <p className="kern-body kern-body--large bc-lead">{t('contact.intro')}</p>
      </div>
      <ErrorSummary focusKey={attempt} items={summary} />
      <form noValidate onSubmit={onSubmit} className="bc-stack-lg">
        <section className="bc-stack" aria-labelledby="contact-heading">
          <h2 id="contact-heading" className="kern-heading-medium">
            {t('contact.personTitle')}
          </h2>
          <TextField
            id="name"
            label={t('contact.name')}
            hint={t('contact.nameHint')}
            autoComplete="name"
            value={draft.name}
            onChange={(name) => update({ name })}
            error={errorOf('name')}
            maxLength={120}
          />
          <TextField
            id="email"
            type="email"
            label={t('contact.email')}
            hint={t('contact.emailHint')}
            autoComplete="email"
            value={draft.email}
            onChange={(email) => update({ email })}
            error={errorOf('email')}
            maxLength={254}
          />
          <TextField
            id="phone"
            type="tel"
            label={t('contact.phone')}
            hint={t('contact.phoneHint')}
            autoComplete="tel"
            optional
            value={draft.phone}
            onChange={(phone) => update({ phone })}
            error={errorOf('phone')}
            maxLength={32}
          />
          <fieldset
            className={`kern-fieldset${languageError ? ' kern-fieldset--error' : ''}`}
            aria-describedby={describedBy('language-hint', languageError && 'language-error')}
          >
            <legend className="kern-label">{t('contact.language')}</legend>
            <p className="kern-hint" id="language-hint">
              {t('contact.languageHint')}
            </p>
            <div className="kern-fieldset__body kern-fieldset__body--horizontal">
              {languageError && <FieldError id="language-error" text={languageError} />}
              {(['de', 'en'] as const).map((l) => (
                <div key={l} className="kern-form-check">
                  <input
                    type="radio"
                    id={`language-${l}`}
                    name="language"
                    className="kern-form-check__radio"
                    checked={language === l}
                    onChange={() => update({ language: l })}
                  />
                  <label className="kern-label" htmlFor={`language-${l}`} lang={l}>
                    {l === 'de' ? 'Deutsch' : 'English'}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </section>

        {uploadable.length > 0 && (
          <section className="bc-stack" aria-labelledby="uploads-heading">
            <h2 id="uploads-heading" className="kern-heading-medium">
              {t('contact.uploadsTitle')}
            </h2>
            <p className="kern-body">{t('contact.uploadsIntro')}</p>
            {uploadsGroupError && <FieldError id="uploads-error" text={issueText(t, uploadsGroupError)} />}
            {uploadable.map((d) => {
              const issue = errors.find((e) => e.field === `uploadIds:${d.documentId}`);
              return (
                <DocumentUpload
                  key={d.documentId}
                  document={d}
                  uploads={draft.uploads.filter((u) => u.documentId === d.documentId)}
                  filesSoFar={draft.uploads.length}
                  onUploaded={(u) => {
                    update((dr) => ({ ...dr, uploads: [...dr.uploads, u] }));
                    setErrors((es) => es.filter((e) => e.field !== `uploadIds:${d.documentId}`));
                  }}
                  onRemove={(uploadId) =>
                    update((dr) => ({ ...dr, uploads: dr.uploads.filter((u) => u.id !== uploadId) }))
                  }
                  onBusyChange={(documentId, on) =>
                    setBusy((b) => {
                      const next = new Set(b);
                      if (on) next.add(documentId);
                      else next.delete(documentId);
                      return next;
                    })
                  }
                  bookingError={issue ? issueText(t, issue) : undefined}
                />
              );
            })}
          </section>
        )}

        <section className="bc-stack" aria-labelledby="privacy-heading">
          <h2 id="privacy-heading" className="kern-heading-medium">
            {t('contact.privacyTitle')}
          </h2>
          <p className="kern-body" id="privacy-text">
            {t('contact.privacyText')}
          </p>
          <p className="kern-body">
            {/* A new tab, so that the form stays as filled in. */}
            <Link className="kern-link" to={`/${LEGAL_PAGES.PRIVACY}`} target="_blank" rel="noopener">
              {t('contact.privacyLink')}
            </Link>
          </p>
          <div className={`kern-form-check${consentError ? ' kern-form-check--error' : ''}`}>
            <input
              type="checkbox"
              id="privacyConsent"
              className={`kern-form-check__checkbox${consentError ? ' kern-form-check__checkbox--error' : ''}`}
              checked={draft.privacyConsent}
              onChange={(e) => update({ privacyConsent: e.target.checked })}
              required
              aria-invalid={consentError ? true : undefined}
              aria-describedby={describedBy('privacy-text', consentError && 'privacyConsent-error')}
            />
            <label className="kern-label" htmlFor="privacyConsent">
              {t('contact.privacyConsent')}
            </label>
            {consentError && <FieldError id="privacyConsent-error" text={consentError} />}
          </div>
        </section>

        <div className="bc-actions">
          <button type="submit" className="kern-btn kern-btn--primary">
            <span className="kern-label">{t('steps.next')}</span>
            <span className="kern-icon kern-icon--arrow-forward" aria-hidden="true" />
          </button>
        </div>
      </form>
    </div>
  );
}
