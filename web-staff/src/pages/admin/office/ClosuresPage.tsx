import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/Dialog';
import { OfficeScope } from '../../../components/OfficeScope';
import { StatusRegion, useNotice } from '../../../components/StatusRegion';
import { TableScroll } from '../../../components/TableScroll';
import { ADMIN_BASE } from '../../../lib/paths';
import type { StaffOffice } from '../../../session/offices';
import { AdminPageFrame, AdminQueryState } from '../AdminPageFrame';
import { AdminField, type Problem } from './fields';
import {
  AddOfficeClosureMutation,
  NotifyClosureAffectedMutation,
  OfficeAdministrationQuery,
  RemoveOfficeClosureMutation,
} from './office-documents';
import './office-admin.css';

/** "Donnerstag, 4. März 2027" of an office-local date. */
export function longDate(date: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'de-DE', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

/**
 * /verwaltung/:office/schliesstage — the closing days from today on with their booked appointments; adding one says
 * how many are affected, and the citizens can be told (their appointments are cancelled with an "office closed" mail).
 */
export function ClosuresPage() {
  return <OfficeScope base={ADMIN_BASE}>{(office) => <Closures key={office.id} office={office} />}</OfficeScope>;
}

function Closures(props: { office: StaffOffice }) {
  const { t, i18n } = useTranslation();
  const officeId = props.office.id;
  const { data, loading, error, refetch } = useQuery(OfficeAdministrationQuery, {
    variables: { officeId },
    fetchPolicy: 'network-only',
  });
  const view = data?.officeAdministration;
  const { notice, show } = useNotice();
  const [draft, setDraft] = useState({ date: '', note: '' });
  const [problems, setProblems] = useState<Problem[]>([]);
  const [confirming, setConfirming] = useState<{ date: string; count: number } | null>(null);
  const refresh = { refetchQueries: ['OfficeAdministration'], awaitRefetchQueries: true };
  const [add, adding] = useMutation(AddOfficeClosureMutation, refresh);
  const [remove, removing] = useMutation(RemoveOfficeClosureMutation, refresh);
  const [notify, notifying] = useMutation(NotifyClosureAffectedMutation, refresh);
  const day = (date: string) => longDate(date, i18n.language);
  const failed = () => show({ tone: 'danger', text: t('officeAdmin.failed') });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const res = (await add({ variables: { officeId, date: draft.date, note: draft.note } })).data?.addOfficeClosure;
      if (res?.__typename === 'OfficeClosure') {
        setProblems([]);
        setDraft({ date: '', note: '' });
        show({
          tone: res.affectedAppointments > 0 ? 'warning' : 'success',
          text: `${t('officeAdmin.closures.added', { day: day(res.date) })} ${t('officeAdmin.closures.affected', {
            count: res.affectedAppointments,
          })}`,
        });
      } else if (res?.__typename === 'InvalidInput') {
        setProblems(res.fields);
        show({ tone: 'danger', text: t('officeAdmin.notSaved', { count: res.fields.length }) });
      } else show({ tone: 'danger', text: t('officeAdmin.notAllowed') });
    } catch {
      failed();
    }
  };
  const removeClosure = async (date: string) => {
    try {
      const res = (await remove({ variables: { officeId, date } })).data?.removeOfficeClosure;
      if (res?.__typename === 'OfficeClosureRemoved')
        show({ tone: 'success', text: t('officeAdmin.closures.removed', { day: day(date) }) });
      else failed();
    } catch {
      failed();
    }
  };
  const notifyAffected = async (date: string) => {
    try {
      const res = (await notify({ variables: { officeId, date } })).data?.notifyClosureAffected;
      setConfirming(null);
      if (res?.__typename === 'ClosureNotified')
        show({
          tone: 'success',
          text: `${t('officeAdmin.closures.notified', { count: res.cancelled, day: day(date) })}${
            res.remaining > 0 ? ` ${t('officeAdmin.closures.remaining', { count: res.remaining })}` : ''
          }`,
        });
      else if (res?.__typename === 'InvalidInput')
        show({ tone: 'danger', text: t(`officeAdmin.problem.${res.fields[0]?.code ?? 'NOT_CLOSED'}`) });
      else show({ tone: 'danger', text: t('officeAdmin.notAllowed') });
    } catch {
      setConfirming(null);
      failed();
    }
  };
  const problemOf = (f: string) => problems.find((p) => p.field === f);

  return (
    <AdminPageFrame
      title={t('officeAdmin.closures.title')}
      office={props.office}
      intro={t('officeAdmin.closures.intro')}
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
          <form className="bc-stack" aria-labelledby="closure-add-heading" onSubmit={submit} noValidate>
            <h2 id="closure-add-heading" className="kern-heading-medium">
              {t('officeAdmin.closures.addHeading')}
            </h2>
            <AdminField
              id="closure-date"
              type="date"
              className="bc-admin-number"
              label={t('officeAdmin.closures.date')}
              problem={problemOf('date')}
              value={draft.date}
              min={view.today}
              required
              onValue={(date) => setDraft((d) => ({ ...d, date }))}
            />
            <AdminField
              id="closure-note"
              label={t('officeAdmin.closures.note')}
              hint={t('officeAdmin.closures.noteHint')}
              problem={problemOf('note')}
              value={draft.note}
              autoComplete="off"
              onValue={(note) => setDraft((d) => ({ ...d, note }))}
            />
            <div>
              <button type="submit" className="kern-btn kern-btn--primary" disabled={adding.loading}>
                <span className="kern-label">{t('officeAdmin.closures.add')}</span>
              </button>
            </div>
          </form>
          <section className="bc-stack" aria-labelledby="closure-list-heading">
            <h2 id="closure-list-heading" className="kern-heading-medium">
              {t('officeAdmin.closures.listHeading')}
            </h2>
            {view.closures.length === 0 ? (
              <p className="kern-body">{t('officeAdmin.closures.none')}</p>
            ) : (
              <TableScroll labelledBy="closure-list-heading">
                <table className="kern-table kern-table--small" aria-labelledby="closure-list-heading">
                  <thead>
                    <tr className="kern-table__row">
                      <th scope="col" className="kern-table__header">
                        {t('officeAdmin.closures.date')}
                      </th>
                      <th scope="col" className="kern-table__header">
                        {t('officeAdmin.closures.note')}
                      </th>
                      <th scope="col" className="kern-table__header">
                        {t('officeAdmin.closures.booked')}
                      </th>
                      <th scope="col" className="kern-table__header">
                        {t('officeAdmin.closures.actions')}
                      </th>
                    </tr>
                  </thead>
                  <tbody className="kern-table__body">
                    {view.closures.map((c) => (
                      <tr key={c.date} className="kern-table__row">
                        <th scope="row" className="kern-table__header">
                          {day(c.date)}
                        </th>
                        <td className="kern-table__cell">{c.note || '–'}</td>
                        <td className="kern-table__cell">
                          {t('officeAdmin.closures.affected', { count: c.affectedAppointments })}
                        </td>
                        <td className="kern-table__cell">
                          <div className="bc-admin-day__actions">
                            {c.affectedAppointments > 0 && (
                              <button
                                type="button"
                                className="kern-btn kern-btn--secondary"
                                onClick={() => setConfirming({ date: c.date, count: c.affectedAppointments })}
                              >
                                <span className="kern-label">{t('officeAdmin.closures.notify')}</span>
                                <span className="kern-sr-only"> ({day(c.date)})</span>
                              </button>
                            )}
                            <button
                              type="button"
                              className="kern-btn kern-btn--tertiary"
                              disabled={removing.loading}
                              onClick={() => void removeClosure(c.date)}
                            >
                              <span className="kern-label">{t('officeAdmin.closures.remove')}</span>
                              <span className="kern-sr-only"> ({day(c.date)})</span>
                            </button>
                          </div>
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
      {confirming && (
        <Dialog
          title={t('officeAdmin.closures.confirmTitle', { day: day(confirming.date) })}
          description={t('officeAdmin.closures.confirmText', { count: confirming.count })}
          submitLabel={t('officeAdmin.closures.confirm')}
          busy={notifying.loading}
          initialFocus="submit"
          onSubmit={() => void notifyAffected(confirming.date)}
          onClose={() => setConfirming(null)}
        />
      )}
    </AdminPageFrame>
  );
}
