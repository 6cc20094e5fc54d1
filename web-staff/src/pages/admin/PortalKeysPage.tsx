import { useMutation, useQuery } from '@apollo/client/react';
import { describedBy, FieldError, QueryState } from '@bc/schema';
import { type FormEvent, type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { StatusRegion, useNotice } from '../../components/StatusRegion';
import { TableScroll } from '../../components/TableScroll';
import type { PortalApiKeyFieldsFragment } from '../../gql/graphql';
import { formatInstant } from './admin-format';
import './admin-global.css';
import { AdminPageFrame } from './AdminPageFrame';
import {
  CreatePortalApiKeyMutation,
  PortalApiKeysQuery,
  RenamePortalApiKeyMutation,
  RevokePortalApiKeyMutation,
  SetPortalApiKeyLimitsMutation,
} from './portal-keys-documents';

type Key = PortalApiKeyFieldsFragment;
type Problems = Partial<Record<'name' | 'requestsPerMinute' | 'id', string>>;
type Editing = { kind: 'rename' | 'limit' | 'revoke'; key: Key } | null;

/** '' → null (the default); a whole number → that number; anything else → undefined (refused before sending). */
function parseLimit(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : undefined;
}

function problemsOf(fields: readonly { field: string; code: string }[]): Problems {
  const out: Problems = {};
  for (const f of fields) if (!(f.field in out)) out[f.field as keyof Problems] = f.code;
  return out;
}

/** /verwaltung/portal-schluessel — the municipal portals' API keys (admins only). */
export function PortalKeysPage() {
  const { t, i18n } = useTranslation();
  const { data, loading, error, refetch } = useQuery(PortalApiKeysQuery);
  const { notice, show } = useNotice();
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  /** After the new key is hidden, focus goes back to the form (the panel that had it is gone). */
  const [backToForm, setBackToForm] = useState(false);
  const keys = data?.portalApiKeys ?? [];
  const when = (iso: string | null | undefined) => formatInstant(iso, i18n.language);

  return (
    <AdminPageFrame title={t('keys.title')} back={t('keys.back')} intro={t('keys.intro')}>
      <StatusRegion notice={notice} />
      {created ? (
        <CreatedKey
          created={created}
          onDone={() => {
            setCreated(null);
            setBackToForm(true);
          }}
        />
      ) : (
        <CreateForm
          focusOnMount={backToForm}
          onCreated={(key, name) => {
            setCreated({ key, name });
            void refetch();
          }}
        />
      )}
      <div className="bc-stack-sm">
        <h2 id="keys-list-heading" className="kern-heading-medium">
          {t('keys.listTitle')}
        </h2>
        <QueryState loading={loading && !data} error={error} onRetry={() => void refetch()} />
        {data && keys.length === 0 && <p className="kern-body">{t('keys.none')}</p>}
        {keys.length > 0 && (
          <TableScroll labelledBy="keys-list-heading">
            <table className="kern-table kern-table--small" aria-labelledby="keys-list-heading">
              <thead>
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">
                    {t('keys.col.name')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('keys.col.prefix')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('keys.col.created')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('keys.col.lastUsed')}
                  </th>
                  <th scope="col" className="kern-table__header kern-table__header--numeric">
                    {t('keys.col.limit')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('keys.col.status')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('keys.col.actions')}
                  </th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {keys.map((k) => (
                  <tr key={k.id} className="kern-table__row">
                    <th scope="row" className="kern-table__header">
                      {k.name}
                    </th>
                    <td className="kern-table__cell">
                      <code>{k.prefix}…</code>
                    </td>
                    <td className="kern-table__cell">{when(k.createdAt)}</td>
                    <td className="kern-table__cell">{k.lastUsedAt ? when(k.lastUsedAt) : t('keys.neverUsed')}</td>
                    <td className="kern-table__cell kern-table__cell--numeric">
                      {k.requestsPerMinute === null || k.requestsPerMinute === undefined
                        ? t('keys.defaultLimit', { n: k.effectiveRequestsPerMinute })
                        : k.requestsPerMinute}
                    </td>
                    <td className="kern-table__cell">
                      {k.revokedAt ? t('keys.revokedAt', { when: when(k.revokedAt) }) : t('keys.active')}
                    </td>
                    <td className="kern-table__cell kern-table__cell--action">
                      {!k.revokedAt && (
                        <div className="bc-key-actions">
                          {(['rename', 'limit', 'revoke'] as const).map((kind) => (
                            <button
                              key={kind}
                              type="button"
                              aria-label={`${t(`keys.action.${kind}`)}: ${k.name}`}
                              className="kern-btn kern-btn--secondary kern-btn--x-small"
                              onClick={() => setEditing({ kind, key: k })}
                            >
                              <span className="kern-label">{t(`keys.action.${kind}`)}</span>
                            </button>
                          ))}
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </div>
      {editing && (
        <EditDialog
          editing={editing}
          onClose={() => setEditing(null)}
          onDone={(text) => {
            setEditing(null);
            show({ tone: 'success', text });
            void refetch();
          }}
        />
      )}
    </AdminPageFrame>
  );
}

/** The form for a new key: name and (optional) requests per minute. */
function CreateForm(props: { focusOnMount: boolean; onCreated: (key: string, name: string) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [limit, setLimit] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [create, { loading }] = useMutation(CreatePortalApiKeyMutation);
  const nameRef = useRef<HTMLInputElement>(null);
  const limitRef = useRef<HTMLInputElement>(null);
  const { focusOnMount } = props;
  useEffect(() => {
    if (focusOnMount) nameRef.current?.focus();
  }, [focusOnMount]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (loading) return;
    const requestsPerMinute = parseLimit(limit);
    const local: Problems = {};
    if (name.trim() === '') local.name = 'REQUIRED';
    if (requestsPerMinute === undefined) local.requestsPerMinute = 'OUT_OF_RANGE';
    if (Object.keys(local).length) {
      setProblems(local);
      (local.name ? nameRef : limitRef).current?.focus();
      return;
    }
    const res = await create({ variables: { name, requestsPerMinute } });
    const result = res.data?.createPortalApiKey;
    if (result?.__typename === 'InvalidInput') {
      const found = problemsOf(result.fields);
      setProblems(found);
      (found.name ? nameRef : limitRef).current?.focus();
    } else if (result?.__typename === 'CreatedPortalApiKey') {
      setProblems({});
      setName('');
      setLimit('');
      props.onCreated(result.key, result.apiKey.name);
    }
  };

  return (
    <form className="bc-stack-sm" aria-labelledby="keys-create-heading" noValidate onSubmit={submit}>
      <h2 id="keys-create-heading" className="kern-heading-medium">
        {t('keys.createTitle')}
      </h2>
      <NameField id="key-name" value={name} onChange={setName} problem={problems.name} inputRef={nameRef} />
      <LimitField
        id="key-limit"
        value={limit}
        onChange={setLimit}
        problem={problems.requestsPerMinute}
        inputRef={limitRef}
      />
      <p>
        <button type="submit" className="kern-btn kern-btn--primary" aria-disabled={loading || undefined}>
          <span className="kern-label">{t('keys.create')}</span>
        </button>
      </p>
    </form>
  );
}

function NameField(props: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  problem?: string;
  inputRef: RefObject<HTMLInputElement | null>;
}) {
  const { t } = useTranslation();
  const { id, problem } = props;
  return (
    <div className={`kern-form-input${problem ? ' kern-form-input--error' : ''}`}>
      <label className="kern-label" htmlFor={id}>
        {t('keys.name')}
      </label>
      <p className="kern-hint" id={`${id}-hint`}>
        {t('keys.nameHint')}
      </p>
      <input
        ref={props.inputRef}
        id={id}
        type="text"
        autoComplete="off"
        maxLength={120}
        className={`kern-form-input__input${problem ? ' kern-form-input__input--error' : ''}`}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, problem && `${id}-error`)}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {problem && (
        <FieldError id={`${id}-error`} text={t(`keys.problem.${problem}`, { defaultValue: t('keys.problem.other') })} />
      )}
    </div>
  );
}

function LimitField(props: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  problem?: string;
  inputRef: RefObject<HTMLInputElement | null>;
}) {
  const { t } = useTranslation();
  const { id, problem } = props;
  return (
    <div className={`kern-form-input${problem ? ' kern-form-input--error' : ''}`}>
      <label className="kern-label" htmlFor={id}>
        {t('keys.limit')}
      </label>
      <p className="kern-hint" id={`${id}-hint`}>
        {t('keys.limitHint')}
      </p>
      <input
        ref={props.inputRef}
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        className={`kern-form-input__input kern-form-input__input--width-10${problem ? ' kern-form-input__input--error' : ''}`}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy(`${id}-hint`, problem && `${id}-error`)}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {problem && (
        <FieldError id={`${id}-error`} text={t(`keys.problem.${problem}`, { defaultValue: t('keys.problem.other') })} />
      )}
    </div>
  );
}

/** The new key, shown this once: read-only field, copy button, warning. */
function CreatedKey(props: { created: { key: string; name: string }; onDone: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  useEffect(() => heading.current?.focus(), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.created.key);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  return (
    <section className="bc-stack-sm" aria-labelledby="keys-created-heading">
      <h2 id="keys-created-heading" ref={heading} tabIndex={-1} className="kern-heading-medium">
        {t('keys.createdTitle', { name: props.created.name })}
      </h2>
      <div className="kern-alert kern-alert--warning">
        <div className="kern-alert__header">
          <span className="kern-icon kern-icon--warning" aria-hidden="true" />
          <p className="kern-title">{t('keys.onceTitle')}</p>
        </div>
        <div className="kern-alert__body">
          <p className="kern-body">{t('keys.onceBody')}</p>
        </div>
      </div>
      <div className="kern-form-input">
        <label className="kern-label" htmlFor="key-created">
          {t('keys.theKey')}
        </label>
        <input
          id="key-created"
          type="text"
          readOnly
          className="kern-form-input__input bc-key-secret"
          value={props.created.key}
          onFocus={(e) => e.currentTarget.select()}
        />
      </div>
      <p className="bc-key-actions">
        <button type="button" className="kern-btn kern-btn--primary" onClick={() => void copy()}>
          <span className="kern-label">{t('keys.copy')}</span>
        </button>
        <button type="button" className="kern-btn kern-btn--secondary" onClick={props.onDone}>
          <span className="kern-label">{t('keys.done')}</span>
        </button>
      </p>
      <div role="status" className="bc-status-region">
        {copied && <p className="kern-body">{t(copied === 'yes' ? 'keys.copied' : 'keys.copyFailed')}</p>}
      </div>
    </section>
  );
}

/** Rename, change the limit or revoke (with confirmation) one key. */
function EditDialog(props: { editing: NonNullable<Editing>; onClose: () => void; onDone: (notice: string) => void }) {
  const { t } = useTranslation();
  const { kind, key } = props.editing;
  const [name, setName] = useState(key.name);
  const [limit, setLimit] = useState(key.requestsPerMinute?.toString() ?? '');
  const [problems, setProblems] = useState<Problems>({});
  const [failed, setFailed] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const [rename, r1] = useMutation(RenamePortalApiKeyMutation);
  const [setLimits, r2] = useMutation(SetPortalApiKeyLimitsMutation);
  const [revoke, r3] = useMutation(RevokePortalApiKeyMutation);
  const busy = r1.loading || r2.loading || r3.loading;

  const save = async () => {
    setFailed(false);
    try {
      let result: { __typename: string; fields?: readonly { field: string; code: string }[] } | undefined;
      if (kind === 'rename') {
        if (name.trim() === '') {
          setProblems({ name: 'REQUIRED' });
          inputRef.current?.focus();
          return;
        }
        result = (await rename({ variables: { id: key.id, name } })).data?.renamePortalApiKey;
      } else if (kind === 'limit') {
        const requestsPerMinute = parseLimit(limit);
        if (requestsPerMinute === undefined) {
          setProblems({ requestsPerMinute: 'OUT_OF_RANGE' });
          inputRef.current?.focus();
          return;
        }
        result = (await setLimits({ variables: { id: key.id, requestsPerMinute } })).data?.setPortalApiKeyLimits;
      } else {
        result = (await revoke({ variables: { id: key.id } })).data?.revokePortalApiKey;
      }
      if (result?.__typename === 'InvalidInput') {
        setProblems(problemsOf(result.fields ?? []));
        inputRef.current?.focus();
      } else if (result?.__typename === 'PortalApiKey') {
        props.onDone(t(`keys.done_${kind}`, { name: kind === 'rename' ? name.trim() : key.name }));
      }
    } catch {
      setFailed(true);
    }
  };

  const general = problems.id ?? (failed ? 'failed' : null);
  return (
    <Dialog
      title={t(`keys.dialog.${kind}`, { name: key.name })}
      description={kind === 'revoke' ? t('keys.revokeWarning') : undefined}
      submitLabel={t(`keys.submit.${kind}`)}
      busy={busy}
      onSubmit={() => void save()}
      onClose={props.onClose}
      initialFocus={kind === 'revoke' ? 'submit' : undefined}
    >
      {kind === 'rename' && (
        <NameField id="key-rename" value={name} onChange={setName} problem={problems.name} inputRef={inputRef} />
      )}
      {kind === 'limit' && (
        <LimitField
          id="key-set-limit"
          value={limit}
          onChange={setLimit}
          problem={problems.requestsPerMinute}
          inputRef={inputRef}
        />
      )}
      {general && (
        <p className="kern-error" role="alert">
          <span className="kern-icon kern-icon--danger" aria-hidden="true" />
          <span className="kern-body">{t(`keys.problem.${general}`, { defaultValue: t('keys.problem.other') })}</span>
        </p>
      )}
    </Dialog>
  );
}
