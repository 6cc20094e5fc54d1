import { describedBy, FieldError, useCatalogText, useText } from '@bc/schema';
import { type FormEvent, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { type DocumentInfo, DocumentList, mergeDocuments } from '../../components/DocumentList';
import { ErrorSummary } from '../../components/ErrorSummary';
import { StepHeading } from '../../components/StepHeading';
import { type ServiceChoice, withServices } from '../../lib/draft';
import { type FieldIssue, issueText, stepOfField } from '../../lib/field-errors';
import { type BookableService, useBookingFlow } from './booking-flow-context';
import { StepBackLink } from './StepBackLink';

const groupId = 'services';

/** Where the api's problem with `services.N(.count)` is shown: the service's checkbox or its count. */
function targetOf(issue: FieldIssue, choices: readonly ServiceChoice[]): string {
  const [, index, sub] = issue.field.split('.');
  const choice = index === undefined ? undefined : choices[Number(index)];
  if (!choice) return groupId;
  return sub === 'count' ? `count-${choice.serviceId}` : `service-${choice.serviceId}`;
}

/** Step 1: which services, how many of each; durations and the documents to bring are visible right here. */
export function ServicesStep() {
  const { t } = useText();
  const navigate = useNavigate();
  const { office, services, draft, update, issues, setIssues, paths } = useBookingFlow();
  const [errors, setErrors] = useState<readonly FieldIssue[]>(() =>
    issues.filter((i) => stepOfField(i.field) === 'services'),
  );
  const [attempt, setAttempt] = useState(0);
  const choices = draft.services.filter((c) => services.some((s) => s.id === c.serviceId));
  const setChoices = (next: ServiceChoice[]) => {
    // Keep the catalogue's order, so that the booking lists the services the way the office does.
    const ordered = services.flatMap((s) => next.filter((c) => c.serviceId === s.id));
    const chosenDocs = new Set(
      services
        .filter((s) => ordered.some((c) => c.serviceId === s.id))
        .flatMap((s) => s.requiredDocuments.filter((d) => d.uploadable).map((d) => d.documentId)),
    );
    update((d) => withServices(d, ordered, chosenDocs));
  };
  const toggle = (service: BookableService, on: boolean) =>
    setChoices(
      on ? [...choices, { serviceId: service.id, count: 1 }] : choices.filter((c) => c.serviceId !== service.id),
    );
  const setCount = (service: BookableService, count: number) =>
    setChoices(choices.map((c) => (c.serviceId === service.id ? { ...c, count } : c)));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (choices.length === 0) {
      setErrors([{ field: 'services', code: 'REQUIRED' }]);
      setAttempt((n) => n + 1);
      return;
    }
    setErrors([]);
    setIssues(issues.filter((i) => stepOfField(i.field) !== 'services'));
    navigate(paths.time);
  };

  const chosenServices = services.filter((s) => choices.some((c) => c.serviceId === s.id));
  const documents = mergeDocuments(chosenServices.map((s) => s.requiredDocuments as DocumentInfo[]));
  const minutes = chosenServices.reduce(
    (sum, s) => sum + s.durationMinutes * (choices.find((c) => c.serviceId === s.id)?.count ?? 1),
    0,
  );
  const groupError = errors.find((e) => targetOf(e, choices) === groupId);
  const fieldErrorOf = (id: string) => errors.find((e) => targetOf(e, choices) === id);

  return (
    <div className="bc-stack-lg">
      <div className="bc-stack-sm">
        <StepBackLink to={paths.office} label={t('steps.backToOffice', { office: office.name })} />
        <StepHeading step={1} title={t('steps.services')} />
        <p className="kern-body kern-body--large bc-lead">{t('services.intro')}</p>
      </div>
      <ErrorSummary
        focusKey={attempt}
        items={errors.map((e) => ({ text: issueText(t, e), targetId: targetOf(e, choices) }))}
      />
      <form noValidate onSubmit={onSubmit} className="bc-stack-lg">
        <fieldset
          id={groupId}
          className={`kern-fieldset${groupError ? ' kern-fieldset--error' : ''}`}
          aria-describedby={describedBy(groupError && `${groupId}-error`)}
        >
          <legend className="kern-label kern-label--large">{t('services.legend')}</legend>
          <div className="kern-fieldset__body">
            {groupError && <FieldError id={`${groupId}-error`} text={issueText(t, groupError)} />}
            <ul className="bc-service-options">
              {services.map((s) => (
                <ServiceOption
                  key={s.id}
                  service={s}
                  choice={choices.find((c) => c.serviceId === s.id)}
                  onToggle={(on) => toggle(s, on)}
                  onCount={(n) => setCount(s, n)}
                  error={fieldErrorOf(`service-${s.id}`)}
                  countError={fieldErrorOf(`count-${s.id}`)}
                />
              ))}
            </ul>
          </div>
        </fieldset>

        {chosenServices.length > 0 && (
          <section className="kern-card kern-card--surface kern-card--hug" aria-labelledby="chosen-summary">
            <div className="kern-card__container bc-stack">
              <h2 id="chosen-summary" className="kern-heading-small">
                {t('services.summaryTitle')}
              </h2>
              <p className="kern-body">{t('services.estimated', { count: minutes })}</p>
              <p className="kern-body kern-body--bold" id="chosen-documents">
                {t('services.documentsTitle')}
              </p>
              <DocumentList documents={documents} uploadHint labelledBy="chosen-documents" />
            </div>
          </section>
        )}

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

function ServiceOption(props: {
  service: BookableService;
  choice: ServiceChoice | undefined;
  onToggle: (on: boolean) => void;
  onCount: (count: number) => void;
  error?: FieldIssue;
  countError?: FieldIssue;
}) {
  const { t } = useText();
  const s = props.service;
  const text = useCatalogText()(s);
  const id = `service-${s.id}`;
  const countId = `count-${s.id}`;
  const detailsId = useId();
  const checked = props.choice !== undefined;
  return (
    <li className={`bc-service-option${checked ? ' bc-service-option--chosen' : ''}`}>
      <div className={`kern-form-check${props.error ? ' kern-form-check--error' : ''}`}>
        <input
          type="checkbox"
          id={id}
          className={`kern-form-check__checkbox${props.error ? ' kern-form-check__checkbox--error' : ''}`}
          checked={checked}
          onChange={(e) => props.onToggle(e.target.checked)}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy(detailsId, props.error && `${id}-error`)}
        />
        <label className="kern-label" htmlFor={id} lang={text.lang}>
          {text.name}
        </label>
      </div>
      <div className="bc-service-option__body bc-stack-sm">
        <p id={detailsId} className="kern-body kern-body--small">
          {t('service.duration', { count: s.durationMinutes })}
          {s.requiredDocuments.length > 0 && (
            <>
              {' · '}
              {t('services.documentCount', { count: s.requiredDocuments.length })}
            </>
          )}
        </p>
        {props.error && <FieldError id={`${id}-error`} text={issueText(t, props.error)} />}
        {checked && s.maxPerBooking > 1 && (
          <div className={`kern-form-input bc-count${props.countError ? ' kern-form-input--error' : ''}`}>
            <label className="kern-label" htmlFor={countId}>
              {t('services.count')}
            </label>
            <p className="kern-hint" id={`${countId}-hint`}>
              {t('services.countHint', { count: s.maxPerBooking })}
            </p>
            <div className="kern-form-input__select-wrapper">
              <select
                id={countId}
                className={`kern-form-input__select${props.countError ? ' kern-form-input__select--error' : ''}`}
                value={props.choice?.count ?? 1}
                onChange={(e) => props.onCount(Number(e.target.value))}
                aria-invalid={props.countError ? true : undefined}
                aria-describedby={describedBy(`${countId}-hint`, props.countError && `${countId}-error`)}
              >
                {Array.from({ length: s.maxPerBooking }, (_, i) => i + 1).map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </div>
            {props.countError && <FieldError id={`${countId}-error`} text={issueText(t, props.countError)} />}
          </div>
        )}
        <details className="kern-accordion bc-service-option__docs">
          <summary className="kern-accordion__header">
            <span className="kern-title kern-title--small">{t('services.showDocuments')}</span>
          </summary>
          <div className="kern-accordion__body bc-stack">
            {text.description && (
              <p className="kern-body" lang={text.lang}>
                {text.description}
              </p>
            )}
            <DocumentList documents={s.requiredDocuments} uploadHint />
          </div>
        </details>
      </div>
    </li>
  );
}
