import { useMutation, useQuery } from '@apollo/client/react';
import { describedBy, FieldError } from '@bc/schema';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OfficeScope } from '../../../components/OfficeScope';
import { StatusRegion, useNotice } from '../../../components/StatusRegion';
import type { HoursKind, WeekdayHoursFieldsFragment } from '../../../gql/graphql';
import { ADMIN_BASE } from '../../../lib/paths';
import type { StaffOffice } from '../../../session/offices';
import { AdminPageFrame, AdminQueryState } from '../AdminPageFrame';
import { type Problem, useProblemText } from './fields';
import { OfficeAdministrationQuery, SetOpeningHoursMutation } from './office-documents';
import './office-admin.css';

/** At most this many intervals per weekday (the api's limit). */
const MAX_INTERVALS = 6;

type Interval = { opensAt: string; closesAt: string };

/**
 * /verwaltung/:office/oeffnungszeiten — opening hours and appointment hours per weekday. Each weekday of each kind
 * is its own form with its own save: that is exactly one change of the api (one weekday, one kind, replaced as a
 * whole), so a refused day never leaves another half saved.
 */
export function OpeningHoursPage() {
  return <OfficeScope base={ADMIN_BASE}>{(office) => <OpeningHours key={office.id} office={office} />}</OfficeScope>;
}

function OpeningHours(props: { office: StaffOffice }) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(OfficeAdministrationQuery, {
    variables: { officeId: props.office.id },
    fetchPolicy: 'network-only',
  });
  const view = data?.officeAdministration;
  return (
    <AdminPageFrame title={t('officeAdmin.hours.title')} office={props.office} intro={t('officeAdmin.hours.intro')}>
      <AdminQueryState
        loading={loading && !view}
        error={error}
        onRetry={() => void refetch()}
        notAllowed={view?.__typename === 'OfficeNotAllowed' && t('officeAdmin.notAllowed')}
      />
      {view?.__typename === 'OfficeAdministration' && (
        <>
          <KindSection officeId={view.officeId} kind="OPEN" days={view.openingHours} />
          <KindSection officeId={view.officeId} kind="APPOINTMENTS" days={view.appointmentHours} />
        </>
      )}
    </AdminPageFrame>
  );
}

function KindSection(props: { officeId: string; kind: HoursKind; days: readonly WeekdayHoursFieldsFragment[] }) {
  const { t } = useTranslation();
  const headingId = `hours-${props.kind}-heading`;
  return (
    <section className="bc-stack" aria-labelledby={headingId}>
      <h2 id={headingId} className="kern-heading-medium">
        {t(`officeAdmin.hours.kind.${props.kind}`)}
      </h2>
      <p className="kern-body">{t(`officeAdmin.hours.kindIntro.${props.kind}`)}</p>
      {props.days.map((day) => (
        <WeekdayForm key={day.weekday} officeId={props.officeId} kind={props.kind} day={day} />
      ))}
    </section>
  );
}

function WeekdayForm(props: { officeId: string; kind: HoursKind; day: WeekdayHoursFieldsFragment }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const { kind, day } = props;
  const base = `hours-${kind}-${day.weekday}`;
  const dayName = t(`officeAdmin.weekday.${day.weekday}`);
  const [intervals, setIntervals] = useState<Interval[]>(() =>
    day.intervals.map((i) => ({ opensAt: i.opensAt, closesAt: i.closesAt })),
  );
  const [problems, setProblems] = useState<Problem[]>([]);
  const { notice, show } = useNotice();
  const [save, { loading }] = useMutation(SetOpeningHoursMutation);
  const addRef = useRef<HTMLButtonElement>(null);
  const focusLater = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 0);

  const change = (index: number, field: keyof Interval, value: string) =>
    setIntervals((list) => list.map((i, n) => (n === index ? { ...i, [field]: value } : i)));
  const add = () => {
    const last = intervals.at(-1);
    setIntervals((list) => [...list, { opensAt: last?.closesAt ?? '08:00', closesAt: '' }]);
    focusLater(`${base}-${intervals.length}-opensAt`);
  };
  const remove = (index: number) => {
    setIntervals((list) => list.filter((_, n) => n !== index));
    setProblems([]);
    setTimeout(() => addRef.current?.focus(), 0);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const res = (await save({ variables: { officeId: props.officeId, kind, weekday: day.weekday, intervals } })).data
        ?.setOpeningHours;
      if (res?.__typename === 'WeekdayHours') {
        setProblems([]);
        setIntervals(res.intervals.map((i) => ({ opensAt: i.opensAt, closesAt: i.closesAt })));
        show({ tone: 'success', text: t('officeAdmin.hours.saved', { day: dayName }) });
      } else if (res?.__typename === 'InvalidInput') {
        setProblems(res.fields);
        show({ tone: 'danger', text: t('officeAdmin.notSaved', { count: res.fields.length }) });
      } else show({ tone: 'danger', text: t('officeAdmin.notAllowed') });
    } catch {
      show({ tone: 'danger', text: t('officeAdmin.failed') });
    }
  };
  const problemOf = (field: string) => problems.find((p) => p.field === field);
  const dayProblems = problems.filter((p) => p.field === 'intervals' || p.field === 'weekday');
  const legendId = `${base}-legend`;
  return (
    <form className="bc-admin-day" onSubmit={submit} aria-labelledby={legendId} noValidate>
      <fieldset className="kern-fieldset">
        <legend id={legendId} className="kern-label">
          {dayName}
        </legend>
        {intervals.length === 0 && <p className="kern-body kern-body--muted">{t('officeAdmin.hours.closed')}</p>}
        <ol className="bc-admin-intervals">
          {intervals.map((interval, index) => {
            const whole = problemOf(`intervals.${index}`);
            const label = t('officeAdmin.hours.interval', { day: dayName, n: index + 1 });
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: intervals have no identity but their place
              <li key={index} className="bc-admin-interval">
                {(['opensAt', 'closesAt'] as const).map((field) => {
                  const id = `${base}-${index}-${field}`;
                  const own = problemOf(`intervals.${index}.${field}`);
                  const problem = own ?? (field === 'opensAt' ? whole : undefined);
                  return (
                    <div key={field} className={`kern-form-input${problem ? ' kern-form-input--error' : ''}`}>
                      <label className="kern-label" htmlFor={id}>
                        <span className="kern-sr-only">{label}: </span>
                        {t(`officeAdmin.hours.${field}`)}
                      </label>
                      <input
                        id={id}
                        type="time"
                        className={`kern-form-input__input${problem ? ' kern-form-input__input--error' : ''}`}
                        value={interval[field]}
                        required
                        aria-invalid={problem ? true : undefined}
                        aria-describedby={describedBy(problem && `${id}-error`)}
                        onChange={(e) => change(index, field, e.target.value)}
                      />
                      {problem && <FieldError id={`${id}-error`} text={problemText(problem.code)} />}
                    </div>
                  );
                })}
                <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => remove(index)}>
                  <span className="kern-label">{t('officeAdmin.hours.remove', { n: index + 1 })}</span>
                  <span className="kern-sr-only"> ({dayName})</span>
                </button>
              </li>
            );
          })}
        </ol>
        {dayProblems.map((p) => (
          <FieldError key={p.field} id={`${base}-${p.field}-error`} text={problemText(p.code)} />
        ))}
        <div className="bc-admin-day__actions">
          <button
            ref={addRef}
            type="button"
            className="kern-btn kern-btn--secondary"
            onClick={add}
            disabled={intervals.length >= MAX_INTERVALS}
          >
            <span className="kern-label">{t('officeAdmin.hours.add')}</span>
            <span className="kern-sr-only"> ({dayName})</span>
          </button>
          <button type="submit" className="kern-btn kern-btn--primary" disabled={loading}>
            <span className="kern-label">{t('officeAdmin.hours.save', { day: dayName })}</span>
          </button>
        </div>
        <StatusRegion notice={notice} />
      </fieldset>
    </form>
  );
}
