import { useMutation, useQuery } from '@apollo/client/react';
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
  CreateDocumentMutation,
  DeleteDocumentMutation,
  OfficeCatalogQuery,
  SetDocumentActiveMutation,
  UpdateDocumentMutation,
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
} from './catalog-ui';

type Catalog = Extract<AdminOfficeCatalogQuery['officeCatalog'], { __typename: 'OfficeCatalog' }>;
type Doc = Catalog['documents'][number];

/** /verwaltung/:office/unterlagen — the documents visitors bring (Unterlagen), shared by the services needing them. */
export function DocumentsPage() {
  return <OfficeScope base={ADMIN_BASE}>{(office) => <Documents office={office} />}</OfficeScope>;
}

function Documents(props: { office: StaffOffice }) {
  const { t } = useTranslation();
  const { office } = props;
  const { data, error } = useQuery(OfficeCatalogQuery, { variables: { officeId: office.id } });
  const catalog = data?.officeCatalog.__typename === 'OfficeCatalog' ? data.officeCatalog : null;
  const { notice, show, clear } = useNotice();
  const { editing, formKey, formHeading, edit, toDelete, setToDelete } = useItemForm<Doc>(clear);
  const refetch = { refetchQueries: [OfficeCatalogQuery], awaitRefetchQueries: true };
  const [setActive, { loading: switching }] = useMutation(SetDocumentActiveMutation, refetch);
  const [remove, { loading: removing }] = useMutation(DeleteDocumentMutation, refetch);
  const serviceNames = (ids: readonly string[]) =>
    ids
      .map((id) => catalog?.services.find((s) => s.id === id)?.name)
      .filter(Boolean)
      .join(', ') || '–';

  const toggle = async (d: Doc) => {
    if (switching) return;
    clear();
    try {
      const res = await setActive({ variables: { officeId: office.id, documentId: d.id, active: !d.active } });
      const r = res.data?.setRequiredDocumentActive;
      if (r?.__typename === 'AdminDocument')
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
    const d = toDelete;
    if (!d || removing) return;
    setToDelete(null);
    try {
      const res = await remove({ variables: { officeId: office.id, documentId: d.id } });
      const r = res.data?.deleteRequiredDocument;
      if (r?.__typename === 'CatalogItemDeleted') {
        show({ tone: 'success', text: t('adminCatalog.deleted', { name: d.name }) });
        if (editing?.id === d.id) edit(null, true);
      } else if (r) show(refusalNotice(t, r));
    } catch (err) {
      show(failureNotice(t, err));
    }
  };

  return (
    <AdminPageFrame
      title={t('adminCatalog.documents.title')}
      office={office}
      className="bc-catalog"
      back={t('adminCatalog.back')}
    >
      <StatusRegion notice={notice} />
      {error && <p className="kern-body">{t('adminCatalog.loadFailed')}</p>}
      <section className="bc-stack" aria-labelledby="documents-heading">
        <h2 id="documents-heading" className="kern-heading-medium">
          {t('adminCatalog.documents.list')}
        </h2>
        {catalog && catalog.documents.length === 0 && <p className="kern-body">{t('adminCatalog.documents.none')}</p>}
        {catalog && catalog.documents.length > 0 && (
          <TableScroll labelledBy="documents-heading">
            <table className="kern-table kern-table--small" aria-labelledby="documents-heading">
              <thead>
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">
                    {t('adminCatalog.documents.name')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('adminCatalog.documents.uploadable')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('adminCatalog.documents.neededBy')}
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
                {catalog.documents.map((d) => (
                  <tr key={d.id} className="kern-table__row">
                    <th scope="row" className="kern-table__header">
                      {d.name}
                    </th>
                    <td className="kern-table__cell">{d.uploadable ? t('adminCatalog.yes') : t('adminCatalog.no')}</td>
                    <td className="kern-table__cell">{serviceNames(d.serviceIds)}</td>
                    <td className="kern-table__cell">
                      <StateLabel active={d.active} />
                    </td>
                    <td className="kern-table__cell kern-table__cell--action">
                      <RowActions
                        name={d.name}
                        active={d.active}
                        deletable={d.deletable}
                        onEdit={() => edit(d)}
                        onToggle={() => void toggle(d)}
                        onDelete={() => setToDelete(d)}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      <section className="bc-panel bc-stack" aria-labelledby="document-form-heading">
        <h2 id="document-form-heading" ref={formHeading} tabIndex={-1} className="kern-heading-medium">
          {editing
            ? t('adminCatalog.documents.editTitle', { name: editing.name })
            : t('adminCatalog.documents.newTitle')}
        </h2>
        <DocumentForm
          key={formKey}
          officeId={office.id}
          document={editing}
          show={show}
          clear={clear}
          onDone={() => edit(null, true)}
        />
      </section>
      {toDelete && (
        <DeleteDialog name={toDelete.name} onConfirm={() => void confirmDelete()} onClose={() => setToDelete(null)} />
      )}
    </AdminPageFrame>
  );
}

function DocumentForm(props: {
  officeId: string;
  document: Doc | null;
  show: (n: Notice) => void;
  clear: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { document: doc, show } = props;
  const [name, setName] = useState(doc?.name ?? '');
  const [description, setDescription] = useState(doc?.description ?? '');
  const [uploadable, setUploadable] = useState(doc?.uploadable ?? false);
  const translations = useTranslationTexts(doc?.translations);
  const [codes, setCodes] = useState<FieldCodes>({});
  const refetch = { refetchQueries: [OfficeCatalogQuery], awaitRefetchQueries: true };
  const [create, { loading: creating }] = useMutation(CreateDocumentMutation, refetch);
  const [update, { loading: updating }] = useMutation(UpdateDocumentMutation, refetch);
  const err = (path: string) => {
    const code = codeAt(codes, path);
    return code ? errorText(t, code) : undefined;
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (creating || updating) return;
    props.clear();
    const input = { name, description, uploadable, translations: translations.input };
    try {
      const r = doc
        ? (await update({ variables: { officeId: props.officeId, documentId: doc.id, input } })).data
            ?.updateRequiredDocument
        : (await create({ variables: { officeId: props.officeId, input } })).data?.createRequiredDocument;
      if (r?.__typename === 'AdminDocument') {
        setCodes({});
        show({ tone: 'success', text: t(doc ? 'adminCatalog.saved' : 'adminCatalog.created', { name: r.name }) });
        props.onDone();
      } else if (r?.__typename === 'InvalidInput') {
        setCodes(fieldCodes(r.fields));
        show(refusalNotice(t, r));
        focusFirstError('document-form');
      } else if (r) show(refusalNotice(t, r));
    } catch (err) {
      show(failureNotice(t, err));
    }
  };

  return (
    <form id="document-form" noValidate className="bc-stack" onSubmit={(e) => void onSubmit(e)}>
      <TextField
        id="document-name"
        label={t('adminCatalog.documents.name')}
        value={name}
        onChange={setName}
        error={err('name')}
        maxLength={120}
        required
      />
      <TextField
        id="document-description"
        label={t('adminCatalog.description')}
        value={description}
        onChange={setDescription}
        error={err('description')}
        multiline
      />
      <TranslationFields idPrefix="document" texts={translations.texts} onChange={translations.set} error={err} />
      <CheckField
        id="document-uploadable"
        label={t('adminCatalog.documents.uploadableLabel')}
        hint={t('adminCatalog.documents.uploadableHint')}
        checked={uploadable}
        onChange={setUploadable}
      />
      <p className="kern-hint">{t('adminCatalog.documents.mandatoryHint')}</p>
      <div className="bc-actions">
        <button type="submit" className="kern-btn kern-btn--primary" aria-disabled={creating || updating || undefined}>
          <span className="kern-label">{doc ? t('adminCatalog.save') : t('adminCatalog.documents.create')}</span>
        </button>
        {doc && (
          <button type="button" className="kern-btn kern-btn--secondary" onClick={props.onDone}>
            <span className="kern-label">{t('adminCatalog.cancel')}</span>
          </button>
        )}
      </div>
    </form>
  );
}
