import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCatalogText, useText } from '@bc/schema';
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { AppointmentTime, endOf } from '../../components/AppointmentTime';
import { type DocumentInfo, mergeDocuments } from '../../components/DocumentList';
import { DocumentStatusList } from '../../components/DocumentStatusList';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SlotAlternatives } from '../../components/SlotAlternatives';
import { StepHeading } from '../../components/StepHeading';
import { graphql } from '../../gql';
import { ManagedAppointmentQuery } from '../../lib/appointment';
import { catalogLang } from '../../lib/catalog';
import { formatLongDate, formatTime } from '../../lib/datetime';
import { clearDraft } from '../../lib/draft';
import { type FieldIssue, issueText, type Step, stepOfField } from '../../lib/field-errors';
import { managePath } from '../manage/use-managed-appointment';
import { useBookingFlow } from './booking-flow-context';
import { StepBackLink } from './StepBackLink';

const BookMutation = graphql(`
  mutation BookAppointment($input: BookAppointmentInput!) {
    bookAppointment(input: $input) {
      __typename
      ... on BookingConfirmed {
        manageToken
        appointment {
          ...ManagedAppointmentFields
        }
      }
      ... on SlotUnavailable {
        alternatives
      }
      ... on InvalidInput {
        fields {
          field
          code
        }
      }
      ... on LimitReached {
        limit
        retryAfterSeconds
      }
    }
  }
`);

type Outcome =
  | { kind: 'unavailable'; alternatives: readonly string[] }
  | { kind: 'invalid'; issues: readonly FieldIssue[] }
  | { kind: 'limitEmail' }
  | { kind: 'limitRate'; minutes: number }
  | { kind: 'failed' };

const stepOrder: Step[] = ['services', 'time', 'contact', 'review'];

/** Step 4: everything at a glance, each part with a link to change it, then the binding booking. */
export function ReviewStep() {
  const { t, i18n } = useText();
  const textOf = useCatalogText();
  const navigate = useNavigate();
  const client = useApolloClient();
  const { office, services, draft, update, setIssues, paths } = useBookingFlow();
  const [book, { loading }] = useMutation(BookMutation);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState('');
  const pending = useRef(false);
  const outcomeRef = useRef<HTMLElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const lang = i18n.language;
  const language = draft.language ?? (lang === 'en' ? 'en' : 'de');

  // A refusal is read out at once: the focus goes to its message.
  useEffect(() => {
    if (outcome && outcome.kind !== 'invalid') outcomeRef.current?.focus();
  }, [outcome]);

  const chosen = services.filter((s) => draft.services.some((c) => c.serviceId === s.id));
  const documents = mergeDocuments(chosen.map((s) => s.requiredDocuments as DocumentInfo[])).map((d) => ({
    ...d,
    uploads: draft.uploads.filter((u) => u.documentId === d.documentId),
  }));
  const start = draft.start as string;
  // Files can only be changed where something can be uploaded; otherwise the list just says what to bring.
  const canUpload = documents.some((d) => d.uploadable);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    // Guard against a double click: the ref flips before React re-renders the disabled button.
    if (pending.current) return;
    pending.current = true;
    setOutcome(null);
    setNotice('');
    const uploadIds = draft.uploads.map((u) => u.id);
    try {
      const { data } = await book({
        variables: {
          input: {
            officeId: office.id,
            services: draft.services.map(({ serviceId, count }) => ({ serviceId, count })),
            start,
            name: draft.name.trim(),
            email: draft.email.trim(),
            phone: draft.phone.trim() || null,
            language,
            privacyConsent: draft.privacyConsent,
            uploadIds,
          },
        },
      });
      const result = data?.bookAppointment;
      switch (result?.__typename) {
        case 'BookingConfirmed': {
          const token = result.manageToken;
          client.writeQuery({
            query: ManagedAppointmentQuery,
            variables: { token },
            data: { appointmentByToken: { __typename: 'Appointment', ...result.appointment } },
          });
          clearDraft(office.slug);
          navigate(managePath(token), { state: { justBooked: true } });
          return;
        }
        case 'SlotUnavailable':
          setOutcome({ kind: 'unavailable', alternatives: result.alternatives });
          return;
        case 'InvalidInput': {
          // Problems with files point to their document; the refused files leave the draft (upload them again).
          const refused = new Set<string>();
          const issues = result.fields.map((f) => {
            const match = /^uploadIds\.(\d+)$/.exec(f.field);
            const upload = match ? draft.uploads.find((u) => u.id === uploadIds[Number(match[1])]) : undefined;
            if (!upload) return { field: f.field, code: f.code };
            refused.add(upload.id);
            return { field: `uploadIds:${upload.documentId}`, code: f.code };
          });
          if (refused.size > 0) update((d) => ({ ...d, uploads: d.uploads.filter((u) => !refused.has(u.id)) }));
          // A refused start (e.g. too soon by now) is no choice any more: the time step asks for a new one.
          if (issues.some((i) => i.field === 'start')) update({ start: null, durationMinutes: null });
          const first = stepOrder.find((s) => issues.some((i) => stepOfField(i.field) === s)) ?? 'review';
          if (first === 'review') {
            setOutcome({ kind: 'invalid', issues });
            setAttempt((n) => n + 1);
            return;
          }
          setIssues(issues);
          navigate(paths[first]);
          return;
        }
        case 'LimitReached':
          setOutcome(
            result.limit === 'RATE'
              ? { kind: 'limitRate', minutes: Math.max(1, Math.ceil((result.retryAfterSeconds ?? 3600) / 60)) }
              : { kind: 'limitEmail' },
          );
          return;
        default:
          setOutcome({ kind: 'failed' });
      }
    } catch {
      setOutcome({ kind: 'failed' });
    } finally {
      pending.current = false;
    }
  };

  const chooseAlternative = (alternative: string) => {
    update({ start: alternative });
    setOutcome(null);
    setNotice(
      t('review.alternativeChosen', {
        date: formatLongDate(alternative, office.timeZone, lang),
        time: formatTime(alternative, office.timeZone, lang),
      }),
    );
    submitRef.current?.focus();
  };

  return (
    <div className="bc-stack-lg">
      <div className="bc-stack-sm">
        <StepBackLink to={paths.contact} />
        <StepHeading step={4} title={t('steps.review')} />
        <p className="kern-body kern-body--large bc-lead">{t('review.intro')}</p>
      </div>

      {outcome?.kind === 'invalid' && (
        <ErrorSummary focusKey={attempt} items={outcome.issues.map((i) => ({ text: issueText(t, i) }))} />
      )}
      {outcome && outcome.kind !== 'invalid' && (
        <section
          ref={outcomeRef}
          tabIndex={-1}
          className={`kern-alert ${outcome.kind === 'failed' ? 'kern-alert--danger' : 'kern-alert--warning'}`}
          aria-labelledby="outcome-title"
        >
          <div className="kern-alert__header">
            <span
              className={`kern-icon ${outcome.kind === 'failed' ? 'kern-icon--danger' : 'kern-icon--warning'}`}
              aria-hidden="true"
            />
            <h2 id="outcome-title" className="kern-title">
              {t(`review.outcome.${outcome.kind}.title`)}
            </h2>
          </div>
          <div className="kern-alert__body bc-stack">
            <p className="kern-body">
              {t(`review.outcome.${outcome.kind}.text`, { count: outcome.kind === 'limitRate' ? outcome.minutes : 0 })}
            </p>
            {outcome.kind === 'unavailable' && (
              <SlotAlternatives
                alternatives={outcome.alternatives}
                timeZone={office.timeZone}
                onChoose={chooseAlternative}
                otherTimeLink={paths.time}
              />
            )}
          </div>
        </section>
      )}
      {notice && (
        <div className="kern-alert kern-alert--success" role="status">
          <div className="kern-alert__body">
            <p className="kern-body">{notice}</p>
          </div>
        </div>
      )}

      <div className="bc-review">
        <ReviewSection
          title={t('review.servicesTitle')}
          change={{ to: paths.services, label: t('review.changeServices') }}
        >
          <ul className="bc-plain-list">
            {chosen.map((s) => {
              const count = draft.services.find((c) => c.serviceId === s.id)?.count ?? 1;
              return (
                <li key={s.id} className="kern-body">
                  <span lang={textOf(s).lang}>{textOf(s).name}</span>
                  {count > 1 && <> ({t('review.countOf', { count })})</>}
                </li>
              );
            })}
          </ul>
        </ReviewSection>

        <ReviewSection title={t('review.whenTitle')} change={{ to: paths.time, label: t('review.changeTime') }}>
          <dl className="kern-description-list">
            <div className="kern-description-list-item">
              <dt className="kern-description-list-item__key">{t('review.date')}</dt>
              <dd className="kern-description-list-item__value">
                <AppointmentTime start={start} end={endOf(start, draft.durationMinutes)} timeZone={office.timeZone} />
              </dd>
            </div>
            {draft.durationMinutes && (
              <div className="kern-description-list-item">
                <dt className="kern-description-list-item__key">{t('review.duration')}</dt>
                <dd className="kern-description-list-item__value">
                  {t('review.minutes', { count: draft.durationMinutes })}
                </dd>
              </div>
            )}
            <div className="kern-description-list-item">
              <dt className="kern-description-list-item__key">{t('review.place')}</dt>
              <dd className="kern-description-list-item__value" lang={catalogLang}>
                {office.name}
                <br />
                {office.address.street}, {office.address.postalCode} {office.address.city}
              </dd>
            </div>
          </dl>
        </ReviewSection>

        <ReviewSection
          title={t('review.contactTitle')}
          change={{ to: paths.contact, label: t('review.changeContact') }}
        >
          <dl className="kern-description-list">
            <ReviewItem label={t('contact.name')} value={draft.name.trim()} />
            <ReviewItem label={t('contact.email')} value={draft.email.trim()} />
            <ReviewItem label={t('contact.phone')} value={draft.phone.trim() || t('review.none')} />
            <ReviewItem
              label={t('contact.language')}
              value={language === 'en' ? 'English' : 'Deutsch'}
              lang={language}
            />
          </dl>
        </ReviewSection>

        <ReviewSection
          title={t('review.documentsTitle')}
          change={canUpload ? { to: paths.contact, label: t('review.changeUploads') } : undefined}
        >
          <DocumentStatusList documents={documents} />
        </ReviewSection>
      </div>

      <form onSubmit={(e) => void onSubmit(e)} className="bc-stack">
        <p className="kern-body">{t('review.binding')}</p>
        <div className="bc-actions">
          <button
            ref={submitRef}
            type="submit"
            className="kern-btn kern-btn--primary"
            aria-disabled={loading || undefined}
          >
            <span className="kern-label">{t(loading ? 'review.submitting' : 'review.submit')}</span>
          </button>
        </div>
        <p className="kern-sr-only" role="status">
          {loading ? t('review.submitting') : ''}
        </p>
      </form>
    </div>
  );
}

function ReviewSection(props: { title: string; change?: { to: string; label: string }; children: ReactNode }) {
  const { t } = useText();
  const headingId = useId();
  return (
    <section className="bc-review__section" aria-labelledby={headingId}>
      <div className="bc-review__head">
        <h2 id={headingId} className="kern-heading-small">
          {props.title}
        </h2>
        {props.change && (
          <Link to={props.change.to} className="kern-link bc-review__change bc-no-print">
            {t('review.change')}
            <span className="kern-sr-only">: {props.change.label}</span>
          </Link>
        )}
      </div>
      {props.children}
    </section>
  );
}

function ReviewItem(props: { label: string; value: string; lang?: string }) {
  return (
    <div className="kern-description-list-item">
      <dt className="kern-description-list-item__key">{props.label}</dt>
      <dd className="kern-description-list-item__value" lang={props.lang}>
        {props.value}
      </dd>
    </div>
  );
}
