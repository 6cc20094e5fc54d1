import { useQuery } from '@apollo/client/react';
import { FieldError, QueryState, usePageTitle } from '@bc/schema';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OfficeLine, OfficeScope } from '../../components/OfficeScope';
import type { StatisticsGranularity } from '../../gql/graphql';
import { STATISTICS_BASE } from '../../lib/paths';
import type { StaffOffice } from '../../session/offices';
import { StatisticsTables } from './StatisticsTables';
import { OfficeStatisticsQuery } from './statistics-documents';
import './statistics.css';

type Period = { from: string; to: string; granularity: StatisticsGranularity };

const GRANULARITIES: StatisticsGranularity[] = ['DAY', 'WEEK', 'MONTH'];

/** 'YYYY-MM-DD' of an instant on the office's calendar. */
function localDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );
}

function defaultPeriod(timeZone: string): Period {
  const now = Date.now();
  return {
    from: localDate(new Date(now - 29 * 86_400_000), timeZone),
    to: localDate(new Date(now), timeZone),
    granularity: 'WEEK',
  };
}

/** /statistik/:office — an office's statistics for a chosen period (office managers and admins). */
export function StatisticsPage() {
  return <OfficeScope base={STATISTICS_BASE}>{(office) => <Statistics key={office.id} office={office} />}</OfficeScope>;
}

function Statistics(props: { office: StaffOffice }) {
  const { t } = useTranslation();
  const { office } = props;
  usePageTitle(`${t('stats.title')} – ${office.name}`);
  const [draft, setDraft] = useState<Period>(() => defaultPeriod(office.timeZone));
  const [shown, setShown] = useState<Period>(draft);
  const { data, previousData, loading, error, refetch } = useQuery(OfficeStatisticsQuery, {
    variables: { officeId: office.id, ...shown },
  });
  const result = (data ?? previousData)?.officeStatistics;
  const problems = result?.__typename === 'InvalidInput' ? result.fields : [];
  const problemOf = (field: string) => problems.find((p) => p.field === field);
  const formId = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setShown({ ...draft });
  };
  const problemText = (code: string) => t(`stats.problem.${code}`, { defaultValue: t('stats.problem.INVALID_DATE') });

  return (
    <div className="bc-stack-lg bc-stats">
      <div className="bc-stack-sm">
        <h1 className="kern-heading-large">{t('stats.title')}</h1>
        <OfficeLine base={STATISTICS_BASE} office={office} />
      </div>
      <form className="bc-stats__form" onSubmit={submit} aria-labelledby={`${formId}-legend`} noValidate>
        <h2 id={`${formId}-legend`} className="kern-heading-medium">
          {t('stats.period')}
        </h2>
        <div className="bc-stats__fields">
          {(['from', 'to'] as const).map((field) => {
            const problem = problemOf(field);
            return (
              <div key={field} className={`kern-form-input${problem ? ' kern-form-input--error' : ''}`}>
                <label className="kern-label" htmlFor={`stats-${field}`}>
                  {t(`stats.${field}`)}
                </label>
                <input
                  id={`stats-${field}`}
                  type="date"
                  className={`kern-form-input__input${problem ? ' kern-form-input__input--error' : ''}`}
                  value={draft[field]}
                  required
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={problem ? `stats-${field}-error` : undefined}
                  onChange={(e) => setDraft((d) => ({ ...d, [field]: e.target.value }))}
                />
                {problem && <FieldError id={`stats-${field}-error`} text={problemText(problem.code)} />}
              </div>
            );
          })}
          <div className="kern-form-input">
            <label className="kern-label" htmlFor="stats-granularity">
              {t('stats.granularity')}
            </label>
            <div className="kern-form-input__select-wrapper">
              <select
                id="stats-granularity"
                className="kern-form-input__select"
                value={draft.granularity}
                onChange={(e) => setDraft((d) => ({ ...d, granularity: e.target.value as StatisticsGranularity }))}
              >
                {GRANULARITIES.map((g) => (
                  <option key={g} value={g}>
                    {t(`stats.by.${g}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <button type="submit" className="kern-btn kern-btn--primary bc-stats__submit">
            <span className="kern-label">{t('stats.show')}</span>
          </button>
        </div>
      </form>
      <QueryState loading={loading && !result} error={error} onRetry={() => void refetch()} />
      {result?.__typename === 'OfficeNotAllowed' && (
        <p className="kern-body" role="alert">
          {t('stats.notAllowed')}
        </p>
      )}
      {result?.__typename === 'OfficeStatistics' && (
        <StatisticsTables statistics={result} officeSlug={office.slug} busy={loading} />
      )}
    </div>
  );
}
