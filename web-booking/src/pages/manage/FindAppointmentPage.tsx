import { useMutation } from '@apollo/client/react';
import { PageHeading, usePageTitle, useText } from '@bc/schema';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { TextField } from '../../components/TextField';
import { graphql } from '../../gql';

const RequestManageLinkMutation = graphql(`
  mutation RequestManageLink($reference: String!, $email: String!) {
    requestManageLink(reference: $reference, email: $email) {
      __typename
      ... on ManageLinkRequested {
        reference
      }
      ... on InvalidInput {
        fields {
          field
          code
        }
      }
      ... on LimitReached {
        retryAfterSeconds
      }
    }
  }
`);

type Field = 'reference' | 'email';
type Problems = Partial<Record<Field, string>>;

/**
 * /booking/verwaltung/wiederfinden — "Termin wiederfinden": the booking reference and the email address; the manage
 * link goes again to the address the appointment was booked with. The page answers the same whether or not such an
 * appointment exists (the api does too), so it tells nobody who has booked.
 */
export function FindAppointmentPage() {
  const { t } = useText();
  usePageTitle(t('find.title'));
  const [reference, setReference] = useState('');
  const [email, setEmail] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [attempt, setAttempt] = useState(0);
  const [sentFor, setSentFor] = useState<string | null>(null);
  const [limitMinutes, setLimitMinutes] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);
  const [request, { loading }] = useMutation(RequestManageLinkMutation);
  const doneRef = useRef<HTMLHeadingElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  /** Bumped by "enter other details": the form comes back with the focus on its first field. */
  const [again, setAgain] = useState(0);
  useEffect(() => {
    if (sentFor) doneRef.current?.focus();
  }, [sentFor]);
  useEffect(() => {
    if (again > 0) document.getElementById('find-reference')?.focus();
  }, [again]);
  useEffect(() => {
    if (limitMinutes !== null || failed) alertRef.current?.focus();
  }, [limitMinutes, failed]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (loading) return;
    setLimitMinutes(null);
    setFailed(false);
    const missing: Problems = {};
    if (!reference.trim()) missing.reference = 'REQUIRED';
    if (!email.trim()) missing.email = 'REQUIRED';
    setAttempt((n) => n + 1);
    setProblems(missing);
    if (Object.keys(missing).length > 0) return;
    try {
      const { data } = await request({ variables: { reference, email } });
      const result = data?.requestManageLink;
      if (result?.__typename === 'ManageLinkRequested') setSentFor(result.reference);
      else if (result?.__typename === 'InvalidInput') {
        const found: Problems = {};
        for (const f of result.fields) if (f.field === 'reference' || f.field === 'email') found[f.field] ??= 'INVALID';
        setProblems(found);
        // A new attempt for the error summary, so that it takes the focus with the server's answer.
        setAttempt((n) => n + 1);
      } else if (result?.__typename === 'LimitReached')
        setLimitMinutes(Math.max(1, Math.ceil((result.retryAfterSeconds ?? 3600) / 60)));
      else setFailed(true);
    } catch {
      setFailed(true);
    }
  }

  if (sentFor)
    return (
      <div className="bc-stack">
        <h1 ref={doneRef} tabIndex={-1} className="kern-heading-large bc-page-heading">
          {t('find.sentTitle')}
        </h1>
        <p className="kern-body kern-body--large bc-lead">{t('find.sentText', { reference: sentFor })}</p>
        <p className="kern-body">{t('find.sentHelp')}</p>
        <p>
          <button
            type="button"
            className="kern-btn kern-btn--secondary"
            onClick={() => {
              setSentFor(null);
              setAttempt(0);
              setAgain((n) => n + 1);
            }}
          >
            <span className="kern-label">{t('find.again')}</span>
          </button>
        </p>
      </div>
    );

  const text = (field: Field) => problems[field] && t(`find.problem.${field}.${problems[field]}`);
  const summary: SummaryItem[] = (['reference', 'email'] as const)
    .filter((f) => problems[f])
    .map((f) => ({ text: text(f) as string, targetId: `find-${f}` }));
  return (
    <div className="bc-stack">
      <PageHeading>{t('find.title')}</PageHeading>
      <p className="kern-body kern-body--large bc-lead">{t('find.intro')}</p>
      <ErrorSummary items={summary} focusKey={attempt} />
      {(limitMinutes !== null || failed) && (
        <div ref={alertRef} tabIndex={-1} className="kern-alert kern-alert--danger" role="alert">
          <div className="kern-alert__header">
            <p className="kern-title">{failed ? t('find.failed') : t('find.limit', { count: limitMinutes ?? 60 })}</p>
          </div>
        </div>
      )}
      <form className="bc-stack" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          id="find-reference"
          label={t('find.reference')}
          hint={t('find.referenceHint')}
          value={reference}
          onChange={setReference}
          autoComplete="off"
          maxLength={20}
          error={text('reference')}
        />
        <TextField
          id="find-email"
          type="email"
          label={t('find.email')}
          hint={t('find.emailHint')}
          value={email}
          onChange={setEmail}
          autoComplete="email"
          maxLength={254}
          error={text('email')}
        />
        <div className="bc-actions">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={loading}>
            <span className="kern-label">{t('find.submit')}</span>
          </button>
        </div>
      </form>
    </div>
  );
}
