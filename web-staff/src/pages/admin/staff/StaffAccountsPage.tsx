import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OfficeScope } from '../../../components/OfficeScope';
import { StatusRegion, useNotice } from '../../../components/StatusRegion';
import { TableScroll } from '../../../components/TableScroll';
import type { StaffAccountFieldsFragment } from '../../../gql/graphql';
import { formatDayTime } from '../../../lib/datetime';
import { ADMIN_BASE } from '../../../lib/paths';
import { useMe } from '../../../session/me';
import type { StaffOffice } from '../../../session/offices';
import { AdminPageFrame } from '../AdminPageFrame';
import { AccountDialog, type AccountDraft } from './AccountDialog';
import { ConfirmDialog, LinkDialog, type ShownLink } from './LinkDialog';
import {
  CreateStaffAccountMutation,
  DeactivateStaffAccountMutation,
  IssuePasswordLinkMutation,
  ReactivateStaffAccountMutation,
  StaffAccountsQuery,
  UpdateStaffAccountMutation,
} from './staff-documents';

type Account = StaffAccountFieldsFragment;
type Problems = { field: string; code: string }[];
type Open =
  | { kind: 'create' }
  | { kind: 'edit'; account: Account }
  | { kind: 'deactivate'; account: Account }
  | { kind: 'link'; link: ShownLink }
  | null;

/** /verwaltung/:office/mitarbeitende — the staff accounts of one office: list, create, edit, deactivate, links. */
export function StaffAccountsPage() {
  return <OfficeScope base={ADMIN_BASE}>{(office) => <StaffAccounts office={office} />}</OfficeScope>;
}

/** /verwaltung/mitarbeitende — every account, administrators included (ADMIN only). */
export function AllStaffAccountsPage() {
  return <StaffAccounts />;
}

/** Times are shown in the office's zone; all accounts together are shown in the zone of the German offices. */
const DEFAULT_TIME_ZONE = 'Europe/Berlin';

function StaffAccounts(props: { office?: StaffOffice }) {
  const { t, i18n } = useTranslation();
  const { office } = props;
  const timeZone = office?.timeZone ?? DEFAULT_TIME_ZONE;
  const me = useMe().data?.me;
  const isAdmin = !!me?.roles.includes('ADMIN');
  const { data, loading, error } = useQuery(StaffAccountsQuery, { variables: { officeId: office?.id ?? null } });
  // Awaited, as on the other admin pages: "create" is followed at once by "issue link", and a list re-read of the
  // first still under way must not land after the second's and show the new account without its open link.
  const refetch = { refetchQueries: [StaffAccountsQuery], awaitRefetchQueries: true };
  const [create] = useMutation(CreateStaffAccountMutation, refetch);
  const [update] = useMutation(UpdateStaffAccountMutation, refetch);
  const [deactivate] = useMutation(DeactivateStaffAccountMutation, refetch);
  const [reactivate] = useMutation(ReactivateStaffAccountMutation, refetch);
  const [issue] = useMutation(IssuePasswordLinkMutation, refetch);
  const [open, setOpen] = useState<Open>(null);
  const [problems, setProblems] = useState<Problems>([]);
  const [busy, setBusy] = useState(false);
  const { notice, show } = useNotice();
  const accounts = data?.staffAccounts ?? [];

  const close = () => {
    setOpen(null);
    setProblems([]);
  };
  /** Runs one change; false when it failed (the notice says why). */
  const run = async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    try {
      return await work();
    } catch {
      show({ tone: 'danger', text: t('staff.unexpected') });
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  const issueLink = async (account: Pick<Account, 'id' | 'displayName'>, created: boolean) => {
    const res = (await run(() => issue({ variables: { id: account.id } })))?.data?.issuePasswordLink;
    if (res?.__typename === 'PasswordLink')
      setOpen({ kind: 'link', link: { name: account.displayName, url: res.url, expiresAt: res.expiresAt, created } });
    else if (res) {
      setOpen(null);
      show({
        tone: 'danger',
        text: t(res.__typename === 'OfficeNotAllowed' ? 'staff.notAllowed' : 'staff.linkRefused'),
      });
    }
  };

  const save = async (draft: AccountDraft) => {
    if (open?.kind === 'create') {
      const res = (await run(() => create({ variables: { input: draft } })))?.data?.createStaffAccount;
      if (res?.__typename === 'StaffAccount') {
        setProblems([]);
        show({ tone: 'success', text: t('staff.created', { name: res.displayName }) });
        await issueLink(res, true);
      } else if (res?.__typename === 'InvalidInput') setProblems(res.fields);
      else if (res) show({ tone: 'danger', text: t('staff.notAllowed') });
    } else if (open?.kind === 'edit') {
      const { displayName, roles, officeIds } = draft;
      const res = (
        await run(() => update({ variables: { id: open.account.id, input: { displayName, roles, officeIds } } }))
      )?.data?.updateStaffAccount;
      if (res?.__typename === 'StaffAccount') {
        close();
        show({ tone: 'success', text: t('staff.saved', { name: res.displayName }) });
      } else if (res?.__typename === 'InvalidInput') setProblems(res.fields);
      else if (res) show({ tone: 'danger', text: t('staff.notAllowed') });
    }
  };

  const confirmDeactivate = async (account: Account) => {
    const res = (await run(() => deactivate({ variables: { id: account.id } })))?.data?.deactivateStaffAccount;
    close();
    if (res?.__typename === 'StaffAccount')
      show({ tone: 'success', text: t('staff.deactivated', { name: account.displayName }) });
    else if (res?.__typename === 'InvalidInput')
      show({ tone: 'danger', text: t(`staff.errors.id.${res.fields[0]?.code ?? 'other'}`, t('fieldCodes.other')) });
    else if (res) show({ tone: 'danger', text: t('staff.notAllowed') });
  };

  const doReactivate = async (account: Account) => {
    const res = (await run(() => reactivate({ variables: { id: account.id } })))?.data?.reactivateStaffAccount;
    if (res?.__typename === 'StaffAccount')
      show({ tone: 'success', text: t('staff.reactivated', { name: account.displayName }) });
    else if (res) show({ tone: 'danger', text: t('staff.notAllowed') });
  };

  const status = (a: Account) => {
    if (!a.active) return t('staff.status.inactive');
    if (a.passwordLinkExpiresAt)
      return t('staff.status.linkOpen', {
        until: formatDayTime(a.passwordLinkExpiresAt, timeZone, i18n.language),
      });
    return t('staff.status.active');
  };

  return (
    <AdminPageFrame
      title={office ? t('staff.title') : t('staff.allTitle')}
      office={office}
      headClassName="bc-stack"
      intro={t(office ? (isAdmin ? 'staff.introAdmin' : 'staff.introManager') : 'staff.introAll')}
      actions={
        <div>
          <button type="button" className="kern-btn kern-btn--primary" onClick={() => setOpen({ kind: 'create' })}>
            <span className="kern-label">{t('staff.create')}</span>
          </button>
        </div>
      }
    >
      <StatusRegion notice={notice} />
      <div className="bc-stack-sm">
        <h2 id="staff-list-heading" className="kern-heading-medium">
          {t('staff.listTitle')}
        </h2>
        {error && <p className="kern-body">{t('staff.loadFailed')}</p>}
        {!loading && !error && accounts.length === 0 && <p className="kern-body">{t('staff.empty')}</p>}
        {accounts.length > 0 && (
          <TableScroll labelledBy="staff-list-heading">
            <table className="kern-table kern-table--small" aria-labelledby="staff-list-heading">
              <thead className="kern-table__head">
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">
                    {t('staff.col.name')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('staff.col.roles')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('staff.col.offices')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('staff.col.status')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('staff.col.actions')}
                  </th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {accounts.map((a) => (
                  <tr key={a.id} className="kern-table__row">
                    <th scope="row" className="kern-table__cell">
                      {a.displayName}
                      <span className="bc-block kern-body--small">{a.username}</span>
                    </th>
                    <td className="kern-table__cell">{a.roles.map((r) => t(`roles.${r}`)).join(', ')}</td>
                    <td className="kern-table__cell">{a.offices.map((o) => o.name).join(', ')}</td>
                    <td className="kern-table__cell">{status(a)}</td>
                    <td className="kern-table__cell">
                      <div className="bc-actions">
                        <button
                          type="button"
                          className="kern-btn kern-btn--secondary kern-btn--small"
                          onClick={() => setOpen({ kind: 'edit', account: a })}
                        >
                          <span className="kern-label">{t('staff.edit')}</span>
                          <span className="kern-sr-only">: {a.displayName}</span>
                        </button>
                        {a.active ? (
                          <>
                            <button
                              type="button"
                              className="kern-btn kern-btn--secondary kern-btn--small"
                              disabled={busy}
                              onClick={() => void issueLink(a, false)}
                            >
                              <span className="kern-label">{t('staff.issueLink')}</span>
                              <span className="kern-sr-only">: {a.displayName}</span>
                            </button>
                            {a.id !== me?.id && (
                              <button
                                type="button"
                                className="kern-btn kern-btn--tertiary kern-btn--small"
                                onClick={() => setOpen({ kind: 'deactivate', account: a })}
                              >
                                <span className="kern-label">{t('staff.deactivate')}</span>
                                <span className="kern-sr-only">: {a.displayName}</span>
                              </button>
                            )}
                          </>
                        ) : (
                          <button
                            type="button"
                            className="kern-btn kern-btn--secondary kern-btn--small"
                            disabled={busy}
                            onClick={() => void doReactivate(a)}
                          >
                            <span className="kern-label">{t('staff.reactivate')}</span>
                            <span className="kern-sr-only">: {a.displayName}</span>
                          </button>
                        )}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </div>
      {(open?.kind === 'create' || open?.kind === 'edit') && (
        <AccountDialog
          mode={open.kind}
          account={open.kind === 'edit' ? open.account : undefined}
          defaultOfficeId={office?.id}
          offices={me?.offices ?? []}
          isAdmin={isAdmin}
          problems={problems}
          busy={busy}
          onSubmit={(draft) => void save(draft)}
          onClose={close}
        />
      )}
      {open?.kind === 'deactivate' && (
        <ConfirmDialog
          title={t('staff.deactivateTitle', { name: open.account.displayName })}
          text={t('staff.deactivateText')}
          submitLabel={t('staff.deactivate')}
          busy={busy}
          onSubmit={() => void confirmDeactivate(open.account)}
          onClose={close}
        />
      )}
      {open?.kind === 'link' && <LinkDialog link={open.link} timeZone={timeZone} onClose={close} />}
    </AdminPageFrame>
  );
}
