import { useMutation, useQuery } from '@apollo/client/react';
import { FieldError } from '@bc/schema';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OfficeScope } from '../../../components/OfficeScope';
import { StatusRegion, useNotice } from '../../../components/StatusRegion';
import type { HoursKind, WeekdayHoursFieldsFragment } from '../../../gql/graphql';
import { ADMIN_BASE } from '../../../lib/paths';
import type { StaffOffice } from '../../../session/offices';
import { AdminPageFrame, AdminQueryState } from '../AdminPageFrame';
import { IntervalTimeInputs, type Problem, useProblemText } from './fields';
import { OfficeAdministrationQuery, SetOpeningHoursMutation } from './office-documents';
import './office-admin.css';

/** At most this many intervals per weekday (the api's limit). */
const MAX_INTERVALS = 6;

type Interval = { opensAt: string; closesAt: string };
type Week = Record<number, Interval[]>;

const weekOf = (days: readonly WeekdayHoursFieldsFragment[]): Week =>
  Object.fromEntries(
    days.map((d) => [d.weekday, d.intervals.map((i) => ({ opensAt: i.opensAt, closesAt: i.closesAt }))]),
  );
const sameIntervals = (a: readonly Interval[] = [], b: readonly Interval[] = []) =>
  a.length === b.length && a.every((i, n) => i.opensAt === b[n]?.opensAt && i.closesAt === b[n]?.closesAt);

/**
 * /verwaltung/:office/oeffnungszeiten — opening hours and appointment hours of the week. Each kind is one form with
 * one save. Saving sends each changed weekday as one change of the api (one weekday, one kind, replaced as a whole):
 * a refused weekday keeps its entries on the page with the reason at its field, the others are saved, and the
 * message names both.
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
          <WeekForm officeId={view.officeId} kind="OPEN" days={view.openingHours} />
          <WeekForm officeId={view.officeId} kind="APPOINTMENTS" days={view.appointmentHours} />
        </>
      )}
    </AdminPageFrame>
  );
}

/** The week of one kind of hours: a fieldset per weekday, one save for all. */
function WeekForm(props: { officeId: string; kind: HoursKind; days: readonly WeekdayHoursFieldsFragment[] }) {
  const { t } = useTranslation();
  const { kind } = props;
  const headingId = `hours-${kind}-heading`;
  const weekdays = props.days.map((d) => d.weekday);
  const [week, setWeek] = useState<Week>(() => weekOf(props.days));
  const [saved, setSaved] = useState<Week>(() => weekOf(props.days));
  const [problems, setProblems] = useState<Record<number, Problem[]>>({});
  const { notice, show } = useNotice();
  const [save, { loading }] = useMutation(SetOpeningHoursMutation);
  const dayName = (weekday: number) => t(`officeAdmin.weekday.${weekday}`);
  const list = (days: number[]) => days.map(dayName).join(', ');

  const setDay = (weekday: number, intervals: Interval[]) => setWeek((w) => ({ ...w, [weekday]: intervals }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (loading) return;
    const changed = weekdays.filter((d) => !sameIntervals(week[d], saved[d]));
    if (changed.length === 0) {
      setProblems({});
      show({ tone: 'info', text: t('officeAdmin.hours.unchanged') });
      return;
    }
    const done: number[] = [];
    const refused: number[] = [];
    const nextProblems: Record<number, Problem[]> = {};
    let failed = false;
    for (const weekday of changed) {
      try {
        const intervals = week[weekday] ?? [];
        const res = (await save({ variables: { officeId: props.officeId, kind, weekday, intervals } })).data
          ?.setOpeningHours;
        if (res?.__typename === 'WeekdayHours') {
          done.push(weekday);
          const stored = res.intervals.map((i) => ({ opensAt: i.opensAt, closesAt: i.closesAt }));
          setSaved((w) => ({ ...w, [weekday]: stored }));
          setWeek((w) => ({ ...w, [weekday]: stored }));
        } else if (res?.__typename === 'InvalidInput') {
          refused.push(weekday);
          nextProblems[weekday] = res.fields;
        } else {
          show({ tone: 'danger', text: t('officeAdmin.notAllowed') });
          return;
        }
      } catch {
        failed = true;
        refused.push(weekday);
      }
    }
    setProblems(nextProblems);
    const savedText = done.length > 0 ? t('officeAdmin.hours.saved', { days: list(done), count: done.length }) : '';
    if (refused.length === 0) {
      show({ tone: 'success', text: savedText });
      return;
    }
    const count = Object.values(nextProblems).reduce((n, p) => n + p.length, 0);
    show({
      tone: 'danger',
      text: [
        failed ? t('officeAdmin.failed') : t('officeAdmin.notSaved', { count }),
        t('officeAdmin.hours.notSavedDays', { days: list(refused) }),
        savedText,
      ]
        .filter(Boolean)
        .join(' '),
    });
    // The first refused field takes the focus, so the reason is read at once.
    setTimeout(() => document.querySelector<HTMLElement>(`#${headingId}-form [aria-invalid="true"]`)?.focus(), 0);
  };

  return (
    <section className="bc-stack" aria-labelledby={headingId}>
      <h2 id={headingId} className="kern-heading-medium">
        {t(`officeAdmin.hours.kind.${kind}`)}
      </h2>
      <p className="kern-body">{t(`officeAdmin.hours.kindIntro.${kind}`)}</p>
      <form id={`${headingId}-form`} className="bc-stack" onSubmit={submit} aria-labelledby={headingId} noValidate>
        <div className="bc-admin-week">
          {weekdays.map((weekday) => (
            <WeekdayFields
              key={weekday}
              kind={kind}
              weekday={weekday}
              dayName={dayName(weekday)}
              intervals={week[weekday] ?? []}
              problems={problems[weekday] ?? []}
              onChange={(intervals) => setDay(weekday, intervals)}
              onRemoved={() => setProblems((p) => ({ ...p, [weekday]: [] }))}
            />
          ))}
        </div>
        <div className="bc-admin-week__save">
          <button type="submit" className="kern-btn kern-btn--primary" aria-disabled={loading || undefined}>
            <span className="kern-label">{t(`officeAdmin.hours.saveKind.${kind}`)}</span>
          </button>
          <StatusRegion notice={notice} />
        </div>
      </form>
    </section>
  );
}

function WeekdayFields(props: {
  kind: HoursKind;
  weekday: number;
  dayName: string;
  intervals: Interval[];
  problems: Problem[];
  onChange: (intervals: Interval[]) => void;
  onRemoved: () => void;
}) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const { intervals, dayName, problems } = props;
  const base = `hours-${props.kind}-${props.weekday}`;
  const focusLater = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 0);

  const change = (index: number, field: keyof Interval, value: string) =>
    props.onChange(intervals.map((i, n) => (n === index ? { ...i, [field]: value } : i)));
  const add = () => {
    const last = intervals.at(-1);
    props.onChange([...intervals, { opensAt: last?.closesAt ?? '08:00', closesAt: '' }]);
    focusLater(`${base}-${intervals.length}-opensAt`);
  };
  const remove = (index: number) => {
    props.onChange(intervals.filter((_, n) => n !== index));
    props.onRemoved();
    focusLater(`${base}-add`);
  };
  const problemOf = (field: string) => problems.find((p) => p.field === field);
  const dayProblems = problems.filter((p) => p.field === 'intervals' || p.field === 'weekday');
  return (
    <fieldset className="kern-fieldset bc-admin-day">
      <legend className="kern-label bc-admin-day__name">{dayName}</legend>
      <div className="bc-admin-day__body">
        {intervals.length === 0 && <p className="kern-body kern-body--muted">{t('officeAdmin.hours.closed')}</p>}
        {intervals.length > 0 && (
          <ol className="bc-admin-intervals">
            {intervals.map((interval, index) => {
              const whole = problemOf(`intervals.${index}`);
              const label = t('officeAdmin.hours.interval', { day: dayName, n: index + 1 });
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: intervals have no identity but their place
                <li key={index} className="bc-admin-interval">
                  <IntervalTimeInputs
                    idBase={`${base}-${index}`}
                    label={label}
                    interval={interval}
                    problemOf={(field) =>
                      problemOf(`intervals.${index}.${field}`) ?? (field === 'opensAt' ? whole : undefined)
                    }
                    onChange={(field, value) => change(index, field, value)}
                  />
                  <button
                    type="button"
                    className="kern-btn kern-btn--tertiary bc-admin-wrap"
                    onClick={() => remove(index)}
                  >
                    <span className="kern-label">{t('officeAdmin.hours.remove', { n: index + 1 })}</span>
                    <span className="kern-sr-only"> ({dayName})</span>
                  </button>
                </li>
              );
            })}
          </ol>
        )}
        {dayProblems.map((p) => (
          <FieldError key={p.field} id={`${base}-${p.field}-error`} text={problemText(p.code)} />
        ))}
        <div>
          <button
            id={`${base}-add`}
            type="button"
            className="kern-btn kern-btn--secondary bc-admin-wrap"
            onClick={add}
            disabled={intervals.length >= MAX_INTERVALS}
          >
            <span className="kern-label">{t('officeAdmin.hours.add')}</span>
            <span className="kern-sr-only"> ({dayName})</span>
          </button>
        </div>
      </div>
    </fieldset>
  );
}
