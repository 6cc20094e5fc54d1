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
  CreateServiceMutation,
  DeleteServiceMutation,
  OfficeCatalogQuery,
  SetServiceActiveMutation,
  UpdateServiceMutation,
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
  TranslationFields,
  useItemForm,
  useTranslationTexts,
  wholeNumber,
} from './catalog-ui';

type Catalog = Extract<AdminOfficeCatalogQuery['officeCatalog'], { __typename: 'OfficeCatalog' }>;
type Service = Catalog['services'][number];
type Doc = Catalog['documents'][number];

/** /verwaltung/:office/dienstleistungen — the office's services with their required documents. */
export function ServicesPage() {
  return <OfficeScope base={ADMIN_BASE}>{(office) => <Services office={office} />}</OfficeScope>;
}

function Services(props: { office: StaffOffice }) {
  const { t } = useTranslation();
  const { office } = props;
  const { data, error } = useQuery(OfficeCatalogQuery, { variables: { officeId: office.id } });
  const catalog = data?.officeCatalog.__typename === 'OfficeCatalog' ? data.officeCatalog : null;
  const { notice, show, clear } = useNotice();
  const { editing, formKey, formHeading, edit, toDelete, setToDelete } = useItemForm<Service>(clear);
  const refetch = { refetchQueries: [OfficeCatalogQuery], awaitRefetchQueries: true };
  const [setActive, { loading: switching }] = useMutation(SetServiceActiveMutation, refetch);
  const [remove, { loading: removing }] = useMutation(DeleteServiceMutation, refetch);

  const toggle = async (s: Service) => {
    if (switching) return;
    clear();
    try {
      const { data: d } = await setActive({ variables: { officeId: office.id, serviceId: s.id, active: !s.active } });
      const r = d?.setServiceActive;
      if (r?.__typename === 'AdminService')
        show({
          tone: 'success',
          text: t(r.active ? 'adminCatalog.activated' : 'adminCatalog.deactivated', { name: r.name }),
        });
      else if (r) show(refusalNotice(t, r));
    } catch (err) {
      show(failureNotice(t, err));
    }
  };

  const confirmDelete = async () => {
    const s = toDelete;
    if (!s || removing) return;
    setToDelete(null);
    try {
      const { data: d } = await remove({ variables: { officeId: office.id, serviceId: s.id } });
      const r = d?.deleteService;
      if (r?.__typename === 'CatalogItemDeleted') {
        show({ tone: 'success', text: t('adminCatalog.deleted', { name: s.name }) });
        if (editing?.id === s.id) edit(null, true);
      } else if (r?.__typename === 'InvalidInput' && r.fields.some((f) => f.code === 'LAST_SERVICE_OF_COUNTER'))
        show({ tone: 'warning', text: errorText(t, 'LAST_SERVICE_OF_COUNTER') });
      else if (r) show(refusalNotice(t, r));
    } catch (err) {
      show(failureNotice(t, err));
    }
  };

  return (
    <AdminPageFrame
      title={t('adminCatalog.services.title')}
      office={office}
      className="bc-catalog"
      back={t('adminCatalog.back')}
    >
      <StatusRegion notice={notice} />
      {error && <p className="kern-body">{t('adminCatalog.loadFailed')}</p>}
      <section className="bc-stack" aria-labelledby="services-heading">
        <h2 id="services-heading" className="kern-heading-medium">
          {t('adminCatalog.services.list')}
        </h2>
        {catalog && catalog.services.length === 0 && <p className="kern-body">{t('adminCatalog.services.none')}</p>}
        {catalog && catalog.services.length > 0 && (
          <TableScroll labelledBy="services-heading">
            <table className="kern-table kern-table--small" aria-labelledby="services-heading">
              <thead>
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">
                    {t('adminCatalog.services.name')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('adminCatalog.services.duration')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('adminCatalog.services.ways')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('adminCatalog.services.documents')}
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
                {catalog.services.map((s) => (
                  <tr key={s.id} className="kern-table__row">
                    <th scope="row" className="kern-table__header">
                      {s.name}
                    </th>
                    <td className="kern-table__cell">{t('adminCatalog.minutes', { count: s.durationMinutes })}</td>
                    <td className="kern-table__cell">
                      {[
                        s.bookableOnline && t('adminCatalog.services.online'),
                        s.walkInAllowed && t('adminCatalog.services.walkIn'),
                      ]
                        .filter(Boolean)
                        .join(', ') || '–'}
                    </td>
                    <td className="kern-table__cell">{s.documents.map((d) => d.name).join(', ') || '–'}</td>
                    <td className="kern-table__cell">
                      <StateLabel active={s.active} />
                      {s.futureAppointments > 0 && (
                        <span className="kern-body kern-body--small bc-block">
                          {t('adminCatalog.booked', { count: s.futureAppointments })}
                        </span>
                      )}
                    </td>
                    <td className="kern-table__cell kern-table__cell--action">
                      <RowActions
                        name={s.name}
                        active={s.active}
                        deletable={s.deletable}
                        onEdit={() => edit(s)}
                        onToggle={() => void toggle(s)}
                        onDelete={() => setToDelete(s)}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      <section className="bc-panel bc-stack" aria-labelledby="service-form-heading">
        <h2 id="service-form-heading" ref={formHeading} tabIndex={-1} className="kern-heading-medium">
          {editing ? t('adminCatalog.services.editTitle', { name: editing.name }) : t('adminCatalog.services.newTitle')}
        </h2>
        {catalog && (
          <ServiceForm
            key={formKey}
            officeId={office.id}
            service={editing}
            documents={catalog.documents}
            show={show}
            clear={clear}
            onDone={() => edit(null, true)}
          />
        )}
      </section>
      {toDelete && (
        <DeleteDialog name={toDelete.name} onConfirm={() => void confirmDelete()} onClose={() => setToDelete(null)} />
      )}
    </AdminPageFrame>
  );
}

type Draft = {
  name: string;
  description: string;
  durationMinutes: string;
  leikaKey: string;
  bookableOnline: boolean;
  walkInAllowed: boolean;
  maxPerBooking: string;
  documents: { documentId: string; mandatory: boolean }[];
};

const draftOf = (s: Service | null): Draft => ({
  name: s?.name ?? '',
  description: s?.description ?? '',
  durationMinutes: s ? String(s.durationMinutes) : '',
  leikaKey: s?.leikaKey ?? '',
  bookableOnline: s?.bookableOnline ?? true,
  walkInAllowed: s?.walkInAllowed ?? true,
  maxPerBooking: s ? String(s.maxPerBooking) : '1',
  documents: s?.documents.map((d) => ({ documentId: d.documentId, mandatory: d.mandatory })) ?? [],
});

function ServiceForm(props: {
  officeId: string;
  service: Service | null;
  documents: readonly Doc[];
  show: (n: Notice) => void;
  clear: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { service, show } = props;
  const [draft, setDraft] = useState<Draft>(() => draftOf(service));
  const [codes, setCodes] = useState<FieldCodes>({});
  const translations = useTranslationTexts(service?.translations);
  const refetch = { refetchQueries: [OfficeCatalogQuery], awaitRefetchQueries: true };
  const [create, { loading: creating }] = useMutation(CreateServiceMutation, refetch);
  const [update, { loading: updating }] = useMutation(UpdateServiceMutation, refetch);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const err = (path: string) => {
    const code = codeAt(codes, path);
    return code ? errorText(t, code) : undefined;
  };
  // Documents to choose from: the active ones, and inactive ones the service still names.
  const choosable = props.documents.filter((d) => d.active || draft.documents.some((x) => x.documentId === d.id));
  const chosen = (id: string) => draft.documents.find((d) => d.documentId === id);
  const toggleDocument = (id: string, on: boolean) =>
    set(
      'documents',
      on
        ? [...draft.documents, { documentId: id, mandatory: true }]
        : draft.documents.filter((d) => d.documentId !== id),
    );

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (creating || updating) return;
    props.clear();
    const durationMinutes = wholeNumber(draft.durationMinutes);
    const maxPerBooking = wholeNumber(draft.maxPerBooking);
    const local: FieldCodes = {};
    if (Number.isNaN(durationMinutes)) local.durationMinutes = 'OUT_OF_RANGE';
    if (Number.isNaN(maxPerBooking)) local.maxPerBooking = 'OUT_OF_RANGE';
    if (Object.keys(local).length > 0) {
      setCodes(local);
      focusFirstError('service-form');
      return;
    }
    const input = {
      name: draft.name,
      description: draft.description,
      durationMinutes,
      leikaKey: draft.leikaKey,
      bookableOnline: draft.bookableOnline,
      walkInAllowed: draft.walkInAllowed,
      maxPerBooking,
      documents: draft.documents,
      translations: translations.input,
    };
    try {
      const r = service
        ? (await update({ variables: { officeId: props.officeId, serviceId: service.id, input } })).data?.updateService
        : (await create({ variables: { officeId: props.officeId, input } })).data?.createService;
      if (r?.__typename === 'AdminService') {
        setCodes({});
        show({ tone: 'success', text: t(service ? 'adminCatalog.saved' : 'adminCatalog.created', { name: r.name }) });
        props.onDone();
      } else if (r?.__typename === 'InvalidInput') {
        setCodes(fieldCodes(r.fields));
        show(refusalNotice(t, r));
        focusFirstError('service-form');
      } else if (r) show(refusalNotice(t, r));
    } catch (err) {
      show(failureNotice(t, err));
    }
  };

  const documentsError = err('documents');
  return (
    <form id="service-form" noValidate className="bc-stack" onSubmit={(e) => void onSubmit(e)}>
      <TextField
        id="service-name"
        label={t('adminCatalog.services.name')}
        value={draft.name}
        onChange={(v) => set('name', v)}
        error={err('name')}
        maxLength={120}
        required
      />
      <TextField
        id="service-description"
        label={t('adminCatalog.description')}
        value={draft.description}
        onChange={(v) => set('description', v)}
        error={err('description')}
        multiline
      />
      <TranslationFields idPrefix="service" texts={translations.texts} onChange={translations.set} error={err} />
      <TextField
        id="service-duration"
        label={t('adminCatalog.services.durationLabel')}
        hint={t('adminCatalog.services.durationHint')}
        value={draft.durationMinutes}
        onChange={(v) => set('durationMinutes', v)}
        error={err('durationMinutes')}
        inputMode="numeric"
        required
      />
      <TextField
        id="service-max"
        label={t('adminCatalog.services.maxPerBooking')}
        hint={t('adminCatalog.services.maxPerBookingHint')}
        value={draft.maxPerBooking}
        onChange={(v) => set('maxPerBooking', v)}
        error={err('maxPerBooking')}
        inputMode="numeric"
      />
      <TextField
        id="service-leika"
        label={t('adminCatalog.services.leikaKey')}
        hint={t('adminCatalog.services.leikaHint')}
        value={draft.leikaKey}
        onChange={(v) => set('leikaKey', v)}
        error={err('leikaKey')}
        inputMode="numeric"
      />
      <fieldset className="kern-fieldset">
        <legend className="kern-label">{t('adminCatalog.services.ways')}</legend>
        <div className="kern-fieldset__body">
          <CheckField
            id="service-online"
            label={t('adminCatalog.services.bookableOnline')}
            checked={draft.bookableOnline}
            onChange={(v) => set('bookableOnline', v)}
          />
          <CheckField
            id="service-walkin"
            label={t('adminCatalog.services.walkInAllowed')}
            checked={draft.walkInAllowed}
            onChange={(v) => set('walkInAllowed', v)}
          />
        </div>
      </fieldset>
      <fieldset
        id="service-documents"
        className={`kern-fieldset${documentsError ? ' kern-fieldset--error' : ''}`}
        aria-describedby={describedBy('service-documents-hint', documentsError && 'service-documents-error')}
      >
        <legend className="kern-label">{t('adminCatalog.services.documents')}</legend>
        <div className="kern-fieldset__body">
          <p className="kern-hint" id="service-documents-hint">
            {t('adminCatalog.services.documentsHint')}
          </p>
          {documentsError && <FieldError id="service-documents-error" text={documentsError} />}
          {choosable.length === 0 && <p className="kern-body">{t('adminCatalog.documents.none')}</p>}
          <ul className="bc-plain-list bc-stack">
            {choosable.map((d) => {
              const c = chosen(d.id);
              return (
                <li key={d.id} className="bc-stack-sm">
                  <CheckField
                    id={`service-doc-${d.id}`}
                    label={d.active ? d.name : `${d.name} (${t('adminCatalog.inactive')})`}
                    checked={c !== undefined}
                    onChange={(on) => toggleDocument(d.id, on)}
                  />
                  {c && (
                    <div className="bc-check-hint">
                      <CheckField
                        id={`service-doc-${d.id}-mandatory`}
                        label={t('adminCatalog.services.mandatory', { name: d.name })}
                        checked={c.mandatory}
                        onChange={(on) =>
                          set(
                            'documents',
                            draft.documents.map((x) => (x.documentId === d.id ? { ...x, mandatory: on } : x)),
                          )
                        }
                      />
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      </fieldset>
      <div className="bc-actions">
        <button type="submit" className="kern-btn kern-btn--primary" aria-disabled={creating || updating || undefined}>
          <span className="kern-label">{service ? t('adminCatalog.save') : t('adminCatalog.services.create')}</span>
        </button>
        {service && (
          <button type="button" className="kern-btn kern-btn--secondary" onClick={props.onDone}>
            <span className="kern-label">{t('adminCatalog.cancel')}</span>
          </button>
        )}
      </div>
    </form>
  );
}
