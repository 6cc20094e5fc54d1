import { useMutation, useQuery } from '@apollo/client/react';
import { FieldError } from '@bc/schema';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OfficeScope } from '../../../components/OfficeScope';
import { StatusRegion, useNotice } from '../../../components/StatusRegion';
import { TableScroll } from '../../../components/TableScroll';
import { ADMIN_BASE } from '../../../lib/paths';
import type { StaffOffice } from '../../../session/offices';
import { AdminPageFrame, AdminQueryState } from '../AdminPageFrame';
import { longDate } from './ClosuresPage';
import { AdminField, IntervalTimeInputs, type Problem, useProblemText } from './fields';
import { OfficeAdministrationQuery, SetExtraOpeningDayMutation } from './office-documents';
import './office-admin.css';

type Interval = { opensAt: string; closesAt: string };

/**
 * /verwaltung/:office/sonderoeffnungstage — days the office opens although its weekday is closed (or at other hours):
 * the day's intervals replace the weekly hours for appointments and walk-ins. A closing day on the same date wins.
 */
export function ExtraDaysPage() {
  return <OfficeScope base={ADMIN_BASE}>{(office) => <ExtraDays key={office.id} office={office} />}</OfficeScope>;
}

function ExtraDays(props: { office: StaffOffice }) {
  const { t, i18n } = useTranslation();
  const problemText = useProblemText();
  const officeId = props.office.id;
  const { data, loading, error, refetch } = useQuery(OfficeAdministrationQuery, {
    variables: { officeId },
    fetchPolicy: 'network-only',
  });
  const view = data?.officeAdministration;
  const { notice, show } = useNotice();
  const [date, setDate] = useState('');
  const [note, setNote] = useState('');
  const [intervals, setIntervals] = useState<Interval[]>([{ opensAt: '09:00', closesAt: '12:00' }]);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [save, saving] = useMutation(SetExtraOpeningDayMutation, {
    refetchQueries: ['OfficeAdministration'],
    awaitRefetchQueries: true,
  });
  const day = (d: string) => longDate(d, i18n.language);
  const problemOf = (f: string) => problems.find((p) => p.field === f);

  const send = async (d: string, list: Interval[], text: string | null) => {
    try {
      const res = (await save({ variables: { officeId, date: d, intervals: list, note: text } })).data
        ?.setExtraOpeningDay;
      if (res?.__typename === 'ExtraOpeningDay') {
        setProblems([]);
        show({
          tone: 'success',
          text: t(res.intervals.length > 0 ? 'officeAdmin.extraDays.saved' : 'officeAdmin.extraDays.removed', {
            day: day(res.date),
          }),
        });
        return true;
      }
      if (res?.__typename === 'InvalidInput') {
        setProblems(res.fields);
        show({ tone: 'danger', text: t('officeAdmin.notSaved', { count: res.fields.length }) });
      } else show({ tone: 'danger', text: t('officeAdmin.notAllowed') });
    } catch {
      show({ tone: 'danger', text: t('officeAdmin.failed') });
    }
    return false;
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await send(date, intervals, note)) {
      setDate('');
      setNote('');
    }
  };
  const change = (index: number, field: keyof Interval, value: string) =>
    setIntervals((list) => list.map((i, n) => (n === index ? { ...i, [field]: value } : i)));
  const wholeProblems = problems.filter((p) => p.field === 'intervals' || /^intervals\.\d+$/.test(p.field));

  return (
    <AdminPageFrame
      title={t('officeAdmin.extraDays.title')}
      office={props.office}
      intro={t('officeAdmin.extraDays.intro')}
    >
      <AdminQueryState
        loading={loading && !view}
        error={error}
        onRetry={() => void refetch()}
        notAllowed={view?.__typename === 'OfficeNotAllowed' && t('officeAdmin.notAllowed')}
      />
      <StatusRegion notice={notice} />
      {view?.__typename === 'OfficeAdministration' && (
        <>
          <form className="bc-stack" aria-labelledby="extra-add-heading" onSubmit={submit} noValidate>
            <h2 id="extra-add-heading" className="kern-heading-medium">
              {t('officeAdmin.extraDays.addHeading')}
            </h2>
            <AdminField
              id="extra-date"
              type="date"
              className="bc-admin-number"
              label={t('officeAdmin.closures.date')}
              problem={problemOf('date')}
              value={date}
              min={view.today}
              required
              onValue={setDate}
            />
            <fieldset className="kern-fieldset">
              <legend className="kern-label">{t('officeAdmin.extraDays.hours')}</legend>
              <ol className="bc-admin-intervals">
                {intervals.map((interval, index) => {
                  const label = t('officeAdmin.extraDays.interval', { n: index + 1 });
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: intervals have no identity but their place
                    <li key={index} className="bc-admin-interval">
                      <IntervalTimeInputs
                        idBase={`extra-${index}`}
                        label={label}
                        interval={interval}
                        problemOf={(field) => problemOf(`intervals.${index}.${field}`)}
                        onChange={(field, value) => change(index, field, value)}
                      />
                      {intervals.length > 1 && (
                        <button
                          type="button"
                          className="kern-btn kern-btn--tertiary"
                          onClick={() => setIntervals((list) => list.filter((_, n) => n !== index))}
                        >
                          <span className="kern-label">{t('officeAdmin.hours.remove', { n: index + 1 })}</span>
                        </button>
                      )}
                    </li>
                  );
                })}
              </ol>
              {wholeProblems.map((p) => (
                <FieldError key={p.field} id={`extra-${p.field}-error`} text={problemText(p.code)} />
              ))}
              <div className="bc-admin-day__actions">
                <button
                  type="button"
                  className="kern-btn kern-btn--secondary"
                  disabled={intervals.length >= 6}
                  onClick={() =>
                    setIntervals((list) => [...list, { opensAt: list.at(-1)?.closesAt ?? '09:00', closesAt: '' }])
                  }
                >
                  <span className="kern-label">{t('officeAdmin.hours.add')}</span>
                </button>
              </div>
            </fieldset>
            <AdminField
              id="extra-note"
              label={t('officeAdmin.closures.note')}
              hint={t('officeAdmin.extraDays.noteHint')}
              problem={problemOf('note')}
              value={note}
              autoComplete="off"
              onValue={setNote}
            />
            <div>
              <button type="submit" className="kern-btn kern-btn--primary" disabled={saving.loading}>
                <span className="kern-label">{t('officeAdmin.extraDays.save')}</span>
              </button>
            </div>
          </form>
          <section className="bc-stack" aria-labelledby="extra-list-heading">
            <h2 id="extra-list-heading" className="kern-heading-medium">
              {t('officeAdmin.extraDays.listHeading')}
            </h2>
            {view.extraDays.length === 0 ? (
              <p className="kern-body">{t('officeAdmin.extraDays.none')}</p>
            ) : (
              <TableScroll labelledBy="extra-list-heading">
                <table className="kern-table kern-table--small" aria-labelledby="extra-list-heading">
                  <thead>
                    <tr className="kern-table__row">
                      <th scope="col" className="kern-table__header">
                        {t('officeAdmin.closures.date')}
                      </th>
                      <th scope="col" className="kern-table__header">
                        {t('officeAdmin.extraDays.hours')}
                      </th>
                      <th scope="col" className="kern-table__header">
                        {t('officeAdmin.closures.note')}
                      </th>
                      <th scope="col" className="kern-table__header">
                        {t('officeAdmin.closures.actions')}
                      </th>
                    </tr>
                  </thead>
                  <tbody className="kern-table__body">
                    {view.extraDays.map((d) => (
                      <tr key={d.date} className="kern-table__row">
                        <th scope="row" className="kern-table__header">
                          {day(d.date)}
                        </th>
                        <td className="kern-table__cell">
                          {d.intervals.map((i) => `${i.opensAt}–${i.closesAt}`).join(', ')}
                        </td>
                        <td className="kern-table__cell">{d.note || '–'}</td>
                        <td className="kern-table__cell">
                          <button
                            type="button"
                            className="kern-btn kern-btn--tertiary"
                            disabled={saving.loading}
                            onClick={() => void send(d.date, [], null)}
                          >
                            <span className="kern-label">{t('officeAdmin.extraDays.remove')}</span>
                            <span className="kern-sr-only"> ({day(d.date)})</span>
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </section>
        </>
      )}
    </AdminPageFrame>
  );
}
