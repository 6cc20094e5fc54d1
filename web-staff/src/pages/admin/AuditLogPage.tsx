import { useQuery } from '@apollo/client/react';
import { describedBy, FieldError, QueryState } from '@bc/schema';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../components/TableScroll';
import type { AuditFacetsQuery as Facets, AuditLogQuery as LogData } from '../../gql/graphql';
import { formatInstant } from './admin-format';
import { AuditFacetsQuery, AuditLogQuery } from './audit-log-documents';
import './admin-global.css';
import { AdminPageFrame } from './AdminPageFrame';

const PAGE_SIZE = 50;

type Filter = { from: string; to: string; actor: string; operation: string; outcome: string };
type Event = LogData['auditLog'][number];
type Actor = Facets['auditFacets']['actors'][number];

/** The start of a local calendar day ('YYYY-MM-DD') as an instant, `days` later. */
function dayStart(date: string, days = 0): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days).toISOString();
}

/** An actor as a select value: "staff:<id>", "device:<id>", "portal:<id>" or "anonymous". */
function actorValue(a: Actor): string {
  if (a.actorKind === 'staff') return `staff:${a.staffUserId ?? ''}`;
  if (a.actorKind === 'device') return `device:${a.deviceId ?? ''}`;
  if (a.actorKind === 'portal') return `portal:${a.apiKeyId ?? ''}`;
  return a.actorKind;
}

function actorVariables(value: string) {
  const [kind, id] = value.split(':');
  if (!kind) return {};
  return {
    actorKind: kind,
    staffUserId: kind === 'staff' && id ? id : null,
    deviceId: kind === 'device' && id ? id : null,
    apiKeyId: kind === 'portal' && id ? id : null,
  };
}

/** /verwaltung/protokoll — who did what and when (admins only). */
export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<Filter>({ from: '', to: '', actor: '', operation: '', outcome: '' });
  const [shown, setShown] = useState<Filter>(draft);
  /** The `before` of each page visited; the last is the page shown (null = newest). */
  const [pages, setPages] = useState<(string | null)[]>([null]);
  const [periodProblem, setPeriodProblem] = useState(false);
  const formId = useId();

  const period = { from: shown.from ? dayStart(shown.from) : null, to: shown.to ? dayStart(shown.to, 1) : null };
  const facets = useQuery(AuditFacetsQuery, { variables: period });
  const log = useQuery(AuditLogQuery, {
    variables: {
      ...period,
      ...actorVariables(shown.actor),
      operation: shown.operation || null,
      outcome: shown.outcome || null,
      before: pages[pages.length - 1] ?? null,
      limit: PAGE_SIZE,
    },
    fetchPolicy: 'network-only',
  });
  const events = (log.data ?? log.previousData)?.auditLog ?? [];
  const f = facets.data?.auditFacets;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (draft.from && draft.to && draft.from > draft.to) {
      setPeriodProblem(true);
      document.getElementById('audit-to')?.focus();
      return;
    }
    setPeriodProblem(false);
    setShown({ ...draft });
    setPages([null]);
  };

  const operationText = (op: string) => t(`auditLog.op.${op}`, { defaultValue: op });
  const outcomeText = (o: string) =>
    o.startsWith('ERROR ')
      ? t('auditLog.outcomeError', { code: o.slice(6) })
      : t(`auditLog.outcome.${o}`, { defaultValue: t('auditLog.outcomeDone', { type: o }) });
  const actorText = (a: {
    actorKind: string;
    staffName?: string | null;
    deviceName?: string | null;
    apiKeyName?: string | null;
  }) => {
    const name = a.staffName ?? a.deviceName ?? a.apiKeyName;
    const kind = t(`auditLog.actorKind.${a.actorKind}`, { defaultValue: a.actorKind });
    return name ? `${name} (${kind})` : kind;
  };
  const idsText = (ids: string) => {
    try {
      const parsed = JSON.parse(ids) as Record<string, unknown>;
      const entries = Object.entries(parsed);
      if (entries.length === 0) return '–';
      return entries.map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join(', ');
    } catch {
      return ids;
    }
  };
  const select = (field: 'actor' | 'operation' | 'outcome', options: { value: string; label: string }[]) => (
    <div className="kern-form-input">
      <label className="kern-label" htmlFor={`audit-${field}`}>
        {t(`auditLog.filter.${field}`)}
      </label>
      <div className="kern-form-input__select-wrapper">
        <select
          id={`audit-${field}`}
          className="kern-form-input__select"
          value={draft[field]}
          onChange={(e) => setDraft((d) => ({ ...d, [field]: e.target.value }))}
        >
          <option value="">{t('auditLog.filter.all')}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
          {draft[field] && !options.some((o) => o.value === draft[field]) && (
            <option value={draft[field]}>{draft[field]}</option>
          )}
        </select>
      </div>
    </div>
  );

  return (
    <AdminPageFrame title={t('auditLog.title')} back={t('keys.back')} intro={t('auditLog.intro')}>
      <form className="bc-stack-sm" onSubmit={submit} aria-labelledby={`${formId}-heading`} noValidate>
        <h2 id={`${formId}-heading`} className="kern-heading-medium">
          {t('auditLog.filterTitle')}
        </h2>
        <div className="bc-audit__fields">
          {(['from', 'to'] as const).map((field) => {
            const problem = field === 'to' && periodProblem;
            return (
              <div key={field} className={`kern-form-input${problem ? ' kern-form-input--error' : ''}`}>
                <label className="kern-label" htmlFor={`audit-${field}`}>
                  {t(`auditLog.filter.${field}`)}
                </label>
                <input
                  id={`audit-${field}`}
                  type="date"
                  className={`kern-form-input__input${problem ? ' kern-form-input__input--error' : ''}`}
                  value={draft[field]}
                  aria-invalid={problem || undefined}
                  aria-describedby={describedBy(problem && 'audit-to-error')}
                  onChange={(e) => setDraft((d) => ({ ...d, [field]: e.target.value }))}
                />
                {problem && <FieldError id="audit-to-error" text={t('auditLog.periodInverted')} />}
              </div>
            );
          })}
          {select(
            'actor',
            (f?.actors ?? []).map((a) => ({ value: actorValue(a), label: actorText(a) })),
          )}
          {select(
            'operation',
            (f?.operations ?? [])
              .map((o) => ({ value: o, label: operationText(o) }))
              .sort((a, b) => a.label.localeCompare(b.label, i18n.language)),
          )}
          {select(
            'outcome',
            (f?.outcomes ?? []).map((o) => ({ value: o, label: outcomeText(o) })),
          )}
          <button type="submit" className="kern-btn kern-btn--primary">
            <span className="kern-label">{t('auditLog.show')}</span>
          </button>
        </div>
      </form>
      <div className="bc-stack-sm" aria-busy={log.loading || undefined}>
        <h2 id="audit-table-heading" className="kern-heading-medium">
          {t('auditLog.tableTitle', { page: pages.length })}
        </h2>
        <QueryState
          loading={log.loading && !log.data && !log.previousData}
          error={log.error}
          onRetry={() => void log.refetch()}
        />
        {log.data && events.length === 0 && <p className="kern-body">{t('auditLog.none')}</p>}
        {events.length > 0 && (
          <TableScroll labelledBy="audit-table-heading">
            <table className="kern-table kern-table--small" aria-labelledby="audit-table-heading">
              <thead>
                <tr className="kern-table__row">
                  {(['at', 'actor', 'operation', 'ids', 'outcome'] as const).map((c) => (
                    <th key={c} scope="col" className="kern-table__header">
                      {t(`auditLog.col.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {events.map((e: Event) => (
                  <tr key={e.id} className="kern-table__row">
                    <td className="kern-table__cell">{formatInstant(e.at, i18n.language)}</td>
                    <td className="kern-table__cell">{actorText(e)}</td>
                    <td className="kern-table__cell">{operationText(e.operation)}</td>
                    <td className="kern-table__cell bc-audit__ids">{idsText(e.ids)}</td>
                    <td className="kern-table__cell">{outcomeText(e.outcome)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        <nav className="bc-audit__pager" aria-label={t('auditLog.paging')}>
          {pages.length > 1 && (
            <button
              type="button"
              className="kern-btn kern-btn--secondary"
              onClick={() => setPages((p) => p.slice(0, -1))}
            >
              <span className="kern-label">{t('auditLog.newer')}</span>
            </button>
          )}
          {events.length === PAGE_SIZE && (
            <button
              type="button"
              className="kern-btn kern-btn--secondary"
              onClick={() => setPages((p) => [...p, events[events.length - 1]?.id ?? null])}
            >
              <span className="kern-label">{t('auditLog.older')}</span>
            </button>
          )}
        </nav>
      </div>
    </AdminPageFrame>
  );
}
