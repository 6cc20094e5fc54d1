import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusRegion, useNotice } from '../../components/StatusRegion';
import { TableScroll } from '../../components/TableScroll';
import { catalogLang } from '../../components/TicketBits';
import type { DeskWalkInStatusQuery, WalkInOverride } from '../../gql/graphql';
import { formatTime } from '../../lib/datetime';
import { failureNotice, fieldProblemText } from '../../queue/outcome-text';
import { SetWalkInOverrideMutation, WalkInStatusQuery } from './desk-documents';

type Status = DeskWalkInStatusQuery['walkInStatus'];
type ServiceStatus = Status['services'][number];
type OverrideChoice = 'AUTO' | WalkInOverride;

/**
 * Which services still take walk-ins today, which the closing guard (or the manager) has closed and since when, and
 * when a new ticket would be called and done. Office managers and admins can force a service open or closed for the
 * rest of the day, or hand it back to the guard.
 */
export function WalkInStatusPanel(props: { officeId: string; timeZone: string; status: Status; canOverride: boolean }) {
  const { t, i18n } = useTranslation();
  const { notice, show } = useNotice();
  const time = (iso: string | null) => (iso ? formatTime(iso, props.timeZone, i18n.language) : '–');
  const s = props.status;

  return (
    <section className="bc-stack" aria-labelledby="walkin-status-heading">
      <h2 id="walkin-status-heading" className="kern-heading-medium">
        {t('walkInStatus.title')}
      </h2>
      <p className="kern-body">
        {s.officeOpen && s.closesAt
          ? t('walkInStatus.openUntil', { time: time(s.closesAt) })
          : t('walkInStatus.officeClosed')}
      </p>
      {props.canOverride && <p className="kern-body">{t('walkInStatus.overrideIntro')}</p>}
      <StatusRegion notice={notice} />
      <TableScroll labelledBy="walkin-status-heading">
        <table className="kern-table kern-table--small" aria-labelledby="walkin-status-heading">
          <thead>
            <tr className="kern-table__row">
              <th scope="col" className="kern-table__header">
                {t('walkInStatus.service')}
              </th>
              <th scope="col" className="kern-table__header">
                {t('walkInStatus.state')}
              </th>
              <th scope="col" className="kern-table__header">
                {t('walkInStatus.since')}
              </th>
              <th scope="col" className="kern-table__header">
                {t('walkInStatus.predicted')}
              </th>
              <th scope="col" className="kern-table__header">
                {t('walkInStatus.override')}
              </th>
            </tr>
          </thead>
          <tbody className="kern-table__body">
            {s.services.map((row) => (
              <tr key={row.serviceId} className="kern-table__row">
                <th scope="row" className="kern-table__header" lang={catalogLang}>
                  {row.name}
                </th>
                <td className="kern-table__cell">
                  <span className={`kern-badge kern-badge--small kern-badge--${row.open ? 'success' : 'warning'}`}>
                    <span className="kern-label kern-label--small">
                      {t(row.open ? 'walkInStatus.open' : 'walkInStatus.closed')}
                    </span>
                  </span>
                  {!row.open && row.reason && (
                    <span className="kern-body kern-body--small bc-block">{t(`refusal.${row.reason}`)}</span>
                  )}
                </td>
                <td className="kern-table__cell">{row.closedSince ? time(row.closedSince) : '–'}</td>
                <td className="kern-table__cell">
                  {row.predictedCallAt && row.predictedFinishAt
                    ? t('walkInStatus.callAndFinish', {
                        call: time(row.predictedCallAt),
                        finish: time(row.predictedFinishAt),
                      })
                    : '–'}
                </td>
                <td className="kern-table__cell">
                  {props.canOverride ? (
                    <OverrideControl officeId={props.officeId} service={row} show={show} />
                  ) : (
                    t(`walkInStatus.overrideValue.${row.override ?? 'AUTO'}`)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

function OverrideControl(props: {
  officeId: string;
  service: ServiceStatus;
  show: ReturnType<typeof useNotice>['show'];
}) {
  const { t } = useTranslation();
  const current: OverrideChoice = props.service.override ?? 'AUTO';
  const [choice, setChoice] = useState<OverrideChoice>(current);
  const [save, { loading }] = useMutation(SetWalkInOverrideMutation, { refetchQueries: [WalkInStatusQuery] });
  const id = `override-${props.service.serviceId}`;

  const apply = async () => {
    if (loading) return;
    try {
      const { data } = await save({
        variables: {
          officeId: props.officeId,
          serviceId: props.service.serviceId,
          override: choice === 'AUTO' ? null : choice,
        },
      });
      const r = data?.setWalkInOverride;
      switch (r?.__typename) {
        case 'WalkInServiceStatus':
          props.show({
            tone: 'success',
            text: t(`walkInStatus.saved.${r.override ?? 'AUTO'}`, { service: props.service.name }),
          });
          return;
        case 'InvalidInput':
          props.show({ tone: 'warning', text: t('outcome.invalid', { details: fieldProblemText(t, r.fields) }) });
          return;
        case 'OfficeNotAllowed':
          props.show({ tone: 'danger', text: t('outcome.officeNotAllowed') });
          return;
        default:
          props.show(failureNotice(t));
      }
    } catch (err) {
      props.show(failureNotice(t, err));
    }
  };

  return (
    <div className="bc-override">
      <label className="kern-sr-only" htmlFor={id}>
        {t('walkInStatus.overrideFor', { service: props.service.name })}
      </label>
      <div className="kern-form-input__select-wrapper">
        <select
          id={id}
          className="kern-form-input__select"
          value={choice}
          onChange={(e) => setChoice(e.target.value as OverrideChoice)}
        >
          {(['AUTO', 'OPEN', 'CLOSED'] as const).map((o) => (
            <option key={o} value={o}>
              {t(`walkInStatus.overrideValue.${o}`)}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        className="kern-btn kern-btn--secondary kern-btn--x-small"
        aria-disabled={loading || choice === current || undefined}
        onClick={() => {
          if (choice !== current) void apply();
        }}
      >
        <RowApplyLabel service={props.service.name} />
      </button>
    </div>
  );
}

function RowApplyLabel(props: { service: string }) {
  const { t } = useTranslation();
  return (
    <span className="kern-label">
      {t('walkInStatus.apply')}
      <span className="kern-sr-only">
        : <span lang={catalogLang}>{props.service}</span>
      </span>
    </span>
  );
}
