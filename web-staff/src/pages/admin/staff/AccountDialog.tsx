import { describedBy, FieldError } from '@bc/schema';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/Dialog';
import type { Role, StaffAccountFieldsFragment } from '../../../gql/graphql';

export type AccountDraft = { username: string; displayName: string; roles: Role[]; officeIds: string[] };

const STAFF_ROLES: readonly Role[] = ['CLERK', 'INFO_DESK', 'OFFICE_MANAGER', 'ADMIN'];

/** The German (or English) text of a field problem: specific to the field where known, else by code. */
export function useProblemText() {
  const { t } = useTranslation();
  return (field: string, code: string) =>
    t([`staff.errors.${field}.${code}`, `staff.errors.any.${code}`, `fieldCodes.${code}`, 'fieldCodes.other']);
}

/** Creates or edits an account: name, (username when new), roles and offices; errors are tied to their fields. */
export function AccountDialog(props: {
  mode: 'create' | 'edit';
  account?: StaffAccountFieldsFragment;
  /** Preselected for a new account (none on the page of all accounts). */
  defaultOfficeId?: string;
  offices: readonly { id: string; name: string }[];
  isAdmin: boolean;
  problems: { field: string; code: string }[];
  busy: boolean;
  onSubmit: (draft: AccountDraft) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const text = useProblemText();
  const a = props.account;
  const [username, setUsername] = useState(a?.username ?? '');
  const [displayName, setDisplayName] = useState(a?.displayName ?? '');
  const [roles, setRoles] = useState<Role[]>(a?.roles ?? ['CLERK']);
  const [officeIds, setOfficeIds] = useState<string[]>(
    a?.offices.map((o) => o.id) ?? (props.defaultOfficeId ? [props.defaultOfficeId] : []),
  );
  // Problems are reported per field; "roles.1" and "officeIds.0" belong to the group.
  const problemOf = (field: string) => {
    const p = props.problems.find((x) => x.field === field || x.field.startsWith(`${field}.`));
    return p ? text(field, p.code) : undefined;
  };
  const errors = {
    username: problemOf('username'),
    displayName: problemOf('displayName'),
    roles: problemOf('roles'),
    officeIds: problemOf('officeIds'),
  };
  // After a refused submit, the first field in error takes the focus (its error is read with it).
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (props.problems.length > 0) body.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [props.problems]);
  const grantable = STAFF_ROLES.filter((r) => r !== 'ADMIN' || props.isAdmin || roles.includes('ADMIN'));
  const toggle = <T,>(list: T[], value: T, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));

  return (
    <Dialog
      title={props.mode === 'create' ? t('staff.createTitle') : t('staff.editTitle', { name: a?.displayName })}
      description={props.mode === 'create' ? t('staff.createIntro') : undefined}
      submitLabel={props.mode === 'create' ? t('staff.createSubmit') : t('staff.save')}
      busy={props.busy}
      onSubmit={() => props.onSubmit({ username, displayName, roles, officeIds })}
      onClose={props.onClose}
    >
      <div className="bc-stack" ref={body}>
        <TextInput
          id="staff-display-name"
          label={t('staff.field.displayName')}
          value={displayName}
          onChange={setDisplayName}
          error={errors.displayName}
          autoComplete="off"
        />
        {props.mode === 'create' ? (
          <TextInput
            id="staff-username"
            label={t('staff.field.username')}
            hint={t('staff.field.usernameHint')}
            value={username}
            onChange={setUsername}
            error={errors.username}
            autoComplete="off"
          />
        ) : (
          <p className="kern-body">
            {t('staff.field.username')}: {a?.username}
          </p>
        )}
        <fieldset
          className={`kern-fieldset${errors.roles ? ' kern-fieldset--error' : ''}`}
          aria-describedby={describedBy(errors.roles && 'staff-roles-error')}
        >
          <legend className="kern-label">{t('staff.field.roles')}</legend>
          {errors.roles && <FieldError id="staff-roles-error" text={errors.roles} />}
          <div className="kern-fieldset__body">
            {grantable.map((r) => (
              <div key={r} className="kern-form-check">
                <input
                  type="checkbox"
                  id={`staff-role-${r}`}
                  className="kern-form-check__checkbox"
                  checked={roles.includes(r)}
                  aria-invalid={errors.roles ? true : undefined}
                  onChange={(e) => setRoles((list) => toggle(list, r, e.target.checked))}
                />
                <label className="kern-label" htmlFor={`staff-role-${r}`}>
                  {t(`roles.${r}`)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <fieldset
          className={`kern-fieldset${errors.officeIds ? ' kern-fieldset--error' : ''}`}
          aria-describedby={describedBy(errors.officeIds && 'staff-offices-error')}
        >
          <legend className="kern-label">{t('staff.field.offices')}</legend>
          {errors.officeIds && <FieldError id="staff-offices-error" text={errors.officeIds} />}
          <div className="kern-fieldset__body">
            {props.offices.map((o) => (
              <div key={o.id} className="kern-form-check">
                <input
                  type="checkbox"
                  id={`staff-office-${o.id}`}
                  className="kern-form-check__checkbox"
                  checked={officeIds.includes(o.id)}
                  aria-invalid={errors.officeIds ? true : undefined}
                  onChange={(e) => setOfficeIds((list) => toggle(list, o.id, e.target.checked))}
                />
                <label className="kern-label" htmlFor={`staff-office-${o.id}`}>
                  {o.name}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
    </Dialog>
  );
}

export function TextInput(props: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  type?: 'text' | 'password';
  autoComplete: string;
  inputRef?: React.Ref<HTMLInputElement>;
}) {
  const invalid = props.error !== undefined;
  const hintId = `${props.id}-hint`;
  const errorId = `${props.id}-error`;
  return (
    <div className={`kern-form-input${invalid ? ' kern-form-input--error' : ''}`}>
      <label className="kern-label" htmlFor={props.id}>
        {props.label}
      </label>
      {props.hint && (
        <p className="kern-hint" id={hintId}>
          {props.hint}
        </p>
      )}
      <input
        ref={props.inputRef}
        id={props.id}
        name={props.id}
        type={props.type ?? 'text'}
        className={`kern-form-input__input${invalid ? ' kern-form-input__input--error' : ''}`}
        autoComplete={props.autoComplete}
        autoCapitalize="none"
        spellCheck={false}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(props.hint && hintId, invalid && errorId)}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {invalid && <FieldError id={errorId} text={props.error as string} />}
    </div>
  );
}
