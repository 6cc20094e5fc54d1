import { useMutation, useQuery } from '@apollo/client/react';
import { describedBy, FieldError } from '@bc/schema';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OfficeScope } from '../../../components/OfficeScope';
import { StatusRegion, useNotice } from '../../../components/StatusRegion';
import { TableScroll } from '../../../components/TableScroll';
import type { AdminOfficeCatalogQuery } from '../../../gql/graphql';
import { ADMIN_BASE } from '../../../lib/paths';
import { failureNotice, type Notice } from '../../../queue/outcome-text';
import type { StaffOffice } from '../../../session/offices';
import { AdminPageFrame } from '../AdminPageFrame';
import {
  CreateCounterMutation,
  DeleteCounterMutation,
  OfficeCatalogQuery,
  SetCounterActiveMutation,
  UpdateCounterMutation,
} from './catalog-documents';
import {
  CheckField,
  codeAt,
  DeleteDialog,
  errorText,
  type FieldCodes,
  fieldCodes,
  focusFirstError,
  RowActions,
  refusalNotice,
  StateLabel,
  TextField,
  useItemForm,
} from './catalog-ui';

type Catalog = Extract<AdminOfficeCatalogQuery['officeCatalog'], { __typename: 'OfficeCatalog' }>;
type Counter = Catalog['counters'][number];
type Service = Catalog['services'][number];

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** "08:00-12:00, 13:00-15:00" ↔ intervals; what cannot be read goes to the server as written (BAD_TIME there). */
export function parseIntervals(text: string): { opensAt: string; closesAt: string }[] {
  return text
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [opensAt = '', closesAt = ''] = part.split(/\s*[-–]\s*/);
      const pad = (v: string) => (/^\d:\d\d$/.test(v) ? `0${v}` : v);
      return { opensAt: pad(opensAt.trim()), closesAt: pad(closesAt.trim()) };
    });
}

export function formatIntervals(intervals: readonly { opensAt: string; closesAt: string }[]): string {
  return intervals.map((i) => `${i.opensAt}–${i.closesAt}`).join(', ');
}

/** /verwaltung/:office/schalter — counters, the services each handles and the hours it takes appointments. */
export function CountersPage() {
  return <OfficeScope base={ADMIN_BASE}>{(office) => <Counters office={office} />}</OfficeScope>;
}

function Counters(props: { office: StaffOffice }) {
  const { t } = useTranslation();
  const { office } = props;
  const { data, error } = useQuery(OfficeCatalogQuery, { variables: { officeId: office.id } });
  const catalog = data?.officeCatalog.__typename === 'OfficeCatalog' ? data.officeCatalog : null;
  const { notice, show, clear } = useNotice();
  const { editing, formKey, formHeading, edit, toDelete, setToDelete } = useItemForm<Counter>(clear);
  const refetch = { refetchQueries: [OfficeCatalogQuery], awaitRefetchQueries: true };
  const [setActive, { loading: switching }] = useMutation(SetCounterActiveMutation, refetch);
  const [remove, { loading: removing }] = useMutation(DeleteCounterMutation, refetch);
  const serviceNames = (ids: readonly string[]) =>
    ids
      .map((id) => catalog?.services.find((s) => s.id === id)?.name)
      .filter(Boolean)
      .join(', ') || '–';
  const hoursText = (c: Counter) =>
    c.hours.length === 0
      ? t('adminCatalog.counters.officeHours')
      : c.hours.map((h) => `${t(`adminCatalog.weekday.${h.weekday}`)} ${formatIntervals(h.intervals)}`).join('; ');

  const toggle = async (c: Counter) => {
    if (switching) return;
    clear();
    try {
      const res = await setActive({ variables: { officeId: office.id, counterId: c.id, active: !c.active } });
      const r = res.data?.setCounterActive;
      if (r?.__typename === 'AdminCounter')
        show({
          tone: 'success',
          text: t(r.active ? 'adminCatalog.activated' : 'adminCatalog.deactivated', {
            name: t('adminCatalog.counters.named', { label: r.label }),
          }),
        });
      else if (r?.__typename === 'InvalidInput' && r.fields.some((f) => f.code === 'COUNTER_OPEN'))
        show({ tone: 'warning', text: errorText(t, 'COUNTER_OPEN') });
      else if (r) show(refusalNotice(t, r));
    } catch (err) {
      show(failureNotice(t, err));
    }
  };

  const confirmDelete = async () => {
    const c = toDelete;
    if (!c || removing) return;
    setToDelete(null);
    try {
      const res = await remove({ variables: { officeId: office.id, counterId: c.id } });
      const r = res.data?.deleteCounter;
      if (r?.__typename === 'CatalogItemDeleted') {
        show({
          tone: 'success',
          text: t('adminCatalog.deleted', { name: t('adminCatalog.counters.named', { label: c.label }) }),
        });
        if (editing?.id === c.id) edit(null, true);
      } else if (r) show(refusalNotice(t, r));
    } catch (err) {
      show(failureNotice(t, err));
    }
  };

  return (
    <AdminPageFrame
      title={t('adminCatalog.counters.title')}
      office={office}
      className="bc-catalog"
      back={t('adminCatalog.back')}
    >
      <StatusRegion notice={notice} />
      {error && <p className="kern-body">{t('adminCatalog.loadFailed')}</p>}
      <section className="bc-stack" aria-labelledby="counters-heading">
        <h2 id="counters-heading" className="kern-heading-medium">
          {t('adminCatalog.counters.list')}
        </h2>
        {catalog && catalog.counters.length === 0 && <p className="kern-body">{t('adminCatalog.counters.none')}</p>}
        {catalog && catalog.counters.length > 0 && (
          <TableScroll labelledBy="counters-heading">
            <table className="kern-table kern-table--small" aria-labelledby="counters-heading">
              <thead>
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">
                    {t('adminCatalog.counters.label')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('adminCatalog.counters.services')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('adminCatalog.counters.hours')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('adminCatalog.state')}
                  </th>
                  <th scope="col" className="kern-table__header kern-table__header--action">
                    {t('adminCatalog.actions')}
                  </th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {catalog.counters.map((c) => {
                  const name = t('adminCatalog.counters.named', { label: c.label });
                  return (
                    <tr key={c.id} className="kern-table__row">
                      <th scope="row" className="kern-table__header">
                        {c.label}
                      </th>
                      <td className="kern-table__cell">{serviceNames(c.serviceIds)}</td>
                      <td className="kern-table__cell">{hoursText(c)}</td>
                      <td className="kern-table__cell">
                        <StateLabel active={c.active} />
                        {c.futureAppointments > 0 && (
                          <span className="kern-body kern-body--small bc-block">
                            {t('adminCatalog.booked', { count: c.futureAppointments })}
                          </span>
                        )}
                      </td>
                      <td className="kern-table__cell kern-table__cell--action">
                        <RowActions
                          name={name}
                          active={c.active}
                          deletable={c.deletable}
                          onEdit={() => edit(c)}
                          onToggle={() => void toggle(c)}
                          onDelete={() => setToDelete(c)}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      <section className="bc-panel bc-stack" aria-labelledby="counter-form-heading">
        <h2 id="counter-form-heading" ref={formHeading} tabIndex={-1} className="kern-heading-medium">
          {editing
            ? t('adminCatalog.counters.editTitle', { label: editing.label })
            : t('adminCatalog.counters.newTitle')}
        </h2>
        {catalog && (
          <CounterForm
            key={formKey}
            officeId={office.id}
            counter={editing}
            services={catalog.services}
            show={show}
            clear={clear}
            onDone={() => edit(null, true)}
          />
        )}
      </section>
      {toDelete && (
        <DeleteDialog
          name={t('adminCatalog.counters.named', { label: toDelete.label })}
          onConfirm={() => void confirmDelete()}
          onClose={() => setToDelete(null)}
        />
      )}
    </AdminPageFrame>
  );
}

function CounterForm(props: {
  officeId: string;
  counter: Counter | null;
  services: readonly Service[];
  show: (n: Notice) => void;
  clear: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { counter, show } = props;
  const [label, setLabel] = useState(counter?.label ?? '');
  const [serviceIds, setServiceIds] = useState<string[]>(counter ? [...counter.serviceIds] : []);
  const [hours, setHours] = useState<Record<number, string>>(() =>
    Object.fromEntries((counter?.hours ?? []).map((h) => [h.weekday, formatIntervals(h.intervals)])),
  );
  const [codes, setCodes] = useState<FieldCodes>({});
  const refetch = { refetchQueries: [OfficeCatalogQuery], awaitRefetchQueries: true };
  const [create, { loading: creating }] = useMutation(CreateCounterMutation, refetch);
  const [update, { loading: updating }] = useMutation(UpdateCounterMutation, refetch);
  const err = (path: string) => {
    const code = codeAt(codes, path);
    return code ? errorText(t, code) : undefined;
  };
  const choosable = props.services.filter((s) => s.active || serviceIds.includes(s.id));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (creating || updating) return;
    props.clear();
    // All seven weekdays in order, so that an error at hours.<i> belongs to weekday i + 1.
    const input = {
      label,
      serviceIds,
      hours: WEEKDAYS.map((weekday) => ({ weekday, intervals: parseIntervals(hours[weekday] ?? '') })),
    };
    try {
      const r = counter
        ? (await update({ variables: { officeId: props.officeId, counterId: counter.id, input } })).data?.updateCounter
        : (await create({ variables: { officeId: props.officeId, input } })).data?.createCounter;
      if (r?.__typename === 'AdminCounter') {
        setCodes({});
        show({
          tone: 'success',
          text: t(counter ? 'adminCatalog.saved' : 'adminCatalog.created', {
            name: t('adminCatalog.counters.named', { label: r.label }),
          }),
        });
        props.onDone();
      } else if (r?.__typename === 'InvalidInput') {
        setCodes(fieldCodes(r.fields));
        show(refusalNotice(t, r));
        focusFirstError('counter-form');
      } else if (r) show(refusalNotice(t, r));
    } catch (err) {
      show(failureNotice(t, err));
    }
  };

  const servicesError = err('serviceIds');
  return (
    <form id="counter-form" noValidate className="bc-stack" onSubmit={(e) => void onSubmit(e)}>
      <TextField
        id="counter-label"
        label={t('adminCatalog.counters.label')}
        hint={t('adminCatalog.counters.labelHint')}
        value={label}
        onChange={setLabel}
        error={err('label')}
        maxLength={20}
        required
      />
      <fieldset
        id="counter-services"
        className={`kern-fieldset${servicesError ? ' kern-fieldset--error' : ''}`}
        aria-describedby={describedBy(servicesError && 'counter-services-error')}
      >
        <legend className="kern-label">{t('adminCatalog.counters.services')}</legend>
        <div className="kern-fieldset__body">
          {servicesError && <FieldError id="counter-services-error" text={servicesError} />}
          {choosable.map((s) => (
            <CheckField
              key={s.id}
              id={`counter-service-${s.id}`}
              label={s.active ? s.name : `${s.name} (${t('adminCatalog.inactive')})`}
              checked={serviceIds.includes(s.id)}
              onChange={(on) => setServiceIds((ids) => (on ? [...ids, s.id] : ids.filter((id) => id !== s.id)))}
            />
          ))}
        </div>
      </fieldset>
      <fieldset className="kern-fieldset" aria-describedby="counter-hours-hint">
        <legend className="kern-label">{t('adminCatalog.counters.hours')}</legend>
        <div className="kern-fieldset__body bc-stack">
          <p className="kern-hint" id="counter-hours-hint">
            {t('adminCatalog.counters.hoursHint')}
          </p>
          {WEEKDAYS.map((weekday) => (
            <TextField
              key={weekday}
              id={`counter-hours-${weekday}`}
              label={t(`adminCatalog.weekday.${weekday}`)}
              value={hours[weekday] ?? ''}
              onChange={(v) => setHours((h) => ({ ...h, [weekday]: v }))}
              error={err(`hours.${weekday - 1}`)}
            />
          ))}
        </div>
      </fieldset>
      <div className="bc-actions">
        <button type="submit" className="kern-btn kern-btn--primary" aria-disabled={creating || updating || undefined}>
          <span className="kern-label">{counter ? t('adminCatalog.save') : t('adminCatalog.counters.create')}</span>
        </button>
        {counter && (
          <button type="button" className="kern-btn kern-btn--secondary" onClick={props.onDone}>
            <span className="kern-label">{t('adminCatalog.cancel')}</span>
          </button>
        )}
      </div>
    </form>
  );
}
