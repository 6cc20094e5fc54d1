import { useTranslation } from 'react-i18next';
import type { PeriodStatisticsFieldsFragment } from '../../gql/graphql';
import { BarChart } from './BarChart';
import { StatsTable } from './StatsTable';
import { useStatsNumbers } from './stats-numbers';

type Accuracy = PeriodStatisticsFieldsFragment['estimateAccuracy'];
const GROUPS = ['all', 'appointment', 'walkIn'] as const;

/**
 * How honest the estimates told at ticket issue were, per period and in total, for all visitors, appointment visitors
 * and walk-ins; with a chart of the mean absolute error per period (the table is its text alternative).
 */
export function EstimateAccuracyTable(props: {
  rows: { key: string; label: string; total: boolean; p: { estimateAccuracy: Accuracy } }[];
}) {
  const { t } = useTranslation();
  const { number, signed, percent } = useStatsNumbers();
  const periods = props.rows.filter((r) => !r.total);
  const minutes = (n: number | null | undefined) => (n == null ? '–' : `${number(n)} ${t('stats.min')}`);
  return (
    <>
      <StatsTable id="stats-estimate" title={t('stats.estimateTitle')} note={t('stats.estimateNote')}>
        <thead>
          <tr className="kern-table__row">
            <td className="kern-table__header" />
            {GROUPS.map((g) => (
              <th key={g} scope="colgroup" colSpan={4} className="kern-table__header">
                {t(`stats.estimateGroup.${g}`)}
              </th>
            ))}
          </tr>
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              {t('stats.periodCol')}
            </th>
            {GROUPS.flatMap((g) =>
              (['count', 'estimateError', 'estimateBias', 'estimateInside'] as const).map((k) => (
                <th key={`${g}-${k}`} scope="col" className="kern-table__header kern-table__header--numeric">
                  {t(`stats.${k}`)}
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {props.rows.map((r) => (
            <tr key={r.key} className={`kern-table__row${r.total ? ' bc-stats__total' : ''}`}>
              <th scope="row" className="kern-table__header">
                {r.label}
              </th>
              {GROUPS.map((g) => {
                const a = r.p.estimateAccuracy[g];
                return [
                  <td key={`${g}-count`} className="kern-table__cell kern-table__cell--numeric">
                    {a.count}
                  </td>,
                  <td key={`${g}-error`} className="kern-table__cell kern-table__cell--numeric">
                    {number(a.meanAbsoluteError)}
                  </td>,
                  <td key={`${g}-bias`} className="kern-table__cell kern-table__cell--numeric">
                    {signed(a.bias)}
                  </td>,
                  <td key={`${g}-inside`} className="kern-table__cell kern-table__cell--numeric">
                    {percent(a.insideRange)}
                  </td>,
                ];
              })}
            </tr>
          ))}
        </tbody>
      </StatsTable>
      {periods.length > 1 && (
        <BarChart
          id="stats-estimate-chart"
          caption={t('stats.estimateChart')}
          labels={periods.map((r) => r.label)}
          values={periods.map((r) => r.p.estimateAccuracy.all.meanAbsoluteError ?? null)}
          valueLabels={periods.map((r) => minutes(r.p.estimateAccuracy.all.meanAbsoluteError))}
        />
      )}
    </>
  );
}
