import { useMutation } from '@apollo/client/react';
import { usePageTitle } from '@bc/schema';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import { TextInput, useProblemText } from './admin/staff/AccountDialog';
import { lockedMinutes, NewPasswordInputs, newPasswordErrors } from './NewPasswordInputs';

const ChangeOwnPasswordMutation = graphql(`
  mutation ChangeOwnPassword($currentPassword: String!, $newPassword: String!) {
    changeOwnPassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      __typename
      ...InvalidInputFields
      ... on TooManyAttempts {
        retryAfterSeconds
      }
    }
  }
`);

type Errors = { current?: string; next?: string; repeat?: string };
type Notice = { kind: 'done' } | { kind: 'locked'; minutes: number } | { kind: 'unexpected' };

/** /konto/passwort — the signed-in staff member changes their own password; other sessions end, this one stays. */
export function OwnPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('ownPassword.title'));
  const text = useProblemText();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [notice, setNotice] = useState<Notice>();
  const [changePassword, { loading }] = useMutation(ChangeOwnPasswordMutation);
  const refs = {
    current: useRef<HTMLInputElement>(null),
    next: useRef<HTMLInputElement>(null),
    repeat: useRef<HTMLInputElement>(null),
  };
  const noticeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  /** Shows the errors and moves focus to the first field with one. */
  const showErrors = (found: Errors) => {
    setErrors(found);
    const first = (['current', 'next', 'repeat'] as const).find((f) => found[f]);
    if (first) refs[first].current?.focus();
    return first !== undefined;
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading) return;
    setNotice(undefined);
    const checked = newPasswordErrors(t, next, repeat);
    const local: Errors = {
      current: current === '' ? t('ownPassword.currentRequired') : undefined,
      next: checked.password,
      repeat: checked.repeat,
    };
    if (showErrors(local)) return;
    try {
      const { data } = await changePassword({ variables: { currentPassword: current, newPassword: next } });
      const r = data?.changeOwnPassword;
      switch (r?.__typename) {
        case 'PasswordSet':
          setCurrent('');
          setNext('');
          setRepeat('');
          setErrors({});
          setNotice({ kind: 'done' });
          return;
        case 'InvalidInput': {
          const of = (field: string) => {
            const p = r.fields.find((f) => f.field === field);
            return p ? text(field, p.code) : undefined;
          };
          showErrors({ current: of('currentPassword'), next: of('newPassword') });
          return;
        }
        case 'TooManyAttempts':
          setNotice({ kind: 'locked', minutes: lockedMinutes(r.retryAfterSeconds) });
          return;
        default:
          setNotice({ kind: 'unexpected' });
      }
    } catch {
      setNotice({ kind: 'unexpected' });
    }
  };

  return (
    <div className="bc-stack">
      <h1 className="kern-heading-large">{t('ownPassword.title')}</h1>
      <p className="kern-body">{t('ownPassword.intro')}</p>
      {notice && (
        <div
          ref={noticeRef}
          tabIndex={-1}
          className={`kern-alert ${notice.kind === 'done' ? 'kern-alert--success' : 'kern-alert--danger'}`}
          role={notice.kind === 'done' ? 'status' : 'alert'}
        >
          <div className="kern-alert__header">
            <span
              className={`kern-icon ${notice.kind === 'done' ? 'kern-icon--success' : 'kern-icon--danger'}`}
              aria-hidden="true"
            />
            <p className="kern-title">
              {notice.kind === 'done'
                ? t('ownPassword.done')
                : notice.kind === 'locked'
                  ? t('setPassword.locked', { count: notice.minutes })
                  : t('setPassword.unexpected')}
            </p>
          </div>
        </div>
      )}
      <form className="bc-login-form" noValidate onSubmit={(e) => void onSubmit(e)}>
        <TextInput
          id="current-password"
          type="password"
          label={t('ownPassword.current')}
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
          error={errors.current}
          inputRef={refs.current}
        />
        <NewPasswordInputs
          password={next}
          onPassword={setNext}
          passwordError={errors.next}
          passwordRef={refs.next}
          repeat={repeat}
          onRepeat={setRepeat}
          repeatError={errors.repeat}
          repeatRef={refs.repeat}
        />
        <div>
          <button type="submit" className="kern-btn kern-btn--primary" disabled={loading}>
            <span className="kern-label">{t('ownPassword.submit')}</span>
          </button>
        </div>
      </form>
    </div>
  );
}
