import { useText } from '@bc/schema';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorSummary } from '../../components/ErrorSummary';
import { StepHeading } from '../../components/StepHeading';
import { TimeChoice } from '../../components/TimeChoice';
import { type FieldIssue, issueText } from '../../lib/field-errors';
import { useBookingFlow } from './booking-flow-context';
import { StepBackLink } from './StepBackLink';

const choiceId = 'start';

/** Step 2: a day with free times, then a time on that day, on the office's clock. */
export function TimeStep() {
  const { t } = useText();
  const navigate = useNavigate();
  const { office, draft, update, issues, setIssues, paths } = useBookingFlow();
  const [error, setError] = useState<FieldIssue | undefined>(() => issues.find((i) => i.field === 'start'));
  const [attempt, setAttempt] = useState(0);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft.start) {
      setError({ field: 'start', code: 'REQUIRED' });
      setAttempt((n) => n + 1);
      return;
    }
    setIssues(issues.filter((i) => i.field !== 'start'));
    navigate(paths.contact);
  };

  const errorText = error ? issueText(t, error) : undefined;
  return (
    <div className="bc-stack-lg">
      <div className="bc-stack-sm">
        <StepBackLink to={paths.services} />
        <StepHeading step={2} title={t('steps.time')} />
        <p className="kern-body kern-body--large bc-lead">{t('time.intro')}</p>
      </div>
      {error && errorText && <ErrorSummary focusKey={attempt} items={[{ text: errorText, targetId: choiceId }]} />}
      <form noValidate onSubmit={onSubmit} className="bc-stack-lg">
        <TimeChoice
          id={choiceId}
          officeId={office.id}
          services={draft.services}
          timeZone={office.timeZone}
          horizonDays={office.horizonDays}
          value={draft.start}
          onChange={(start, durationMinutes) => {
            update({ start, durationMinutes });
            setError(undefined);
          }}
          error={errorText}
        />
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
