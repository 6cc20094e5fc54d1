import { useTranslation } from 'react-i18next';
import type { OfficeStatisticsQuery, PeriodStatisticsFieldsFragment } from '../../gql/graphql';
import { BarChart } from './BarChart';
import { EstimateAccuracyTable } from './EstimateAccuracyTable';
import { StatsTable as Table } from './StatsTable';
import { useStatsNumbers } from './stats-numbers';

type Statistics = Extract<OfficeStatisticsQuery['officeStatistics'], { __typename: 'OfficeStatistics' }>;
type PeriodRow = PeriodStatisticsFieldsFragment;
type Summary = { count: number; mean?: number | null; median?: number | null; p90?: number | null };

const CHANNELS = [
  'appointmentWeb',
  'appointmentPortal',
  'appointmentInfoDesk',
  'walkInKiosk',
  'walkInInfoDesk',
] as const;

/** The statistics' tables (with a chart beside two of them, showing the same numbers) and the CSV download. */
export function StatisticsTables(props: { statistics: Statistics; officeSlug: string; busy: boolean }) {
  const { t } = useTranslation();
  const s = props.statistics;
  const { locale, number, percent } = useStatsNumbers();
  const date = (d: string, opts: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...opts }).format(new Date(`${d}T00:00:00Z`));
  const periodLabel = (p: { from: string; to: string }) => {
    if (s.granularity === 'MONTH' && p.from.slice(0, 7) === p.to.slice(0, 7))
      return date(p.from, { month: 'long', year: 'numeric' });
    const full = { day: '2-digit', month: '2-digit', year: 'numeric' } as const;
    return p.from === p.to ? date(p.from, full) : `${date(p.from, full)} – ${date(p.to, full)}`;
  };
  const rows: { key: string; label: string; total: boolean; p: PeriodRow }[] = [
    ...s.periods.map((p) => ({ key: p.from, label: periodLabel(p), total: false, p })),
    { key: 'total', label: t('stats.total'), total: true, p: s.total },
  ];
  const hours = s.arrivalsByHour.filter((h) => h.arrivals > 0);
  const hourRange = hours.length
    ? s.arrivalsByHour.filter((h) => h.hour >= (hours[0]?.hour ?? 0) && h.hour <= (hours[hours.length - 1]?.hour ?? 23))
    : [];
  const hourLabel = (h: number) => `${String(h).padStart(2, '0')}:00`;
  const summaryCells = (x: Summary) => (
    <>
      <td className="kern-table__cell kern-table__cell--numeric">{x.count}</td>
      <td className="kern-table__cell kern-table__cell--numeric">{number(x.mean)}</td>
      <td className="kern-table__cell kern-table__cell--numeric">{number(x.median)}</td>
      <td className="kern-table__cell kern-table__cell--numeric">{number(x.p90)}</td>
    </>
  );
  const download = () => {
    // A byte order mark, so spreadsheet programs read the umlauts as UTF-8.
    const blob = new Blob([`\uFEFF${s.csv}`], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `statistik-${props.officeSlug}-${s.from}-${s.to}.csv`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <div className="bc-stack-lg" aria-busy={props.busy || undefined}>
      <section aria-labelledby="stats-summary-heading" className="bc-stack">
        <h2 id="stats-summary-heading" className="kern-heading-medium">
          {t('stats.summaryTitle', {
            from: periodLabel({ from: s.from, to: s.from }),
            to: periodLabel({ from: s.to, to: s.to }),
          })}
        </h2>
        <dl className="bc-stats__summary">
          <Figure label={t('stats.visitors')} value={number(s.total.visitors)} />
          <Figure
            label={t('stats.waitAppointmentMedian')}
            value={`${number(s.total.waitAppointment.median)} ${t('stats.min')}`}
          />
          <Figure
            label={t('stats.waitWalkInMedian')}
            value={`${number(s.total.waitWalkIn.median)} ${t('stats.min')}`}
          />
          <Figure label={t('stats.noShowRate')} value={percent(s.total.noShowRate)} />
          <Figure label={t('stats.refusals')} value={number(s.total.walkInRefusals)} />
          <Figure label={t('stats.pastClosing')} value={`${number(s.total.minutesPastClosing)} ${t('stats.min')}`} />
        </dl>
        <p>
          <button type="button" className="kern-btn kern-btn--secondary" onClick={download}>
            <span className="kern-label">{t('stats.csv')}</span>
          </button>
        </p>
      </section>

      <Table id="stats-visitors" title={t('stats.visitorsTitle')}>
        <thead>
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              {t('stats.periodCol')}
            </th>
            {CHANNELS.map((c) => (
              <th key={c} scope="col" className="kern-table__header kern-table__header--numeric">
                {t(`stats.channel.${c}`)}
              </th>
            ))}
            <th scope="col" className="kern-table__header kern-table__header--numeric">
              {t('stats.visitors')}
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {rows.map((r) => (
            <tr key={r.key} className={`kern-table__row${r.total ? ' bc-stats__total' : ''}`}>
              <th scope="row" className="kern-table__header">
                {r.label}
              </th>
              {CHANNELS.map((c) => (
                <td key={c} className="kern-table__cell kern-table__cell--numeric">
                  {r.p.byChannel[c]}
                </td>
              ))}
              <td className="kern-table__cell kern-table__cell--numeric">{r.p.visitors}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      {s.periods.length > 1 && (
        <BarChart
          id="stats-visitors-chart"
          caption={t('stats.visitorsChart')}
          labels={s.periods.map((p) => periodLabel(p))}
          values={s.periods.map((p) => p.visitors)}
        />
      )}

      <Table id="stats-wait" title={t('stats.waitTitle')} note={t('stats.waitNote')}>
        <thead>
          <tr className="kern-table__row">
            <td className="kern-table__header" />
            <th scope="colgroup" colSpan={4} className="kern-table__header">
              {t('stats.appointmentVisitors')}
            </th>
            <th scope="colgroup" colSpan={4} className="kern-table__header">
              {t('stats.walkInVisitors')}
            </th>
          </tr>
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              {t('stats.periodCol')}
            </th>
            {[0, 1].flatMap((g) =>
              (['count', 'mean', 'median', 'p90'] as const).map((k) => (
                <th key={`${g}-${k}`} scope="col" className="kern-table__header kern-table__header--numeric">
                  {t(`stats.${k}`)}
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {rows.map((r) => (
            <tr key={r.key} className={`kern-table__row${r.total ? ' bc-stats__total' : ''}`}>
              <th scope="row" className="kern-table__header">
                {r.label}
              </th>
              {summaryCells(r.p.waitAppointment)}
              {summaryCells(r.p.waitWalkIn)}
            </tr>
          ))}
        </tbody>
      </Table>

      <EstimateAccuracyTable rows={rows} />

      <Table id="stats-service" title={t('stats.serviceTitle')} note={t('stats.serviceNote')}>
        <thead>
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              {t('stats.service')}
            </th>
            {(['count', 'mean', 'median', 'p90'] as const).map((k) => (
              <th key={k} scope="col" className="kern-table__header kern-table__header--numeric">
                {t(`stats.${k}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {s.total.serviceTimes.length === 0 ? (
            <tr className="kern-table__row">
              <td className="kern-table__cell" colSpan={5}>
                {t('stats.none')}
              </td>
            </tr>
          ) : (
            s.total.serviceTimes.map((x) => (
              <tr key={x.serviceId} className="kern-table__row">
                <th scope="row" className="kern-table__header">
                  {x.serviceName}
                </th>
                {summaryCells(x)}
              </tr>
            ))
          )}
        </tbody>
      </Table>

      <Table id="stats-outcomes" title={t('stats.outcomesTitle')} note={t('stats.outcomesNote')}>
        <thead>
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              {t('stats.periodCol')}
            </th>
            {(
              [
                'ticketNoShows',
                'missedAppointments',
                'noShowRate',
                'refusals',
                'pastClosing',
                'dayClosedWaiting',
                'dayClosedAtCounter',
              ] as const
            ).map((k) => (
              <th key={k} scope="col" className="kern-table__header kern-table__header--numeric">
                {t(`stats.${k}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {rows.map((r) => (
            <tr key={r.key} className={`kern-table__row${r.total ? ' bc-stats__total' : ''}`}>
              <th scope="row" className="kern-table__header">
                {r.label}
              </th>
              <td className="kern-table__cell kern-table__cell--numeric">{r.p.ticketNoShows}</td>
              <td className="kern-table__cell kern-table__cell--numeric">{r.p.missedAppointments}</td>
              <td className="kern-table__cell kern-table__cell--numeric">{percent(r.p.noShowRate)}</td>
              <td className="kern-table__cell kern-table__cell--numeric">{r.p.walkInRefusals}</td>
              <td className="kern-table__cell kern-table__cell--numeric">{r.p.minutesPastClosing}</td>
              <td className="kern-table__cell kern-table__cell--numeric">{r.p.dayClosedWaiting}</td>
              <td className="kern-table__cell kern-table__cell--numeric">{r.p.dayClosedAtCounter}</td>
            </tr>
          ))}
        </tbody>
      </Table>

      <Table id="stats-hours" title={t('stats.hoursTitle')} note={t('stats.hoursNote')}>
        <thead>
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              {t('stats.hour')}
            </th>
            <th scope="col" className="kern-table__header kern-table__header--numeric">
              {t('stats.arrivals')}
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {hourRange.length === 0 ? (
            <tr className="kern-table__row">
              <td className="kern-table__cell" colSpan={2}>
                {t('stats.none')}
              </td>
            </tr>
          ) : (
            hourRange.map((h) => (
              <tr key={h.hour} className="kern-table__row">
                <th scope="row" className="kern-table__header">
                  {hourLabel(h.hour)}
                </th>
                <td className="kern-table__cell kern-table__cell--numeric">{h.arrivals}</td>
              </tr>
            ))
          )}
        </tbody>
      </Table>
      {hourRange.length > 0 && (
        <BarChart
          id="stats-hours-chart"
          caption={t('stats.hoursChart')}
          labels={hourRange.map((h) => hourLabel(h.hour))}
          values={hourRange.map((h) => h.arrivals)}
        />
      )}
    </div>
  );
}

function Figure(props: { label: string; value: string }) {
  return (
    <div className="bc-stats__figure">
      <dt className="kern-body kern-body--small">{props.label}</dt>
      <dd className="kern-heading-medium">{props.value}</dd>
    </div>
  );
}
